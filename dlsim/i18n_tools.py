"""Keep the translations in dlsim/i18n current: `python -m dlsim.i18n_tools update|release|check`.

    update [ui|engine]   pyside6-lupdate: new source strings into the .ts files (vanished ones
                         dropped; no line numbers, so an edit elsewhere in a file changes nothing)
    release              pyside6-lrelease: every .ts → its .qm (committed, shipped in the wheel)
    check                exit 1 naming each problem: unfinished or vanished entries in a .ts, a
                         .qm that is not what lrelease makes of its .ts, or (--sources) a .ts
                         that misses strings of the current sources

Two parts, two owners: `ui` holds dlsim/ui and the top-level dlsim/*.py modules, `engine` holds
dlsim/engine and dlsim/export (texts marked through dlsim/engine/text.py).
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
I18N = PACKAGE / "i18n"
LANGUAGES = ("ko",)
PARTS = ("ui", "engine")


def sources(part: str) -> list[Path]:
    """The Python files whose strings go into `part`'s .ts."""
    if part == "ui":
        files = sorted(PACKAGE.glob("*.py")) + sorted((PACKAGE / "ui").rglob("*.py"))
    else:
        files = sorted((PACKAGE / "engine").rglob("*.py")) + sorted(
            (PACKAGE / "export").rglob("*.py")
        )
    return [f for f in files if f.name != "i18n_tools.py"]


def ts_path(part: str, language: str) -> Path:
    return I18N / f"{part}_{language}.ts"


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.is_file() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"dlsim.i18n_tools: pyside6-{name} not found (pip install PySide6)")
    return found


def lupdate(part: str, ts: Path) -> None:
    """Merge the strings of `part`'s sources into `ts` (created when missing)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    args = [_tool("lupdate"), *map(str, sources(part)), "-locations", "none", "-no-obsolete"]
    args += ["-source-language", "en", "-target-language", ts.stem.rpartition("_")[2]]
    subprocess.run([*args, "-ts", str(ts)], check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True
    )


def unfinished(ts: Path) -> list[str]:
    """Source texts of entries without a finished translation (unfinished, vanished, obsolete)."""
    text = ts.read_text(encoding="utf-8")
    problems = []
    for message in re.findall(r"<message.*?</message>", text, flags=re.S):
        if re.search(r'<translation[^>]*type="(unfinished|vanished|obsolete)"', message):
            source = re.search(r"<source>(.*?)</source>", message, flags=re.S)
            problems.append(source.group(1) if source else message)
    return problems


def check(with_sources: bool = False) -> list[str]:
    """Every problem of the committed translations, one sentence each."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(I18N.glob("*.ts")):
            for source in unfinished(ts):
                problems.append(f"{ts.name}: not translated: {source!r}")
            qm = ts.with_suffix(".qm")
            fresh = Path(tmp) / qm.name
            lrelease(ts, fresh)
            if not qm.is_file() or not filecmp.cmp(qm, fresh, shallow=False):
                problems.append(f"{qm.name} is not the release of {ts.name} (run release)")
            part = ts.stem.rpartition("_")[0]
            if with_sources and part in PARTS:
                copy = Path(tmp) / ts.name
                shutil.copy2(ts, copy)
                lupdate(part, copy)
                if copy.read_bytes() != ts.read_bytes():
                    problems.append(f"{ts.name} misses strings of the sources (run update)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dlsim.i18n_tools")
    parser.add_argument("command", choices=("update", "release", "check"))
    parser.add_argument("parts", nargs="*", help="ui and/or engine (default: both)")
    parser.add_argument("--sources", action="store_true", help="check: also against the sources")
    args = parser.parse_args(argv)
    parts = args.parts or list(PARTS)
    if unknown := [p for p in parts if p not in PARTS]:
        parser.error(f"unknown part {unknown[0]!r} (parts: ui, engine)")
    if args.command == "update":
        for part in parts:
            for language in LANGUAGES:
                lupdate(part, ts_path(part, language))
                print(
                    f"{ts_path(part, language).name}: {len(unfinished(ts_path(part, language)))}"
                    " unfinished"
                )
        return 0
    if args.command == "release":
        for ts in sorted(I18N.glob("*.ts")):
            lrelease(ts, ts.with_suffix(".qm"))
            print(f"{ts.with_suffix('.qm').name} written")
        return 0
    problems = check(args.sources)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
