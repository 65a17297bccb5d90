"""Corrupt or unreadable remembered settings are ignored with a one-line note, never a broken
window: the window opens with the default layout, every panel usable, recent files empty."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings

from dlsim.ui.app import start_window
from dlsim.ui.dock_layout import app_settings
from dlsim.ui.settings_check import LAYOUT_NOTE, RECENT_NOTE, recent_paths


@pytest.fixture
def windows():
    opened = []
    yield opened
    for window in opened:  # no training process or timer outlives the test
        window.workbench.controller.shutdown()
        window.autosaver.timer.stop()


def _open(qtbot, windows):
    window = start_window(["--example", "xor_learn"])
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    windows.append(window)
    return window


def _assert_usable(window) -> None:
    assert window.isVisible()
    assert window.dock("inspector").isVisibleTo(window) or window.dock("inspector").isFloating()
    assert len(window.document.graph.nodes) == 3  # xor_learn opened


def test_a_damaged_layout_is_ignored_with_a_note(qtbot, windows):
    settings = app_settings()
    settings.setValue("window/geometry", b"\x00garbage")
    settings.setValue("window/state", "not a layout")
    settings.setValue("recent_files", 42)
    settings.sync()
    window = _open(qtbot, windows)
    _assert_usable(window)
    assert window.dock_layout.settings_note == LAYOUT_NOTE
    assert window.files.recent_files() == []
    assert window.statusBar().currentMessage() == RECENT_NOTE


def test_a_garbage_settings_file_is_ignored(qtbot, windows):
    path = app_settings().fileName()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b"[window]\ngeometry=@ByteArray(\xff\xfe\x00\x01)\nstate=@Variant(\x00\x01\n")
        fh.write(b"\x00\x00\x00\xff[[[\nrecent_files=@Invalid()\n")
    window = _open(qtbot, windows)
    _assert_usable(window)
    assert window.files.recent_files() == []
    window.recent_menu.aboutToShow.emit()  # the menu fills without a stack trace


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_settings_file_is_ignored_with_a_note(qtbot, windows):
    path = app_settings().fileName()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write("[window]\n")
    os.chmod(path, 0)
    try:
        window = _open(qtbot, windows)
        _assert_usable(window)
        assert "cannot be read" in (window.dock_layout.settings_note or "")
    finally:
        os.chmod(path, 0o600)


def test_recent_paths_accepts_only_lists_of_paths():
    assert recent_paths(["/a.dlsim", "/b.dlsim"]) == (["/a.dlsim", "/b.dlsim"], False)
    assert recent_paths("/a.dlsim") == (["/a.dlsim"], False)
    assert recent_paths(None) == ([], False)
    for damaged in (42, {"a": 1}, [1, 2], [None]):
        assert recent_paths(damaged) == ([], True)


def test_the_settings_file_status_is_read(qtbot):
    assert app_settings().status() == QSettings.Status.NoError
