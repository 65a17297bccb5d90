"""Run controls: Run/Pause (Space), Step (→), Step 10/100, Reset, speed, and the counters.

Every action only sends a command to the training session and returns; the labels follow the
controller's signals, which follow the snapshots the worker publishes. Nothing on the toolbar
changes width while it is used (Run/Pause, counters, speed), so no button moves under the cursor.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QToolBar, QWidget

from dlsim.engine.text import QT_TRANSLATE_NOOP

# (label, steps per second); self.tr("Max") beside the box trains as fast as possible
SPEEDS: tuple[tuple[str, float], ...] = (
    ("1000/s", 1000.0),
    ("300/s", 300.0),
    ("100/s", 100.0),
    ("30/s", 30.0),
    ("10/s", 10.0),
    ("3/s", 3.0),
    ("1/s", 1.0),
)
# The pace of a document that names none: a new network's boundary forms over a few seconds.
DEFAULT_PACE = 30.0
STATE_WORDS = {
    "idle": QT_TRANSLATE_NOOP("RunControls", "ready"),
    "running": QT_TRANSLATE_NOOP("RunControls", "running"),
    "paused": QT_TRANSLATE_NOOP("RunControls", "paused"),
    "diverged": QT_TRANSLATE_NOOP("RunControls", "diverged"),
    "error": QT_TRANSLATE_NOOP("RunControls", "error"),
    "stopped": QT_TRANSLATE_NOOP("RunControls", "stopped"),
}


def format_count(n: int) -> str:
    """1,234 up to a million, then 1.23M: a counter keeps its width for the longest run."""
    return f"{n:,}" if n < 1_000_000 else f"{n / 1_000_000:.2f}M"


def format_elapsed(seconds: float) -> str:
    minutes, rest = divmod(int(max(seconds, 0.0)), 60)
    return f"{minutes}:{rest:02d}"


# The widest text each counter shows: its width is fixed to it, so the toolbar never reflows.
COUNTER_SAMPLES = (
    QT_TRANSLATE_NOOP("RunControls", "step {0}"),
    QT_TRANSLATE_NOOP("RunControls", "epoch {0}"),
    "99:59",
    None,  # the widest state word
)


class RunControls(QObject):
    """The toolbar's actions and counters, wired to a TrainingController.

    A QObject, not a widget: an unlaid-out child widget of the window would sit over its menu bar.
    """

    def __init__(self, controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.run_action = self._action(
            self.tr("Run"), "Space", self.tr("Train until paused (Space)")
        )
        self.run_action.triggered.connect(controller.toggle_run)
        self.step_action = self._action(self.tr("Step"), "Right", self.tr("One training step (→)"))
        self.step_action.triggered.connect(lambda: controller.step(1))
        self.step10_action = self._action(self.tr("Step 10"), None, self.tr("Ten training steps"))
        self.step10_action.triggered.connect(lambda: controller.step(10))
        self.step100_action = self._action(
            self.tr("Step 100"), None, self.tr("A hundred training steps")
        )
        self.step100_action.triggered.connect(lambda: controller.step(100))
        self.reset_action = self._action(
            self.tr("Reset"),
            None,
            self.tr("Start again from the initial weights (the same seed gives the same start)"),
        )
        self.reset_action.triggered.connect(controller.reset)
        self.speed_box = QComboBox()
        self.speed_box.setToolTip(
            self.tr("Training pace in steps per second: slow enough to watch")
        )
        for label, sps in SPEEDS:
            self.speed_box.addItem(self.tr("{0}/s").format(label.removesuffix("/s")), sps)
        self.max_action = self._action(
            self.tr("Max"),
            None,
            self.tr("Train as fast as the computer can (click again for the pace beside it)"),
        )
        self.max_action.setCheckable(True)
        self.max_action.toggled.connect(self._on_max_toggled)
        self.speed_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.speed_box.setFixedWidth(self.speed_box.sizeHint().width())
        self.speed_box.currentIndexChanged.connect(self._on_speed_box_changed)
        self.step_label = QLabel()
        self.epoch_label = QLabel()
        self.time_label = QLabel()
        self.state_label = QLabel()
        counters = (self.step_label, self.epoch_label, self.time_label, self.state_label)
        for label, sample in zip(counters, COUNTER_SAMPLES, strict=True):
            label.setTextFormat(Qt.TextFormat.PlainText)
            texts = [self.tr(w) for w in STATE_WORDS.values()] if sample is None else [sample]
            texts = [self.tr(t).format("999,999") if "{0}" in t else t for t in texts]
            width = max(label.fontMetrics().horizontalAdvance(t) for t in texts)
            label.setFixedWidth(width + 2)
        self.state_label.setToolTip(self.tr("What training is doing"))

        self.toolbar = QToolBar(self.tr("Training"))
        self.toolbar.setObjectName("toolbar_training")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        self.step10_action.setIconText(
            "+10"
        )  # the menu says self.tr("Step 10"); the toolbar has no room
        self.step100_action.setIconText("+100")
        for action in (
            self.run_action,
            self.step_action,
            self.step10_action,
            self.step100_action,
            self.reset_action,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.speed_box)
        self.toolbar.addAction(self.max_action)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 0, 2, 0)
        row.setSpacing(5)
        for label in counters:
            row.addWidget(label)
        self.toolbar.addWidget(box)
        run_button = self.toolbar.widgetForAction(self.run_action)
        metrics = run_button.fontMetrics()
        extra = run_button.sizeHint().width() - metrics.horizontalAdvance(self.run_action.text())
        widest = max(metrics.horizontalAdvance(text) for text in (self.tr("Run"), self.tr("Pause")))
        run_button.setFixedWidth(extra + widest)

        controller.state_changed.connect(self._on_controller_state_changed)
        controller.counters_changed.connect(self._on_controller_counters_changed)
        self._on_controller_counters_changed(0, 0, 0.0)
        self._on_controller_state_changed(controller.state)

    def _action(self, text: str, shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def set_pace(self, steps_per_second: float | None) -> None:
        """Show and use a pace: the nearest one in the box, or Max for None."""
        if steps_per_second is not None:
            nearest = min(
                range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i][1] - float(steps_per_second))
            )
            with QSignalBlocker(self.speed_box):
                self.speed_box.setCurrentIndex(nearest)
        with QSignalBlocker(self.max_action):
            self.max_action.setChecked(steps_per_second is None)
        self.controller.set_speed(self.pace())

    def pace(self) -> float | None:
        """Steps per second now chosen; None for as fast as possible."""
        return None if self.max_action.isChecked() else self.speed_box.currentData()

    def _on_speed_box_changed(self, _index: int) -> None:
        with QSignalBlocker(self.max_action):
            self.max_action.setChecked(False)  # choosing a pace means that pace
        self.controller.set_speed(self.pace())

    def _on_max_toggled(self, _on: bool) -> None:
        self.controller.set_speed(self.pace())

    def _on_controller_state_changed(self, state: str) -> None:
        running = state == "running"
        self.run_action.setText(self.tr("Pause") if running else self.tr("Run"))
        self.run_action.setToolTip(
            self.tr("Pause training (Space)") if running else self.tr("Train until paused (Space)")
        )
        self.state_label.setText(self.tr(STATE_WORDS[state]) if state in STATE_WORDS else state)
        colour = {"diverged": "#c0392b", "error": "#c0392b", "running": "#1e7d32"}.get(state, "")
        self.state_label.setStyleSheet(f"color: {colour};" if colour else "")

    def _on_controller_counters_changed(self, step: int, epoch: int, elapsed: float) -> None:
        self.step_label.setText(self.tr("step {0}").format(format_count(step)))
        self.epoch_label.setText(self.tr("epoch {0}").format(format_count(epoch)))
        self.time_label.setText(format_elapsed(elapsed))


class MessageBanner(QFrame):
    """A plain message above the training form: divergence, an engine error, a rebuild note.

    A message about one layer carries a "Show layer" link; `node_requested` asks the editor to
    select that node.
    """

    node_requested = Signal(str)

    STYLES = {
        "error": "background: #fdecea; border: 1px solid #e6a39b; color: #611a15;",
        "info": "background: #e8f1fb; border: 1px solid #9dbfe3; color: #123a63;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.label.linkActivated.connect(self._on_label_link_activated)
        self.message = ""
        self.node_id: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        self.hide()

    def show_message(self, text: str | None, node_id: str | None, level: str = "error") -> None:
        if not text:
            self.hide()
            return
        where = ""
        if node_id and f"'{node_id}'" not in text:
            where = self.tr("Layer '{0}': ").format(node_id)
        self.message = where + text
        self.node_id = node_id
        link = ""
        if node_id:
            show = self.tr("Show layer")
            link = f' <a href="node:{html.escape(node_id)}">{show}</a>'
        self.label.setText(html.escape(self.message) + link)
        self.setStyleSheet(
            "MessageBanner {"
            + self.STYLES.get(level, self.STYLES["error"])
            + "border-radius: 4px;}"
            "QLabel {border: none; background: transparent;}"
        )
        self.show()

    @property
    def text(self) -> str:
        return "" if self.isHidden() else self.message

    def _on_label_link_activated(self, link: str) -> None:
        if link.startswith("node:"):
            self.node_requested.emit(link[len("node:") :])
