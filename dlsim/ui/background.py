"""Long work off the GUI thread: a task runs in a worker thread, reports progress, can be
cancelled, and hands its result (or its exception) back on the GUI thread.

The work function is called as `work(report, cancelled)`: it calls `report(done, total)` now and
then and returns early (raising `Cancelled`) once `cancelled()` is true. The GUI side polls the
shared progress with a timer, so the worker never calls into Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 50

Report = Callable[[int, int], None]
Work = Callable[[Report, Callable[[], bool]], Any]


class Cancelled(Exception):
    """Raised by a work function that saw `cancelled()` turn true."""


class BackgroundTask(QObject):
    """One run of `work` in a thread; signals arrive on the thread that created the task."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._progress = (0, 0)
        self._outcome: tuple[str, Any] | None = None
        self._thread = threading.Thread(target=self._run, name="dlsim-background", daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._shown = (-1, -1)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._thread.start()
        self._timer.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check; `cancelled` follows once it has."""
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker thread ends (tests, shutdown); then deliver its outcome."""
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self._poll()
        return not self._thread.is_alive()

    def _report(self, done: int, total: int) -> None:
        with self._lock:
            self._progress = (int(done), int(total))

    def _run(self) -> None:
        try:
            result = self._work(self._report, self._stop.is_set)
        except Cancelled:
            outcome: tuple[str, Any] = ("cancelled", None)
        except Exception as exc:  # handed to the GUI thread, which decides what to say
            outcome = ("failed", exc)
        else:
            outcome = ("finished", result)
        with self._lock:
            self._outcome = outcome

    def _poll(self) -> None:
        with self._lock:
            progress, outcome = self._progress, self._outcome
        if progress != self._shown:
            self._shown = progress
            self.progress.emit(*progress)
        if outcome is None or not self._timer.isActive():
            return
        self._timer.stop()
        kind, value = outcome
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
