"""`dlsim EXAMPLE` opens a shipped example by name, like `dlsim run EXAMPLE`."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from dlsim.ui.app import main


def test_an_example_name_opens_that_example(qapp, tmp_path, capsys) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    out = tmp_path / "iris.png"
    assert main(["--screenshot", str(out), "--editor-only", "iris_keras"]) == 0
    assert QImage(str(out)).width() == 1280
    assert main(["--screenshot", str(tmp_path / "no.png"), "--editor-only", "iris_kera"]) == 2
    assert "iris_kera: no such file" in capsys.readouterr().err
    assert not (tmp_path / "no.png").exists()
