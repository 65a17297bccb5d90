"""Files from the window: bad files explained in one line and refused, the unsaved-changes prompt,
atomic saves, recent files, drag-and-drop, and the title."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dlsim import resources
from dlsim.ui.main_window import MainWindow

EXAMPLES = resources.examples_dir()
Button = QMessageBox.StandardButton


class Dialogs:
    """Stand-ins for the modal dialogs: record what was asked, answer as told."""

    def __init__(self, monkeypatch) -> None:
        self.errors: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answer = Button.Cancel
        self.open_anyway = Button.Cancel
        self.save_path = ""
        monkeypatch.setattr(QMessageBox, "critical", self._critical)
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QMessageBox, "warning", self._warning)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save_path, ""))

    def _critical(self, parent, title, text, *args, **kwargs):
        self.errors.append((title, text))
        return Button.Ok

    def _warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        return self.open_anyway

    def _question(self, parent, title, text, *args, **kwargs):
        self.questions.append(text)
        return self.answer


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, dialogs, tmp_path):
    w = MainWindow()
    w.remember_layout = True  # settings live in a temporary folder (conftest.private_settings)
    w.show()
    path = tmp_path / "current.dlsim"
    path.write_text((EXAMPLES / "xor_learn.dlsim").read_text())
    assert w.open_path(path)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def example_text(**changes) -> str:
    doc = json.loads((EXAMPLES / "xor_learn.dlsim").read_text())
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = doc
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[int(last) if isinstance(target, list) else last] = value
    return json.dumps(doc)


BAD_FILES = {
    "missing": None,
    "folder": "DIR",
    "not_utf8": b"\xff\xfe\x00garbage",
    "empty": "",
    "bad_json": '{"format": "dlsim", "version": 1,',
    "not_dlsim": json.dumps({"format": "something else", "version": 1}),
    "newer_version": example_text(version=99),
    "edge_to_unknown_node": example_text(graph__edges__0__to="nowhere"),
    "unknown_layer_type": example_text(graph__nodes__1__type="Densee"),
    "bad_parameter_value": example_text(graph__nodes__1__params__units=0),
    "bad_training_value": example_text(training__optimizer__lr=-1),
    "weights_not_an_object": example_text(weights=[1, 2]),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_shows_one_line_and_keeps_the_open_document(window, dialogs, tmp_path, case):
    content = BAD_FILES[case]
    path = tmp_path / f"{case}.dlsim"
    if content == "DIR":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    before = window.document.to_dict()
    before_path = window.document.path
    assert window.open_path(path) is False
    assert len(dialogs.errors) == 1
    title, text = dialogs.errors[0]
    assert "\n" not in text and "Traceback" not in text
    assert path.name in text
    if case in ("bad_json", "unknown_layer_type", "newer_version"):
        assert text == cli_line(path)
    assert window.document.to_dict() == before
    assert window.document.path == before_path
    assert not window.document.is_dirty


def test_a_bad_file_leaves_unsaved_edits_in_place(window, dialogs, tmp_path):
    window.document.set_node_params("h", {"units": 6})
    (tmp_path / "bad.dlsim").write_text("{")
    dialogs.answer = Button.Discard
    assert window.open_path(tmp_path / "bad.dlsim") is False
    assert window.document.graph.nodes["h"].params["units"] == 6
    assert window.document.is_dirty


def cli_line(path: Path) -> str:
    """What `dlsim run FILE` prints for a file it refuses, without its "dlsim: " prefix."""
    result = subprocess.run(
        [sys.executable, "-m", "dlsim", "run", str(path), "--steps", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    return result.stderr.strip().removeprefix("dlsim: ")


def unfinished(window, tmp_path) -> Path:
    """An unfinished diagram: the output layer lost its input (the editor can save this)."""
    window.document.disconnect("h", "y")
    window.document.save(tmp_path / "wip.dlsim")
    assert window.open_path(EXAMPLES / "and_gate.dlsim")
    return tmp_path / "wip.dlsim"


def test_a_diagram_that_cannot_run_is_explained_with_the_command_lines_sentence(
    window, dialogs, tmp_path
):
    path = unfinished(window, tmp_path)
    before = window.document.to_dict()
    assert window.open_path(path) is False  # the user answered Cancel
    assert dialogs.warnings[0].splitlines()[0] == cli_line(path)
    assert window.document.to_dict() == before


def test_an_unfinished_diagram_can_be_opened_anyway_with_its_problems_shown(
    window, dialogs, tmp_path
):
    path = unfinished(window, tmp_path)
    dialogs.open_anyway = Button.Open
    assert window.open_path(path)
    assert window.scene.node_item("y").content.severity == "error"


def test_opening_a_file_reads_it_once(window, dialogs, tmp_path, monkeypatch):
    """It was read up to three times (to explain, to check the editor can show it, to load)."""
    path = unfinished(window, tmp_path)
    reads: list[Path] = []
    real = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    dialogs.open_anyway = Button.Open
    assert window.open_path(path)
    assert reads == [path]
    reads.clear()
    assert window.open_path(EXAMPLES / "or_gate.dlsim")
    assert reads == [EXAMPLES / "or_gate.dlsim"]


def test_no_prompt_when_nothing_changed(window, dialogs):
    assert window.open_path(EXAMPLES / "and_gate.dlsim")
    assert dialogs.questions == []


def test_cancel_at_the_prompt_keeps_everything(window, dialogs):
    window.document.set_node_params("h", {"units": 6})
    dialogs.answer = Button.Cancel
    assert window.open_path(EXAMPLES / "and_gate.dlsim") is False
    assert len(dialogs.questions) == 1 and "current.dlsim" in dialogs.questions[0]
    assert window.document.graph.nodes["h"].params["units"] == 6


def test_discard_at_the_prompt_opens_the_other_file(window, dialogs):
    window.document.set_node_params("h", {"units": 6})
    dialogs.answer = Button.Discard
    assert window.open_path(EXAMPLES / "and_gate.dlsim")
    assert window.document.path.name == "and_gate.dlsim"


def test_save_at_the_prompt_saves_first(window, dialogs, tmp_path):
    window.document.set_node_params("h", {"units": 6})
    dialogs.answer = Button.Save
    assert window.open_path(EXAMPLES / "and_gate.dlsim")
    saved = json.loads((tmp_path / "current.dlsim").read_text())
    assert saved["graph"]["nodes"][1]["params"]["units"] == 6


def test_new_and_examples_also_ask(window, dialogs):
    window.document.set_node_params("h", {"units": 6})
    dialogs.answer = Button.Cancel
    window.new_action.trigger()
    window.open_example("and_gate")
    assert len(dialogs.questions) == 2
    assert window.document.path.name == "current.dlsim"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, dialogs):
    window.document.set_node_params("h", {"units": 6})
    dialogs.answer = Button.Cancel
    window.close()
    assert window.isVisible() and len(dialogs.questions) == 1
    dialogs.answer = Button.Discard
    window.close()
    assert not window.isVisible()


def test_save_as_writes_a_new_file_and_the_title_follows(window, dialogs, tmp_path):
    assert window.windowTitle() == "current.dlsim — dlsim"
    window.document.set_node_params("h", {"units": 6})
    assert window.windowTitle() == "current.dlsim* — dlsim"
    dialogs.save_path = str(tmp_path / "renamed")
    window.save_as_action.trigger()
    assert (tmp_path / "renamed.dlsim").is_file()
    assert window.windowTitle() == "renamed.dlsim — dlsim"


def test_a_failed_save_leaves_the_old_file_intact_and_says_why(window, dialogs, tmp_path):
    original = (tmp_path / "current.dlsim").read_bytes()
    window.document.set_node_params("h", {"units": 6})
    window.document.set_weights_provider(lambda: {"h": {"W": [[float("nan")] * 6] * 2}})
    window.save_action.trigger()
    assert len(dialogs.errors) == 1 and "NaN" in dialogs.errors[0][1]
    assert (tmp_path / "current.dlsim").read_bytes() == original
    assert window.document.is_dirty
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_saving_into_a_missing_folder_is_an_error_dialog(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "no" / "such" / "folder.dlsim")
    window.save_as_action.trigger()
    assert len(dialogs.errors) == 1 and "folder.dlsim" in dialogs.errors[0][1]


def test_untitled_example_save_asks_for_a_name(window, dialogs, tmp_path):
    window.open_example("and_gate")
    assert window.windowTitle() == "AND gate (perceptron) — dlsim"
    dialogs.save_path = str(tmp_path / "gate.dlsim")
    window.save_action.trigger()
    assert window.document.path == tmp_path / "gate.dlsim"


def test_opened_files_appear_under_open_recent(window, tmp_path):
    assert window.open_path(EXAMPLES / "and_gate.dlsim")
    recent = window.recent_files()
    assert recent[:2] == [
        str((EXAMPLES / "and_gate.dlsim").resolve()),
        str(tmp_path / "current.dlsim"),
    ]
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0].endswith("and_gate.dlsim")
    window.recent_menu.actions()[1].trigger()
    assert window.document.path.name == "current.dlsim"


def test_dropping_a_file_on_the_canvas_or_the_window_opens_it(window):
    window.view.files_dropped.emit([str(EXAMPLES / "or_gate.dlsim")])
    assert window.document.path.name == "or_gate.dlsim"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(EXAMPLES / "nand_gate.dlsim"))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.path.name == "nand_gate.dlsim"
