"""The training session: commands in, snapshots and history out, on a background thread.

Most tests drive a small stand-in experiment — least squares y = x·W + b fitted by gradient
descent in NumPy — so that what the session did can be checked against doing the same by hand.
"""

from __future__ import annotations

import math
import threading
import time

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.live.divergence import DIVERGENCE_ADVICE, WEIGHT_LIMIT
from dlsim.engine.live.session import TrainingSession
from dlsim.engine.training.experiment import Experiment

XOR_LEARN = resources.examples_dir() / "xor_learn.dlsim"
TRUE_W = np.array([[2.0], [-1.0]])
TRUE_B = 0.5


class FakeRecord:
    """The parts of a StepRecord a session uses."""

    def __init__(self, step, epoch, loss, grad_norm, out, trace):
        self.step, self.epoch, self.loss, self.trace = step, epoch, loss, trace
        self._grad_norm, self._out = grad_norm, out
        self.stats_calls = 0

    def grad_norms(self):
        return {"out": self._grad_norm}

    def activation_stats(self):
        self.stats_calls += 1
        counts, edges = np.histogram(self._out, bins=10)
        return {
            "out": {
                "hist": counts,
                "edges": edges,
                "dead_fraction": None,
                "saturated_fraction": None,
                "mean": float(self._out.mean()),
                "std": float(self._out.std()),
            }
        }


