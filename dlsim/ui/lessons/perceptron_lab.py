"""The perceptron lab: the lecture's gates, their decision lines, and the perceptron rule at work.

Pick AND, NAND, OR or XOR; edit w1, w2, b with spin boxes or sliders and watch the truth table
and the decision line w1·x1 + w2·x2 + b = 0 follow; start from seeded random weights and apply
the perceptron rule one sample per click, with the update written out; on XOR the rule never
settles and the lab says why, then builds XOR from two layers of gates. Every number comes from
`dlsim.engine.teaching.lab`; this module only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDoubleSpinBox,
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.teaching import lab
from dlsim.engine.teaching.lab import GATE_LABELS, GATE_NAMES, PLOT_BOX, RuleLearner, fmt
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

WEIGHT_RANGE = 10.0
SLIDER_RANGE = 3.0
SLIDER_STEPS = 100
MAX_RUN_UPDATES = 1000
HISTORY_COLORS = {"w1": QColor("#2563eb"), "w2": QColor("#7c3aed"), "b": QColor("#475569")}


def _polygon(points: Sequence[tuple[float, float]]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


class WeightControl(QWidget):
    """One weight: a label, a spin box for exact values and a slider for sweeping."""

    value_changed = Signal(float)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel(name)
        self.name.setFont(big_font(2, bold=True))
        self.name.setMinimumWidth(36)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(-WEIGHT_RANGE, WEIGHT_RANGE)
        self.spin.setDecimals(4)
        self.spin.setSingleStep(0.05)
        self.spin.setFont(mono_font(2))
        self.spin.setMinimumWidth(130)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(-int(SLIDER_RANGE * SLIDER_STEPS), int(SLIDER_RANGE * SLIDER_STEPS))
        self.slider.setMinimumWidth(160)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.spin)
        layout.addWidget(self.slider, 1)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self.slider.valueChanged.connect(self._on_slider_value_changed)

    def value(self) -> float:
        return float(self.spin.value())

    def set_value(self, value: float) -> None:
        """Show a value without announcing it (the lab set it, the user did not)."""
        for widget in (self.spin, self.slider):
            widget.blockSignals(True)
        self.spin.setValue(value)
        self.slider.setValue(round(value * SLIDER_STEPS))
        for widget in (self.spin, self.slider):
            widget.blockSignals(False)

    def _on_spin_value_changed(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value * SLIDER_STEPS))
        self.slider.blockSignals(False)
        self.value_changed.emit(float(value))

    def _on_slider_value_changed(self, position: int) -> None:
        self.spin.setValue(position / SLIDER_STEPS)


class PerceptronLab(QWidget):
    """Gates, truth tables, decision lines and the perceptron rule, on one unit or two layers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Perceptron lab")
        self.setFont(big_font())
        self.gate_name = "and"
        self.two_layers = False
        self.learner = RuleLearner("and", (0.5, 0.5), -0.7)
        self._last_sample: int | None = None
        self._build()
        self.select_gate("and")

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel("Perceptron lab")
        title.setFont(big_font(5, bold=True))
        self.gate_group = QButtonGroup(self)
        self.gate_group.setExclusive(True)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(20)
        self.gate_buttons: dict[str, QPushButton] = {}
        for k, name in enumerate(GATE_NAMES):
            button = QPushButton(GATE_LABELS[name])
            button.setCheckable(True)
            button.setFont(big_font(2, bold=True))
            button.setMinimumWidth(90)
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {HIGHLIGHT.name()}; color: {INK.name()};"
                f" border: 2px solid {INK.name()}; border-radius: 4px; }}"
            )
            self.gate_group.addButton(button, k)
            self.gate_buttons[name] = button
            header.addWidget(button)
        self.gate_group.idClicked.connect(lambda k: self.select_gate(GATE_NAMES[k]))
        header.addSpacing(16)
        self.lecture_button = QPushButton("Lecture's weights")
        self.lecture_button.clicked.connect(self.use_lecture_weights)
        header.addWidget(self.lecture_button)
        self.two_layer_button = QPushButton("Two layers: XOR = AND(NAND, OR)")
        self.two_layer_button.setCheckable(True)
        self.two_layer_button.toggled.connect(self.show_two_layers)
        header.addWidget(self.two_layer_button)
        header.addStretch(1)

        self.weights_box = QGroupBox("Weights:  y = 1 if w1·x1 + w2·x2 + b > 0, else 0")
        weights_layout = QVBoxLayout(self.weights_box)
        self.controls = {name: WeightControl(name) for name in ("w1", "w2", "b")}
        for control in self.controls.values():
            weights_layout.addWidget(control)
            control.value_changed.connect(self._on_weight_value_changed)

        self.table = QTableWidget()
        self.table.setFont(mono_font(0))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setFont(big_font(1, bold=True))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.plot = pg.PlotWidget(background="w")
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        x0, x1, y0, y1 = PLOT_BOX
        self.plot.setXRange(x0, x1, padding=0)
        self.plot.setYRange(y0, y1, padding=0)
        self.plot.setLabel("bottom", "x1")
        self.plot.setLabel("left", "x2")
        self.plot.setMinimumSize(340, 340)
        # room above the view for the top tick label ("1.5"), which is centred on its tick
        self.plot.getPlotItem().setContentsMargins(0, 10, 10, 0)
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTickFont(big_font(-1))
        self._plot_items: list = []

        self.eta = QDoubleSpinBox()
        self.eta.setRange(0.001, 10.0)
        self.eta.setDecimals(3)
        self.eta.setSingleStep(0.05)
        self.eta.setValue(0.1)
        self.eta.valueChanged.connect(self._on_eta_value_changed)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.random_button = QPushButton("Random weights")
        self.random_button.clicked.connect(lambda: self.randomize())
        self.learn_button = QPushButton("Learn one sample")
        self.learn_button.setFont(big_font(1, bold=True))
        self.learn_button.clicked.connect(self.learn_one)
        self.run_button = QPushButton("Run until converged")
        self.run_button.clicked.connect(self.run_until_converged)
        learn_row = QHBoxLayout()
        learn_row.addWidget(QLabel("η"))
        learn_row.addWidget(self.eta)
        learn_row.addWidget(QLabel("seed"))
        learn_row.addWidget(self.seed)
        learn_row.addWidget(self.random_button)
        learn_row.addWidget(self.learn_button)
        learn_row.addWidget(self.run_button)
        learn_row.addStretch(1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setFont(big_font(1, bold=True))
        self.update_view = QTextBrowser()
        self.update_view.setFont(mono_font(1))
        self.update_view.setMinimumHeight(150)
        self.history = pg.PlotWidget(background="w")
        self.history.setMinimumHeight(150)
        self.history.getPlotItem().setContentsMargins(0, 6, 12, 0)  # the last tick labels
        self.history.setLabel("bottom", "update")
        self.history.setMouseEnabled(x=False, y=False)
        self.history.hideButtons()
        self.history.addLegend(offset=(5, 5))
        self.history.showGrid(x=True, y=True, alpha=0.3)
        for axis in ("bottom", "left"):
            self.history.getAxis(axis).enableAutoSIPrefix(False)
        self._cycle_band = pg.LinearRegionItem(
            movable=False, brush=pg.mkBrush(with_alpha(BAD, 40)), pen=pg.mkPen(BAD)
        )
        self._cycle_band.setVisible(False)
        self.history.addItem(self._cycle_band)
        self._history_curves = {
            name: self.history.plot([], [], pen=pg.mkPen(colour, width=2.5), name=name)
            for name, colour in HISTORY_COLORS.items()
        }

        left = QVBoxLayout()
        left.addWidget(self.weights_box)
        left.addWidget(self.table, 1)
        middle = QHBoxLayout()
        plot_box = QVBoxLayout()
        plot_box.addWidget(self.plot, 1)
        caption = QLabel(
            f"<span style='color:{POSITIVE.name()}'>\u25a0 y = 1 side</span> &nbsp; "
            f"<span style='color:{NEGATIVE.name()}'>\u25a0 y = 0 side</span> &nbsp; "
            "dots: coloured by target"
        )
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        plot_box.addWidget(caption)
        middle.addLayout(left, 12)
        middle.addLayout(plot_box, 8)
        bottom = QGridLayout()
        bottom.addWidget(self.update_view, 0, 0)
        bottom.addWidget(self.history, 0, 1)
        bottom.setColumnStretch(0, 12)
        bottom.setColumnStretch(1, 8)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(middle, 3)
        layout.addLayout(learn_row)
        layout.addWidget(self.status)
        layout.addLayout(bottom, 2)

    # --- what the user does -------------------------------------------------------------------

    def select_gate(self, name: str) -> None:
        """Show a gate; AND, NAND and OR start from the lecture's weights."""
        self.gate_name = name
        self.gate_buttons[name].setChecked(True)
        is_xor = name == "xor"
        self.lecture_button.setEnabled(not is_xor)
        self.two_layer_button.setVisible(is_xor)
        if not is_xor and self.two_layer_button.isChecked():
            self.two_layer_button.setChecked(False)
        w1, w2, b = lab.gate_weights(name) if not is_xor else self.learner.weights
        self._new_learner(w1, w2, b)
        intro = (
            f"{GATE_LABELS[name]} with the lecture's weights. Edit them, or start from random "
            "weights and let the perceptron rule learn."
            if not is_xor
            else "XOR: try to find weights by hand, or let the perceptron rule try."
        )
        self._say(intro, INK)
        self._explain_rule()
        self._refresh()

    def use_lecture_weights(self) -> None:
        if self.gate_name != "xor":
            self._new_learner(*lab.gate_weights(self.gate_name))
            self._refresh()

    def set_weights(self, w1: float, w2: float, b: float) -> None:
        """Set the weights as if typed in (the learner continues from them)."""
        self._new_learner(w1, w2, b)
        self._refresh()

    def weights(self) -> tuple[float, float, float]:
        return self.learner.weights

    def randomize(self, seed: int | None = None) -> None:
        """Weights drawn from U(−1, 1) with the seed box's value (same seed, same start)."""
        if seed is not None:
            self.seed.setValue(seed)
        self.learner = RuleLearner.random(self.gate_name, self.seed.value(), self.eta.value())
        self._last_sample = None
        self._explain_rule()
        w1, w2, b = self.learner.weights
        self._say(
            f"Random start (seed {self.seed.value()}): w1 = {fmt(w1)}, w2 = {fmt(w2)}, "
            f"b = {fmt(b)}. Press \u201cLearn one sample\u201d.",
            INK,
        )
        self._refresh()

    def learn_one(self) -> None:
        """Present the next sample once and show the update with its numbers."""
        self.show_two_layers(False)
        step = self.learner.step()
        self._last_sample = step.sample
        self._show_step(step)
        self._refresh()

    def run_until_converged(self) -> None:
        """Apply the rule until every row is right, the weights cycle, or 1000 updates."""
        self.show_two_layers(False)
        steps = self.learner.run(MAX_RUN_UPDATES)
        if steps:
            self._last_sample = steps[-1].sample
            self._show_step(steps[-1], ran=len(steps))
        else:
            self._say("Every row is already right: nothing to learn.", GOOD)
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
        self.weights_box.setEnabled(not on)
        if on:
            self._say(
                "Two layers: hidden s1 = NAND(x1, x2) and s2 = OR(x1, x2), output y = AND(s1, s2). "
                "Each hidden unit draws one line; y = 1 only between them.",
                GOOD,
            )
        self._refresh()

    # --- reading back (what the class sees) ---------------------------------------------------

    def table_rows(self) -> list[list[str]]:
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def table_headers(self) -> list[str]:
        return [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]

    def status_text(self) -> str:
        return self.status.text()

    def update_text(self) -> str:
        return self.update_view.toPlainText()

    def drawn_lines(self) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        """The decision lines on the plot, as their two ends."""
        out = []
        for item in self._plot_items:
            if isinstance(item, pg.PlotDataItem) and getattr(item, "is_decision_line", False):
                xs, ys = item.getData()
                out.append(((float(xs[0]), float(ys[0])), (float(xs[1]), float(ys[1]))))
        return out

    # --- internals ----------------------------------------------------------------------------

    def _new_learner(self, w1: float, w2: float, b: float) -> None:
        self.learner = RuleLearner(self.gate_name, (w1, w2), b, self.eta.value())
        self._last_sample = None

    def _on_weight_value_changed(self, _value: float) -> None:
        w = {name: c.value() for name, c in self.controls.items()}
        self._new_learner(w["w1"], w["w2"], w["b"])
        self._refresh(keep_controls=True)

    def _on_eta_value_changed(self, value: float) -> None:
        self.learner.lr = float(value)

    def _explain_rule(self) -> None:
        self.update_view.setHtml(
            "<b>The perceptron rule</b><br>"
            "w \u2190 w + \u03b7(t \u2212 y)x,&nbsp; b \u2190 b + \u03b7(t \u2212 y)<br>"
            "Each click of \u201cLearn one sample\u201d presents the next row (00, 01, 10, 11, "
            "00, \u2026): a right answer changes nothing, a wrong one moves the line towards it."
        )

    def _say(self, text: str, colour: QColor) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour.name()}")

    def _show_step(self, step: lab.LabStep, ran: int | None = None) -> None:
        head = f"Update {step.number}: sample {step.sample + 1} of 4"
        if ran is not None:
            head = f"Ran {ran} updates; the last one \u2014 {head}"
        body = "<br>".join(html_escape(line) for line in step.lines)
        why = ""
        if step.cycle is not None and self.gate_name == "xor":
            why = (
                f"<p style='background:{HIGHLIGHT_FILL.name()};font-family:sans-serif'>"
                f"{html_escape(lab.XOR_WHY)}</p>"
            )
        self.update_view.setHtml(f"<b>{html_escape(head)}</b><br>{body}{why}")
        if step.converged:
            self._say(
                f"Converged after {step.number} updates: all four rows are right, so the rule "
                "will not change the weights any more.",
                GOOD,
            )
        elif step.cycle is not None and self.gate_name == "xor":
            self._say(
                f"{step.cycle.describe()} XOR is not linearly separable \u2014 see why below, "
                "then try \u201cTwo layers\u201d.",
                BAD,
            )
        elif step.cycle is not None:
            self._say(step.cycle.describe(), BAD)
        elif ran is not None:
            self._say(f"Not converged after {ran} updates: {step.mistakes_now} rows wrong.", BAD)
        else:
            self._say(f"{step.mistakes_now} of 4 rows wrong.", INK if step.mistakes_now else GOOD)

    def _refresh(self, keep_controls: bool = False) -> None:
        if not keep_controls:
            for name, value in zip(("w1", "w2", "b"), self.learner.weights, strict=True):
                self.controls[name].set_value(value)
        if self.two_layers:
            self._fill_two_layer_table()
        else:
            self._fill_table()
        self._draw_plot()
        history = self.learner.weights_history
        xs = list(range(len(history)))
        for k, name in enumerate(("w1", "w2", "b")):
            self._history_curves[name].setData(xs, [h[k] for h in history])
        self.history.setXRange(0, max(len(history) - 1, 8), padding=0.02)
        cycle = self.learner.cycle
        self._cycle_band.setVisible(cycle is not None)
        if cycle is not None:
            self._cycle_band.setRegion((cycle.first_update, cycle.repeat_update))

    def _set_row(self, row: int, cells: list[tuple[str, QColor | None]], ok: bool) -> None:
        for col, (text, colour) in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if colour is not None:
                item.setForeground(QBrush(colour))
            if row == self._last_sample:
                item.setBackground(QBrush(HIGHLIGHT_FILL))
            self.table.setItem(row, col, item)
        last = self.table.item(row, len(cells) - 1)
        last.setForeground(QBrush(GOOD if ok else BAD))
        last.setFont(big_font(4, bold=True))

    def _fit_table(self, headers: list[str]) -> None:
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(4)
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        for col in range(len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_table(self) -> None:
        self._fit_table(["x1", "x2", "w1·x1 + w2·x2 + b", "y", "target", ""])
        for r, row in enumerate(self.learner.table()):
            cells: list[tuple[str, QColor | None]] = [
                (fmt(row.x1), None),
                (fmt(row.x2), None),
                (row.sum_text, POSITIVE if row.weighted_sum > 0 else NEGATIVE),
                (fmt(row.y), POSITIVE if row.y else NEGATIVE),
                (fmt(row.target), None),
                ("\u2713" if row.correct else "\u2717", None),
            ]
            self._set_row(r, cells, row.correct)

    def _fill_two_layer_table(self) -> None:
        self._fit_table(["x1", "x2", "s1 = NAND", "s2 = OR", "y = AND(s1, s2)", "target", ""])
        for r, row in enumerate(lab.xor_two_layers()):
            ok = row.y == row.target
            cells: list[tuple[str, QColor | None]] = [
                (fmt(row.x1), None),
                (fmt(row.x2), None),
                (f"{fmt(row.s1)}  (\u03a3 {fmt(row.s1_sum)})", POSITIVE if row.s1 else NEGATIVE),
                (f"{fmt(row.s2)}  (\u03a3 {fmt(row.s2_sum)})", POSITIVE if row.s2 else NEGATIVE),
                (f"{fmt(row.y)}  (\u03a3 {fmt(row.y_sum)})", POSITIVE if row.y else NEGATIVE),
                (fmt(row.target), None),
                ("\u2713" if ok else "\u2717", None),
            ]
            self._set_row(r, cells, ok)

    def _draw_plot(self) -> None:
        for item in self._plot_items:
            self.plot.removeItem(item)
        self._plot_items = []
        ones_fill = with_alpha(POSITIVE, 45)
        zeros_fill = with_alpha(NEGATIVE, 40)
        if self.two_layers:
            for region in lab.xor_zeros_regions():
                self._add_polygon(region, zeros_fill)
            self._add_polygon(lab.xor_ones_region(), ones_fill)
            # NAND's name inside the band, OR's outside it, so the two never meet.
            for (label, (w1, w2, b)), offset in zip(
                lab.xor_hidden_lines().items(), (-0.1, 0.1), strict=True
            ):
                self._add_line(w1, w2, b, label, offset)
        else:
            w1, w2, b = self.learner.weights
            self._add_polygon(lab.half_plane(w1, w2, b, True), ones_fill)
            self._add_polygon(lab.half_plane(w1, w2, b, False), zeros_fill)
            self._add_line(w1, w2, b, None)
        targets = lab.targets(self.gate_name)
        for (x1, x2), t in zip(lab.TRUTH_X, targets, strict=True):
            colour = POSITIVE if t else NEGATIVE
            point = pg.ScatterPlotItem(
                [x1], [x2], size=26, brush=pg.mkBrush(colour), pen=pg.mkPen(INK, width=2)
            )
            point.setZValue(10)
            self._add(point)
            text = pg.TextItem(
                f"({fmt(x1)},{fmt(x2)}) \u2192 {fmt(t)}", color=INK, anchor=(0.5, -0.6)
            )
            text.setFont(big_font(0, bold=True))
            text.setPos(x1, x2)
            text.setZValue(11)
            self._add(text)

    def _add(self, item: QGraphicsItem) -> None:
        self.plot.addItem(item)
        self._plot_items.append(item)

    def _add_polygon(self, points: Sequence[tuple[float, float]], fill: QColor) -> None:
        if len(points) < 3:
            return
        item = QGraphicsPolygonItem(_polygon(points))
        item.setBrush(QBrush(fill))
        item.setPen(QPen(Qt.PenStyle.NoPen))
        item.setZValue(-10)
        self._add(item)

    def _add_line(
        self, w1: float, w2: float, b: float, label: str | None, offset: float = 0.1
    ) -> None:
        ends = lab.decision_line(w1, w2, b)
        if ends is None:
            return
        (ax, ay), (bx, by) = ends
        line = pg.PlotDataItem([ax, bx], [ay, by], pen=pg.mkPen(INK, width=4))
        line.is_decision_line = True
        line.setZValue(5)
        self._add(line)
        where = lab.label_point(w1, w2, b, offset)
        if label and where is not None:
            text = pg.TextItem(label, color=INK, anchor=(0.5, 0.5), fill=pg.mkBrush("w"))
            text.setFont(big_font(0, bold=True))
            text.setPos(*where)
            text.setZValue(6)
            self._add(text)
