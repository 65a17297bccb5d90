"""Backprop stepper ▸ Iteration 100000 ▸ Go runs off the GUI thread: the window keeps
answering (a lag probe sees no gap over 100 ms), a progress bar moves, Cancel stops it where it
was, and the iteration reached is the same as when it was run on the spot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlsim.engine.teaching.stepper import MAX_ITERATION, BackpropWalk
from dlsim.engine.training.fileformat import read_document
from dlsim.resources import example_path
from dlsim.ui.lessons.backprop_stepper import BackpropStepper
from dlsim.ui.lessons.walk_runner import INLINE_STEPS

WORK_LIMIT_MS = 100  # GUI-thread work between two ticks of the probe
FROZEN_MS = 1000  # wall time: a loaded machine stretches it, a blocked thread exceeds it


@pytest.fixture
def stepper(qtbot):
    widget = BackpropStepper()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    yield widget
    widget.runner.abandon()


PROBE_SCRIPT = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
app = QApplication([])
from dlsim.ui.lessons.backprop_stepper import BackpropStepper
from tests.ui.lag_probe import LagProbe

def wait(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.002)
    return condition()

stepper = BackpropStepper()
stepper.resize(1280, 800)
stepper.show()
wait(lambda: False, 0.3)
seen = {}
stepper.iteration_box.setValue(100000)
with LagProbe() as probe:
    stepper.go_button.click()
    seen["busy"] = stepper.busy
    seen["progress_shown"] = stepper.runner.progress_bar.isVisible()
    seen["cancel_shown"] = stepper.runner.cancel_button.isVisible()
    seen["next_enabled"] = stepper.next_action.isEnabled()
    seen["box_enabled"] = stepper.iteration_box.isEnabled()
    seen["progressed"] = wait(lambda: stepper.runner.progress_bar.value() >= 1000, 60)
    stepper.next_action.trigger()  # ignored while busy: the walk belongs to the worker
    stepper.runner.cancel_button.click()
    seen["stopped"] = wait(lambda: not stepper.busy, 10)
seen.update(
    work_ms=probe.worst_work_ms,
    wall_ms=probe.worst_ms,
    position=stepper.position.text(),
    progress_after=stepper.runner.progress_bar.isVisible(),
    go_after=stepper.go_button.isVisible(),
    next_after=stepper.next_action.isEnabled(),
)
print("RESULT", json.dumps(seen), flush=True)
"""


def test_go_to_the_last_iteration_keeps_the_window_responsive_and_can_be_cancelled():
    """Measured in a process of its own: timers and windows other tests left behind would
    count as this one's GUI-thread work."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE_SCRIPT, str(root)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=root,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, done.stderr
    seen = json.loads(lines[0][len("RESULT ") :])
    assert seen["busy"], "Go returned at once, with the work running in the background"
    assert seen["progress_shown"] and seen["cancel_shown"]
    assert not seen["next_enabled"] and not seen["box_enabled"]
    assert seen["progressed"] and seen["stopped"]
    assert seen["work_ms"] < WORK_LIMIT_MS, f"GUI thread busy {seen['work_ms']:.0f} ms"
    assert seen["wall_ms"] < FROZEN_MS, f"the window froze for {seen['wall_ms']:.0f} ms"
    assert seen["position"] == "iteration 1 · phase 1 of 8", "Cancel stays where it was"
    assert not seen["progress_after"] and seen["go_after"] and seen["next_after"]


def test_a_far_iteration_arrives_with_the_same_numbers_as_on_the_spot(qtbot, stepper):
    target = 3 * INLINE_STEPS + 7
    stepper.iteration_box.setValue(target)
    stepper.go_button.click()
    assert stepper.busy
    qtbot.waitUntil(lambda: not stepper.busy, timeout=60_000)
    assert stepper.position.text() == f"iteration {target} · phase 1 of 8"
    path = example_path("backprop_lecture")
    reference = BackpropWalk(read_document(path), path.parent)
    assert stepper.walk.loss_history(target) == reference.loss_history(target)
    stepper.go_to_phase(3)
    text = stepper.formula_text()
    # and back across the skipped iterations: a replay from the start, also off the thread
    stepper.go_to_iteration(2)
    stepper.previous_phase()
    assert stepper.position.text() == "iteration 1 · phase 8 of 8"
    stepper.go_to_iteration(target)
    qtbot.waitUntil(lambda: not stepper.busy, timeout=60_000)
    stepper.go_to_phase(3)
    assert stepper.formula_text() == text


def test_an_iteration_out_of_range_is_refused_with_a_message(stepper):
    stepper.go_to_iteration(MAX_ITERATION + 1)
    assert "from 1 to 100000" in stepper.error_text()
    assert not stepper.busy
