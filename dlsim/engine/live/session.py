"""A training session: an experiment trained on a background thread, driven by commands.

The GUI (or a script) sends commands — run, pause, step n, reset, change hyper-parameters — that
go through a queue and are applied by the worker between steps. Results come back as immutable
`Snapshot`s (the latest one is read without waiting) and an append-only `MetricsHistory`. The
worker never calls back into its caller; the caller never waits on the worker (except through
`wait_idle`, meant for tests and the command line).

Order of commands. Commands are applied in the order they were sent, with three exceptions that a
user at the controls expects:
- `pause`, `reset`, `replace_experiment` and `close` cut short the step or run in progress, and
  drop the `run`/`step` commands queued before them (other queued commands are still applied);
- while `run` is in progress, other commands are applied between steps without stopping it, and a
  `step(n)` turns the run into n more steps followed by a pause;
- `set_speed` applies at once (it changes the pace, never the result).
A `step(n)` in progress therefore finishes before any later `set_training` or `step` applies, so
the same commands on the same experiment always give the same parameters.

History. "loss" and "grad_norm/<id>" are logged for every step i at x = i (the loss of its batch's
forward pass, before its update). The metrics — "train_loss" (metrics()["loss"], the whole
training set in inference mode), "val_loss", "accuracy", "val_accuracy" — are logged every
`metrics_interval_s` and when a command ends, at x = the number of updates done.

Divergence is checked after every step: a non-finite loss, or a parameter that is non-finite or
larger than `WEIGHT_LIMIT` in magnitude (BatchNorm's running statistics excepted), pauses
training with state "diverged". Checking every step, not every publish, keeps the step at which a
run diverges deterministic. The diverged step's NaN loss is not put in the history; a history
event records the divergence instead.
"""

from __future__ import annotations

import contextlib
import copy
import math
import queue
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from typing import Any, Protocol

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.history import MetricsHistory

WEIGHT_LIMIT = 1e6
YIELD_INTERVAL_S = 0.0005
YIELD_COST_RATIO = 10.0
DIVERGENCE_ADVICE = (
    "Try a lower learning rate, gradient clipping (clipnorm), normalization (BatchNorm), "
    "or a better initializer (He/Glorot)."
)
# metrics()["loss"] (whole training set) is logged as "train_loss"; "loss" is each step's batch.
METRIC_NAMES = {"loss": "train_loss"}
STATES = ("idle", "running", "paused", "diverged", "error", "stopped")

ALL_COMMANDS = sys.maxsize  # see Snapshot.ended
_FINITE_MAX = float(np.finfo(np.float64).max)
_INTERRUPTS = frozenset({"pause", "reset", "replace"})
_ACTIVITIES = frozenset({"run", "step"})


class SteppableExperiment(Protocol):
    """What a session needs from an experiment (`training.experiment.Experiment` has it)."""

    step_count: int

    def step(self, trace: bool = False) -> Any: ...
    def reset(self, seed: int | None = None) -> None: ...
    def set_training(self, changes: dict) -> None: ...
    def metrics(self) -> dict[str, float]: ...
    def params_copy(self) -> dict[str, dict[str, np.ndarray]]: ...
    def predict(self, x: np.ndarray) -> np.ndarray: ...
    def continue_from(self, old: Any) -> None: ...


@dataclass(frozen=True, eq=False)
class Snapshot:
    """What the session looked like at one moment; made by the worker, read-only for everyone.

    `step` is the number of updates done; `elapsed_s` the time spent running or stepping since
    the last reset; `loss` the latest step's loss (None before the first step after a reset);
    `metrics` the latest full-dataset evaluation. Arrays in `params` and `boundary` are
    read-only copies; the record's activation statistics are already computed. `commands` is
    how many commands had been applied (or begun) when it was made: a snapshot with fewer than
    the caller's `commands_sent` predates the caller's latest command (`set_speed`, which
    applies at once, is not counted).
    """

    step: int
    epoch: int
    elapsed_s: float
    state: str
    loss: float | None
    metrics: dict[str, float]
    record: Any
    params: dict[str, dict[str, np.ndarray]] | None
    boundary: np.ndarray | None
    message: str | None
    node_id: str | None
    serial: int
    commands: int = 0

    def ended(self, state: str, message: str | None = None) -> Snapshot:
        """The last word of a session that is gone (stopped, or dead with `message`): it
        reflects every command, sent or still to come, so no caller waits for a newer one."""
        return replace(
            self,
            state=state,
            message=self.message if message is None else message,
            serial=self.serial + 1,
            commands=ALL_COMMANDS,
        )


