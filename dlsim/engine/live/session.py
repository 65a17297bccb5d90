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

The history's cadence is `step_log`'s rule; divergence (checked after every step, so a run
diverges at the same step every time) is `divergence`'s; snapshots `snapshot`'s; the past
`rewind`'s.
"""

from __future__ import annotations

import contextlib
import copy
import math
import queue
import threading
import time
from collections import deque
from typing import Any

import numpy as np

from dlsim.engine.live.boundary_job import BoundaryJob
from dlsim.engine.live.divergence import Diverged, check_weights, loss_diverged, thread_stopped
from dlsim.engine.live.history import MetricsHistory
from dlsim.engine.live.interface import (
    SteppableExperiment,
    checked_grid,
    checked_speed,
    checked_steps,
)
from dlsim.engine.live.landscape_job import LandscapeCommands
from dlsim.engine.live.rewind import Rewind
from dlsim.engine.live.snapshot import Snapshot, freeze_params
from dlsim.engine.live.step_log import StepLog
from dlsim.engine.live.unit_maps import GridViews, set_grid

YIELD_INTERVAL_S = 0.0005
YIELD_COST_RATIO = 10.0
_INTERRUPTS = frozenset({"pause", "reset", "replace"})
_ACTIVITIES = frozenset({"run", "step"})


class TrainingSession(LandscapeCommands):
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
        self.share_interpreter = share_interpreter  # yield the GIL (_let_others_run) beside a GUI
        self.history = MetricsHistory(history_capacity)
        self.publish_interval_s = float(publish_interval_s)
        self._log = StepLog(self.history, float(metrics_interval_s))
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
        self._boundary = BoundaryJob(GridViews())  # the boundary and the units' maps
        self._record: Any = None
        self._params: dict[str, dict[str, np.ndarray]] | None = None
        self._message: str | None = None
        self._node_id: str | None = None
        self._serial = 0
        self._applied = 0
        self._elapsed = 0.0
        self._active_since = 0.0
        self._next_step_at = 0.0
        self._last_publish = 0.0
        self._needs_publish = False
        self._done_unsignalled = self._next_yield = 0
        self.rewind = Rewind(self)  # view a past step, branch from it (live/rewind.py)

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

    def set_boundary_grid(self, grid: np.ndarray | None, units: bool = False) -> None:
        """Points (n, n_features) to predict (boundary_job: when); `units`: each unit's map too."""
        self._send("boundary", (checked_grid(grid), bool(units)))

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
            self._message = thread_stopped(exc)
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
        except Diverged as exc:
            self._halt("diverged", str(exc), exc.node_id, exc.step)
        except Exception as exc:  # any engine failure becomes a message
            self._halt("error", str(exc) or type(exc).__name__, getattr(exc, "node_id", None))

    def _halt(self, state: str, message: str, node_id: str | None, step: int | None = None) -> None:
        """Stop training in `state` with a message; never raises (the worker must go on)."""
        if step is not None:  # after the update that diverged: step index 0 is step 1
            self.history.add_event(step + 1, message)
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
            self._boundary.set_grid(None)
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
            (getattr(self, "_cmd_" + kind, None) or getattr(self.rewind, "cmd_" + kind))(payload)
        finally:
            if kind not in _ACTIVITIES:
                self._done_unsignalled += 1

    def _start_activity(self, activity: str | int) -> None:
        now = time.perf_counter()
        self._activity = activity
        self._active_since = now
        self._next_step_at = now
        self._last_publish = now
        self._log.started(now)
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
        self._boundary.forget()
        self._log.restart()
        self._state = state
        self._message = None
        self._node_id = None
        self._measure()
        self._needs_publish = True

    def _cmd_set_training(self, changes: dict) -> None:
        self._exp.set_training(changes)
        self._needs_publish = True

    def _cmd_boundary(self, payload: tuple[np.ndarray | None, bool]) -> None:
        set_grid(self._boundary, payload)
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
            raise loss_diverged(step, loss)
        self._log.log_step(step, loss, record)
        self._params = check_weights(exp, step)
        now = time.perf_counter()
        if self._speed is not None:
            period = 1.0 / self._speed
            self._next_step_at = max(self._next_step_at + period, now - period)
        if isinstance(self._activity, int):
            self._activity -= 1
            if self._activity == 0:
                self._end_activity("paused")
                return
        self._log.maybe_measure(exp, now)
        if now - self._last_publish >= self.publish_interval_s:
            self._publish()

    def _measure(self) -> None:
        self._log.measure(self._exp)

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
        views = self._boundary.boundary(exp, self._activity is not None) if params else None
        elapsed = self._elapsed + (now - self._active_since if self._activity is not None else 0.0)
        self._serial += 1
        self._snapshot = Snapshot(
            step=int(exp.step_count),
            epoch=int(record.epoch) if record is not None else 0,
            elapsed_s=elapsed,
            state="stopped" if self._closing.is_set() else self._state,
            loss=float(record.loss) if record is not None else None,
            metrics=dict(self._log.metrics),
            record=record,
            params=self._params if params else None,
            boundary=views[0] if views else None,
            message=self._message,
            node_id=self._node_id,
            serial=self._serial,
            commands=self._applied,
            confusion=self._log.confusion,
            origin=self.rewind.origin(),
            units=views[1] if views else None,  # live.unit_maps.GridViews
        )
        self._last_publish = now
        self._needs_publish = False