class LinearFake:
    """Least squares fitted by (mini-batch) gradient descent: the SteppableExperiment protocol."""

    def __init__(self, seed: int = 0, lr: float = 0.1, batch_size: int | None = None, n: int = 40):
        data = np.random.default_rng(1234)
        x = data.normal(size=(n + 10, 2))
        y = x @ TRUE_W + TRUE_B + 0.1 * data.normal(size=(n + 10, 1))
        self.x, self.y, self.x_val, self.y_val = x[:n], y[:n], x[n:], y[n:]
        self.file_seed = seed
        self.lr = lr
        self.batch_size = batch_size
        self.log: list[tuple[int, float, int | None, bool]] = []  # (step, lr, batch_size, trace)
        self.fail_at: int | None = None  # step index at which step() raises
        self.nan_at: int | None = None  # step index whose loss comes out NaN
        self.gate: threading.Event | None = None  # when set up, step() waits for it
        self.entered = threading.Event()
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        rng = np.random.default_rng(self.file_seed if seed is None else seed)
        self.W = rng.normal(size=(2, 1))
        self.b = np.zeros(1)
        self.step_count = 0

    def step(self, trace: bool = False) -> FakeRecord:
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(timeout=10)
        i = self.step_count
        if self.fail_at == i:
            raise DlsimError("layer 'out' received 3 features but expects 2", node_id="out")
        n = len(self.x)
        bs = n if self.batch_size is None else self.batch_size
        idx = (np.arange(bs) + i * bs) % n
        xb, yb = self.x[idx], self.y[idx]
        out = xb @ self.W + self.b
        err = out - yb
        loss = float(np.mean(err**2)) if self.nan_at != i else math.nan
        gW, gb = 2 * xb.T @ err / bs, 2 * err.mean(axis=0)
        self.W = self.W - self.lr * gW
        self.b = self.b - self.lr * gb
        self.log.append((i, self.lr, self.batch_size, trace))
        self.step_count += 1
        norm = float(np.sqrt(np.sum(gW**2) + np.sum(gb**2)))
        return FakeRecord(i, (i * bs) // n, loss, norm, out, {"lr": self.lr} if trace else None)

    def set_training(self, changes: dict) -> None:
        for key, value in changes.items():
            if key == "optimizer" and set(value) <= {"lr"}:
                if not value.get("lr", 1) > 0:
                    raise DlsimError(f"the learning rate must be positive, not {value['lr']!r}")
                self.lr = value.get("lr", self.lr)
            elif key == "batch_size":
                self.batch_size = value
            else:
                raise DlsimError(f"unknown training setting '{key}'")

    def metrics(self) -> dict[str, float]:
        return {
            "loss": float(np.mean((self.predict(self.x) - self.y) ** 2)),
            "val_loss": float(np.mean((self.predict(self.x_val) - self.y_val) ** 2)),
        }

    def confusions(self) -> dict:
        return {}  # a regression

    def params_copy(self) -> dict[str, dict[str, np.ndarray]]:
        return {"out": {"W": self.W.copy(), "b": self.b.copy()}}

    def predict(self, x: np.ndarray) -> np.ndarray:
        return x @ self.W + self.b


def _by_hand(n_steps: int, **kwargs) -> tuple[LinearFake, list[float]]:
    """The same experiment stepped directly, no session: what the session must reproduce."""
    exp = LinearFake(**kwargs)
    losses = [exp.step().loss for _ in range(n_steps)]
    return exp, losses


@pytest.fixture
def make_session():
    sessions: list[TrainingSession] = []

    def make(exp=None, **kwargs) -> TrainingSession:
        s = TrainingSession(LinearFake() if exp is None else exp, **kwargs)
        sessions.append(s)
        s.start()
        return s

    yield make
    for s in sessions:
        s.close(timeout=2)


def _wait_for(predicate, timeout: float = 5.0) -> bool:
    """Poll a condition that no command completion signals (e.g. 'a run has made progress')."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.002)
    return predicate()


def test_step_n_does_exactly_n_steps_like_stepping_by_hand(make_session):
    exp = LinearFake()
    s = make_session(exp)
    s.step(5)
    assert s.wait_idle()
    assert exp.step_count == 5
    snap = s.snapshot()
    assert snap.step == 5 and snap.state == "paused" and s.state == "paused"
    by_hand, losses = _by_hand(5)
    x, y = s.history.series("loss")
    np.testing.assert_array_equal(x, [0, 1, 2, 3, 4])  # loss of step i, before its update
    np.testing.assert_array_equal(y, losses)
    np.testing.assert_array_equal(snap.params["out"]["W"], by_hand.W)
    assert snap.loss == losses[-1]


def test_a_second_step_command_queues_after_the_first(make_session):
    exp = LinearFake()
    s = make_session(exp)
    s.step(3)
    s.step(4)
    assert s.wait_idle()
    assert exp.step_count == 7
    assert [entry[0] for entry in exp.log] == list(range(7))


def test_run_then_pause_leaves_the_counter_still(make_session):
    exp = LinearFake(lr=0.01)
    s = make_session(exp)
    s.run()
    assert _wait_for(lambda: exp.step_count >= 20)
    assert s.wait_idle(timeout=0.05) is False  # still running
    s.pause()
    assert s.wait_idle()
    stopped_at = exp.step_count
    assert s.state == "paused" and s.snapshot().step == stopped_at
    time.sleep(0.1)  # not synchronisation: give a runaway worker the chance to show itself
    assert exp.step_count == stopped_at
    assert len(s.history.series("loss")[0]) == stopped_at


def test_commands_from_other_threads(make_session):
    exp = LinearFake()
    s = make_session(exp)

    def press_step_three_times() -> None:
        for _ in range(3):
            s.step(2)

    threads = [threading.Thread(target=press_step_three_times) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    assert s.wait_idle()
    assert exp.step_count == 4 * 3 * 2


def test_reset_reproduces_the_same_first_loss_and_clears_the_history(make_session):
    s = make_session()
    s.step(3)
    assert s.wait_idle()
    first = s.history.series("loss")[1][0]
    s.reset()
    assert s.wait_idle()
    snap = s.snapshot()
    assert snap.step == 0 and snap.state == "idle" and snap.loss is None and snap.record is None
    assert s.history.series("loss")[0].size == 0
    s.step(1)
    assert s.wait_idle()
    assert s.history.series("loss")[1][0] == first
    # Another seed draws other initial weights, exactly as reset(seed) on the experiment does.
    s.reset(seed=7)
    s.step(1)
    assert s.wait_idle()
    other = LinearFake()
    other.reset(seed=7)
    assert s.history.series("loss")[1][0] == other.step().loss != first


def test_same_commands_give_the_same_parameters():
    def play() -> dict:
        s = TrainingSession(LinearFake())
        try:
            s.step(4)
            s.set_training({"optimizer": {"lr": 0.05}})
            s.step(3)
            s.set_training({"batch_size": 8})
            s.step(5)
            s.reset()
            s.step(2)
            s.set_training({"optimizer": {"lr": 0.2}})
            s.step(6)
            assert s.wait_idle()
            return s.snapshot().params
        finally:
            s.close()

    a, b = play(), play()
    np.testing.assert_array_equal(a["out"]["W"], b["out"]["W"])
    np.testing.assert_array_equal(a["out"]["b"], b["out"]["b"])


def test_set_training_reaches_the_experiment_before_the_next_step(make_session):
    exp = LinearFake(lr=0.1)
    s = make_session(exp)
    s.step(3)
    s.set_training({"optimizer": {"lr": 0.05}})  # sent while the three steps may still run
    s.step(2)
    assert s.wait_idle()
    assert [lr for _, lr, _, _ in exp.log] == [0.1, 0.1, 0.1, 0.05, 0.05]
    # While running, a change applies between two steps without stopping the run.
    s.run()
    assert _wait_for(lambda: exp.step_count >= 15)
    s.set_training({"batch_size": 4})
    assert _wait_for(lambda: exp.log[-1][2] == 4)
    assert s.state == "running"
    s.pause()
    assert s.wait_idle()
    sizes = [bs for _, _, bs, _ in exp.log[5:]]
    switched = sizes.index(4)
    assert switched > 0 and set(sizes[:switched]) == {None} and set(sizes[switched:]) == {4}


def test_a_bad_setting_is_reported_and_the_session_goes_on(make_session):
    exp = LinearFake()
    s = make_session(exp)
    s.set_training({"optimizer": {"lr": -1.0}})
    assert s.wait_idle()
    assert s.state == "error"
    assert s.snapshot().message == "the learning rate must be positive, not -1.0"
    s.set_training({"optimizer": {"lr": 0.2}})
    s.step(2)
    assert s.wait_idle()
    assert s.state == "paused" and s.snapshot().message is None
    assert [lr for _, lr, _, _ in exp.log] == [0.2, 0.2]


def _first_exploding_step(lr: float) -> int:
    """The index of the first step after whose update some |w| exceeds WEIGHT_LIMIT."""
    exp = LinearFake(lr=lr)
    while True:
        record = exp.step()
        assert math.isfinite(record.loss)
        if max(np.abs(exp.W).max(), np.abs(exp.b).max()) > WEIGHT_LIMIT:
            return record.step


def test_exploding_weights_pause_with_a_message_and_no_nan_in_history(make_session):
    # Gradient descent on least squares diverges when lr exceeds 2 / (largest curvature); the
    # curvature here is about 2·var(x) ≈ 2, so lr = 10 multiplies the error by ~ -19 each step.
    expected = _first_exploding_step(lr=10.0)
    exp = LinearFake(lr=10.0)
    s = make_session(exp)
    s.run()
    assert s.wait_idle()  # the run ends by itself
    snap = s.snapshot()
    assert s.state == snap.state == "diverged"
    assert exp.step_count == expected + 1
    assert snap.message == (
        f"Training diverged at step {expected + 1}: the parameter W of 'out' grew beyond 1e+06 "
        f"(exploding weights). {DIVERGENCE_ADVICE}"
    ) or snap.message == (
        f"Training diverged at step {expected + 1}: the parameter b of 'out' grew beyond 1e+06 "
        f"(exploding weights). {DIVERGENCE_ADVICE}"
    )
    assert snap.node_id == "out"
    # the loss plot's "diverged" marker: at the step the message names (counted from 1)
    assert [x for x, _ in s.history.events()] == [expected + 1]
    for name in s.history.names():
        assert np.all(np.isfinite(s.history.series(name, finite_only=False)[1])), name
    time.sleep(0.05)  # a diverged session must stay still
    assert exp.step_count == expected + 1


def test_a_nan_loss_pauses_with_the_lecture_sentence_and_is_not_plotted(make_session):
    exp = LinearFake()
    exp.nan_at = 4
    s = make_session(exp)
    s.step(10)
    assert s.wait_idle()
    snap = s.snapshot()
    assert snap.state == "diverged" and exp.step_count == 5
    assert snap.message == (
        "Training diverged at step 5: the loss became NaN. Try a lower learning rate, gradient "
        "clipping (clipnorm), normalization (BatchNorm), or a better initializer (He/Glorot)."
    )
    x, y = s.history.series("loss", finite_only=False)
    np.testing.assert_array_equal(x, [0, 1, 2, 3])
    assert np.all(np.isfinite(y))
    assert s.history.series("grad_norm/out")[0].tolist() == [0, 1, 2, 3]


def test_an_engine_error_gives_state_error_and_reset_recovers(make_session):
    exp = LinearFake()
    exp.fail_at = 2
    s = make_session(exp)
    s.run()
    assert s.wait_idle()
    snap = s.snapshot()
    assert s.state == snap.state == "error"
    assert snap.message == "layer 'out' received 3 features but expects 2"
    assert snap.node_id == "out"
    assert exp.step_count == 2
    exp.fail_at = None
    s.reset()
    s.step(3)
    assert s.wait_idle()
    snap = s.snapshot()
    assert snap.state == "paused" and snap.step == 3 and snap.message is None


def test_replace_experiment_pauses_and_trains_the_new_one(make_session):
    old = LinearFake(lr=0.01)
    s = make_session(old)
    s.run()
    assert _wait_for(lambda: old.step_count >= 10)
    new = LinearFake(seed=3)
    s.replace_experiment(new)
    assert s.wait_idle()
    stopped_at = old.step_count
    snap = s.snapshot()
    assert snap.state == "idle" and snap.step == 0
    assert s.history.series("loss")[0].size == 0  # a fresh model starts a fresh history
    s.step(2)
    assert s.wait_idle()
    assert new.step_count == 2 and old.step_count == stopped_at


def test_metrics_are_logged_at_the_end_of_a_command(make_session):
    exp = LinearFake()
    s = make_session(exp)
    s.step(5)
    assert s.wait_idle()
    by_hand, _ = _by_hand(5)
    expected = by_hand.metrics()
    assert s.snapshot().metrics == expected
    # The whole-training-set loss is "train_loss"; "loss" is each step's batch loss.
    for name, key in (("train_loss", "loss"), ("val_loss", "val_loss")):
        x, y = s.history.series(name)
        assert x[0] == 0 and x[-1] == 5  # measured before training and after the 5 updates
        assert y[-1] == expected[key]


def test_boundary_grid_is_predicted_with_the_published_weights(make_session):
    s = make_session()
    g = np.linspace(-1, 1, 5)
    grid = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    s.set_boundary_grid(grid)
    s.step(2)
    assert s.wait_idle()
    snap = s.snapshot()
    W, b = snap.params["out"]["W"], snap.params["out"]["b"]
    np.testing.assert_allclose(snap.boundary, grid @ W + b)
    with pytest.raises(ValueError):
        W[0, 0] = 1.0  # the snapshot is read-only for the GUI
    s.set_boundary_grid(None)
    assert s.wait_idle()
    assert s.snapshot().boundary is None


class SlowBoundaryFake(LinearFake):
    """Predicting the 7-point boundary grid takes 20 ms, like a big grid through a wide net."""

    GRID = np.linspace(-1, 1, 14).reshape(7, 2)

    def __init__(self) -> None:
        super().__init__()
        self.grid_predictions = 0

    def predict(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == len(self.GRID):
            self.grid_predictions += 1
            time.sleep(0.02)
        return super().predict(x)


def test_a_costly_boundary_grid_takes_at_most_a_tenth_of_a_runs_time(make_session):
    exp = SlowBoundaryFake()
    s = make_session(exp, publish_interval_s=1 / 30)
    s.set_boundary_grid(exp.GRID)
    assert s.wait_idle()
    before = exp.grid_predictions
    started = time.perf_counter()
    s.run()
    seen = []
    while time.perf_counter() - started < 1.5:
        snap = s.snapshot()
        if snap.state == "running":
            seen.append(snap.boundary)
        time.sleep(0.01)
    s.pause()
    assert s.wait_idle()
    elapsed = time.perf_counter() - started
    during = exp.grid_predictions - before - 1  # the pause's publish predicts once more
    # every publish (30 a second) predicted it before: 45 times, 0.9 s of the 1.5
    assert 2 <= during <= elapsed * 0.1 / 0.02 + 2
    assert seen and all(b is not None for b in seen)  # the last map is carried in between
    snap = s.snapshot()
    W, b = snap.params["out"]["W"], snap.params["out"]["b"]
    np.testing.assert_allclose(snap.boundary, exp.GRID @ W + b)  # at rest: the current weights'


def test_trace_applies_to_the_following_steps(make_session):
    exp = LinearFake()
    s = make_session(exp)
    s.set_trace(True)
    s.step(1)
    s.set_trace(False)
    s.step(1)
    assert s.wait_idle()
    assert [traced for *_, traced in exp.log] == [True, False]
    assert s.snapshot().record.trace is None


def test_activation_statistics_are_computed_by_the_worker(make_session):
    s = make_session()
    s.step(1)
    assert s.wait_idle()
    record = s.snapshot().record
    assert record.stats_calls >= 1  # the GUI thread will not have to compute them


def test_speed_limits_steps_per_second_and_pause_is_immediate(make_session):
    exp = LinearFake(lr=0.01)
    s = make_session(exp)
    s.set_speed(40)
    s.run()
    t0 = time.monotonic()
    assert _wait_for(lambda: exp.step_count >= 5)
    time.sleep(0.3)
    count, elapsed = exp.step_count, time.monotonic() - t0
    assert count <= 40 * elapsed + 3
    s.set_speed(0.5)  # one step every two seconds…
    t0 = time.monotonic()
    s.pause()
    assert s.wait_idle(timeout=1.0)  # …yet pause does not wait for the next one
    assert time.monotonic() - t0 < 0.5
    s.set_speed(None)
    with pytest.raises(DlsimError, match="speed"):
        s.set_speed(0)


def test_publishing_is_rate_limited_while_running(make_session):
    exp = LinearFake(lr=0.001)
    s = make_session(exp, publish_interval_s=0.05)
    assert s.wait_idle()
    serial0 = s.snapshot().serial
    s.run()
    t0 = time.monotonic()
    assert _wait_for(lambda: exp.step_count >= 2000, timeout=20)
    s.pause()
    assert s.wait_idle()
    elapsed = time.monotonic() - t0
    publishes = s.snapshot().serial - serial0
    assert publishes <= elapsed / 0.05 + 3
    assert exp.step_count > 5 * publishes  # far fewer snapshots than steps


def test_two_sessions_train_side_by_side_and_close_quickly():
    a, b = LinearFake(lr=0.01), LinearFake(lr=0.02)
    sa, sb = TrainingSession(a, name="a"), TrainingSession(b, name="b")
    sa.run()
    sb.run()
    assert _wait_for(lambda: a.step_count > 50 and b.step_count > 50)
    t0 = time.monotonic()
    sa.close()
    sb.close()
    assert time.monotonic() - t0 < 1.0
    names = {t.name for t in threading.enumerate()}
    assert "dlsim-session-a" not in names and "dlsim-session-b" not in names
    assert sa.state == sb.state == "stopped"


def test_close_while_running_is_quick_and_idempotent():
    exp = LinearFake(lr=0.01)
    s = TrainingSession(exp, name="closing")
    s.run()
    assert _wait_for(lambda: exp.step_count > 10)
    t0 = time.monotonic()
    s.close()
    assert time.monotonic() - t0 < 1.0
    assert "dlsim-session-closing" not in {t.name for t in threading.enumerate()}
    assert s.state == "stopped" and s.snapshot().state == "stopped"
    s.close()
    s.step(3)  # ignored after close
    assert s.wait_idle(timeout=0.1)
    count = exp.step_count
    time.sleep(0.05)
    assert exp.step_count == count


def test_a_stuck_step_never_blocks_snapshot_or_close():
    exp = LinearFake()
    exp.gate = threading.Event()
    s = TrainingSession(exp, name="stuck")
    try:
        s.step(1)
        assert exp.entered.wait(timeout=5)
        t0 = time.monotonic()
        s.snapshot()
        assert s.state == "running"
        assert time.monotonic() - t0 < 0.01
        s.close(timeout=0.2)
        assert time.monotonic() - t0 < 1.0
        assert s.state == "stopped"
    finally:
        exp.gate.set()
    thread = next((t for t in threading.enumerate() if t.name == "dlsim-session-stuck"), None)
    if thread is not None:
        thread.join(timeout=5)
        assert not thread.is_alive()


def test_the_gui_thread_stays_responsive_while_training_flat_out(make_session):
    exp = LinearFake(lr=0.001)
    s = make_session(exp)
    s.run()
    assert _wait_for(lambda: exp.step_count > 10)
    worst = 0.0
    end = time.monotonic() + 0.3
    while time.monotonic() < end:  # a stand-in GUI event loop ticking every millisecond
        t = time.monotonic()
        time.sleep(0.001)
        worst = max(worst, time.monotonic() - t)
    s.pause()
    assert s.wait_idle()
    assert worst < 0.05


def test_bad_step_counts_are_refused():
    s = TrainingSession(LinearFake())
    try:
        for bad in (0, -3, 2.5, True):
            with pytest.raises(DlsimError, match="number of steps"):
                s.step(bad)
    finally:
        s.close()


def test_the_real_experiment_trains_in_a_session_exactly_as_by_hand():
    by_hand = Experiment.load(XOR_LEARN)
    losses = [by_hand.step().loss for _ in range(25)]
    s = TrainingSession(Experiment.load(XOR_LEARN), name="xor")
    try:
        corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        s.set_boundary_grid(corners)
        s.step(25)
        assert s.wait_idle()
        snap = s.snapshot()
        assert snap.state == "paused" and snap.step == 25
        np.testing.assert_array_equal(s.history.series("loss")[1], losses)
        for node_id, tensors in by_hand.params_copy().items():
            for name, value in tensors.items():
                np.testing.assert_array_equal(snap.params[node_id][name], value)
        np.testing.assert_array_equal(snap.boundary, by_hand.predict(corners))
        assert {"grad_norm/h", "grad_norm/y"} <= set(s.history.names())
        assert set(snap.record.activation_stats()) >= {"h", "y"}
        assert snap.metrics == by_hand.metrics()
    finally:
        s.close()


class BatchNormFake(LinearFake):
    """Adds BatchNorm-like running statistics, which follow the data's scale, not the weights'."""

    running_var = 1e9

    def params_copy(self):
        out = super().params_copy()
        out["bn"] = {"gamma": np.ones(2), "running_var": np.full(2, self.running_var)}
        return out


def test_large_running_statistics_are_not_exploding_weights_but_nan_ones_are(make_session):
    exp = BatchNormFake()
    s = make_session(exp)
    s.step(3)
    assert s.wait_idle()
    assert s.state == "paused"  # a variance of 1e9 is just data with large values
    exp.running_var = math.nan
    s.step(3)
    assert s.wait_idle()
    snap = s.snapshot()
    assert snap.state == "diverged" and snap.node_id == "bn" and exp.step_count == 4
    assert "running_var of 'bn' became NaN" in snap.message


def test_pause_cancels_steps_sent_before_it_but_not_after(make_session):
    exp = LinearFake()
    s = make_session(exp)
    s.set_speed(100)
    s.step(1000)  # ten seconds' worth at this speed
    assert _wait_for(lambda: exp.step_count >= 3)
    s.pause()
    s.set_training({"optimizer": {"lr": 0.05}})
    s.step(2)
    s.set_speed(None)
    assert s.wait_idle()
    assert exp.step_count < 1000 and s.state == "paused"
    # The steps sent after the pause ran, with the setting sent after it: exactly two at 0.05.
    rates = [lr for _, lr, _, _ in exp.log]
    assert rates[-2:] == [0.05, 0.05] and set(rates[:-2]) == {0.1}


def test_step_while_running_turns_the_run_into_n_more_steps(make_session):
    exp = LinearFake(lr=0.01)
    s = make_session(exp)
    s.set_speed(200)
    s.run()
    assert _wait_for(lambda: exp.step_count >= 3)
    s.step(5)
    assert s.wait_idle()
    assert s.state == "paused"
    count = exp.step_count
    time.sleep(0.05)
    assert exp.step_count == count  # the run is over


def test_elapsed_time_counts_training_and_restarts_on_reset(make_session):
    s = make_session()
    s.set_speed(100)
    s.step(10)  # about 0.1 s at this speed
    assert s.wait_idle()
    assert 0.05 < s.snapshot().elapsed_s < 2.0
    s.reset()
    assert s.wait_idle()
    assert s.snapshot().elapsed_s == 0.0


class BrokenMetricsFake(LinearFake):
    def metrics(self):
        raise DlsimError("the validation set has 3 columns but the output layer 'out' has 1")


def test_a_failing_evaluation_is_an_error_and_replace_experiment_recovers(make_session):
    s = make_session(BrokenMetricsFake())
    s.step(2)
    assert s.wait_idle()
    assert s.state == "error" and "validation set" in s.snapshot().message
    fixed = LinearFake()
    s.replace_experiment(fixed)
    s.step(2)
    assert s.wait_idle()
    assert s.state == "paused" and fixed.step_count == 2 and s.snapshot().message is None
