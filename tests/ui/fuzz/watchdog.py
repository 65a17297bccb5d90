"""Where the GUI thread was when an action overran: a thread that looks at it now and then.

Cheaper than arming `faulthandler` for every action (its cancel joins a thread: milliseconds
on a busy machine, thousands of times per run)."""

from __future__ import annotations

import sys
import threading
import time
import traceback


class Watchdog:
    def __init__(self, limit_s: float, poll_s: float = 0.25) -> None:
        self.limit_s = limit_s
        self.poll_s = poll_s
        self.stack = ""  # the GUI thread's stack, taken once an action ran past the limit
        self._gui = threading.get_ident()
        self._started: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="fuzz-watchdog", daemon=True)

    def __enter__(self) -> Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def begin(self) -> None:
        self.stack = ""
        self._started = time.perf_counter()

    def end(self) -> None:
        self._started = None

    def _watch(self) -> None:
        while not self._stop.wait(self.poll_s):
            started = self._started
            if started is None or self.stack or time.perf_counter() - started < self.limit_s:
                continue
            frame = sys._current_frames().get(self._gui)
            if frame is not None:
                self.stack = "".join(traceback.format_stack(frame))
