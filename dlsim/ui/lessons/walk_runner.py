"""Runs the backprop stepper's walk a long way (Iteration 100000 ▸ Go) off the GUI thread.

The stepper asks `go(walk, target)`; a near iteration arrives at once, a far one is run in a
`BackgroundTask` in chunks, with a progress bar and Cancel in the stepper's control row, and
`arrived` (or `stopped`, when cancelled) follows. While it runs the stepper leaves the walk alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton

from dlsim.engine.errors import DlsimError
from dlsim.engine.teaching.stepper import BackpropWalk
from dlsim.ui.background import BackgroundTask, Cancelled

INLINE_STEPS = 100  # steps run at once on the GUI thread (well under 100 ms); more: a thread
CHUNK_STEPS = 250  # steps between two progress reports (and Cancel checks) of a long run


class WalkRunner(QObject):
    """Brings a `BackpropWalk` to an iteration, in the background when that takes long."""

    arrived = Signal(int, bool)  # iteration, show its last phase
    stopped = Signal()  # cancelled: stay where you were
    failed = Signal(str)  # the one-line reason (an iteration out of range, a diverged run)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: BackgroundTask | None = None
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat(self.tr("iteration %v of %m"))
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop running iterations and stay where you were"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()

    @property
    def busy(self) -> bool:
        return self.task is not None

    def go(self, walk: BackpropWalk, target: int, last_phase: bool = False) -> None:
        """Emit `arrived` once the walk holds iteration `target` (at once when it is near)."""
        try:
            cost = walk.steps_to(target)
        except DlsimError as exc:
            self.failed.emit(str(exc))
            return
        if cost <= INLINE_STEPS:
            self.arrived.emit(int(target), last_phase)
            return
        target = int(target)
        start = 0 if target <= walk.done else walk.done  # going back replays from the start

        def work(report, cancelled) -> int:
            k = start
            while k < target:
                if cancelled():
                    raise Cancelled
                k = min(k + CHUNK_STEPS, target)
                walk.trace(k)
                report(k, target)
            return target

        self.task = task = BackgroundTask(work, self)
        task.progress.connect(lambda done, _total: self.progress_bar.setValue(done))
        task.finished.connect(lambda n: self._ended(task, n, last_phase))
        task.cancelled.connect(lambda: self._ended(task, None, False))
        task.failed.connect(lambda exc: self._ended(task, exc, False))
        self.progress_bar.setRange(0, target)
        self.progress_bar.setValue(start)
        self._set_busy(True)
        task.start()

    def cancel(self) -> None:
        """Stop at the next chunk; `stopped` follows (the walk is consistent at any chunk)."""
        if self.task is not None:
            self.task.cancel()

    def abandon(self) -> None:
        """Forget a run whose walk is being replaced: it stops on its own, unheard."""
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self._set_busy(False)

    def _ended(self, task: BackgroundTask, outcome: object, last_phase: bool) -> None:
        if task is not self.task:
            return
        self.task = None
        task.deleteLater()
        self._set_busy(False)
        if isinstance(outcome, int):
            self.arrived.emit(outcome, last_phase)
        elif isinstance(outcome, DlsimError):
            self.failed.emit(str(outcome))
            self.stopped.emit()
        elif isinstance(outcome, BaseException):
            self.stopped.emit()
            raise outcome  # not the learner's doing: the failure banner and the log
        else:
            self.stopped.emit()

    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.busy_changed.emit(busy)
