"""Where the GUI thread was when an action overran: a thread that looks at it now and then.

An action overruns when the GUI thread spends more than `limit_s` of its own CPU time on it
(work that freezes the window) or when it has not returned after `hang_s` of wall time (a
deadlock burns no CPU). CPU time, not wall time, for the first: a machine shared with other
jobs (or `nice -n 19`) stretches the wall time of every action. Cheaper than arming
`faulthandler` per action (its cancel joins a thread: milliseconds, thousands of times a run).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback


class Watchdog:
    def __init__(self, limit_s: float, hang_s: float, poll_s: float = 0.25) -> None:
        self.limit_s = limit_s
        self.hang_s = hang_s
        self.poll_s = poll_s
        self.stack = ""  # the GUI thread's stack, taken once an action overran
        self._gui = threading.get_ident()
        self._clock = time.pthread_getcpuclockid(self._gui)
        self._started: tuple[float, float] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="fuzz-watchdog", daemon=True)

    def __enter__(self) -> Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_s(self) -> float:
        """The GUI thread's CPU time so far."""
        return time.clock_gettime(self._clock)

    def begin(self) -> None:
        self.stack = ""
        self._started = (time.perf_counter(), self.cpu_s())

    def end(self) -> tuple[float, float]:
        """Wall and GUI-thread CPU seconds since `begin`."""
        wall0, cpu0 = self._started or (time.perf_counter(), self.cpu_s())
        self._started = None
        return time.perf_counter() - wall0, self.cpu_s() - cpu0

    def overran(self, wall_s: float, cpu_s: float) -> bool:
        return cpu_s > self.limit_s or wall_s > self.hang_s

    def _watch(self) -> None:
        while not self._stop.wait(self.poll_s):
            started = self._started
            if started is None or self.stack:
                continue
            if not self.overran(time.perf_counter() - started[0], self.cpu_s() - started[1]):
                continue
            frame = sys._current_frames().get(self._gui)
            if frame is not None:
                self.stack = "".join(traceback.format_stack(frame))
