"""A loss landscape computed by the training session (on a thread, and in the training process):
the same numbers as computing it directly, training goes on undisturbed, Cancel stops it, and a
plane that cannot be drawn is one sentence."""

from __future__ import annotations

import time

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.live.landscape_job import frozen
from dlsim.engine.live.process_session import ProcessSession
from dlsim.engine.live.session import TrainingSession
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.views.landscape import LandscapeRequest, compute


def example(name: str, steps: int = 0) -> Experiment:
    exp = Experiment.load(resources.example_path(name))
    for _ in range(steps):
        exp.step()
    return exp


def finished(session, serial: int = 1, timeout: float = 60.0):
    """The status of landscape job `serial` once it has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = session.landscape_status()
        if status is not None and status.serial == serial and status.state != "running":
            return status
        time.sleep(0.01)
    raise AssertionError(f"landscape job {serial} did not end in {timeout} s")


@pytest.mark.parametrize("kind", [TrainingSession, ProcessSession])
def test_session_landscape_equals_the_direct_one_and_training_goes_on(kind) -> None:
    session = kind(example("xor_learn"))
    try:
        session.step(30)
        request = LandscapeRequest(mode="start", resolution=9, path_points=7)
        session.landscape(request)
        session.step(20)  # queued behind the landscape's copy: trains while it is computed
        assert session.wait_idle(30)
        status = finished(session)
        assert status.state == "done" and status.done == status.total == 81 + 7
        direct = compute(frozen(example("xor_learn", 30)), request)
        land = status.result
        assert land.step == 30
        np.testing.assert_array_equal(land.loss, direct.loss)
        np.testing.assert_array_equal(land.path, direct.path)
        fresh = example("xor_learn", 50)
        snap = session.snapshot()
        assert snap.step == 50
        for nid, values in fresh.params().items():
            for name, arr in values.items():
                np.testing.assert_array_equal(snap.params[nid][name], arr)
    finally:
        session.close()


@pytest.mark.parametrize("kind", [TrainingSession, ProcessSession])
def test_cancel_stops_a_landscape(kind) -> None:
    session = kind(example("overfitting", 0))
    try:
        session.step(5)
        session.landscape(LandscapeRequest(resolution=201))  # 40 401 evaluations: minutes
        deadline = time.monotonic() + 30
        while (s := session.landscape_status()) is None or s.done == 0:
            assert time.monotonic() < deadline, "the landscape never started"
            time.sleep(0.01)
        asked = time.monotonic()
        session.cancel_landscape()
        status = finished(session, timeout=10)
        assert status.state == "cancelled" and status.result is None
        assert time.monotonic() - asked < 5
        session.step(3)  # the session still trains
        assert session.wait_idle(10) and session.snapshot().step == 8
    finally:
        session.close()


def test_a_plane_that_cannot_be_drawn_is_one_sentence() -> None:
    session = ProcessSession(example("xor_learn"))
    try:
        session.landscape(LandscapeRequest(mode="start", resolution=5))
        status = finished(session)
        assert status.state == "error"
        assert "have not moved since the start" in status.message
        session.landscape(LandscapeRequest(mode="random", resolution=5))
        assert finished(session, serial=2).state == "done"
    finally:
        session.close()
