"""The training process's side of a `ProcessSession`'s pipe: one inner `TrainingSession`, its
commands applied as they come, and what changed sent back at most once a publish (the traffic is
described in `process_session`).
"""

from __future__ import annotations

import signal
import time
from dataclasses import replace
from typing import Any

from threadpoolctl import threadpool_limits

from dlsim.engine import text
from dlsim.engine.live.interface import SteppableExperiment
from dlsim.engine.live.landscape_job import LandscapeStatus
from dlsim.engine.live.session import TrainingSession

PARAMS_LIMIT = 100_000  # parameter values that may travel with every update
PARAMS_INTERVAL_S = 0.5  # how often larger parameter sets travel while training runs
FORWARD_POLL_S = 0.01  # how often a busy child looks for a new snapshot to send
IDLE_POLL_S = 0.1  # how often an idle one does (a command wakes it at once)
BUSY_AFTER_COMMAND_S = 1.0  # a child counts as busy this long after a command


def _param_count(params: dict | None) -> int:
    return sum(a.size for tensors in (params or {}).values() for a in tensors.values())


class _Forwarder:
    """The child's side: run the inner session and send what changed, at most once a publish."""

    def __init__(self, conn: Any, session: TrainingSession) -> None:
        self.conn = conn
        self.session = session
        self.serial = -1
        self.past: Any = None
        self.params: Any = None
        self.params_at = 0.0
        self.views: tuple[Any, Any] = (None, None)  # the boundary and units maps last sent
        self.landscape: LandscapeStatus | None = None

    def flush(self) -> None:
        past = self.session.rewind.snapshot
        if past is not self.past:
            self.past = past
            if past is not None and past.record is not None:
                past = replace(past, record=past.record.detached())
            self.conn.send(("past", past))
        snap = self.session.snapshot()
        if snap is None:  # the first publish is on its way; the journal waits for it
            return
        journal = self.session.history.take_journal()
        if snap.serial == self.serial and not journal:
            return
        now = time.monotonic()
        keep = snap.params is None or snap.params is self.params
        if not keep and snap.state == "running" and _param_count(snap.params) > PARAMS_LIMIT:
            keep = now - self.params_at < PARAMS_INTERVAL_S
        if not keep:
            self.params, self.params_at = snap.params, now
        record = snap.record.detached() if snap.record is not None else None
        params = None if keep else snap.params
        sent = self.views
        keep_views = snap.boundary is sent[0] and snap.units is sent[1]
        self.views = (snap.boundary, snap.units)
        views = {"boundary": None, "units": None} if keep_views else {}
        update = replace(snap, record=record, params=params, **views)
        self.conn.send(("update", update, keep, journal, keep_views))
        self.serial = snap.serial

    def serve(self) -> None:
        """Apply commands as they come; send each new snapshot within FORWARD_POLL_S of its
        publication (a GUI timer then finds one at nearly every tick), and the history at
        least once a publish interval."""
        session, conn = self.session, self.conn
        interval = session.publish_interval_s
        next_flush = time.monotonic()
        last_command = next_flush
        while True:
            busy = (
                session.state == "running" or time.monotonic() - last_command < BUSY_AFTER_COMMAND_S
            )
            if conn.poll(FORWARD_POLL_S if busy else IDLE_POLL_S):
                message = conn.recv()
                last_command = time.monotonic()
                kind = message[0]
                if kind == "call":
                    _method(session, message[1])(*message[2])
                elif kind == "sync":
                    ok = session.wait_idle(message[2])
                    self.flush()
                    conn.send(("synced", message[1], ok))
                elif kind == "close":
                    session.close()
                    self.flush()
                    conn.send(("closed",))
                    return
            landscape = session.landscape_status()
            if landscape is not self.landscape:
                conn.send(("landscape", landscape))
                self.landscape = landscape
            snap = session.snapshot()
            now = time.monotonic()
            fresh = snap is not None and snap.serial != self.serial
            if now >= next_flush or fresh or session.rewind.snapshot is not self.past:
                self.flush()
                next_flush = now + interval


def _method(session: TrainingSession, name: str) -> Any:
    """session.run, or session.rewind.view for "rewind.view"."""
    target: Any = session
    for part in name.split("."):
        target = getattr(target, part)
    return target


def limit_blas_threads() -> None:
    """One BLAS thread, as the training process trains: teaching-size matrices gain nothing
    from more, which would only contend for the cores (a 4096×16 @ 16×16 product took 6 ms
    with two BLAS threads beside a busy GUI, 0.4 ms with one)."""
    threadpool_limits(limits=1, user_api="blas")


def _child_main(
    conn: Any, experiment: SteppableExperiment | None, options: dict[str, Any], language: str = "en"
) -> None:
    """The child process: one inner session, served until the parent closes it or goes away.

    Its texts (a divergence, an error) are translated into the GUI's `language` here, from the
    engine's translation source: this process has no Qt translator (`dlsim.engine.text`)."""
    text.use_language(language)
    experiment = experiment if experiment is not None else conn.recv()  # a PackedExperiment
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the parent
    limit_blas_threads()
    session = TrainingSession(experiment, share_interpreter=False, **options)
    session.history.keep_journal()
    session.start()
    try:
        _Forwarder(conn, session).serve()
    except (EOFError, OSError):  # the parent went away: nothing to tell anyone
        pass
    finally:
        session.close()
