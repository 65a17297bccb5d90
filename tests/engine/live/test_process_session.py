"""A session in a process of its own behaves like a session on a thread: same commands, same
numbers, same history — and a training process that dies or hangs never takes the caller along."""

from __future__ import annotations

import contextlib
import os
import signal
import time

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.live.divergence import DIVERGENCE_ADVICE
from dlsim.engine.live.interface import PackedExperiment
from dlsim.engine.live.process_child import PARAMS_LIMIT
from dlsim.engine.live.process_session import DIED, NOT_STARTED, ProcessSession
from dlsim.engine.live.session import TrainingSession
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.views.boundary import boundary_grid

EXAMPLES = resources.examples_dir()


def example(name: str) -> Experiment:
    return Experiment.load(EXAMPLES / f"{name}.dlsim")


def regression(lr: float, units: int = 1) -> Experiment:
    """y = x·w + b on a 1-D regression set; lr = 100 diverges within a few steps."""
    hidden = [{"id": "h", "type": "Dense", "params": {"units": units}}] if units > 1 else []
    chain = ["x", *(n["id"] for n in hidden), "y"]
    return Experiment(
        {
            "format": "dlsim",
            "version": 1,
            "graph": {
                "nodes": [
                    {"id": "x", "type": "Input", "params": {"units": 1}},
                    *hidden,
                    {"id": "y", "type": "Dense", "params": {"units": 1}},
                ],
                "edges": [{"from": a, "to": b} for a, b in zip(chain, chain[1:], strict=False)],
            },
            "training": {
                "dataset": {"type": "regression_1d"},
                "loss": "mse",
                "optimizer": {"type": "sgd", "lr": lr},
            },
        }
    )


@pytest.fixture
def make_session():
    sessions: list = []

    def make(exp: Experiment, cls=ProcessSession, **kwargs):
        s = cls(exp, **kwargs)
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        s.close(timeout=2)


def test_the_same_commands_give_the_same_numbers_as_a_thread_session(make_session):
    here = make_session(example("xor_learn"), TrainingSession)
    there = make_session(example("xor_learn"))
    for s in (here, there):
        s.set_boundary_grid(np.array([[0.0, 0.0], [1.0, 1.0]]))
        s.step(40)
        s.set_training({"optimizer": {"type": "sgd", "lr": 0.5}})
        s.step(25)
        assert s.wait_idle(10)
    a, b = here.snapshot(), there.snapshot()
    assert (b.state, b.step, b.epoch) == ("paused", 65, a.epoch)
    assert b.metrics == a.metrics
    for nid, tensors in a.params.items():
        for name, value in tensors.items():
            np.testing.assert_array_equal(b.params[nid][name], value)
    np.testing.assert_array_equal(b.boundary, a.boundary)
    assert b.record.activation_stats().keys() == a.record.activation_stats().keys()
    assert b.record.grad_norms() == a.record.grad_norms()
    assert there.history.names() == here.history.names()
    for name in here.history.names():
        for got, want in zip(there.history.series(name), here.history.series(name), strict=True):
            np.testing.assert_array_equal(got, want)


def test_an_experiment_packed_ahead_trains_as_the_experiment_itself(make_session):
    """A big file's run is pickled in the thread that read it; the session sends those bytes."""
    given = make_session(example("xor_learn"))
    packed = make_session(PackedExperiment(example("xor_learn")))
    for s in (given, packed):
        s.step(30)
        assert s.wait_idle(10)
    a, b = given.snapshot(), packed.snapshot()
    assert (b.state, b.step, b.metrics) == ("paused", 30, a.metrics)
    for nid, tensors in a.params.items():
        for name, value in tensors.items():
            np.testing.assert_array_equal(b.params[nid][name], value)


def test_snapshots_arrive_read_only_and_count_the_commands_applied(make_session):
    s = make_session(example("xor_learn"))
    s.step(3)
    s.step(2)
    assert s.wait_idle(10)
    snap = s.snapshot()
    assert snap.commands == s.commands_sent == 2
    with pytest.raises(ValueError):
        snap.params["h"]["W"][0, 0] = 1.0


