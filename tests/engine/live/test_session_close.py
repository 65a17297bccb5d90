"""Closing a training process without waiting for it: the window replaces its session (File ▸
New, a training change on a broken graph, a comparison stopped) and never waits for the old
child, even one that is frozen or still starting; the child still goes away."""

from __future__ import annotations

import os
import signal
import time

from dlsim import resources
from dlsim.engine.live.process_session import ProcessSession
from dlsim.engine.training.experiment import Experiment


def test_close_without_waiting_returns_at_once_and_the_child_still_ends():
    session = ProcessSession(Experiment.load(resources.examples_dir() / "xor_learn.dlsim"))
    session.step(5)
    assert session.wait_idle(timeout=60)
    os.kill(session.pid, signal.SIGSTOP)  # a child that cannot answer "close"
    process = session._process
    try:
        started = time.perf_counter()
        session.close(timeout=1.0, wait=False)
        took = time.perf_counter() - started
        assert took < 0.1, f"close(wait=False) blocked {took * 1000:.0f} ms"
        assert session.state == "stopped" and not session.alive
        process.join(10)
        assert not process.is_alive(), "the reaper killed the frozen child"
    finally:
        if process.is_alive():
            os.kill(process.pid, signal.SIGKILL)
