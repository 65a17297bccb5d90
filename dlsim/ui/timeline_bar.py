"""The timeline under the plots, and the diagram's "Viewing step k" banner.

Both only show and edit the `TimeTravel` model (ui/time_travel.py): dragging the slider views
that step (live while dragging: each move asks the training process for it), its right end is
now; the Branches menu names, shows, hides and deletes the kept runs. While a past step is on
view the banner lies across the top of the diagram, with the way back to now.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSlider,
    QToolBar,
    QToolButton,
    QWidget,
)

from dlsim.ui.time_travel import TimeTravel

RUN_LABEL_WIDTH = 90
SLIDER_KEYS = (
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


class TimelineSlider(QSlider):
    """A step slider whose keys move it even where they are the window's shortcuts (→ is
    Step, which would ask to branch)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in SLIDER_KEYS:
            event.accept()
            return True
        return super().event(event)


class TimelineBar(QToolBar):
    """Slider over the steps run so far (now at the right), the step shown, Now, Branches."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Timeline"))
        self.setObjectName("timeline_toolbar")
        self.setMovable(False)
        self.controller = controller
        self.model: TimeTravel = controller.rewind.model
        self.origin = 0
        self.now = 0
        title = QLabel(self.tr("Timeline"))
        title.setContentsMargins(6, 0, 6, 0)
        self.slider = TimelineSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(120)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.slider.setToolTip(
            self.tr(
                "Drag back to see every plot as it was at that step; the right end is now. "
                "Run or Step from a past step starts a branch."
            )
        )
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.step_label = QLabel()
        widest = self.tr("step {0} of {1}").format("888,888", "888,888")
        self.step_label.setFixedWidth(self.step_label.fontMetrics().horizontalAdvance(widest) + 12)
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.now_button = QToolButton()
        self.now_button.setText(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Back to the run as it is now"))
        self.now_button.clicked.connect(self.model.back_to_now)
        self.run_label = QLabel()  # fixed widths: nothing on the bar moves as names change
        self.run_label.setContentsMargins(6, 0, 0, 0)
        self.run_label.setFixedWidth(RUN_LABEL_WIDTH)
        self.branches_button = QToolButton()
        self.branches_button.setText(self.tr("Branches"))
        self.branches_button.setToolTip(self.tr("Name, compare and delete the kept runs"))
        self.branches_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.branches_button.setText(self.tr("Branches ({0})").format(88))
        self.branches_button.setFixedWidth(self.branches_button.sizeHint().width())
        self.menu = QMenu(self.branches_button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.branches_button.setMenu(self.menu)
        for w in (title, self.slider, self.step_label, self.now_button):
            self.addWidget(w)
        self.addSeparator()
        self.addWidget(self.run_label)
        self.addWidget(self.branches_button)
        controller.counters_changed.connect(self._on_controller_counters_changed)
        self.model.viewed_changed.connect(self._sync)
        self.model.branches_changed.connect(self._sync)
        self._sync()

    # --- following the run and the model ---------------------------------------------------

    def _on_controller_counters_changed(self, step: int, _epoch: int, _elapsed: float) -> None:
        session = self.controller.session
        snap = session.snapshot() if session is not None else None
        self.now = step
        self.origin = min(snap.origin, step) if snap is not None else 0
        self._sync()

    def _sync(self, *_args: object) -> None:
        viewed = self.model.viewed
        self.slider.blockSignals(True)
        self.slider.setRange(self.origin, max(self.origin, self.now))
        self.slider.setValue(self.now if viewed is None else viewed)
        self.slider.blockSignals(False)
        self.slider.setEnabled(self.now > self.origin)
        now = f"{self.now:,}"
        if viewed is None:
            self.step_label.setText(self.tr("step {0} (now)").format(now))
        else:
            self.step_label.setText(self.tr("step {0} of {1}").format(f"{viewed:,}", now))
        self.now_button.setEnabled(viewed is not None)
        name = self.model.current
        metrics = self.run_label.fontMetrics()
        width = RUN_LABEL_WIDTH - 8
        self.run_label.setText(metrics.elidedText(name, Qt.TextElideMode.ElideRight, width))
        self.run_label.setToolTip(self.tr("Training now: {0}").format(name))
        count = len(self.model.branches)
        self.branches_button.setText(
            self.tr("Branches ({0})").format(count) if count else self.tr("Branches")
        )

    def _on_slider_value_changed(self, value: int) -> None:
        self.model.view(None if value >= self.now else value)

    # --- the Branches menu ----------------------------------------------------------------

    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        model = self.model
        rename = menu.addAction(self.tr("Rename “{0}”…").format(model.current))
        rename.triggered.connect(lambda: self._rename(None))
        menu.addSeparator()
        if not model.branches:
            empty = menu.addAction(
                self.tr("No branches yet: drag the timeline back, then Run or Step")
            )
            empty.setEnabled(False)
        for i, branch in enumerate(model.branches):
            sub = menu.addMenu(self.tr("{0} (left at step {1})").format(branch.name, branch.step))
            show = sub.addAction(self.tr("Show in the loss plot"))
            show.setCheckable(True)
            show.setChecked(branch.shown)
            show.toggled.connect(lambda on, i=i: model.set_shown(i, on))
            sub.addAction(self.tr("Rename…"), lambda i=i: self._rename(i))
            sub.addAction(self.tr("Delete"), lambda i=i: model.delete(i))

    def _rename(self, index: int | None) -> None:
        model = self.model
        old = model.current if index is None else model.branches[index].name
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("Name:"), text=old)
        if ok:
            model.rename(index, name)


class ViewingBanner(QWidget):
    """Across the top of the diagram while a past step is shown: which step, and Now (the
    minimap keeps the bottom corner)."""

    def __init__(self, model: TimeTravel, host: QWidget) -> None:
        super().__init__(host)
        self.model = model
        self.host = host
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.now_button = QToolButton()
        self.now_button.setText(self.tr("Back to now"))
        self.now_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.now_button.clicked.connect(model.back_to_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.now_button)
        self.setStyleSheet(
            "ViewingBanner { background: #dbeafe; border-bottom: 2px solid #2563eb; }"
            "QLabel { color: #1e3a8a; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        host.installEventFilter(self)
        model.viewed_changed.connect(self._on_model_viewed_changed)
        self.hide()

    def _on_model_viewed_changed(self, step: int | None) -> None:
        if step is None:
            self.hide()
            return
        self.label.setText(
            self.tr(
                "<b>Viewing step {0}</b> — every plot shows the network as it was then. "
                "Run or Step from here starts a branch."
            ).format(f"{step:,}")
        )
        self.place()
        self.show()

    def text(self) -> str:
        return self.label.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        height = self.heightForWidth(self.host.width())
        height = max(height, self.sizeHint().height())
        self.setGeometry(0, 0, self.host.width(), height)
        self.raise_()


def install_timeline(window: QMainWindow, controller) -> TimelineBar:
    """The timeline under the plots (a toolbar at the window's foot) and the diagram's banner."""
    bar = TimelineBar(controller, window)
    window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
    window.viewing_banner = ViewingBanner(controller.rewind.model, window.centralWidget())
    return bar
