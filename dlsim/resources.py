"""Where the files dlsim ships live: examples, lesson texts, data sets and icons.

They are package data under `dlsim/assets/`, found with `importlib.resources`, so a wheel, an
sdist install and an editable checkout all find the same files. This is the one module that knows
the layout; pure Python (the engine may import it), no Qt.

    assets/examples/<name>.dlsim       the Examples menu and `dlsim run <name>`
    assets/lessons/<name>.md           an example's lesson text
    assets/lessons/<lang>/<name>.md    its translation (e.g. lessons/ko/), when there is one
    assets/datasets/<file>             bundled data sets (iris.csv)
    assets/icons/dlsim.svg, dlsim-<N>.png   the application icon and its rendered sizes
    i18n/<part>_<lang>.qm              compiled translations (ui_ko.qm, engine_ko.qm)

The user guide (docs/ in the repository) is not package data: a wheel installs a copy under
<prefix>/share/doc/dlsim, and a source checkout reads docs/ itself (`user_guide_path`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sysconfig
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

EXAMPLE_SUFFIX = ".dlsim"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


@cache
def assets_dir() -> Path:
    """The folder holding the shipped files, as a real path on disk.

    Installed packages are plain folders, so this is the package's own `assets` folder; a package
    imported from a zip file is extracted once for the life of the process.
    """
    root = files("dlsim").joinpath("assets")
    if isinstance(root, Path):
        return root
    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return stack.enter_context(as_file(root))


def examples_dir() -> Path:
    return assets_dir() / "examples"


def example_names() -> list[str]:
    """The shipped examples' names (file stems), sorted."""
    return sorted(p.stem for p in examples_dir().glob(f"*{EXAMPLE_SUFFIX}"))


def is_example_name(text: str) -> bool:
    """True when `text` names a shipped example (a bare name, not a path)."""
    return _plain_name(text) and (examples_dir() / f"{text}{EXAMPLE_SUFFIX}").is_file()


def example_path(name: str) -> Path:
    """The file of the example called `name` (e.g. "xor_learn"); DlsimError for an unknown one."""
    if is_example_name(name):
        return examples_dir() / f"{name}{EXAMPLE_SUFFIX}"
    from dlsim.engine.errors import DlsimError  # here, so that the engine can import this module

    raise DlsimError(f"there is no example '{name}' (examples: {', '.join(example_names())})")


def lessons_dir() -> Path:
    return assets_dir() / "lessons"


def lesson_path(name: str, language: str | None = None) -> Path | None:
    """The lesson text of example `name`, in `language` (e.g. "ko") when it has been translated,
    otherwise the English original; None when the example has no lesson."""
    if not _plain_name(name):
        return None
    candidates = [lessons_dir() / f"{name}.md"]
    if language and _plain_name(language):
        candidates.insert(0, lessons_dir() / language / f"{name}.md")
    return next((p for p in candidates if p.is_file()), None)


def translations_dir() -> Path:
    """dlsim/i18n: the translation sources (.ts) and their compiled form (.qm)."""
    return assets_dir().parent / "i18n"


def translation_files(language: str) -> list[Path]:
    """Every compiled translation into `language` (e.g. ui_ko.qm, engine_ko.qm), sorted."""
    if not _plain_name(language):
        return []
    return sorted(translations_dir().glob(f"*_{language}.qm"))


def dataset_path(file_name: str) -> Path:
    """A bundled data set file (e.g. "iris.csv")."""
    return assets_dir() / "datasets" / file_name


def icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG source, or the PNG rendered at `size` pixels."""
    icons = assets_dir() / "icons"
    return icons / "dlsim.svg" if size is None else icons / f"dlsim-{size}.png"


def user_guide_path() -> Path | None:
    """docs/user-guide.md of this dlsim: the checkout's own, else the copy the wheel installed
    (a pipx or venv prefix, or a --user install); None when neither is there."""
    package = Path(__file__).resolve().parent
    checkout = package.parent
    candidates = [checkout / "docs"] if (checkout / "pyproject.toml").is_file() else []
    for scheme in (sysconfig.get_default_scheme(), f"{os.name}_user"):
        candidates.append(Path(sysconfig.get_path("data", scheme)) / "share" / "doc" / "dlsim")
    return next((d / "user-guide.md" for d in candidates if (d / "user-guide.md").is_file()), None)


def _plain_name(text: str) -> bool:
    return bool(text) and Path(text).name == text and text not in (".", "..")
