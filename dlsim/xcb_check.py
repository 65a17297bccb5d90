"""Before Qt starts on X11: are the system libraries of Qt's xcb plugin there?

A fresh Linux desktop may lack some; Qt then aborts with a misleading "xcb-cursor0 is needed"
whichever is missing. `ldd` on PySide6's xcb plugin names the real ones, and this module turns
them into the one `apt-get install` line that fixes it. Pure Python: runs before Qt is imported.
`python -m dlsim.xcb_check` prints the verdict.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian/Ubuntu package names that the soname rule below gets wrong.
PACKAGES = {"libglib-2.0.so.0": "libglib2.0-0"}
NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """True when Qt will pick its xcb (X11) plugin: Linux, no other platform asked for, and not a
    Wayland session (Qt starts its Wayland plugin there)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    if env.get("QT_QPA_PLATFORM"):
        return env["QT_QPA_PLATFORM"].startswith("xcb")
    return env.get("XDG_SESSION_TYPE") != "wayland"


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries() -> list[str]:
    """The sonames ldd cannot find for the xcb plugin (empty when all are there, or when there
    is no ldd or no plugin to ask about)."""
    plugin, ldd = xcb_plugin(), shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    try:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(NOT_FOUND.findall(out.stdout)))


def package_for(soname: str) -> str:
    """The Debian package of a library: libfoo.so.N → libfooN, libfoo2.so.N → libfoo2-N."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    name, _, version = soname.partition(".so.")
    name = name.lower()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def advice(missing: list[str]) -> str:
    packages = " ".join(sorted({package_for(s) for s in missing}))
    return (
        f"dlsim: Qt's X11 plugin needs system libraries that are missing ({', '.join(missing)}).\n"
        f"Install them with:\n  sudo apt-get install {packages}"
    )


def check() -> str | None:
    """The advice to print when Qt would fail to start on X11, else None."""
    if not uses_xcb():
        return None
    missing = missing_libraries()
    return advice(missing) if missing else None


def main() -> int:
    message = check()
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
