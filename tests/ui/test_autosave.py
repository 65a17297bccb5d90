"""Nothing lost: an edit in a real dlsim process that is then killed (SIGKILL) comes back at the
next start (Restore / Discard); a save or a clean exit leaves no autosave behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dlsim.engine.training.fileformat import read_document
from dlsim.resources import example_path
from dlsim.ui.autosave import Autosaver, autosave_dir, pending_recoveries
from dlsim.ui.document import Document

TIMEOUT_S = 120

EDIT_AND_WAIT = r"""
import sys
from PySide6.QtCore import QTimer
import dlsim.ui.app as app

start = app.start_window
def start_and_edit(args):
    window = start(args)
    def edit():
        nid = window.document.add_node("Dense", pos=(700.0, 300.0))
        print("EDITED", nid, flush=True)
    QTimer.singleShot(200, edit)
    return window
app.start_window = start_and_edit
sys.exit(app.main(["--example", "xor_learn"]))
"""

RESTART_AND_ANSWER = r"""
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import dlsim.ui.app as app

ANSWER = sys.argv[1]
asked = []
def answer():
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(50, answer)
        return
    asked.append(box.text())
    [b for b in box.buttons() if b.text() == ANSWER][0].click()

start = app.start_window
def start_and_report(args):
    QTimer.singleShot(50, answer)
    window = start(args)
    doc = window.document
    print("RESULT", json.dumps({"asked": asked, "nodes": sorted(doc.graph.nodes),
                                "dirty": doc.is_dirty, "name": doc.name}), flush=True)
    os._exit(0)
app.start_window = start_and_report
sys.exit(app.main([]))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        DLSIM_AUTOSAVE_SECONDS="0.3",
    )
    return env


def _autosaves(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "data").glob("**/autosave/autosave-*.json"))


def _restart(tmp_path: Path, answer: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", RESTART_AND_ANSWER, answer],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, f"no result: {done.stdout}\n{done.stderr}"
    return json.loads(lines[0][len("RESULT ") :])


def _edit_then_kill(tmp_path: Path) -> str:
    proc = subprocess.Popen(
        [sys.executable, "-c", EDIT_AND_WAIT],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # the app prints it once the edit is made
        assert line.startswith("EDITED "), f"the app did not start: {line!r}"
        node = line.split()[1]
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            files = _autosaves(tmp_path)
            if files and node in files[0].read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        else:
            pytest.fail("no autosave of the edit appeared")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    return node


def test_an_edit_survives_a_kill_and_is_restored_at_the_next_start(tmp_path):
    node = _edit_then_kill(tmp_path)
    result = _restart(tmp_path, "Restore")
    assert len(result["asked"]) == 1 and "autosaved" in result["asked"][0]
    assert "XOR" in result["asked"][0]
    assert node in result["nodes"], "the edit came back"
    assert result["dirty"], "restored work is unsaved work"
    assert not _autosaves(tmp_path), "the offered copy is gone once answered"


def test_discard_starts_as_usual_and_forgets_the_copy(tmp_path):
    node = _edit_then_kill(tmp_path)
    result = _restart(tmp_path, "Discard")
    assert len(result["asked"]) == 1
    assert node not in result["nodes"] and not result["dirty"]
    assert not _autosaves(tmp_path)


def test_an_autosave_is_written_only_while_there_are_unsaved_changes(qtbot, tmp_path):
    doc = Document()
    path = example_path("xor_learn")
    doc.load_dict(read_document(path), base_dir=path.parent)
    saver = Autosaver(doc)
    assert not saver.save_now(), "a clean document is not autosaved"
    doc.add_node("Dense", pos=(0.0, 0.0))
    assert saver.save_now() and saver.file.exists()
    assert saver.file.parent == autosave_dir() and saver.file.suffix == ".json"
    assert not saver.save_now(), "nothing new since the last autosave"
    assert pending_recoveries() == [], "this process is alive: nothing to offer"
    target = tmp_path / "mine.dlsim"
    doc.save(target)
    assert not saver.file.exists(), "a save leaves no autosave"
    assert read_document(target)["graph"] == doc.graph.to_dict(), "the user's file is the save"
    doc.add_node("Dense", pos=(10.0, 0.0))
    assert saver.save_now()
    doc.undo_stack.undo()
    assert not saver.file.exists(), "back to the saved state: no autosave"
    saver.timer.stop()


EDIT_THEN_LEAVE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
import dlsim.ui.app as app

MODE, TARGET = sys.argv[1], sys.argv[2]

def click(text):
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(50, lambda: click(text))
        return
    [b for b in box.buttons() if b.text().replace("&", "") == text][0].click()

start = app.start_window
def start_edit_and_leave(args):
    window = start(args)
    def edit():
        window.document.add_node("Dense", pos=(700.0, 300.0))
        QTimer.singleShot(50, wait_for_autosave)
    def wait_for_autosave():
        if not window.autosaver.file.exists():
            QTimer.singleShot(50, wait_for_autosave)
            return
        print("AUTOSAVED", window.autosaver.file, flush=True)
        if MODE == "save":  # File > Save As, the user types a name
            QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (TARGET, ""))
            window.save_as()
        else:  # the window's close button; the unsaved-changes question answered Discard
            QTimer.singleShot(50, lambda: click("Discard"))
        window.close()
    QTimer.singleShot(200, edit)
    return window
app.start_window = start_edit_and_leave
sys.exit(app.main(["--example", "xor_learn"]))
"""


@pytest.mark.parametrize("mode", ["quit", "save"])
def test_a_clean_exit_or_a_save_leaves_no_autosave_behind(tmp_path, mode):
    target = tmp_path / "mine.dlsim"
    done = subprocess.run(
        [sys.executable, "-c", EDIT_THEN_LEAVE, mode, str(target)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("AUTOSAVED ")]
    assert lines, f"no autosave was written while the edit was unsaved: {done.stderr}"
    assert done.returncode == 0, done.stderr
    assert not Path(lines[0].split(" ", 1)[1]).exists() and not _autosaves(tmp_path)
    assert target.exists() == (mode == "save")
    if mode == "save":
        assert "dense" in target.read_text(encoding="utf-8").lower()
