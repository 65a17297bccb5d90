"""A loss landscape computed beside training, in a thread of the training process.

The session's worker takes a copy of the experiment at a step boundary (`frozen`: the exact
current state, with a copy of its timeline for the path) and hands it to a `LandscapeJob`
thread, so training goes on while the landscape is computed and the live experiment is never
touched from another thread. The job publishes an immutable `LandscapeStatus` after every row;
`cancel` stops it within one loss evaluation. `LandscapeCommands` adds the commands to
`TrainingSession` (mixed in: session.py keeps to its one idea).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from dlsim.engine.training.timeline import restore, snapshot
from dlsim.engine.views.landscape import (
    Cancelled,
    Landscape,
    LandscapeRequest,
    checked_request,
    compute,
)


@dataclass(frozen=True, eq=False)
class LandscapeStatus:
    """Where the latest landscape job is: `state` is "running", "done", "cancelled" or "error";
    `done` of `total` evaluations (path points and grid points); `result` once done; `message`
    (one sentence) on error. `serial` counts the jobs of one session."""

    serial: int
    state: str
    done: int = 0
    total: int = 0
    result: Landscape | None = None
    message: str | None = None


def frozen(exp: Any) -> Any:
    """An independent experiment in `exp`'s exact state, with a copy of its timeline."""
    out = restore(exp, snapshot(exp))
    out.timeline = exp.timeline.copy()
    return out


class LandscapeJob:
    """At most one landscape at a time; a new one cancels the last."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._serial = 0
        self._status: LandscapeStatus | None = None
        self._cancel = threading.Event()
        self.thread: threading.Thread | None = None

    def status(self) -> LandscapeStatus | None:
        """The latest job's status (None before the first); never blocks."""
        return self._status

    def start(self, exp: Any, request: LandscapeRequest) -> None:
        """Start computing the landscape of `exp` as it is now (call at a step boundary)."""
        self._cancel.set()
        cancel = threading.Event()
        with self._lock:
            self._serial += 1
            serial = self._serial
            self._cancel = cancel
            self._status = LandscapeStatus(serial, "running")
        copy = frozen(exp)
        self.thread = threading.Thread(
            target=self._run, args=(serial, copy, request, cancel), name="dlsim-landscape"
        )
        self.thread.daemon = True
        self.thread.start()

    def cancel(self) -> None:
        """Stop the job in progress (it reports "cancelled"); nothing happens if none runs."""
        self._cancel.set()

    def _set(self, serial: int, state: str, **values: Any) -> None:
        with self._lock:
            if serial == self._serial:
                self._status = LandscapeStatus(serial, state, **values)

    def _run(self, serial: int, exp: Any, request: LandscapeRequest, cancel) -> None:
        def report(done: int, total: int) -> None:
            self._set(serial, "running", done=done, total=total)

        try:
            result = compute(exp, request, report, cancel.is_set)
        except Cancelled:
            self._set(serial, "cancelled")
        except Exception as exc:  # a DlsimError sentence, or a failure to report, not raise
            self._set(serial, "error", message=str(exc) or type(exc).__name__)
        else:
            n = result.loss.size + result.path_steps.size
            self._set(serial, "done", done=n, total=n, result=result)


class LandscapeCommands:
    """The landscape commands of a `TrainingSession` (which provides `_send` and `_exp`)."""

    @property
    def landscape_job(self) -> LandscapeJob:
        job = self.__dict__.get("_landscape_job")
        if job is None:
            job = self.__dict__.setdefault("_landscape_job", LandscapeJob())
        return job

    def landscape(self, request: LandscapeRequest) -> None:
        """Compute a loss landscape of the state after the step in progress (training goes
        on); follow it with `landscape_status`."""
        self._send("landscape", checked_request(request))

    def cancel_landscape(self) -> None:
        """Stop the landscape in progress now (not queued behind other commands)."""
        self.landscape_job.cancel()

    def landscape_status(self) -> LandscapeStatus | None:
        return self.landscape_job.status()

    def _cmd_landscape(self, request: LandscapeRequest) -> None:
        self.landscape_job.start(self._exp, request)
