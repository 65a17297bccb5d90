"""The package a learner installs works anywhere: an sdist built from the repository's files,
a wheel built from that sdist, installed into a fresh virtual environment, run from elsewhere.

Speed: the fresh environment (made without pip; the test environment's pip installs into it) gets
only setuptools (to build) and the dlsim wheel (--no-deps). Its dependencies (NumPy, PySide6,
pyqtgraph) are borrowed from the test environment with a .pth line, which only appends a folder
to sys.path (that folder's own .pth files, among them the editable install's finder, are not run),
so `import dlsim` can only find the wheel's copy; the test checks that dlsim and every file it
reads come from the fresh environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from dlsim import resources

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 300


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert proc.returncode == 0, f"{args}: {proc.stdout}\n{proc.stderr}"
    return proc.stdout


def build(python: Path, hook: str, out: Path, cwd: Path) -> Path:
    """Call setuptools' PEP 517 hook (what pip and `python -m build` call) in `cwd`."""
    code = f"import sys; from setuptools import build_meta as b; print(b.{hook}(sys.argv[1]))"
    return out / run(python, "-c", code, out, cwd=cwd).strip().splitlines()[-1]


def repository_files() -> list[str]:
    """What a clean clone holds: the tracked files plus new ones not ignored (work in progress)."""
    out = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    return [name for name in out.split("\0") if name and (ROOT / name).is_file()]


def shipped_files() -> set[str]:
    """Every file under dlsim/assets, as package paths (dlsim/assets/...)."""
    root = resources.assets_dir()
    return {
        f"dlsim/assets/{p.relative_to(root).as_posix()}" for p in root.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the sdist and the wheel from it, install the wheel into a fresh venv."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the wheel test builds from the repository's files and needs git")
    top = tmp_path_factory.mktemp("wheel")
    src = top / "src"
    for name in repository_files():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    venv = top / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=top)
    python = venv / "bin" / "python"
    pip = (sys.executable, "-m", "pip", "--python", python, "install", "-q")
    run(*pip, "setuptools>=68", "wheel", cwd=top)
    sdist = build(python, "build_sdist", top / "dist", cwd=src)
    with tarfile.open(sdist) as tar:
        tar.extractall(top / "unpacked", filter="data")
    (unpacked,) = (top / "unpacked").iterdir()
    wheel = build(python, "build_wheel", top / "dist", cwd=unpacked)
    run(*pip, "--no-deps", wheel, cwd=top)
    site = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=top).strip()
    )
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "zz_borrowed_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    here = top / "elsewhere"
    here.mkdir()
    return {"sdist": sdist, "wheel": wheel, "venv": venv, "site": site, "cwd": here}


def user_env(installed: dict[str, Path], **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "XDG_DATA_HOME")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(installed["cwd"]),
        XDG_CONFIG_HOME=str(installed["cwd"] / "config"),
        PATH=f"{installed['venv'] / 'bin'}{os.pathsep}{env.get('PATH', '')}",
    )
    env.update(extra)
    return env


def dlsim(installed: dict[str, Path], *args: str | Path, **extra: str) -> str:
    return run(
        installed["venv"] / "bin" / "dlsim",
        *args,
        cwd=installed["cwd"],
        env=user_env(installed, **extra),
    )


def test_the_sdist_and_the_wheel_hold_every_shipped_file(installed: dict[str, Path]) -> None:
    assets = shipped_files()
    assert len(assets) >= 30 and "dlsim/assets/examples/xor_learn.dlsim" in assets
    with tarfile.open(installed["sdist"]) as tar:
        in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert assets <= in_sdist
    assert {"docs/user-guide.md", "docs/images/main_window.png"} <= in_sdist
    with zipfile.ZipFile(installed["wheel"]) as whl:
        in_wheel = set(whl.namelist())
    assert assets <= in_wheel
    assert {"dlsim/i18n/ui_ko.qm", "dlsim/i18n/ui_ko.ts"} <= in_wheel
    assert any(n.endswith(".data/data/share/doc/dlsim/user-guide.md") for n in in_wheel)


def test_dlsim_and_its_files_come_from_the_fresh_environment(installed: dict[str, Path]) -> None:
    code = (
        "import json, dlsim; from dlsim import resources as r; print(json.dumps([dlsim.__file__,"
        " str(r.assets_dir()), str(r.user_guide_path()), r.example_names()]))"
    )
    out = run(
        installed["venv"] / "bin" / "python",
        "-c",
        code,
        cwd=installed["cwd"],
        env=user_env(installed),
    )
    module, assets, guide, names = json.loads(out)
    assert Path(module).is_relative_to(installed["site"])
    assert Path(assets).is_relative_to(installed["site"])
    assert Path(guide).is_relative_to(installed["venv"]) and Path(guide).is_file()
    assert names == resources.example_names()


def test_examples_are_listed_from_any_folder(installed: dict[str, Path]) -> None:
    out = dlsim(installed, "examples")
    assert sorted(line.split()[0] for line in out.strip().splitlines()) == resources.example_names()


def test_iris_trains_by_name_with_the_source_checkouts_numbers(installed: dict[str, Path]) -> None:
    out = json.loads(dlsim(installed, "run", "iris_keras", "--steps", "1", "--json"))
    source = run(
        sys.executable,
        "-m",
        "dlsim",
        "run",
        resources.example_path("iris_keras"),
        "--steps",
        "1",
        "--json",
        cwd=ROOT,
    )
    assert out == json.loads(source)
    assert out["history"][0]["loss"] > 0


def test_a_screenshot_of_the_default_example(installed: dict[str, Path]) -> None:
    from PySide6.QtGui import QImage

    out = installed["cwd"] / "out.png"
    dlsim(installed, "--screenshot", "out.png")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert out.stat().st_size > 10_000


def test_the_desktop_entry_round_trip_from_the_wheel(installed: dict[str, Path]) -> None:
    data = installed["cwd"] / "xdg-data"
    dlsim(installed, "--install-desktop-entry", XDG_DATA_HOME=str(data))
    entry = (data / "applications" / "dlsim.desktop").read_text()
    assert f"Exec={installed['venv'] / 'bin' / 'dlsim'} %f" in entry.splitlines()
    for size in resources.ICON_SIZES:
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "dlsim.png"
        assert icon.read_bytes() == resources.icon_path(size).read_bytes()
    dlsim(installed, "--uninstall-desktop-entry", XDG_DATA_HOME=str(data))
    assert not [p for p in data.rglob("*dlsim*") if p.is_file()]
