"""A training session in a process of its own, so training and drawing never share one interpreter.

Python runs one thread at a time per process. With training on a thread of the GUI's process,
every plot the GUI drew held training back and every training step held the GUI back; on two
cores the window stuttered or training crawled. A `ProcessSession` takes the same commands and
gives the same `snapshot()`, `history`, `wait_idle` and `close` as a `TrainingSession`, but the
session itself — a real `TrainingSession` on the experiment, pickled across — runs in a child
process, and each side gets a core.

Traffic, over one pipe:
- parent → child: a `PackedExperiment`'s bytes first, when the session was given one (the
  GUI thread copies nothing); each command as ("call", method, args), applied in order (the inner
  session's rules for order hold unchanged); ("sync", n, timeout) waits in the child until the
  inner session is idle, then answers ("synced", n, ok) after a final update; ("close",).
- child → parent: ("update", snapshot, keep_params, journal, keep_views) about every
  `publish_interval_s`
  when something changed, and ("past", snapshot) when the inner `rewind` made one of a past
  step (`view_step`). The snapshot's record is `detached` (statistics, no batch arrays); the
  journal is what the inner history recorded since the last update, replayed into this side's
  `history`, so both hold the same points. ("landscape", status) when a loss landscape job's
  `LandscapeStatus` changed (`landscape_job`). Large parameter sets are sent at most
  `PARAMS_INTERVAL_S` apart while running (`keep_params`: the last ones still stand). The
  boundary grid's map and the units' maps go only when predicted anew (`keep_views`: a run
  predicts them a tenth of the time), so this side's snapshots share the last ones, as the
  inner session's do, and a plot can tell an unchanged map by identity.

The caller never waits on the child: commands are pickled on the caller's thread (so later
changes to an argument cannot leak into it) and written to the pipe by a sender thread. If the
child dies or cannot start, the session turns to state "error" with a message; `close()` kills a
child that does not stop within its timeout.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import queue
import threading
import time
from dataclasses import replace
from multiprocessing.reduction import ForkingPickler
from typing import Any

from dlsim.engine import text
from dlsim.engine.live.history import MetricsHistory
from dlsim.engine.live.interface import (
    PackedExperiment,
    SteppableExperiment,
    checked_grid,
    checked_speed,
    checked_steps,
)
from dlsim.engine.live.landscape_job import LandscapeStatus
from dlsim.engine.live.process_child import _child_main
from dlsim.engine.live.rewind import checked_step
from dlsim.engine.live.snapshot import Snapshot, freeze_params
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.views.landscape import LandscapeRequest, checked_request

SYNC_GRACE_S = 2.0  # how much longer than asked wait_idle waits for the child's answer
UNCOUNTED = frozenset({"set_speed", "cancel_landscape"})  # applied at once, out of turn
DIED = QT_TRANSLATE_NOOP("Training", "The training process stopped unexpectedly")
NOT_STARTED = QT_TRANSLATE_NOOP("Training", "The training process could not start")


def child_context() -> Any:
    """forkserver where there is one: a clean interpreter (no Qt, no GUI threads) forks each
    child in milliseconds with NumPy and the engine already imported; spawn elsewhere."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["__main__", __name__, "dlsim.engine.live.read_process"])
        return ctx
    return mp.get_context("spawn")