def test_bad_commands_are_refused_here_not_in_the_training_process(make_session):
    s = make_session(example("xor_learn"))
    for bad in (lambda: s.step(0), lambda: s.set_speed(-1), lambda: s.set_boundary_grid([1, 2])):
        with pytest.raises(DlsimError):
            bad()
    assert s.pid is None, "nothing was sent, so no process was started"


def test_divergence_pauses_with_the_lectures_remedies(make_session):
    s = make_session(regression(lr=100.0))
    s.run()
    deadline = time.monotonic() + 10
    while s.state != "diverged" and time.monotonic() < deadline:
        time.sleep(0.01)
    snap = s.snapshot()
    assert snap.state == "diverged"
    assert snap.message.startswith("Training diverged at step ")
    assert DIVERGENCE_ADVICE in snap.message
    assert np.isfinite(s.history.series("loss")[1]).all()


def stop_of(session) -> tuple[int, str]:
    session.run()
    assert session.wait_idle(timeout=20)
    snap = session.snapshot()
    assert snap.state == "diverged"
    return snap.step, snap.message


def test_the_same_seed_diverges_at_the_same_step_for_the_same_reason_every_time(make_session):
    """The first run in the training process used to check an unpickled copy of the weights
    and went on to a NaN loss at step 4; after Reset it stopped at step 2 on W of h1."""
    s = make_session(example("exploding_gradients"))
    stops = []
    for _ in range(3):
        stops.append(stop_of(s))
        s.reset()
    assert stops[0] == stops[1] == stops[2]
    thread = make_session(example("exploding_gradients"), cls=TrainingSession)
    assert stop_of(thread) == stops[0]


def test_a_graph_edit_keeps_the_trained_weights_of_unchanged_layers(make_session):
    s = make_session(regression(lr=0.01, units=4))
    s.step(30)
    assert s.wait_idle(10)
    trained = s.snapshot().params
    edited = regression(lr=0.01, units=4)
    edited.graph.nodes["h"].params["kernel_initializer"] = "he_normal"
    edited.reset()
    s.replace_experiment(edited, carry=True)
    assert s.wait_idle(10)
    snap = s.snapshot()
    assert snap.step == 30, "the step count goes on"
    np.testing.assert_array_equal(snap.params["y"]["W"], trained["y"]["W"])
    assert not np.array_equal(snap.params["h"]["W"], trained["h"]["W"]), "h was edited"
    assert s.history.series("loss")[0].size == 30, "the history goes on too"


def test_large_parameter_sets_travel_less_often_but_the_last_ones_stand(make_session):
    doc = read_document(EXAMPLES / "xor_learn.dlsim")
    graph = doc["graph"]
    graph["nodes"].append({"id": "h2", "type": "Dense", "params": {"units": 300}})
    graph["edges"] = [{"from": a, "to": b} for a, b in (("x", "h"), ("h", "h2"), ("h2", "y"))]
    next(n for n in graph["nodes"] if n["id"] == "h")["params"]["units"] = 400
    doc.pop("weights", None)
    exp = Experiment(doc)
    assert sum(a.size for t in exp.params().values() for a in t.values()) > PARAMS_LIMIT
    s = make_session(exp, publish_interval_s=0.01)
    s.run()
    time.sleep(1.0)
    running = s.snapshot()
    assert running.state == "running" and running.params is not None
    s.pause()
    assert s.wait_idle(10)
    snap = s.snapshot()
    assert snap.state == "paused"
    np.testing.assert_array_equal(snap.params["h2"]["W"].shape, (400, 300))
    assert not np.array_equal(snap.params["h2"]["W"], running.params["h2"]["W"]), (
        "a paused session's weights are sent whatever their size"
    )


