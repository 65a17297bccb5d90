"""The landscape dock's controls: which plane, how fine, how wide, Compute / Cancel and the
progress of the job, which runs in the training process (`engine.live.landscape_job`).

`LandscapeRunner` follows one job: it sends the request to the controller's session and polls
the session's `landscape_status()` with a timer while the job runs (the status crosses the pipe
on its own; nothing here waits), and emits the finished `Landscape`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.views.landscape import LandscapeRequest

POLL_MS = 100
RESOLUTIONS = (21, 41, 61)
EXTENTS = (0.5, 1.0, 2.0, 5.0, None)  # None: fit the path
MIN_NAME_CHARS, MAX_NAME_CHARS = 7, 16  # a weight picker's width, in characters of a name
ARROWS_PX = 32  # its arrows and frame


def compact(box: QComboBox, chars: int) -> None:
    """A drop-down about `chars` characters wide (its list still shows whole names): the dock
    shares a small screen's width with another group of plots."""
    box.setMinimumContentsLength(chars)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)


class WeightPicker(QSpinBox):
    """One weight by its name ("h.W[0,1]"): the arrows step through the weights in flat order
    and a name can be typed. A drop-down of a big network's two million names took seconds to
    fill and a minute to open; this shows one name at a time. It answers a drop-down's
    questions (count, currentIndex, itemText, currentText) in the same terms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: Sequence[str] = ()
        self.setKeyboardTracking(False)
        self.setRange(0, 0)

    def set_names(self, names: Sequence[str]) -> None:
        self.names = names
        self.setRange(0, max(0, len(names) - 1))
        longest = names.longest() if hasattr(names, "longest") else max(names, key=len, default="")
        text = longest[:MAX_NAME_CHARS] or "0" * MIN_NAME_CHARS
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(text) + ARROWS_PX)
        self.lineEdit().setText(self.textFromValue(self.value()))

    def textFromValue(self, value: int) -> str:
        return self.names[value] if 0 <= value < len(self.names) else ""

    def valueFromText(self, text: str) -> int:
        try:
            return self.names.index(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        try:
            self.names.index(text.strip())
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def count(self) -> int:
        return len(self.names)

    def currentIndex(self) -> int:
        return self.value() if self.names else -1

    def setCurrentIndex(self, index: int) -> None:
        self.setValue(index)

    def itemText(self, index: int) -> str:
        return self.names[index]

    def currentText(self) -> str:
        return self.textFromValue(self.value()) if self.names else ""


class LandscapeRunner(QObject):
    """Sends landscape requests to the controller's session and follows the latest one."""

    progress = Signal(int, int)  # done, total (0, 0: waiting for the training process)
    finished = Signal(object)  # the Landscape
    ended = Signal(str)  # "cancelled", an error sentence, or a note that the run went away

    def __init__(self, controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.session = None
        self._sent = 0  # landscape requests sent to `session` (its jobs' serials)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def start(self, request: LandscapeRequest) -> None:
        """Ask the training process for a landscape; DlsimError if there is no run to map."""
        session = self.controller.session
        if session is None:
            raise DlsimError(self.tr("There is no network to map: the diagram cannot be trained."))
        if session is not self.session:
            self.session, self._sent = session, 0
        session.landscape(request)
        self._sent += 1
        self.progress.emit(0, 0)
        self.timer.start()

    def cancel(self) -> None:
        if self.running and self.session is not None:
            self.session.cancel_landscape()

    def poll(self) -> None:
        session = self.session
        if session is not self.controller.session or session is None or not session.alive:
            self.timer.stop()
            self.ended.emit(self.tr("The run was replaced before the landscape was finished."))
            return
        status = session.landscape_status()
        if status is None or status.serial < self._sent:
            return  # the request is still on its way
        if status.state == "running":
            self.progress.emit(status.done, status.total)
            return
        self.timer.stop()
        if status.state == "done":
            self.finished.emit(status.result)
        elif status.state == "cancelled":
            self.ended.emit(self.tr("Cancelled."))
        else:
            # the training process translates its sentences itself (text.use_language);
            # this covers one that arrives untranslated
            text = status.message or "The landscape could not be computed."
            self.ended.emit(QCoreApplication.translate("Landscape", text))


class LandscapeControls(QWidget):
    """Two rows: plane, weights (for two weights), resolution and extent; Compute, Cancel,
    progress and what happened."""

    compute_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plane = QComboBox()
        self.plane.addItem(self.tr("Random"), "random")
        self.plane.addItem(self.tr("Start → now"), "start")
        self.plane.addItem(self.tr("Two weights"), "weights")
        self.plane.setToolTip(
            self.tr(
                "The plane through the current weights the loss is drawn on: two random "
                "directions scaled to each unit's weights (Li et al. 2018), the line from the "
                "run's start to now with a random direction, or two single weights"
            )
        )
        self.first = WeightPicker()
        self.second = WeightPicker()
        for box, which in ((self.first, self.tr("across")), (self.second, self.tr("up"))):
            box.setToolTip(self.tr("The weight drawn {0}").format(which))
        self.resolution = QComboBox()
        for n in RESOLUTIONS:
            self.resolution.addItem(self.tr("{0} × {0}").format(n), n)
        self.resolution.setCurrentIndex(RESOLUTIONS.index(41))
        self.resolution.setToolTip(self.tr("Points per side: each is one pass over the data"))
        self.extent = QComboBox()
        for value in EXTENTS:
            label = self.tr("Fit the path") if value is None else self.tr("± {0:g}").format(value)
            self.extent.addItem(label, value)
        self.extent.setCurrentIndex(EXTENTS.index(1.0))
        self.extent.setToolTip(
            self.tr(
                "How far the picture reaches from the current weights: in steps of the "
                "directions (1 = as far again as the weights are large), or in weight units "
                "for two weights"
            )
        )
        for box, chars in ((self.plane, 9), (self.resolution, 5), (self.extent, 4)):
            compact(box, chars)
        self.compute = QPushButton(self.tr("Compute"))
        self.compute.setToolTip(self.tr("Map the loss around the current weights"))
        self.compute.clicked.connect(self.compute_requested)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(True)
        self.bar.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        first_row = QHBoxLayout()
        for widget in (self.plane, self.resolution, self.extent):
            first_row.addWidget(widget)
        first_row.addStretch(1)
        second_row = QHBoxLayout()
        for widget in (self.compute, self.cancel, self.bar):
            second_row.addWidget(widget)
        second_row.addWidget(self.note, 1)
        self.pickers = QWidget()  # the two-weight plane's weights, on a row of their own
        third_row = QHBoxLayout(self.pickers)
        third_row.setContentsMargins(0, 0, 0, 0)
        third_row.addWidget(QLabel(self.tr("Weights:")))
        for widget in (self.first, self.second):
            third_row.addWidget(widget)
        third_row.addStretch(1)
        outer.addLayout(first_row)
        outer.addWidget(self.pickers)
        outer.addLayout(second_row)
        self.plane.currentIndexChanged.connect(self._follow_plane)
        self._follow_plane()

    @property
    def mode(self) -> str:
        return self.plane.currentData()

    def _follow_plane(self) -> None:
        self.pickers.setVisible(self.mode == "weights")

    def set_weights(self, labels: Sequence[str]) -> None:
        """The network's weights to pick from; with exactly two, the two-weight plane."""
        if self.first.names == labels:
            return
        for box, pick in ((self.first, 0), (self.second, 1)):
            box.set_names(labels)
            box.setCurrentIndex(min(pick, max(0, len(labels) - 1)))
        index = self.plane.findData("weights")
        self.plane.model().item(index).setEnabled(len(labels) >= 2)
        if len(labels) == 2:
            self.plane.setCurrentIndex(index)
        elif self.mode == "weights" and len(labels) < 2:
            self.plane.setCurrentIndex(0)

    def request(self) -> LandscapeRequest:
        """The request the controls describe."""
        return LandscapeRequest(
            mode=self.mode,
            resolution=int(self.resolution.currentData()),
            extent=self.extent.currentData(),
            pair=(self.first.currentIndex(), self.second.currentIndex()),
        )

    def set_running(self, running: bool) -> None:
        self.compute.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.bar.setVisible(running)
        if running:
            self.note.clear()

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)  # 0, 0: busy, not yet counted
        self.bar.setValue(done)
