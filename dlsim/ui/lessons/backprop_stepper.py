"""The backprop stepper: the lecture's worked example one phase per click, on a projector.

Next / Back / Play (and →, ←, Space, Page Down/Up for a presenter's clicker) walk through the
phases of one training step — forward layer by layer, the loss, backward layer by layer with the
chain-rule factors, the update, the loss after it — and on into the next iteration. Everything
shown comes from `dlsim.engine.teaching.stepper` (phases built from the engine's trace); this
module only lays it out.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.teaching.stepper import MAX_ITERATION, BackpropWalk, Line, Phase
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.example_texts import example_text
from dlsim.ui.lessons.common import (
    BAD,
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    INK,
    NEGATIVE,
    POSITIVE,
    ElidedLabel,
    big_font,
    html_escape,
)
from dlsim.ui.lessons.neuron_diagram import NeuronDiagram
from dlsim.ui.lessons.phase_chips import PhaseChips
from dlsim.ui.lessons.walk_runner import WalkRunner

LECTURE_EXAMPLE = "backprop_lecture"
PLAY_INTERVAL_MS = 1600
NARROW_FORMULAS = 560

DocumentProvider = Callable[[], tuple[dict[str, Any], str | os.PathLike[str] | None]]


def _value_html(line: Line) -> str:
    colour = NEGATIVE.name() if line.value_text.startswith("\u2212") else INK.name()
    return f"<b style='color:{colour}'>{html_escape(line.value_text)}</b>"


def phase_html(phase: Phase) -> str:
    """The formula panel for one phase: title, one sentence, then the equations.

    Each equation takes two rows, symbols above and numbers below, and every result stands in
    the last column, so the results of a phase read down one straight column.
    """
    rows = []
    for line in phase.lines:
        lhs = f"<td align='right'><b>{html_escape(line.lhs)}</b></td>"
        value = f"<td>= {_value_html(line)}</td>"
        if line.formula and line.numbers:
            rows.append(f"<tr>{lhs}<td>= {html_escape(line.formula)}</td><td></td></tr>")
            rows.append(f"<tr><td></td><td>= {html_escape(line.numbers)}</td>{value}</tr>")
        elif line.formula:
            rows.append(f"<tr>{lhs}<td>= {html_escape(line.formula)}</td>{value}</tr>")
        else:
            rows.append(f"<tr>{lhs}<td></td>{value}</tr>")
    notes = "".join(
        f"<table width='100%' cellpadding='8' style='margin-top:10px'>"
        f"<tr><td style='background:{HIGHLIGHT_FILL.name()};"
        f"border:1px solid {HIGHLIGHT.name()}'>{html_escape(n)}</td></tr></table>"
        for n in phase.notes
    )
    return (
        f"<h2 style='color:{POSITIVE.name()};margin-bottom:4px'>{html_escape(phase.title)}</h2>"
        f"<p style='margin-top:0;color:#475569'>{html_escape(phase.intro)}</p>"
        f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>{notes}"
    )


class BackpropStepper(QWidget):
    """Step through backpropagation on a small dense network, one phase per click."""

    position_changed = Signal(int, int)

    def __init__(
        self,
        doc: dict[str, Any] | None = None,
        base_dir: str | os.PathLike[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backprop stepper"))
        self.setFont(big_font())
        self.walk: BackpropWalk | None = None
        self.iteration = 1
        self.phase_index = 0
        self._provider: DocumentProvider | None = None
        self.runner = WalkRunner(self)
        self.runner.arrived.connect(self._arrive)
        self.runner.stopped.connect(self._stay)
        self.runner.failed.connect(self.show_message)
        self.runner.busy_changed.connect(self._set_busy)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._build()
        if doc is None:
            path = resources.example_path(LECTURE_EXAMPLE)
            doc, base_dir = read_document(path), path.parent
        self.load_document(doc, base_dir)

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = ElidedLabel()
        self.title.setFont(big_font(4, bold=True))
        self.position = QLabel()
        self.position.setFont(big_font(1))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            f"color:{BAD.name()}; background:#fee2e2; border:1px solid {BAD.name()};"
            "padding:6px; border-radius:4px"
        )
        self.message.hide()

        self.chips = PhaseChips()
        self.chip_group = self.chips.group
        self.chips.phase_clicked.connect(self.go_to_phase)

        self.diagram = NeuronDiagram()
        self.formulas = QTextBrowser()
        self.formulas.installEventFilter(self)
        self._text_zoom = 0
        self.formulas.setOpenLinks(False)
        self.loss_plot = pg.PlotWidget(background="w")
        self.loss_plot.setMinimumHeight(100)
        self.loss_plot.setMaximumHeight(180)
        self.loss_plot.getAxis("left").enableAutoSIPrefix(False)
        self.loss_plot.setLabel("left", "E_total")
        self.loss_plot.setLabel("bottom", self.tr("iteration"))
        self.loss_plot.showGrid(x=True, y=True, alpha=0.3)
        self.loss_plot.setMouseEnabled(x=False, y=False)
        self.loss_plot.hideButtons()
        self._loss_curve = self.loss_plot.plot(
            [],
            [],
            pen=pg.mkPen(POSITIVE, width=3),
            symbol="o",
            symbolSize=7,
            symbolBrush=POSITIVE,
            symbolPen=None,
        )
        self._loss_now = self.loss_plot.plot(
            [], [], pen=None, symbol="o", symbolSize=14, symbolBrush=HIGHLIGHT, symbolPen=INK
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.diagram, 1)
        left_layout.addWidget(self.loss_plot)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.formulas)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setSizes([700, 570])

        self.back_action = QAction(self.tr("◀ Back"), self)
        self.back_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Left), QKeySequence.StandardKey.MoveToPreviousPage]
        )
        self.back_action.triggered.connect(self.previous_phase)
        self.next_action = QAction(self.tr("Next ▶"), self)
        self.next_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Right), QKeySequence.StandardKey.MoveToNextPage]
        )
        self.next_action.triggered.connect(self.next_phase)
        self.play_action = QAction(self.tr("Play"), self)
        self.play_action.setCheckable(True)
        self.play_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.play_action.toggled.connect(self.play)
        self.start_action = QAction(self.tr("First phase"), self)
        self.start_action.setShortcut(QKeySequence(Qt.Key.Key_Home))
        self.start_action.triggered.connect(lambda: self.go_to_phase(0))
        self.larger_action = QAction(self.tr("Larger text"), self)
        self.larger_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.larger_action.triggered.connect(lambda: self.zoom_text(2))
        self.smaller_action = QAction(self.tr("Smaller text"), self)
        self.smaller_action.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller_action.triggered.connect(lambda: self.zoom_text(-2))
        for action in (
            self.back_action,
            self.next_action,
            self.play_action,
            self.start_action,
            self.larger_action,
            self.smaller_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        controls = QHBoxLayout()
        for action in (self.back_action, self.next_action, self.play_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setFont(big_font(1, bold=True))
            button.setMinimumWidth(96)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            controls.addWidget(button)
        controls.addSpacing(16)
        controls.addWidget(QLabel(self.tr("Iteration")))
        self.iteration_box = QSpinBox()
        self.iteration_box.setRange(1, MAX_ITERATION)
        self.iteration_box.setFont(big_font(1))
        self.iteration_box.setMinimumWidth(100)
        controls.addWidget(self.iteration_box)
        self.go_button = QPushButton(self.tr("Go"))
        self.go_button.clicked.connect(lambda: self.go_to_iteration(self.iteration_box.value()))
        controls.addWidget(self.go_button)
        controls.addWidget(self.runner.progress_bar)
        controls.addWidget(self.runner.cancel_button)
        controls.addStretch(1)
        controls.addWidget(self.position)

        self.lecture_button = QPushButton(self.tr("Lecture example"))
        self.lecture_button.clicked.connect(self.load_lecture)
        self.current_button = QPushButton(self.tr("Step through the open diagram"))
        self.current_button.clicked.connect(self.load_current)
        self.current_button.setVisible(False)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.lecture_button)
        header.addWidget(self.current_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.chips)
        layout.addWidget(splitter, 1)
        layout.addLayout(controls)

    def zoom_text(self, points: int) -> None:
        """Larger or smaller formulas (Ctrl++ / Ctrl+-), on top of the size the width allows."""
        self._text_zoom = max(-6, min(20, self._text_zoom + points))
        self._fit_formula_font()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.formulas and event.type() == QEvent.Type.Resize:
            self._fit_formula_font()
        return super().eventFilter(watched, event)

    def _fit_formula_font(self) -> None:
        """Projector-sized formulas where the panel is wide; a notch smaller where it is narrow,
        so an equation's symbols and numbers keep to their rows on a small screen."""
        base = 1 if self.formulas.width() >= NARROW_FORMULAS else -1
        font = big_font(base + self._text_zoom)
        if font.pointSize() != self.formulas.font().pointSize():
            self.formulas.setFont(font)

    # --- documents ----------------------------------------------------------------------------

    def set_document_provider(self, provider: DocumentProvider | None) -> None:
        """Where "Step through the open diagram" gets its document (set by install_lessons)."""
        self._provider = provider
        self.current_button.setVisible(provider is not None)

    def load_document(
        self, doc: dict[str, Any], base_dir: str | os.PathLike[str] | None = None
    ) -> bool:
        """Step through `doc`; a network the stepper cannot show is refused with a message."""
        self.runner.abandon()
        try:
            walk = BackpropWalk(doc, base_dir)
        except DlsimError as exc:
            name = example_text(str(doc.get("name") or "")) or self.tr("This diagram")
            self.show_message(self.tr("{0} cannot be stepped through: {1}.").format(name, exc))
            return False
        self.play(False)
        self.message.hide()
        self.walk = walk
        self.title.setText(example_text(walk.name) or self.tr("Untitled diagram"))
        self.diagram.set_network(walk.layout)
        self.iteration, self.phase_index = 1, 0
        self._rebuild_chips()
        self._show()
        return True

    def load_lecture(self) -> bool:
        path = resources.example_path(LECTURE_EXAMPLE)
        return self.load_document(read_document(path), Path(path).parent)

    def load_current(self) -> bool:
        if self._provider is None:
            return False
        try:
            doc, base_dir = self._provider()
        except DlsimError as exc:
            self.show_message(
                self.tr("The open diagram cannot be stepped through: {0}.").format(exc)
            )
            return False
        return self.load_document(doc, base_dir)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def error_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    # --- moving -------------------------------------------------------------------------------

    @property
    def phases(self) -> list[Phase]:
        assert self.walk is not None
        return self.walk.phases(self.iteration)

    def phase(self) -> Phase:
        return self.phases[self.phase_index]

    @property
    def busy(self) -> bool:
        """Iterations are being run in the background (navigation waits for them)."""
        return self.runner.busy

    def next_phase(self) -> None:
        """One phase on; after the last phase of an iteration, the start of the next one."""
        if self.walk is None or self.busy:
            return
        if self.phase_index + 1 < len(self.phases):
            self.phase_index += 1
            self._show()
        elif self.iteration < MAX_ITERATION:
            self._visit(self.iteration + 1)

    def previous_phase(self) -> None:
        """One phase back; from an iteration's start, the last phase of the one before."""
        if self.walk is None or self.busy:
            return
        if self.phase_index > 0:
            self.phase_index -= 1
            self._show()
        elif self.iteration > 1:
            self._visit(self.iteration - 1, last_phase=True)

    def go_to_phase(self, index: int) -> None:
        if self.walk is None or self.busy:
            return
        self.phase_index = max(0, min(int(index), len(self.phases) - 1))
        self._show()

    def go_to_iteration(self, n: int) -> None:
        """Jump to the start of iteration n (running the steps before it; a long way runs in
        the background with a progress bar and Cancel)."""
        if self.walk is None or self.busy:
            return
        self._visit(n)

    def _visit(self, n: int, last_phase: bool = False) -> None:
        """Show iteration n: at once when it is near, else once the runner has run there."""
        assert self.walk is not None
        self.play(False)
        self.runner.go(self.walk, n, last_phase)

    def _arrive(self, n: int, last_phase: bool) -> None:
        self.iteration = n
        self.phase_index = len(self.phases) - 1 if last_phase else 0
        self._show()

    def _stay(self) -> None:
        """A long run was cancelled: stay where we were, as far as the walk has come."""
        if self.walk is not None:
            self._arrive(max(1, min(self.iteration, self.walk.done)), False)

    def _set_busy(self, busy: bool) -> None:
        for action in (self.back_action, self.next_action, self.play_action, self.start_action):
            action.setEnabled(not busy)
        for widget in (self.iteration_box, self.go_button, self.lecture_button):
            widget.setEnabled(not busy)
        self.current_button.setEnabled(not busy)
        for chip in self.chip_group.buttons():
            chip.setEnabled(not busy)
        self.go_button.setVisible(not busy)

    def play(self, on: bool) -> None:
        """Advance one phase every PLAY_INTERVAL_MS until paused."""
        if on:
            self._timer.start()
        else:
            self._timer.stop()
        if self.play_action.isChecked() != on:
            self.play_action.setChecked(on)
        self.play_action.setText(self.tr("Pause") if on else self.tr("Play"))

    def _on_timer_timeout(self) -> None:
        self.next_phase()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.runner.abandon()
        super().closeEvent(event)

    # --- display ------------------------------------------------------------------------------

    def _rebuild_chips(self) -> None:
        self.chips.set_phases(self.phases)

    def _show(self) -> None:
        phases = self.phases
        if len(phases) != len(self.chip_group.buttons()):
            self._rebuild_chips()
        phase = phases[self.phase_index]
        self.chips.set_current(self.phase_index)
        self.position.setText(
            self.tr("iteration {0} \u00b7 phase {1} of {2}").format(
                self.iteration, self.phase_index + 1, len(phases)
            )
        )
        self.iteration_box.setValue(self.iteration)
        self.formulas.setHtml(phase_html(phase))
        self.diagram.show_phase(phase)
        assert self.walk is not None
        self._show_losses(phase)
        self.back_action.setEnabled(self.iteration > 1 or self.phase_index > 0)
        self.position_changed.emit(self.iteration, self.phase_index)

    def _show_losses(self, phase: Phase) -> None:
        """E_total of each iteration so far; this one's only once its loss phase is reached."""
        assert self.walk is not None
        losses = self.walk.loss_history(self.iteration)
        known = phase.kind not in ("start", "forward")
        shown = losses if known else losses[:-1]
        xs = list(range(1, len(shown) + 1))
        self._loss_curve.setData(xs, shown)
        self._loss_now.setData(xs[-1:] if known else [], shown[-1:] if known else [])
        self.loss_plot.setXRange(0.5, max(len(losses), 10) + 0.5, padding=0)
        top = max(losses)
        self.loss_plot.setYRange(min(0.0, min(losses)), top * 1.15 if top > 0 else 1.0, padding=0)

    def loss_points(self) -> tuple[list[float], list[float]]:
        """The (iteration, E_total) points the loss plot shows now."""
        xs, ys = self._loss_curve.getData()
        return ([] if xs is None else list(xs)), ([] if ys is None else list(ys))

    def formula_text(self) -> str:
        """The formula panel as plain text: exactly what the class reads on screen."""
        return self.formulas.toPlainText()