def test_a_training_process_that_dies_turns_into_an_error_not_a_hang(make_session):
    s = make_session(example("xor_learn"))
    s.step(5)
    assert s.wait_idle(10)
    os.kill(s.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while s.state != "error" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert s.state == "error"
    assert s.snapshot().message.startswith(DIED)
    s.step(1)  # goes nowhere, raises nothing
    assert s.wait_idle(1) is False
    started = time.monotonic()
    s.close()
    assert time.monotonic() - started < 2


def test_close_while_running_is_quick_and_leaves_no_process(make_session):
    s = make_session(example("vanishing_gradients"))
    grid = boundary_grid([np.array([[-1.0, -1.0], [2.0, 2.0]])], 48)
    s.set_boundary_grid(grid.points)
    s.run()
    time.sleep(0.5)
    started = time.monotonic()
    s.close()
    assert time.monotonic() - started < 2
    assert s.state == "stopped" and s.snapshot().state == "stopped"
    assert not s._process.is_alive()
    s.close()  # a second close is harmless
    assert s.wait_idle(1)


def test_a_stopped_training_process_never_blocks_the_caller(make_session):
    s = make_session(example("xor_learn"))
    s.step(1)
    assert s.wait_idle(10)
    os.kill(s.pid, signal.SIGSTOP)  # alive but deaf: the pipe fills up
    try:
        started = time.monotonic()
        big = np.zeros((200_000, 2))
        for _ in range(20):
            s.set_boundary_grid(big)  # ~3 MB each, far beyond the pipe's buffer
        assert time.monotonic() - started < 2, "commands are queued, not written in place"
        assert s.wait_idle(0.2) is False
        s.close(timeout=1)
        assert time.monotonic() - started < 5
        assert s.state == "stopped" and not s._process.is_alive()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(s.pid, signal.SIGCONT)


def test_an_experiment_that_cannot_be_sent_is_an_error_not_a_crash(make_session):
    exp = example("xor_learn")
    exp.note = lambda: None  # a lambda cannot be pickled
    s = make_session(exp)
    s.step(1)
    assert s.state == "error"
    assert s.snapshot().message.startswith(NOT_STARTED)
    s.run()  # nothing more happens, and nothing raises
    assert s.wait_idle(1)


def test_the_pace_applies_at_once_and_is_not_counted_as_a_command(make_session):
    s = make_session(example("xor_learn"))
    s.set_speed(1000.0)
    s.step(3)
    s.set_speed(None)
    assert s.wait_idle(10)
    assert s.commands_sent == s.snapshot().commands == 1


def test_alive_follows_the_training_process(make_session):
    s = make_session(example("xor_learn"))
    assert not s.alive, "not started yet"
    s.step(1)
    assert s.wait_idle(10) and s.alive
    s.close()
    assert not s.alive


def test_a_map_travels_once_per_prediction_and_the_snapshots_after_it_share_it(make_session):
    exp = example("vanishing_gradients")  # seven layers: the grid costs more than a publish
    grid = boundary_grid([exp.dataset.x_train, exp.dataset.x_val], 40)
    s = make_session(exp, publish_interval_s=0.01)
    s.set_boundary_grid(grid.points, units=True)
    s.run()
    seen: list = []
    deadline = time.monotonic() + 3.0
    while time.monotonic() < deadline:
        snap = s.snapshot()
        if snap is not None and snap.state == "running" and (not seen or snap is not seen[-1]):
            seen.append(snap)
        time.sleep(0.002)
    s.pause()
    assert s.wait_idle(10)
    maps = {id(snap.boundary) for snap in seen if snap.boundary is not None}
    assert len(seen) > 20 and 1 < len(maps) < len(seen), "a run predicts the grid now and then"
    for before, after in zip(seen, seen[1:], strict=False):
        if after.boundary is before.boundary:
            assert after.units is before.units, "the units' maps come with the boundary's"
    rest = s.snapshot()
    assert rest.state == "paused" and not rest.boundary.flags.writeable
    replica = Experiment.load(EXAMPLES / "vanishing_gradients.dlsim")
    for _ in range(rest.step):
        replica.step()
    np.testing.assert_allclose(rest.boundary, replica.predict(grid.points), rtol=1e-6, atol=1e-9)