def checked_steps(n: Any) -> int:
    """`n` as a number of steps to do; DlsimError unless it is a positive integer."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise DlsimError(f"the number of steps must be a positive integer, got {n!r}")
    return int(n)


def checked_speed(steps_per_second: Any) -> float | None:
    """A pace in steps per second (None: flat out); DlsimError unless positive and finite."""
    if steps_per_second is None:
        return None
    sps = float(steps_per_second)
    if not (sps > 0 and math.isfinite(sps)):
        raise DlsimError(
            f"speed must be a positive number of steps per second, got {steps_per_second!r}"
        )
    return sps


def checked_grid(grid: Any) -> np.ndarray | None:
    """A private float64 copy of the boundary grid; DlsimError unless it is 2-D."""
    if grid is None:
        return None
    grid = np.array(grid, dtype=np.float64, copy=True)
    if grid.ndim != 2:
        raise DlsimError(f"the boundary grid must be 2-D (points × features), got {grid.ndim}-D")
    return grid


class _Diverged(Exception):
    """Raised inside the worker when a step diverged; carries the message and node."""

    def __init__(self, step: int, what: str, node_id: str | None = None) -> None:
        # Counted from 1, like the step counter the user sees (step index 0 is "step 1").
        super().__init__(f"Training diverged at step {step + 1}: {what}. {DIVERGENCE_ADVICE}")
        self.step = step
        self.node_id = node_id


def freeze_params(params: dict[str, dict[str, np.ndarray]]) -> dict[str, dict[str, np.ndarray]]:
    """Make every array of `params` read-only (a snapshot's are shared between threads)."""
    for tensors in params.values():
        for a in tensors.values():
            a.flags.writeable = False
    return params


def _check_params(params: dict[str, dict[str, np.ndarray]], step: int) -> None:
    """Raise _Diverged if a parameter is NaN, infinite or beyond WEIGHT_LIMIT in magnitude.

    Running statistics ("running_mean", "running_var" of BatchNorm) follow the data's scale, so
    only NaN or infinity counts there. One concatenated check per step; the per-array search for
    the culprit runs only when it fails.
    """
    weights, stats = [], []
    for tensors in params.values():
        for name, a in tensors.items():
            (stats if name.startswith("running_") else weights).append(a.ravel())
    for group, bound in ((weights, WEIGHT_LIMIT), (stats, _FINITE_MAX)):
        if group:
            flat = np.concatenate(group)
            if flat.size and not (flat.max() <= bound and flat.min() >= -bound):  # NaN: False
                break
    else:
        return
    for node_id, tensors in params.items():
        for name, a in tensors.items():
            if a.size == 0:
                continue
            hi, lo = a.max(), a.min()
            bound = _FINITE_MAX if name.startswith("running_") else WEIGHT_LIMIT
            if hi <= bound and lo >= -bound:
                continue
            if np.isnan(hi) or np.isnan(lo):
                what = f"the parameter {name} of '{node_id}' became NaN"
            elif np.isinf(hi) or np.isinf(lo):
                what = f"the parameter {name} of '{node_id}' became infinite"
            else:
                what = (
                    f"the parameter {name} of '{node_id}' grew beyond {WEIGHT_LIMIT:g} "
                    "(exploding weights)"
                )
            raise _Diverged(step, what, node_id)


class TrainingSession:
    """Trains one experiment on its own daemon thread; see the module docstring for semantics."""

    def __init__(
        self,
        experiment: SteppableExperiment,
        *,
        name: str = "",
        publish_interval_s: float = 1 / 30,
        metrics_interval_s: float = 0.1,
        history_capacity: int = 4096,
        share_interpreter: bool = True,
    ) -> None:
        self.name = name
        # Hand the GIL to other threads now and then (see _let_others_run): needed beside a GUI
        # thread, wasted in a process of its own.
        self.share_interpreter = share_interpreter
        self.history = MetricsHistory(history_capacity)
        self.publish_interval_s = float(publish_interval_s)
        self.metrics_interval_s = float(metrics_interval_s)
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._cond = threading.Condition()
        self._submitted = 0
        self._commands_sent = 0
        self._done = 0
        self._closing = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._state = "idle" if experiment.step_count == 0 else "paused"
        # Everything below is touched by the worker thread only, once it has started.
        self._exp = experiment
        self._pending: deque[tuple[str, Any]] = deque()
        self._activity: str | int | None = None  # None, "run", or steps still to do
        self._speed: float | None = None
        self._trace = False
        self._grid: np.ndarray | None = None
        self._record: Any = None
        self._params: dict[str, dict[str, np.ndarray]] | None = None
        self._metrics: dict[str, float] = {}
        self._metrics_at = -1
        self._norms_at = -1
        self._message: str | None = None
        self._node_id: str | None = None
        self._serial = 0
        self._applied = 0
        self._elapsed = 0.0
        self._active_since = 0.0
        self._next_step_at = 0.0
        self._last_publish = 0.0
        self._last_metrics = 0.0
        self._needs_publish = False
        self._done_unsignalled = 0
        self._next_yield = 0.0

    # ----------------------------------------------------------------- caller side (any thread)

    @property
    def state(self) -> str:
        """The worker's state: idle, running, paused, diverged, error or stopped."""
        return self._state

    def snapshot(self) -> Snapshot | None:
        """The latest published snapshot (None before the worker's first publish); never blocks."""
        return self._snapshot

    def start(self) -> None:
        """Start the worker thread; calling it again, or after close(), does nothing."""
        with self._start_lock:
            if self._thread is not None or self._closed:
                return
            with self._cond:
                self._submitted += 1  # the first publish, so wait_idle() covers it
            label = f"dlsim-session-{self.name}" if self.name else "dlsim-session"
            self._thread = threading.Thread(target=self._worker, name=label, daemon=True)
            self._thread.start()

    def run(self) -> None:
        """Train until pause() (or divergence, or an error)."""
        self._send("run")

    def pause(self) -> None:
        """Stop after the step in progress; queued run/step commands sent earlier are dropped."""
        self._send("pause")

    def step(self, n: int = 1) -> None:
        """Do exactly n steps, then pause (after any step command already queued)."""
        self._send("step", checked_steps(n))

    def reset(self, seed: int | None = None) -> None:
        """Re-initialise the weights (from `seed`, or the file's seed), clear the history."""
        self._send("reset", seed)

    def set_training(self, changes: dict) -> None:
        """Change hyper-parameters, e.g. {"optimizer": {"lr": 0.1}}, before the next step."""
        self._send("set_training", copy.deepcopy(changes))

    def set_speed(self, steps_per_second: float | None) -> None:
        """Hold about this many steps per second; None trains as fast as possible."""
        self._send("speed", checked_speed(steps_per_second))

    def set_boundary_grid(self, grid: np.ndarray | None) -> None:
        """Points (n, n_features) to predict at each publish, for a decision-boundary plot."""
        self._send("boundary", checked_grid(grid))

    def set_trace(self, on: bool) -> None:
        """Trace every following step (the step-through views render the trace)."""
        self._send("trace", bool(on))

    def replace_experiment(self, experiment: SteppableExperiment, carry: bool = False) -> None:
        """Pause and swap in a new experiment (the graph was edited); the old one is dropped.

        With `carry`, the new experiment first `continue_from`s the old one at the step boundary
        where the pause landed, so the weights it keeps are exactly the last step's. The history
        is cleared when the new experiment's step count is lower than the old one's.
        """
        self._send("replace", (experiment, bool(carry)))

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Block until every command sent is applied and nothing runs; False on timeout.

        Meant for tests and the command line; the GUI polls `snapshot()` instead.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._done < self._submitted:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._thread is None or not self._thread.is_alive():
                    return self._done >= self._submitted
                self._cond.wait(min(remaining, 0.1))
            return True

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker and join it (at most `timeout` seconds); later commands are ignored."""
        with self._start_lock:
            if self._closed:
                return
            self._closed = True
        self._closing.set()
        self._queue.put(("close", None))
        if self._thread is not None:
            self._thread.join(timeout)
        self._state = "stopped"
        snap = self._snapshot
        if snap is not None and snap.state != "stopped":
            self._snapshot = snap.ended("stopped")
        with self._cond:
            self._done = self._submitted
            self._cond.notify_all()

    @property
    def commands_sent(self) -> int:
        """How many commands were sent so far (compare with a snapshot's `commands`)."""
        return self._commands_sent

    def _send(self, kind: str, payload: Any = None) -> None:
        if self._closed:
            return
        with self._cond:
            self._submitted += 1
            if kind != "speed":  # applied at once, out of turn: not counted (see Snapshot)
                self._commands_sent += 1
        self._queue.put((kind, payload))
        self.start()

    # ----------------------------------------------------------------------- worker thread

    def _worker(self) -> None:
        try:
            self._guarded(self._initial_publish)
            while not self._closing.is_set():
                if self._activity is None and self._needs_publish:
                    self._guarded(self._publish)
                self._signal()
                self._drain(self._wait_time())
                if self._closing.is_set():
                    break
                self._guarded(self._apply_pending)
                if self._activity is not None and time.perf_counter() >= self._next_step_at:
                    self._guarded(self._do_step)
                    if self._speed is None and self.share_interpreter:
                        self._let_others_run()
        except BaseException as exc:  # the thread must never die silently
            self._state = "error"
            self._message = f"The training thread stopped unexpectedly: {exc!r}"
            snap = self._snapshot
            if snap is not None:
                self._snapshot = snap.ended("error", self._message)
            raise
        finally:
            with self._cond:
                self._cond.notify_all()

    def _let_others_run(self) -> None:
        """Hand the GIL to the GUI thread now and then, so its event loop never waits long.

        Without this a busy worker keeps the GIL for the whole switch interval (5 ms) each time
        the GUI thread wants it back — many times per frame. sleep(0) hands it over reliably but
        costs from tens of µs to a whole time slice on a loaded machine, so the pause between two
        yields is YIELD_COST_RATIO times the last yield's cost (at least YIELD_INTERVAL_S): the
        worker never gives up more than about a tenth of its time. When yielding is that dear the
        pause exceeds the switch interval, and the interpreter's own switching takes over.
        """
        now = time.perf_counter()
        if now >= self._next_yield:
            time.sleep(0)
            after = time.perf_counter()
            pause = min(max(YIELD_INTERVAL_S, YIELD_COST_RATIO * (after - now)), 0.1)
            self._next_yield = after + pause

    def _guarded(self, fn) -> None:
        """Run fn; an experiment error (or divergence) pauses training and is published."""
        try:
            fn()
        except _Diverged as exc:
            self._halt("diverged", str(exc), exc.node_id, exc.step)
        except Exception as exc:  # any engine failure becomes a message
            self._halt("error", str(exc) or type(exc).__name__, getattr(exc, "node_id", None))

    def _halt(self, state: str, message: str, node_id: str | None, step: int | None = None) -> None:
        """Stop training in `state` with a message; never raises (the worker must go on)."""
        if step is not None:
            self.history.add_event(step, message)
        self._end_activity(state, measure=False)
        if state == "diverged":
            with contextlib.suppress(Exception):  # metrics of diverged weights may fail
                self._measure()
        self._state = state
        self._message = message
        self._node_id = node_id
        try:
            self._publish()
        except Exception:  # the failure may be in predict/params: publish without them
            self._grid = None
            self._params = None
            with contextlib.suppress(Exception):
                self._publish(params=False)

    def _signal(self) -> None:
        if self._done_unsignalled:
            with self._cond:
                self._done += self._done_unsignalled
                self._cond.notify_all()
            self._done_unsignalled = 0

    def _wait_time(self) -> float | None:
        """How long to wait for commands: for ever when idle, until the next step otherwise."""
        if self._activity is None:
            return 0.0 if self._pending else None
        if self._speed is None:
            return 0.0
        return max(0.0, self._next_step_at - time.perf_counter())

    def _drain(self, timeout: float | None) -> None:
        """Move arrived commands to the pending list, waiting up to `timeout` (None: for one)."""
        q = self._queue
        if timeout is None or timeout > 0:
            try:
                self._take(q.get(timeout=timeout))
            except queue.Empty:
                return
        while not q.empty():
            self._take(q.get_nowait())

    def _take(self, cmd: tuple[str, Any]) -> None:
        kind, payload = cmd
        if kind == "speed":
            self._speed = payload
            self._next_step_at = time.perf_counter()
            self._needs_publish = True
            self._done_unsignalled += 1
        elif kind != "close":
            self._pending.append(cmd)

    def _apply_pending(self) -> None:
        pending = self._pending
        last_interrupt = -1
        for i, (kind, _payload) in enumerate(pending):
            if kind in _INTERRUPTS:
                last_interrupt = i
        if last_interrupt >= 0:
            self._end_activity("paused")
            for _ in range(last_interrupt + 1):
                kind, payload = pending.popleft()
                if kind in _ACTIVITIES:
                    self._done_unsignalled += 1
                    self._applied += 1
                else:
                    self._apply(kind, payload)
        while pending and not isinstance(self._activity, int):
            kind, payload = pending.popleft()
            self._apply(kind, payload)

    def _apply(self, kind: str, payload: Any) -> None:
        """Apply one command; it counts as done when it returns, unless it starts an activity."""
        self._applied += 1
        try:
            getattr(self, "_cmd_" + kind)(payload)
        finally:
            if kind not in _ACTIVITIES:
                self._done_unsignalled += 1

    def _start_activity(self, activity: str | int) -> None:
        now = time.perf_counter()
        self._activity = activity
        self._active_since = now
        self._next_step_at = now
        self._last_publish = now
        self._last_metrics = now
        self._state = "running"
        self._message = None
        self._node_id = None

    def _end_activity(self, state: str, measure: bool = True) -> None:
        """Stop the run or steps in progress (counting its command as done) and measure."""
        if self._activity is None:
            return
        self._activity = None
        self._elapsed += time.perf_counter() - self._active_since
        self._state = state
        self._done_unsignalled += 1
        self._needs_publish = True
        if measure:
            self._measure()

    def _cmd_run(self, _payload: None) -> None:
        if self._activity != "run":
            self._start_activity("run")
        else:
            self._done_unsignalled += 1

    def _cmd_step(self, n: int) -> None:
        if self._activity == "run":
            self._activity = n
            self._done_unsignalled += 1
        else:
            self._start_activity(n)

    def _cmd_pause(self, _payload: None) -> None:
        self._end_activity("paused")

    def _cmd_reset(self, seed: int | None) -> None:
        self._exp.reset(seed)
        self._restart("idle", clear=True)
        self._elapsed = 0.0

    def _cmd_replace(self, payload: tuple[SteppableExperiment, bool]) -> None:
        experiment, carry = payload
        old_count = self._exp.step_count
        if carry:
            experiment.continue_from(self._exp)
        self._exp = experiment
        count = experiment.step_count
        self._restart("idle" if count == 0 else "paused", clear=count < old_count)

    def _restart(self, state: str, clear: bool) -> None:
        if clear:
            self.history.clear()
        self._record = None
        self._params = None
        self._metrics = {}
        self._metrics_at = -1
        self._norms_at = -1
        self._state = state
        self._message = None
        self._node_id = None
        self._measure()
        self._needs_publish = True

    def _cmd_set_training(self, changes: dict) -> None:
        self._exp.set_training(changes)
        self._needs_publish = True

    def _cmd_boundary(self, grid: np.ndarray | None) -> None:
        self._grid = grid
        self._needs_publish = True

    def _cmd_trace(self, on: bool) -> None:
        self._trace = on
        self._needs_publish = True

    def _initial_publish(self) -> None:
        try:
            self._measure()
            self._publish()
        finally:
            self._done_unsignalled += 1

    def _do_step(self) -> None:
        exp = self._exp
        self._params = None
        record = exp.step(trace=self._trace)
        self._record = record
        step = int(record.step)
        loss = float(record.loss)
        if not math.isfinite(loss):
            what = "NaN" if math.isnan(loss) else "infinite"
            raise _Diverged(step, f"the loss became {what}")
        values = {"loss": loss}
        # Every step for the first thousand, then ~1000 per tenfold growth: the plot keeps its
        # shape on a log axis and a long flat-out run does not pay for a norm it never shows.
        if step - self._norms_at >= max(1, step // 1000) or self._norms_at > step:
            self._norms_at = step
            for node_id, norm in record.grad_norms().items():
                values["grad_norm/" + node_id] = norm
        self.history.extend(step, values)
        weight_range = getattr(exp, "weight_range", None)
        if weight_range is not None:
            # Two reductions over the live weights; the culprit is looked up only on failure.
            lo, hi = weight_range()
            if not (hi <= WEIGHT_LIMIT and lo >= -WEIGHT_LIMIT):
                _check_params(exp.params_copy(), step)
        else:
            params = exp.params_copy()
            _check_params(params, step)
            self._params = params
        now = time.perf_counter()
        if self._speed is not None:
            period = 1.0 / self._speed
            self._next_step_at = max(self._next_step_at + period, now - period)
        if isinstance(self._activity, int):
            self._activity -= 1
            if self._activity == 0:
                self._end_activity("paused")
                return
        # Time-based for long runs; step-based early on, so a short burst (Step 100) still
        # draws a curve: at least ~50 measurements per tenfold growth of the step count.
        count = exp.step_count
        due_by_steps = count - self._metrics_at >= max(10, count // 50)
        if due_by_steps or now - self._last_metrics >= self.metrics_interval_s:
            self._measure()
            self._last_metrics = now
        if now - self._last_publish >= self.publish_interval_s:
            self._publish()

    def _measure(self) -> None:
        """Evaluate metrics on the full data set once per step count; log the finite ones."""
        count = self._exp.step_count
        if count == self._metrics_at:
            return
        metrics = {k: float(v) for k, v in self._exp.metrics().items()}
        self._metrics = metrics
        self._metrics_at = count
        finite = {METRIC_NAMES.get(k, k): v for k, v in metrics.items() if math.isfinite(v)}
        if finite:
            self.history.extend(count, finite)

    def _publish(self, params: bool = True) -> None:
        exp = self._exp
        now = time.perf_counter()
        record = self._record
        if record is not None:
            record.activation_stats()  # computed here, so the GUI thread only reads them
            record.grad_norms()
        if params:
            self._params = freeze_params(
                exp.params_copy() if self._params is None else self._params
            )
        boundary = None
        if params and self._grid is not None:
            boundary = np.array(exp.predict(self._grid), copy=True)
            boundary.flags.writeable = False
        elapsed = self._elapsed + (now - self._active_since if self._activity is not None else 0.0)
        self._serial += 1
        self._snapshot = Snapshot(
            step=int(exp.step_count),
            epoch=int(record.epoch) if record is not None else 0,
            elapsed_s=elapsed,
            state="stopped" if self._closing.is_set() else self._state,
            loss=float(record.loss) if record is not None else None,
            metrics=dict(self._metrics),
            record=record,
            params=self._params if params else None,
            boundary=boundary,
            message=self._message,
            node_id=self._node_id,
            serial=self._serial,
            commands=self._applied,
        )
        self._last_publish = now
        self._needs_publish = False
