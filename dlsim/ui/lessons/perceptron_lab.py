"""The perceptron lab: the lecture's gates, their decision lines, and the perceptron rule at work.

Pick AND, NAND, OR or XOR; edit w1, w2, b with spin boxes or sliders and watch the truth table
and the decision line w1·x1 + w2·x2 + b = 0 follow; start from seeded random weights and apply
the perceptron rule one sample per click, with the update written out; on XOR the rule never
settles and the lab says why, then builds XOR from two layers of gates. Every number comes from
`dlsim.engine.teaching.lab`; this module only shows it. The status line always describes what is
on screen now: an edit replaces whatever it said about the weights before.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.notation import fmt
from dlsim.engine.teaching import lab
from dlsim.engine.teaching.lab import GATE_LABELS, GATE_NAMES, RuleLearner
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.ui.lessons.common import (
    BAD,
    GOOD,
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    INK,
    NEGATIVE,
    POSITIVE,
    big_font,
    html_escape,
    mono_font,
    with_alpha,
)
from dlsim.ui.lessons.lab_controls import GateWeights, UnitWeights
from dlsim.ui.lessons.lab_plot import DecisionPlot
from dlsim.ui.lessons.lab_table import TruthTable

MAX_RUN_UPDATES = 1000
HISTORY_COLORS = {"w1": QColor("#2563eb"), "w2": QColor("#7c3aed"), "b": QColor("#475569")}
TWO_LAYER_RULE_NOTE = QT_TRANSLATE_NOOP(
    "PerceptronLab",
    "The perceptron rule trains one unit at a time, so learning is off in two-layer mode: "
    "press \u201cTwo layers\u201d again to go back to one unit.",
)
SMALL_PANEL_HEIGHT = 110


class PerceptronLab(QWidget):
    """Gates, truth tables, decision lines and the perceptron rule, on one unit or two layers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Perceptron lab"))
        self.setFont(big_font())
        self.gate_name = "and"
        self.two_layers = False
        self.learner = RuleLearner("and", (0.5, 0.5), -0.7)
        self._last_sample: int | None = None
        self._build()
        self.select_gate("and")

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Perceptron lab"))
        title.setFont(big_font(5, bold=True))
        self.gate_group = QButtonGroup(self)
        self.gate_group.setExclusive(True)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(12)
        self.gate_buttons: dict[str, QPushButton] = {}
        for k, name in enumerate(GATE_NAMES):
            button = QPushButton(GATE_LABELS[name])
            button.setCheckable(True)
            button.setFont(big_font(2, bold=True))
            button.setMinimumWidth(80)
            button.setStyleSheet(
                "QPushButton { padding: 3px 10px; }"
                f"QPushButton:checked {{ background: {HIGHLIGHT.name()}; color: {INK.name()};"
                f" border: 2px solid {INK.name()}; border-radius: 4px; }}"
            )
            self.gate_group.addButton(button, k)
            self.gate_buttons[name] = button
            header.addWidget(button)
        self.gate_group.idClicked.connect(lambda k: self.select_gate(GATE_NAMES[k]))
        header.addSpacing(12)
        self.two_layer_button = QPushButton(self.tr("Two layers: XOR = AND(NAND, OR)"))
        self.two_layer_button.setCheckable(True)
        self.two_layer_button.toggled.connect(self.show_two_layers)
        header.addWidget(self.two_layer_button)
        header.addStretch(1)

        self.unit_weights = UnitWeights()
        self.controls = self.unit_weights.controls
        self.unit_weights.weights_edited.connect(self._on_weights_edited)
        self.gate_weights = GateWeights()
        self.weights_stack = QStackedWidget()
        self.weights_stack.addWidget(self.unit_weights)
        self.weights_stack.addWidget(self.gate_weights)

        self.table = TruthTable()

        self.plot = DecisionPlot()

        self.lecture_button = QPushButton(self.tr("Lecture's weights"))
        self.lecture_button.clicked.connect(self.use_lecture_weights)
        self.random_button = QPushButton(self.tr("Random weights"))
        self.random_button.clicked.connect(lambda: self.randomize())
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setMaximumWidth(80)
        self.eta = QDoubleSpinBox()
        self.eta.setRange(0.001, 10.0)
        self.eta.setDecimals(3)
        self.eta.setSingleStep(0.05)
        self.eta.setValue(0.1)
        self.eta.valueChanged.connect(self._on_eta_value_changed)
        self.learn_button = QPushButton(self.tr("Learn one sample"))
        self.learn_button.setFont(big_font(0, bold=True))
        self.learn_button.clicked.connect(self.learn_one)
        self.run_button = QPushButton(self.tr("Run until converged"))
        self.run_button.clicked.connect(self.run_until_converged)
        self._rule_widgets = (self.random_button, self.seed, self.eta)
        self._rule_widgets += (self.learn_button, self.run_button)
        learn_row = QHBoxLayout()
        learn_row.addWidget(self.lecture_button)
        learn_row.addWidget(self.random_button)
        learn_row.addWidget(QLabel(self.tr("seed")))
        learn_row.addWidget(self.seed)
        learn_row.addWidget(QLabel("\u03b7"))
        learn_row.addWidget(self.eta)
        learn_row.addWidget(self.learn_button)
        learn_row.addWidget(self.run_button)
        learn_row.addStretch(1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setFont(big_font(1, bold=True))
        self.update_view = QTextBrowser()
        self.update_view.setFont(mono_font(1))
        self.update_view.setMinimumHeight(SMALL_PANEL_HEIGHT)
        self.history = pg.PlotWidget(background="w")
        self.history.setMinimumHeight(SMALL_PANEL_HEIGHT)
        self.history.getPlotItem().setContentsMargins(0, 0, 12, 0)  # the last tick labels
        self.history.setLabel("bottom", self.tr("update"))
        self.history.setMouseEnabled(x=False, y=False)
        self.history.hideButtons()
        # The key sits above the plot, so no curve ever runs through it.
        self.history.setTitle(
            " &nbsp; ".join(
                f"<span style='color:{c.name()}'>\u2501 {n}</span>"
                for n, c in HISTORY_COLORS.items()
            ),
            size="12pt",
        )
        self.history.showGrid(x=True, y=True, alpha=0.3)
        for axis in ("bottom", "left"):
            self.history.getAxis(axis).enableAutoSIPrefix(False)
        self._cycle_band = pg.LinearRegionItem(
            movable=False, brush=pg.mkBrush(with_alpha(BAD, 40)), pen=pg.mkPen(BAD)
        )
        self._cycle_band.setVisible(False)
        self.history.addItem(self._cycle_band)
        self._history_curves = {
            name: self.history.plot([], [], pen=pg.mkPen(colour, width=2.5))
            for name, colour in HISTORY_COLORS.items()
        }

        left = QVBoxLayout()
        left.addWidget(self.weights_stack)
        left.addWidget(self.table, 1)
        middle = QHBoxLayout()
        plot_box = QVBoxLayout()
        plot_box.addWidget(self.plot, 1)
        one, zero = self.tr("y = 1 side"), self.tr("y = 0 side")
        caption = QLabel(
            f"<span style='color:{POSITIVE.name()}'>\u25a0 {one}</span> &nbsp; "
            f"<span style='color:{NEGATIVE.name()}'>\u25a0 {zero}</span><br>"
            + self.tr("dots: coloured by target")
        )
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setWordWrap(True)
        plot_box.addWidget(caption)
        middle.addLayout(left, 7)
        middle.addLayout(plot_box, 3)
        bottom = QGridLayout()
        bottom.addWidget(self.update_view, 0, 0)
        bottom.addWidget(self.history, 0, 1)
        bottom.setColumnStretch(0, 12)
        bottom.setColumnStretch(1, 8)

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(middle, 5)
        layout.addLayout(learn_row)
        layout.addWidget(self.status)
        layout.addLayout(bottom, 2)

    # --- what the user does -------------------------------------------------------------------

    def select_gate(self, name: str) -> None:
        """Show a gate; AND, NAND and OR start from the lecture's weights."""
        self.gate_name = name
        self.gate_buttons[name].setChecked(True)
        is_xor = name == "xor"
        self.two_layer_button.setVisible(is_xor)
        if not is_xor and self.two_layer_button.isChecked():
            self.two_layer_button.setChecked(False)
        w1, w2, b = lab.gate_weights(name) if not is_xor else self.learner.weights
        self._new_learner(w1, w2, b)
        self._enable_controls()
        self._explain_rule()
        self._describe_weights()
        self._refresh()

    def use_lecture_weights(self) -> None:
        if self.gate_name != "xor":
            self.set_weights(*lab.gate_weights(self.gate_name))

    def set_weights(self, w1: float, w2: float, b: float) -> None:
        """Set the weights as if typed in (the learner continues from them)."""
        self._new_learner(w1, w2, b)
        self._explain_rule()
        self._describe_weights()
        self._refresh()

    def weights(self) -> tuple[float, float, float]:
        return self.learner.weights

    def randomize(self, seed: int | None = None) -> None:
        """Weights drawn from U(−1, 1) with the seed box's value (same seed, same start)."""
        if self.two_layers:
            self._say(self.tr(TWO_LAYER_RULE_NOTE), INK)
            return
        if seed is not None:
            self.seed.setValue(seed)
        self.learner = RuleLearner.random(self.gate_name, self.seed.value(), self.eta.value())
        self._last_sample = None
        self._explain_rule()
        w1, w2, b = self.learner.weights
        self._say(
            self.tr(
                "Random start (seed {0}): w1 = {1}, w2 = {2}, b = {3}. "
                "Press \u201cLearn one sample\u201d."
            ).format(self.seed.value(), fmt(w1), fmt(w2), fmt(b)),
            INK,
        )
        self._refresh()

    def learn_one(self) -> None:
        """Present the next sample once and show the update with its numbers."""
        if self.two_layers:
            self._say(self.tr(TWO_LAYER_RULE_NOTE), INK)
            return
        step = self.learner.step()
        self._last_sample = step.sample
        self._show_step(step)
        self._refresh()

    def run_until_converged(self) -> None:
        """Apply the rule until every row is right, the weights cycle, or 1000 updates."""
        if self.two_layers:
            self._say(self.tr(TWO_LAYER_RULE_NOTE), INK)
            return
        steps = self.learner.run(MAX_RUN_UPDATES)
        if steps:
            self._last_sample = steps[-1].sample
            self._show_step(steps[-1], ran=len(steps))
        else:
            self._say(self.tr("Every row is already right: nothing to learn."), GOOD)
        self._refresh()

    def show_two_layers(self, on: bool) -> None:
        """XOR = AND(NAND, OR): the table shows s1, s2 and y; the plot both hidden lines."""
        on = bool(on) and self.gate_name == "xor"
        if self.two_layer_button.isChecked() != on:
            self.two_layer_button.setChecked(on)
            return
        if on == self.two_layers:
            return
        self.two_layers = on
        self._enable_controls()
        if on:
            self._say(
                self.tr(
                    "Two layers: hidden s1 = NAND(x1, x2) and s2 = OR(x1, x2), output "
                    "y = AND(s1, s2). Each hidden unit draws one line; y = 1 only between them."
                ),
                GOOD,
            )
        else:
            self._describe_weights()
        self._refresh()

    # --- reading back (what the class sees) ---------------------------------------------------

    def table_rows(self) -> list[list[str]]:
        return self.table.rows()

    def table_headers(self) -> list[str]:
        return self.table.headers()

    def status_text(self) -> str:
        return self.status.text()

    def update_text(self) -> str:
        return self.update_view.toPlainText()

    def drawn_lines(self) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        """The decision lines on the plot, as their two ends."""
        return self.plot.drawn_lines()

    # --- internals ----------------------------------------------------------------------------

    def _new_learner(self, w1: float, w2: float, b: float) -> None:
        self.learner = RuleLearner(self.gate_name, (w1, w2), b, self.eta.value())
        self._last_sample = None

    def _enable_controls(self) -> None:
        """Two-layer mode shows the gates' fixed weights and switches the rule's controls off."""
        self.weights_stack.setCurrentWidget(
            self.gate_weights if self.two_layers else self.unit_weights
        )
        for widget in self._rule_widgets:
            widget.setEnabled(not self.two_layers)
            widget.setToolTip(self.tr(TWO_LAYER_RULE_NOTE) if self.two_layers else "")
        self.lecture_button.setEnabled(self.gate_name != "xor" and not self.two_layers)

    def _on_weights_edited(self) -> None:
        self._new_learner(*self.unit_weights.values())
        self._explain_rule()
        self._describe_weights()
        self._refresh(keep_controls=True)

    def _on_eta_value_changed(self, value: float) -> None:
        self.learner.lr = float(value)

    def _describe_weights(self) -> None:
        """Say what the weights on screen do: the lecture's, right for the gate, or how wrong."""
        gate = GATE_LABELS[self.gate_name]
        wrong = self.learner.mistakes()
        lecture = self.gate_name != "xor" and self.learner.weights == lab.gate_weights(
            self.gate_name
        )
        if lecture:
            text = self.tr(
                "{0} with the lecture's weights. Edit them, or start from random weights "
                "and let the perceptron rule learn."
            ).format(gate)
            self._say(text, INK)
        elif self.gate_name == "xor":
            self._say(
                self.tr(
                    "XOR: {0} of 4 rows wrong. Try to find weights by hand, or let the "
                    "perceptron rule try."
                ).format(wrong),
                INK,
            )
        elif wrong:
            self._say(
                self.tr(
                    "{0}: {1} of 4 rows wrong with these weights. Edit them, or let the "
                    "perceptron rule learn."
                ).format(gate, wrong),
                INK,
            )
        else:
            self._say(self.tr("{0}: all four rows right with these weights.").format(gate), GOOD)

    def _explain_rule(self) -> None:
        self.update_view.setHtml(
            "<b>{}</b><br>"
            "w \u2190 w + \u03b7(t \u2212 y)x,&nbsp; b \u2190 b + \u03b7(t \u2212 y)<br>{}".format(
                self.tr("The perceptron rule"),
                self.tr(
                    "Each click of \u201cLearn one sample\u201d presents the next row (00, 01, "
                    "10, 11, 00, \u2026): a right answer changes nothing, a wrong one moves the "
                    "line towards it."
                ),
            )
        )

    def _say(self, text: str, colour: QColor) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour.name()}")

    def _show_step(self, step: lab.LabStep, ran: int | None = None) -> None:
        head = self.tr("Update {0}: sample {1} of 4").format(step.number, step.sample + 1)
        if ran is not None:
            head = self.tr("Ran {0} updates; the last one \u2014 {1}").format(ran, head)
        body = "<br>".join(html_escape(line) for line in step.lines)
        why = ""
        if step.cycle is not None and self.gate_name == "xor":
            why = (
                f"<p style='background:{HIGHLIGHT_FILL.name()};font-family:sans-serif'>"
                f"{html_escape(translate('Lab', lab.XOR_WHY))}</p>"
            )
        self.update_view.setHtml(f"<b>{html_escape(head)}</b><br>{body}{why}")
        if step.converged:
            self._say(
                self.tr(
                    "Converged after {0} updates: all four rows are right, so the rule "
                    "will not change the weights any more."
                ).format(step.number),
                GOOD,
            )
        elif step.cycle is not None and self.gate_name == "xor":
            self._say(
                self.tr(
                    "{0} XOR is not linearly separable \u2014 see why below, "
                    "then try \u201cTwo layers\u201d."
                ).format(step.cycle.describe()),
                BAD,
            )
        elif step.cycle is not None:
            self._say(step.cycle.describe(), BAD)
        elif ran is not None:
            self._say(
                self.tr("Not converged after {0} updates: {1} rows wrong.").format(
                    ran, step.mistakes_now
                ),
                BAD,
            )
        else:
            self._say(
                self.tr("{0} of 4 rows wrong.").format(step.mistakes_now),
                INK if step.mistakes_now else GOOD,
            )

    def _refresh(self, keep_controls: bool = False) -> None:
        if not keep_controls:
            self.unit_weights.set_values(*self.learner.weights)
        if self.two_layers:
            self.table.show_two_layers(self._last_sample)
            self.plot.show_two_layers()
        else:
            self.table.show_unit(self.learner.table(), self._last_sample)
            self.plot.show_unit(*self.learner.weights, self.gate_name)
        history = self.learner.weights_history
        xs = list(range(len(history)))
        for k, name in enumerate(("w1", "w2", "b")):
            self._history_curves[name].setData(xs, [h[k] for h in history])
        self.history.setXRange(0, max(len(history) - 1, 8), padding=0.02)
        cycle = self.learner.cycle
        self._cycle_band.setVisible(cycle is not None)
        if cycle is not None:
            self._cycle_band.setRegion((cycle.first_update, cycle.repeat_update))
