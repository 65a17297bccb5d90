"""Backprop stepper ▸ Iteration 100000 ▸ Go runs off the GUI thread: the window keeps
answering (a lag probe sees no gap over 100 ms), a progress bar moves, Cancel stops it where it
was, and the iteration reached is the same as when it was run on the spot."""

from __future__ import annotations

import pytest

from dlsim.engine.teaching.stepper import MAX_ITERATION, BackpropWalk
from dlsim.engine.training.fileformat import read_document
from dlsim.resources import example_path
from dlsim.ui.lessons.backprop_stepper import BackpropStepper
from dlsim.ui.lessons.walk_runner import INLINE_STEPS
from tests.ui.lag_probe import LagProbe

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


def test_go_to_the_last_iteration_keeps_the_window_responsive_and_can_be_cancelled(qtbot, stepper):
    stepper.iteration_box.setValue(MAX_ITERATION)
    with LagProbe() as probe:
        stepper.go_button.click()
        assert stepper.busy, "Go returned at once, with the work running in the background"
        assert stepper.runner.progress_bar.isVisible() and stepper.runner.cancel_button.isVisible()
        assert not stepper.next_action.isEnabled() and not stepper.iteration_box.isEnabled()
        qtbot.waitUntil(lambda: stepper.runner.progress_bar.value() >= 1000, timeout=60_000)
        stepper.next_action.trigger()  # ignored while busy: the walk belongs to the worker
        stepper.runner.cancel_button.click()
        qtbot.waitUntil(lambda: not stepper.busy, timeout=10_000)
    assert probe.worst_work_ms < WORK_LIMIT_MS, f"GUI thread busy {probe.worst_work_ms:.0f} ms"
    assert probe.worst_ms < FROZEN_MS, f"the window froze for {probe.worst_ms:.0f} ms"
    assert stepper.position.text() == "iteration 1 · phase 1 of 8", "Cancel stays where it was"
    assert not stepper.runner.progress_bar.isVisible() and stepper.go_button.isVisible()
    assert stepper.next_action.isEnabled()


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
