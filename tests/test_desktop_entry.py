"""`dlsim --install-desktop-entry` / `--uninstall-desktop-entry`: the round trip under a
temporary XDG_DATA_HOME (or HOME when it is unset), run as a user would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlsim import desktop_entry, resources

SIZES = resources.ICON_SIZES


def dlsim(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dlsim", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=env["HOME"],
    )


def user_env(tmp_path: Path, xdg: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(tmp_path / "home")
    Path(env["HOME"]).mkdir()
    if xdg:
        env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    return env


def read_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


@pytest.mark.parametrize("xdg", [True, False], ids=["XDG_DATA_HOME", "HOME"])
def test_install_then_uninstall_desktop_entry(tmp_path: Path, xdg: bool) -> None:
    env = user_env(tmp_path, xdg)
    home = Path(env["XDG_DATA_HOME"]) if xdg else Path(env["HOME"]) / ".local" / "share"
    proc = dlsim("--install-desktop-entry", env=env)
    assert proc.returncode == 0, proc.stderr
    assert str(home) in proc.stdout

    entry = read_entry(home / "applications" / "dlsim.desktop")
    assert entry["Type"] == "Application" and entry["Name"] == "dlsim"
    assert entry["Icon"] == "dlsim" and entry["MimeType"] == "application/x-dlsim;"
    command = shlex.split(entry["Exec"])
    assert command[-1] == "%f"
    version = subprocess.run(
        [*command[:-1], "--version"], capture_output=True, text=True, timeout=120, env=env
    )
    assert version.stdout.strip().startswith("dlsim "), version.stderr

    hicolor = home / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "dlsim.svg").read_bytes() == (
        resources.icon_path().read_bytes()
    )
    for size in SIZES:
        png = (hicolor / f"{size}x{size}" / "apps" / "dlsim.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == size  # IHDR width
    mime_xml = (home / "mime" / "packages" / "dlsim.xml").read_text()
    assert 'type="application/x-dlsim"' in mime_xml and 'pattern="*.dlsim"' in mime_xml
    if shutil.which("update-mime-database"):
        assert "application/x-dlsim:*.dlsim" in (home / "mime" / "globs2").read_text()

    proc = dlsim("--uninstall-desktop-entry", env=env)
    assert proc.returncode == 0, proc.stderr
    left = [p for p in home.rglob("*") if p.is_file()]
    assert not [p for p in left if "dlsim" in p.name]
    assert not [p for p in left if "dlsim" in p.read_bytes().decode("latin-1")]
    if xdg:
        assert not (Path(env["HOME"]) / ".local").exists()


def test_the_exec_line_quotes_what_the_spec_reserves() -> None:
    text = desktop_entry.desktop_entry_text(desktop_entry._exec_quote("/home/a b/$x/dlsim"))
    assert 'Exec="/home/a b/\\$x/dlsim" %f' in text.splitlines()
