"""Start-up on a Linux desktop that lacks Qt's xcb libraries: one apt-get line, not Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlsim import xcb_check

# What ldd printed for PySide6's libqxcb.so on the fresh desktop of issue 11.
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd5a7e2000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f2b1c9e0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f2b1c9b0000)
"""


def test_the_sonames_become_debian_packages() -> None:
    assert xcb_check.package_for("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert xcb_check.package_for("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert xcb_check.package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert xcb_check.package_for("libX11-xcb.so.1") == "libx11-xcb1"
    assert xcb_check.package_for("libglib-2.0.so.0") == "libglib2.0-0"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"XDG_SESSION_TYPE": "wayland"}, False),
        ({"XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"XDG_SESSION_TYPE": "x11"}, True),
    ],
)
def test_only_an_x11_start_is_checked(env: dict[str, str], expected: bool) -> None:
    assert xcb_check.uses_xcb(env) is (expected and sys.platform.startswith("linux"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")
def test_dlsim_names_the_missing_libraries_and_the_apt_line(tmp_path: Path) -> None:
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"
    ldd.write_text(f"#!/bin/sh\ncat <<'EOF'\n{LDD_OUTPUT}EOF\n")
    ldd.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    env["PATH"] = f"{fake_bin}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(
        [sys.executable, "-m", "dlsim"], capture_output=True, text=True, timeout=60, env=env
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "xcb-cursor0 is needed" not in proc.stderr
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == (
        "  sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )
    check = subprocess.run(
        [sys.executable, "-m", "dlsim.xcb_check"], capture_output=True, text=True, env=env
    )
    assert check.returncode == 1 and check.stderr == proc.stderr
