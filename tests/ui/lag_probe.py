"""A lag probe: a 10 ms timer on the GUI thread that records the gaps between its ticks.

Two figures per gap: the wall time, and the GUI thread's own CPU time in it (`thread_time`).
Work done on the GUI thread shows in both; a machine busy with other processes (or a worker
thread holding the interpreter lock) stretches only the wall time. The tests assert on the work,
which is what "no work on the GUI thread blocks it for more than 100 ms" means, and on a loose
wall limit that still catches a frozen window. While probing, the objects the test process
already holds are frozen out of the garbage collector (`gc.freeze`): a full collection of a
thousand tests' heap is not the app's work."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 10


class LagProbe(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[float] = []
        self.work: list[float] = []
        self._last = (0.0, 0.0)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def __enter__(self) -> LagProbe:
        gc.freeze()
        self._last = (time.perf_counter(), time.thread_time())
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()
        self._tick()
        gc.unfreeze()

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())
        self.gaps.append(now[0] - self._last[0])
        self.work.append(now[1] - self._last[1])
        self._last = now

    @property
    def worst_ms(self) -> float:
        """The longest wall-clock gap between two ticks."""
        return 1000 * max(self.gaps, default=0.0)

    @property
    def worst_work_ms(self) -> float:
        """The most CPU time the GUI thread spent between two ticks: work that blocked it."""
        return 1000 * max(self.work, default=0.0)
