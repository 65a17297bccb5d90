"""The activation explorer: each activation and its slope on one plot, and where the slope dies.

The lecture's Part 2 lists the activations; Part 5 blames sigmoid and tanh for vanishing
gradients. Seeing f and f′ together makes the reason plain: in the shaded tails f is flat, f′ is
almost zero, and backpropagation multiplies by f′ at every layer. The leaky ReLU's slope α is a
slider (the lecture uses 0.1). Curves, formulas and the saturated regions come from
`dlsim.engine.teaching.lab`.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.teaching import lab
from dlsim.engine.teaching.lab import EXPLORER_NAMES
from dlsim.ui.lessons.common import BAD, HIGHLIGHT, INK, POSITIVE, big_font, with_alpha

Z_RANGE = (-6.0, 6.0)
DERIVATIVE = QColor("#be185d")
LABELS = {
    "step": "step",
    "linear": "linear",
    "sigmoid": "sigmoid",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "Leaky ReLU",
}


class ActivationExplorer(QWidget):
    """Pick an activation; see f and f′ on the same axes, the flat tails, and a probe read-out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Activation explorer")
        self.setFont(big_font())
        self.name = "sigmoid"
        self._bands: list[pg.LinearRegionItem] = []
        self._band_labels: list[pg.TextItem] = []
        self._build()
        self.select("sigmoid")

    def _build(self) -> None:
        title = QLabel("Activation explorer")
        title.setFont(big_font(5, bold=True))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(20)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for k, name in enumerate(EXPLORER_NAMES):
            button = QPushButton(LABELS[name])
            button.setCheckable(True)
            button.setFont(big_font(1, bold=True))
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {HIGHLIGHT.name()}; color: {INK.name()};"
                f" border: 2px solid {INK.name()}; border-radius: 4px; }}"
            )
            self.group.addButton(button, k)
            self.buttons[name] = button
            header.addWidget(button)
        self.group.idClicked.connect(lambda k: self.select(EXPLORER_NAMES[k]))
        header.addStretch(1)

        alpha_row = QHBoxLayout()
        self.alpha_label = QLabel("Leaky ReLU slope \u03b1")
        self.alpha = QDoubleSpinBox()
        self.alpha.setRange(0.0, 0.99)
        self.alpha.setDecimals(2)
        self.alpha.setSingleStep(0.01)
        self.alpha.setValue(0.1)
        self.alpha_slider = QSlider(Qt.Orientation.Horizontal)
        self.alpha_slider.setRange(0, 99)
        self.alpha_slider.setValue(10)
        self.alpha_slider.setMaximumWidth(300)
        self.alpha.valueChanged.connect(self._on_alpha_value_changed)
        self.alpha_slider.valueChanged.connect(lambda v: self.alpha.setValue(v / 100))
        alpha_row.addWidget(self.alpha_label)
        alpha_row.addWidget(self.alpha)
        alpha_row.addWidget(self.alpha_slider)
        alpha_row.addWidget(QLabel("(the lecture: 0.1; Keras 0.3; PyTorch 0.01)"))
        alpha_row.addStretch(1)

        self.plot = pg.PlotWidget(background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setLabel("bottom", "z")
        # Clear of the saturated band drawn at the left edge.
        self.plot.addLegend(offset=(250, 10), labelTextSize="14pt", labelTextColor=INK)
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTickFont(big_font(-1))
        self.plot.setXRange(*Z_RANGE, padding=0.02)
        self.plot.addLine(y=0, pen=pg.mkPen(INK, width=1))
        self.plot.addLine(x=0, pen=pg.mkPen(INK, width=1))
        self.f_curve = self.plot.plot([], [], pen=pg.mkPen(POSITIVE, width=4), name="f(z)")
        self.df_curve = self.plot.plot(
            [], [], pen=pg.mkPen(DERIVATIVE, width=3, style=Qt.PenStyle.DashLine), name="f\u2032(z)"
        )
        self.probe_line = pg.InfiniteLine(
            pos=2.0, angle=90, movable=True, pen=pg.mkPen(HIGHLIGHT, width=3)
        )
        self.probe_line.sigPositionChanged.connect(self._on_probe_line_moved)
        self.plot.addItem(self.probe_line)

        self.formula = QLabel()
        self.formula.setFont(big_font(3, bold=True))
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.probe_label = QLabel()
        self.probe_label.setFont(big_font(2))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setFont(big_font(1))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(alpha_row)
        layout.addWidget(self.formula)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.probe_label)
        layout.addWidget(self.note)

    # --- what the user does -------------------------------------------------------------------

    def select(self, name: str) -> None:
        """Show one activation with its derivative."""
        self.name = name
        self.buttons[name].setChecked(True)
        leaky = name == "leaky_relu"
        for widget in (self.alpha_label, self.alpha, self.alpha_slider):
            widget.setEnabled(leaky)
        self._redraw()

    def set_alpha(self, alpha: float) -> None:
        self.alpha.setValue(alpha)

    def set_probe(self, z: float) -> None:
        self.probe_line.setValue(z)

    # --- reading back -------------------------------------------------------------------------

    def curves(self) -> tuple[list[float], list[float], list[float]]:
        """The plotted z, f(z) and f′(z)."""
        z, f = self.f_curve.getData()
        _, df = self.df_curve.getData()
        return list(z), list(f), list(df)

    def saturation_spans(self) -> list[tuple[float, float]]:
        return [tuple(band.getRegion()) for band in self._bands]

    def info_text(self) -> str:
        return f"{self.formula.text()}\n{self.note.text()}"

    def probe_text(self) -> str:
        return self.probe_label.text()

    # --- internals ----------------------------------------------------------------------------

    def _on_alpha_value_changed(self, value: float) -> None:
        self.alpha_slider.blockSignals(True)
        self.alpha_slider.setValue(round(value * 100))
        self.alpha_slider.blockSignals(False)
        if self.name == "leaky_relu":
            self._redraw()

    def _on_probe_line_moved(self) -> None:
        self._show_probe()

    def _redraw(self) -> None:
        curves = lab.activation_curves(self.name, self.alpha.value(), *Z_RANGE)
        self.f_curve.setData(curves.z, curves.f)
        self.df_curve.setData(curves.z, curves.df)
        for item in (*self._bands, *self._band_labels):
            self.plot.removeItem(item)
        self._bands, self._band_labels = [], []
        lo = min(float(curves.f.min()), float(curves.df.min()), 0.0)
        hi = max(float(curves.f.max()), float(curves.df.max()), 1.0)
        if self.name in ("relu", "leaky_relu", "linear"):
            hi = 2.0
            lo = min(lo, -1.0) if self.name != "relu" else -0.5
            lo = max(lo, -2.0)
        self.plot.setYRange(lo - 0.1, hi + 0.1, padding=0)
        for left, right in curves.saturation:
            band = pg.LinearRegionItem(
                values=(left, right),
                movable=False,
                brush=pg.mkBrush(with_alpha(BAD, 35)),
                pen=pg.mkPen(with_alpha(BAD, 120)),
            )
            band.setZValue(-10)
            self.plot.addItem(band)
            self._bands.append(band)
            label = pg.TextItem("saturated\nf\u2032 \u2248 0", color=BAD, anchor=(0.5, 0))
            label.setFont(big_font(0, bold=True))
            label.setPos((left + right) / 2, hi + 0.05)
            self.plot.addItem(label)
            self._band_labels.append(label)
        self.formula.setText(
            f"<span style='color:{POSITIVE.name()}'>{curves.formula}</span>"
            f"&nbsp;&nbsp;&nbsp;<span style='color:{DERIVATIVE.name()}'>"
            f"{curves.derivative_formula}</span>"
        )
        self.note.setText(curves.note)
        self._show_probe()

    def _show_probe(self) -> None:
        z = float(self.probe_line.value())
        f, df = lab.probe(self.name, z, self.alpha.value())
        self.probe_label.setText(
            f"at z = {lab.fmt(z, 2)}:  f(z) = {lab.fmt(f, 4)},  f\u2032(z) = {lab.fmt(df, 4)}"
            "   (drag the amber line)"
        )
