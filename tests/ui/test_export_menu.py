"""File ▸ Export from the window: the open diagram with its current weights, errors as a dialog."""

from __future__ import annotations

import ast

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dlsim import resources
from dlsim.ui.main_window import MainWindow

EXAMPLES = resources.examples_dir()


class Dialogs:
    def __init__(self, monkeypatch) -> None:
        self.errors: list[tuple[str, str]] = []
        self.save_path = ""
        self.asked: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", self._critical)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)

    def _critical(self, parent, title, text, *args, **kwargs):
        self.errors.append((title, text))
        return QMessageBox.StandardButton.Ok

    def _save(self, parent, caption, suggested, *args, **kwargs):
        self.asked.append(suggested)
        return self.save_path, ""


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, dialogs):
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(EXAMPLES / "iris_keras.dlsim")
    yield w
    w.document.undo_stack.setClean()


def _assigned(code: str, name: str):
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise KeyError(name)


def _menu_entries(window) -> list[str]:
    return [a.text() for a in window.export_menu.actions()]


def test_the_file_menu_offers_both_exports(window) -> None:
    assert _menu_entries(window) == ["&PyTorch Script…", "&Keras Code…"]


def test_pytorch_export_writes_the_current_weights(window, dialogs, tmp_path) -> None:
    start = window.document.experiment().params()
    trained = {nid: {k: v.tolist() for k, v in values.items()} for nid, values in start.items()}
    trained["y"]["b"] = [0.5, -0.25, 0.125]  # as if training had moved them
    window.document.set_weights_provider(lambda: trained)
    dialogs.save_path = str(tmp_path / "iris")
    window.export_menu.actions()[0].trigger()
    out = tmp_path / "iris.py"
    code = out.read_text()
    compile(code, str(out), "exec")
    assert _assigned(code, "WEIGHTS")["y"]["b"] == [0.5, -0.25, 0.125]
    assert dialogs.asked[0].endswith("iris_keras.py") and not dialogs.errors
    assert "Exported iris.py" in window.statusBar().currentMessage()


def test_keras_export_writes_keras_code(window, dialogs, tmp_path) -> None:
    dialogs.save_path = str(tmp_path / "iris_keras.py")
    window.export_menu.actions()[1].trigger()
    code = (tmp_path / "iris_keras.py").read_text()
    assert "keras.Sequential(" in code and "model.compile(optimizer=keras.optimizers.Adam(" in code
    start = window.document.experiment().params()
    assert _assigned(code, "WEIGHTS")["y"]["W"] == start["y"]["W"].tolist()
    compile(code, "iris_keras.py", "exec")


def test_cancelling_the_dialog_writes_nothing(window, dialogs, tmp_path) -> None:
    dialogs.save_path = ""
    assert not window.exports.export("pytorch")
    assert list(tmp_path.iterdir()) == [] and not dialogs.errors


def test_what_cannot_be_exported_is_a_dialog_and_no_file(window, dialogs, tmp_path) -> None:
    assert window.open_path(EXAMPLES / "and_gate.dlsim")
    dialogs.save_path = str(tmp_path / "and.py")
    assert not window.exports.export("pytorch")
    assert dialogs.asked == []  # refused before asking where
    ((title, text),) = dialogs.errors
    assert title == "Cannot export a PyTorch script" and "perceptron rule" in text
    assert not (tmp_path / "and.py").exists()


def test_a_folder_that_does_not_exist_is_a_dialog(window, dialogs, tmp_path) -> None:
    dialogs.save_path = str(tmp_path / "missing" / "iris.py")
    assert not window.exports.export("keras")
    assert dialogs.errors and "cannot be saved" in dialogs.errors[0][1]
