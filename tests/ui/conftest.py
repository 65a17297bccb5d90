"""UI test configuration: no test reads or writes the user's real dlsim settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point QSettings, the data folder (log file, autosaves) and any child process at fresh
    folders for each test."""
    folder: Path = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    return folder


@pytest.fixture
def user_window(qtbot):
    """The window a user gets: editor, training workbench and lessons, the default example."""
    from dlsim.ui.app import _install_extensions
    from dlsim.ui.main_window import MainWindow

    w = MainWindow()
    w.remember_layout = False
    _install_extensions(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_example("xor_learn")
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()
