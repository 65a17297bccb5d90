"""Put dlsim in the desktop's application menu, the freedesktop way, for the current user.

`dlsim --install-desktop-entry` writes, under $XDG_DATA_HOME (default ~/.local/share):
applications/dlsim.desktop, the icon in the hicolor theme, and a MIME type for .dlsim files
(mime/packages/dlsim.xml) so that a double-click opens them in dlsim. The desktop's caches are
refreshed with update-mime-database and update-desktop-database (and an existing icon cache with
gtk-update-icon-cache) when they are installed; none of them is required.
`--uninstall-desktop-entry` removes exactly these files. Pure Python: no Qt, no display needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from dlsim import resources

APP_ID = "dlsim"
MIME_TYPE = "application/x-dlsim"
MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>dlsim network diagram</comment>
    <icon name="{APP_ID}"/>
    <glob pattern="*.dlsim"/>
  </mime-type>
</mime-info>
"""


def data_home() -> Path:
    """$XDG_DATA_HOME when it is set to an absolute path, else ~/.local/share (the spec's rule)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def entry_files(home: Path) -> dict[Path, Path | None]:
    """Every file the entry consists of → the shipped file it copies (None: generated text)."""
    hicolor = home / "icons" / "hicolor"
    files: dict[Path, Path | None] = {
        home / "applications" / f"{APP_ID}.desktop": None,
        home / "mime" / "packages" / f"{APP_ID}.xml": None,
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg": resources.icon_path(),
    }
    for size in resources.ICON_SIZES:
        files[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = resources.icon_path(size)
    return files


def launch_command() -> str:
    """How the desktop should start this dlsim: the `dlsim` script that is running (pipx's or a
    venv's), else this interpreter with `-m dlsim`; quoted for an Exec line."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == APP_ID and os.access(script, os.X_OK):
        return _exec_quote(str(script.absolute()))
    beside = Path(sys.executable).parent / APP_ID
    if os.access(beside, os.X_OK):
        return _exec_quote(str(beside))
    return f"{_exec_quote(sys.executable)} -m dlsim"


def desktop_entry_text(command: str) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=dlsim",
            "GenericName=Deep-learning simulator",
            "Comment=Build a neural network as a diagram, train it and watch it learn",
            f"Exec={command} %f",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Education;Science;ArtificialIntelligence;",
            f"MimeType={MIME_TYPE};",
            "Keywords=neural network;deep learning;backpropagation;perceptron;",
            f"StartupWMClass={APP_ID}",
            "",
        ]
    )


def install(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the desktop entry, icons and MIME type; returns the files written."""
    home = data_home() if home is None else home
    texts = {".desktop": desktop_entry_text(command or launch_command()), ".xml": MIME_XML}
    written = []
    for target, source in entry_files(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(texts[target.suffix], encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what `install` wrote (nothing else); returns the files removed."""
    home = data_home() if home is None else home
    removed = []
    for target in entry_files(home):
        if target.is_file():
            target.unlink()
            removed.append(target)
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Tell the desktop about the change when its tools are installed; never required."""
    hicolor = home / "icons" / "hicolor"
    jobs = [
        (["update-mime-database"], home / "mime"),
        (["update-desktop-database"], home / "applications"),
        # only keep an existing icon cache fresh: a cache nobody else updates would hide icons
        (["gtk-update-icon-cache", "-f", "-t", "-q"], hicolor),
    ]
    for (tool, *options), folder in jobs:
        exe = shutil.which(tool)
        if tool == "gtk-update-icon-cache" and not (hicolor / "icon-theme.cache").is_file():
            continue
        if exe is not None and folder.is_dir():
            subprocess.run(
                [exe, *options, str(folder)], capture_output=True, check=False, timeout=60
            )


def _exec_quote(arg: str) -> str:
    """One Exec= argument per the Desktop Entry spec: quoted when it has reserved characters
    (inside quotes `"`, backquote, `$` and backslash are escaped, and a backslash twice more
    because the value is a string first)."""
    arg = arg.replace("%", "%%")
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" * 4 if c == "\\" else "\\" + c if c in '"`$' else c for c in arg)
    return f'"{escaped}"'
