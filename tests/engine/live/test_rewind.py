"""A session's past: `rewind.view(k)` publishes what a fresh run of k steps shows, a drag's
queued views collapse to the newest, and `branch(k, settings)` goes on from k keeping the past."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine import Experiment
from dlsim.engine.live.history import MetricsHistory
from dlsim.engine.live.process_session import ProcessSession
from dlsim.engine.live.rewind import PastHistory
from dlsim.engine.live.session import TrainingSession
from dlsim.engine.views.boundary import boundary_grid
from tests.engine.training.test_timeline import noisy_iris


def xor_doc() -> dict:
    return json.loads(resources.example_path("xor_learn").read_text())


def fresh(doc: dict, steps: int, changes: dict[int, dict] | None = None):
    """A new experiment stepped `steps` times; also the last step's record."""
    exp = Experiment(doc)
    record = None
    for k in range(steps):
        if changes and k in changes:
            exp.set_training(changes[k])
        record = exp.step()
    return exp, record


def same_params(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(
        a[n].keys() == b[n].keys() and all(np.array_equal(a[n][k], b[n][k]) for k in a[n])
        for n in a
    )


@pytest.fixture
def session():
    made = []

    def make(doc: dict, cls=TrainingSession, **kwargs):
        s = cls(Experiment(doc), **kwargs)
        made.append(s)
        return s

    yield make
    for s in made:
        s.close()


@pytest.mark.parametrize("doc", [xor_doc(), noisy_iris()], ids=["xor", "iris+dropout+bn"])
def test_a_viewed_step_is_what_a_fresh_run_of_that_many_steps_shows(session, doc):
    s = session(doc)
    data = Experiment(doc).dataset
    points = boundary_grid(data.x_train).points if data.n_features == 2 else None
    s.set_boundary_grid(points)
    s.step(60)
    assert s.wait_idle(20)
    live = s.snapshot()
    for k in (0, 1, 17, 40, 59, 60):
        s.rewind.view(k)
        assert s.wait_idle(20)
        past = s.rewind.snapshot
        exp, record = fresh(doc, k)
        assert past.step == k
        assert same_params(past.params, exp.params())
        assert past.metrics == {n: float(v) for n, v in exp.metrics().items()}
        if record is None:
            assert past.record is None and past.loss is None
        else:
            assert past.loss == record.loss
            assert past.record.grad_norms() == record.grad_norms()
            stats, want = past.record.activation_stats(), record.activation_stats()
            for nid in want:
                assert np.array_equal(stats[nid]["hist"], want[nid]["hist"])
        if points is not None:
            assert np.array_equal(past.boundary, exp.predict(points))
    assert s.snapshot().step == 60 and same_params(s.snapshot().params, live.params)


def test_queued_views_collapse_to_the_newest(session):
    s = session(xor_doc())
    s.step(200)
    assert s.wait_idle(20)
    computed = []
    real = s.rewind._past_snapshot
    s.rewind._past_snapshot = lambda k: computed.append(k) or real(k)
    with s._cond:  # the worker waits to signal its first view while the others are queued
        for k in range(10, 110, 10):
            s.rewind.view(k)
    assert s.wait_idle(20)
    assert s.rewind.snapshot.step == 100
    assert computed[-1] == 100 and len(computed) < 10


def test_branching_goes_on_from_k_with_the_new_settings_and_keeps_the_past(session):
    doc = xor_doc()
    s = session(doc)
    s.step(80)
    assert s.wait_idle(20)
    faster = {**doc["training"], "optimizer": {**doc["training"]["optimizer"], "lr": 2.0}}
    s.rewind.branch(30, faster)
    s.step(20)
    assert s.wait_idle(20)
    want, _ = fresh(doc, 50, changes={30: {"optimizer": {"lr": 2.0}}})
    assert s.snapshot().step == 50
    assert same_params(s.snapshot().params, want.params())
    x, _y = s.history.series("loss")
    assert x.max() == 49 and len(x) == 50  # the old steps 30..79 are gone, 30..49 are new
    # the steps before the branch point are still there to view, from the run it left
    assert s.snapshot().origin == 0
    s.rewind.view(10)
    assert s.wait_idle(20)
    assert same_params(s.rewind.snapshot.params, fresh(doc, 10)[0].params())


def test_a_branch_with_unchanged_settings_repeats_the_run_exactly(session):
    doc = noisy_iris()  # shuffled mini-batches: a needless set_training would reshuffle
    s = session(doc)
    s.step(40)
    assert s.wait_idle(20)
    s.rewind.branch(13, doc["training"])
    s.step(27)
    assert s.wait_idle(20)
    assert same_params(s.snapshot().params, fresh(doc, 40)[0].params())


def test_a_process_session_sends_past_steps_back(session):
    doc = xor_doc()
    s = session(doc, cls=ProcessSession)
    s.step(25)
    assert s.wait_idle(20)
    s.view_step(12)
    assert s.wait_idle(20)
    past = s.past()
    assert past is not None and past.step == 12
    assert same_params(past.params, fresh(doc, 12)[0].params())
    assert past.record.grad_norms()  # the statistics travel, the batch arrays do not
    s.branch(12, None)
    assert s.wait_idle(20)
    assert s.past() is None and s.snapshot().step == 12
    assert s.history.series("loss")[0].max() == 11


def test_past_history_ends_in_the_viewed_steps_exact_values():
    history = MetricsHistory(8)
    for i in range(20):
        history.extend(i, {"loss": 100.0 + i})
        history.extend(i + 1, {"train_loss": 50.0 + i})
    s = TrainingSession(Experiment(xor_doc()))
    s.step(5)
    assert s.wait_idle(20)
    s.rewind.view(5)
    assert s.wait_idle(20)
    snap = s.rewind.snapshot
    s.close()
    past = PastHistory(history, snap, version=-7)
    x, y = past.series("loss")
    assert x[-1] == 4 and y[-1] == snap.loss and (x[:-1] < 4).all()
    x, y = past.series("train_loss")
    assert x[-1] == 5 and y[-1] == snap.metrics["loss"] and (x[:-1] < 5).all()
    assert past.last("loss") == (4.0, snap.loss) and past.version == -7


def test_truncating_a_history_forgets_the_later_points_on_both_sides_of_a_pipe():
    source = MetricsHistory(8)
    source.keep_journal()
    replica = MetricsHistory(8)
    for i in range(30):
        source.extend(i, {"loss": float(i)})
    source.add_event(25, "diverged")
    source.truncate(12)
    replica.replay(source.take_journal())
    for h in (source, replica):
        x, _y = h.series("loss")
        assert x.max() < 12 and h.events() == []
        h.extend(12, {"loss": 12.0})
        assert h.last("loss") == (12.0, 12.0)
    assert np.array_equal(source.series("loss")[1], replica.series("loss")[1])
