"""Opening a file near the 64 MiB limit reads, parses and checks it off the GUI thread (parsing in
a child process, so the window stays live: no wall-clock gap over WALL_LIMIT_MS); a progress
dialog with Cancel, the document untouched until the file has proved good, a bad file → the
one-sentence dialog; loading it into the window (document, training process, plots) is no single
GUI-thread block over 100 ms either. The lag probe runs in a process of its own (other tests'
timers and windows would count as this one's GUI-thread work)."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import MAX_FILE_BYTES, read_document, write_document
from dlsim.resources import example_path
from dlsim.ui.file_open import INLINE_BYTES
from dlsim.ui.main_window import MainWindow
from tests.ui.test_files import EXAMPLES, Dialogs, example_text

WORK_LIMIT_MS = 100
# The event loop's longest wall-clock gap while the file is read and parsed. Parsing in a thread
# held the interpreter lock for the whole `json.loads`: gaps of 0.95-1.1 s (median 0.98 s) on an
# idle machine, more on a busy one. Parsed in a child process: 30-40 ms idle, but 0.2-0.3 s on this
# 2-core machine with two other busy processes (the GUI thread then waits for a core, not for
# the lock; `load_wall_ms` after the reading shows the same 0.25-0.5 s there). 400 ms passes that
# and still fails on the freeze.
WALL_LIMIT_MS = 400


def big_document(path: Path, width: int) -> Path:
    """xor_learn with two hidden layers of `width` units and their weights written out."""
    doc = read_document(example_path("xor_learn"))
    nodes = doc["graph"]["nodes"]
    nodes[1]["params"]["units"] = width
    wide = {"id": "h2", "type": "Dense", "params": {"units": width, "activation": "tanh"}}
    nodes.insert(2, {**wide, "pos": [330, 0]})
    doc["graph"]["edges"] = [
        {"from": a, "to": b} for a, b in (("x", "h"), ("h", "h2"), ("h2", "y"))
    ]
    write_document(path, Experiment(doc, example_path("xor_learn").parent).to_dict())
    return path


PROBE_SCRIPT = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QProgressDialog

def main():
    app = QApplication([])
    from dlsim.ui.app import _install_extensions
    from dlsim.ui.main_window import MainWindow
    from tests.ui.lag_probe import LagProbe

    def wait(condition, seconds):
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return condition()

    window = MainWindow()
    window.remember_layout = False
    _install_extensions(window)
    window.resize(1280, 800)
    window.show()
    window.open_example("xor_learn")
    window.document.undo_stack.setClean()
    wait(lambda: False, 0.5)
    seen = {}
    with LagProbe() as probe:
        started = time.perf_counter()
        seen["returned"] = window.open_path(sys.argv[2])
        seen["return_ms"] = 1000 * (time.perf_counter() - started)
        seen["untouched_while_reading"] = window.document.path is None
        seen["dialog"] = wait(
            lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), 30
        )
        seen["read"] = wait(lambda: window.files.opening is None, 300)
        seen["read_ms"] = 1000 * (time.perf_counter() - started)
        reading = len(probe.work)
        # then until the window shows the file: its training process has sent its first
        # snapshot and the plots have been fed from it
        controller = window.workbench.controller
        seen["shown"] = wait(lambda: controller.session.snapshot() is not None, 120)
        fed = controller.refresh_count
        wait(lambda: controller.refresh_count > fed + 2, 10)
        wait(lambda: False, 0.5)
    seen.update(
        reading_work_ms=1000 * max(probe.work[:reading]),
        reading_wall_ms=1000 * max(probe.gaps[:reading]),
        load_work_ms=1000 * max(probe.work),  # from Open to the window showing the file
        load_wall_ms=1000 * max(probe.gaps[reading:]),
        path=str(window.document.path),
        nodes=len(window.document.graph.nodes),
    )
    window.document.undo_stack.setClean()
    window.workbench.controller.shutdown()
    print("RESULT", json.dumps(seen), flush=True)

if __name__ == "__main__":
    main()
"""


def test_the_largest_file_is_read_off_the_gui_thread(tmp_path):
    path = big_document(tmp_path / "big.dlsim", 1420)
    size = path.stat().st_size
    assert MAX_FILE_BYTES * 0.9 < size <= MAX_FILE_BYTES
    script = tmp_path / "probe.py"
    script.write_text(PROBE_SCRIPT)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(script), str(root), str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=root,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, done.stderr
    seen = json.loads(lines[0][len("RESULT ") :])
    print(seen)  # the figures, for the closing note
    assert seen["returned"] and seen["return_ms"] < WORK_LIMIT_MS
    assert seen["untouched_while_reading"] and seen["dialog"] and seen["read"] and seen["shown"]
    assert seen["reading_work_ms"] < WORK_LIMIT_MS, (
        f"GUI thread busy {seen['reading_work_ms']:.0f} ms while reading"
    )
    assert seen["reading_wall_ms"] < WALL_LIMIT_MS, (
        f"the window froze for {seen['reading_wall_ms']:.0f} ms while the file was parsed"
    )
    assert seen["load_work_ms"] < WORK_LIMIT_MS, (
        f"GUI thread busy {seen['load_work_ms']:.0f} ms loading the file into the window"
    )
    assert seen["path"] == str(path) and seen["nodes"] == 4


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, dialogs, tmp_path):
    w = MainWindow()
    w.remember_layout = False
    w.show()
    path = tmp_path / "current.dlsim"
    path.write_text((EXAMPLES / "xor_learn.dlsim").read_text())
    assert w.open_path(path)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def _padded(tmp_path: Path, text: str) -> Path:
    """A file over the inline size: `text` and enough trailing spaces (valid JSON whitespace)."""
    path = tmp_path / "padded.dlsim"
    path.write_text(text + " " * (INLINE_BYTES + 1000))
    return path


def test_cancel_leaves_the_document_as_it_was(qtbot, window, dialogs, tmp_path):
    before = window.document.to_dict()
    path = _padded(tmp_path, example_text(name="Padded"))
    assert window.open_path(path)
    opening = window.files.opening
    assert opening is not None and window.document.to_dict() == before
    opening.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: window.files.opening is None, timeout=30_000)
    assert (
        window.document.to_dict() == before and window.document.path == tmp_path / "current.dlsim"
    )
    assert dialogs.errors == []
    assert not [p for p in multiprocessing.active_children() if p.name == "dlsim-read"]


def test_a_big_file_opens_once_its_reading_ends(qtbot, window, dialogs, tmp_path):
    path = _padded(tmp_path, example_text(name="Padded"))
    assert window.open_path(path)
    assert window.open_path(path) is False  # one file at a time
    qtbot.waitUntil(lambda: window.files.opening is None, timeout=30_000)
    assert window.document.path == path and window.document.name == "Padded"


def test_a_bad_big_file_says_why_in_one_sentence_and_changes_nothing(
    qtbot, window, dialogs, tmp_path
):
    before = window.document.to_dict()
    path = _padded(tmp_path, '{"format": "dlsim", "version": 1, "graph": ')
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.files.opening is None, timeout=30_000)
    assert len(dialogs.errors) == 1
    title, text = dialogs.errors[0]
    assert title == "Cannot open file" and text.startswith(str(path)) and "\n" not in text
    assert "invalid JSON" in text
    assert window.document.to_dict() == before