class ProcessSession:
    """A `TrainingSession` run in a child process; see the module docstring."""

    def __init__(
        self,
        experiment: SteppableExperiment | PackedExperiment,
        *,
        name: str = "",
        publish_interval_s: float = 1 / 30,
        metrics_interval_s: float = 0.1,
        history_capacity: int = 4096,
    ) -> None:
        self.name = name
        self.history = MetricsHistory(history_capacity)
        self.publish_interval_s = float(publish_interval_s)
        self._options = {
            "name": name,
            "publish_interval_s": self.publish_interval_s,
            "metrics_interval_s": float(metrics_interval_s),
            "history_capacity": history_capacity,
        }
        self._experiment: SteppableExperiment | PackedExperiment | None = experiment
        self._state = "idle" if experiment.step_count == 0 else "paused"
        self._snapshot: Snapshot | None = None
        self._past: Snapshot | None = None
        self._conn: Any = None
        self._process: Any = None
        self._reader: threading.Thread | None = None
        self._sender: threading.Thread | None = None
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._start_lock = threading.Lock()
        self._cond = threading.Condition()
        self._answers: dict[int, bool] = {}
        self._sync_ids = itertools.count(1)
        self._closed = False
        self._commands_sent = 0
        self._landscape: LandscapeStatus | None = None

    # ----------------------------------------------------------------- the TrainingSession API

    @property
    def state(self) -> str:
        """The child's state as last reported: idle, running, paused, diverged, error, stopped."""
        return self._state

    @property
    def commands_sent(self) -> int:
        """How many commands were sent (each is one command of the inner session)."""
        return self._commands_sent

    @property
    def alive(self) -> bool:
        """True while the training process can take commands (False if it died or was
        closed, or could not start)."""
        process = self._process
        return not self._closed and process is not None and process.is_alive()

    @property
    def pid(self) -> int | None:
        """The training process's id (None before it started)."""
        process = self._process
        return process.pid if process is not None else None

    def snapshot(self) -> Snapshot | None:
        """The latest snapshot the child sent (None before its first); never blocks."""
        return self._snapshot

    def start(self) -> None:
        """Start the child process; calling it again, or after close(), does nothing.

        If it cannot start, the session is in state "error" with a message saying why.
        """
        with self._start_lock:
            if self._process is not None or self._closed or self._experiment is None:
                return
            label = f"dlsim-session-{self.name}" if self.name else "dlsim-session"
            conn = child_conn = None
            try:
                ctx = child_context()
                conn, child_conn = ctx.Pipe()
                packed = isinstance(self._experiment, PackedExperiment)  # its bytes: below
                args = (None if packed else self._experiment, self._options, text.language())
                process = ctx.Process(
                    target=_child_main, args=(child_conn, *args), name=label, daemon=True
                )
                process.start()
            except Exception as exc:
                for end in (conn, child_conn):
                    if end is not None:
                        end.close()
                self._experiment = None
                self._fail(f"{translate('Training', NOT_STARTED)}: {exc}")
                return
            child_conn.close()
            if packed:  # the sender thread writes its bytes first: nothing copied here
                self._outbox.put(self._experiment.data)
            self._experiment = None  # the child owns it now
            self._conn = conn
            self._process = process
            self._reader = threading.Thread(target=self._read, name=label + "-reader", daemon=True)
            self._sender = threading.Thread(target=self._write, name=label + "-sender", daemon=True)
            self._reader.start()
            self._sender.start()

    def run(self) -> None:
        self._call("run")

    def pause(self) -> None:
        self._call("pause")

    def step(self, n: int = 1) -> None:
        self._call("step", checked_steps(n))

    def reset(self, seed: int | None = None) -> None:
        self._call("reset", seed)

    def set_training(self, changes: dict) -> None:
        self._call("set_training", changes)

    def set_speed(self, steps_per_second: float | None) -> None:
        self._call("set_speed", checked_speed(steps_per_second))

    def set_boundary_grid(self, grid: Any, units: bool = False) -> None:
        self._call("set_boundary_grid", checked_grid(grid), bool(units))

    def set_trace(self, on: bool) -> None:
        self._call("set_trace", bool(on))

    def replace_experiment(self, experiment: SteppableExperiment, carry: bool = False) -> None:
        self._call("replace_experiment", experiment, bool(carry))

    def landscape(self, request: LandscapeRequest) -> None:
        """Compute a loss landscape in the training process (see `TrainingSession.landscape`)."""
        self._call("landscape", checked_request(request))

    def cancel_landscape(self) -> None:
        self._call("cancel_landscape")

    def landscape_status(self) -> LandscapeStatus | None:
        """The landscape job's status as the child last reported it; never blocks."""
        return self._landscape

    def view_step(self, step: int) -> None:
        """Have the child rebuild the run after `step` steps; `past()` then holds it."""
        self._call("rewind.view", checked_step(step))

    def branch(self, step: int, settings: dict | None = None) -> None:
        """Go on from step `step` with `settings` where they differ (see live/rewind.py)."""
        self._call("rewind.branch", checked_step(step), settings)

    def past(self) -> Snapshot | None:
        """The latest past step the child rebuilt (None before the first, or after a branch)."""
        return self._past

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Block until the child has applied every command, is idle and has sent its state.

        Meant for tests and the command line; the GUI polls `snapshot()` instead.
        """
        if self._closed or self._process is None:
            return True
        n = next(self._sync_ids)
        self._send(("sync", n, float(timeout)))
        deadline = time.monotonic() + timeout + SYNC_GRACE_S
        with self._cond:
            while n not in self._answers:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._reader.is_alive():
                    return False
                self._cond.wait(min(remaining, 0.1))
            return self._answers.pop(n)

    def close(self, timeout: float = 5.0, wait: bool = True) -> None:
        """Stop the child (at most `timeout` seconds, then it is killed); later commands are
        ignored. With `wait=False` the session is stopped at once and a thread of its own waits
        for the child, so a window replacing its session never waits for a busy (or still
        starting) training process."""
        with self._start_lock:
            if self._closed:
                return
            self._closed = True
        process = self._process
        if process is not None:
            self._send(("close",))
            self._outbox.put(None)  # the sender's last message
            if wait:
                self._reap(process, timeout)
            else:
                threading.Thread(
                    target=self._reap, args=(process, timeout), name="dlsim-reaper", daemon=True
                ).start()
        self._state = "stopped"
        snap = self._snapshot
        if snap is not None and snap.state != "stopped":
            self._snapshot = snap.ended("stopped")
        with self._cond:
            self._cond.notify_all()

    def _reap(self, process: Any, timeout: float) -> None:
        """Wait for the child to end (killing it after `timeout`), then for both threads."""
        deadline = time.monotonic() + timeout
        self._reader.join(max(0.0, deadline - time.monotonic()))
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1.0)
        self._reader.join(1.0)  # a killed child ends its pipe: both threads see that
        self._sender.join(1.0)
        self._conn.close()

    # ----------------------------------------------------------------------------- plumbing

    def _call(self, method: str, *args: Any) -> None:
        if self._closed:
            return
        self.start()
        if method not in UNCOUNTED:  # the pace and a cancel apply at once, out of turn
            self._commands_sent += 1
        self._send(("call", method, args))

    def _send(self, message: tuple) -> None:
        """Pickle now, on the caller's thread; the sender thread writes it to the pipe."""
        if self._process is not None:
            self._outbox.put(ForkingPickler.dumps(message))

    def _write(self) -> None:
        """The sender thread: write queued messages in order; stop at None or a dead pipe."""
        while (data := self._outbox.get()) is not None:
            try:
                self._conn.send_bytes(data)
            except (OSError, ValueError):  # the child is gone; the reader reports it
                return

    def _read(self) -> None:
        """The reader thread: apply the child's updates until it closes or dies."""
        try:
            while True:
                message = self._conn.recv()
                kind = message[0]
                if kind == "update":
                    self._receive(*message[1:])
                elif kind == "past":
                    self._receive_past(message[1])
                elif kind == "synced":
                    with self._cond:
                        self._answers[message[1]] = message[2]
                        self._cond.notify_all()
                elif kind == "landscape":
                    self._landscape = message[1]
                elif kind == "closed":
                    return
        except Exception as exc:  # EOF or a broken pipe: the child died; else a bug here
            if not self._closed:
                self._died(None if isinstance(exc, EOFError | OSError) else exc)
        finally:
            with self._cond:
                self._cond.notify_all()

    def _receive(
        self, snap: Snapshot, keep_params: bool, journal: list[tuple], keep_views: bool
    ) -> None:
        if self._closed:  # a late update must not undo "stopped"
            return
        self.history.replay(journal)
        last = self._snapshot
        if keep_views and last is not None:
            snap = replace(snap, boundary=last.boundary, units=last.units)
        if keep_params and last is not None:
            snap = replace(snap, params=last.params)
        _freeze(snap)
        self._snapshot = snap
        self._state = snap.state

    def _receive_past(self, snap: Snapshot | None) -> None:
        if snap is not None:
            _freeze(snap)
        self._past = snap

    def _died(self, exc: Exception | None = None) -> None:
        if exc is not None:
            self._fail(f"{translate('Training', DIED)}: {exc!r}.")
            return
        self._process.join(0.5)  # its exit code, if it is on its way out
        code = self._process.exitcode
        died = translate("Training", DIED)
        if code is None:
            self._fail(f"{died}.")
        else:
            self._fail(translate("Training", "{0} (exit code {1}).").format(died, code))

    def _fail(self, message: str) -> None:
        """Report a session that cannot go on: state "error", whatever commands were sent."""
        snap = self._snapshot or Snapshot(
            step=0, epoch=0, elapsed_s=0.0, state="error", loss=None, metrics={}, record=None,
            params=None, boundary=None, message=None, node_id=None, serial=0,
        )  # fmt: skip
        self._snapshot = snap.ended("error", message)
        self._state = "error"


def _freeze(snap: Snapshot) -> None:
    """Arrays arrive writeable from the pipe; a snapshot's are read-only, as in the child."""
    freeze_params(snap.params or {})
    if snap.boundary is not None:
        snap.boundary.flags.writeable = False
    if snap.units is not None:
        for a in snap.units.maps.values():
            a.flags.writeable = False
