"""The activation explorer: each activation and its slope on one plot, and where the slope dies.

The lecture's Part 2 lists the activations; Part 5 blames sigmoid and tanh for vanishing
gradients. Seeing f and f′ together makes the reason plain: in the shaded tails f is flat, f′ is
almost zero, and backpropagation multiplies by f′ at every layer. Every registered activation has
a button; a function's own parameters (the leaky ReLU's slope α …) get a spin box and a slider
from the parameters it declares. Curves, formulas, labels and the saturated regions come from
`dlsim.engine.teaching.explorer`, which reads them from the activation classes.
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

from dlsim.engine.nn.params import Param
from dlsim.engine.notation import fmt
from dlsim.engine.teaching import explorer, placement
from dlsim.ui.lessons.common import BAD, HIGHLIGHT, INK, POSITIVE, big_font, with_alpha

Z_RANGE = (-6.0, 6.0)
DERIVATIVE = QColor("#be185d")
SLIDER_STEP = 0.01


class ParamControl(QWidget):
    """One declared parameter of an activation: a spin box and a slider kept in step."""

    def __init__(self, function: str, param: Param, on_change) -> None:
        super().__init__()
        self.param = param
        low = param.min if param.min is not None else 0.0
        high = param.max if param.max is not None else low + 1.0
        if param.max_exclusive:
            high -= SLIDER_STEP
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(f"{explorer.label(function)} {param.title}")
        self.spin = QDoubleSpinBox()
        self.spin.setRange(low, high)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(SLIDER_STEP)
        self.spin.setValue(param.default)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(round(low / SLIDER_STEP), round(high / SLIDER_STEP))
        self.slider.setValue(round(param.default / SLIDER_STEP))
        self.slider.setMaximumWidth(300)
        self.spin.valueChanged.connect(self._on_spin)
        self.slider.valueChanged.connect(lambda v: self.spin.setValue(v * SLIDER_STEP))
        self.spin.valueChanged.connect(lambda _: on_change())
        help_label = QLabel(param.tip)
        help_label.setWordWrap(True)
        for widget in (self.label, self.spin, self.slider):
            row.addWidget(widget)
        row.addWidget(help_label, 1)

    def _on_spin(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value / SLIDER_STEP))
        self.slider.blockSignals(False)


class ActivationExplorer(QWidget):
    """Pick an activation; see f and f′ on the same axes, the flat tails, and a probe read-out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Activation explorer"))
        self.setFont(big_font())
        self.name = "sigmoid"
        self._bands: list[pg.LinearRegionItem] = []
        self._band_labels: list[pg.TextItem] = []
        self._build()
        self.select("sigmoid")

    def _build(self) -> None:
        title = QLabel(self.tr("Activation explorer"))
        title.setFont(big_font(5, bold=True))
        # One row for the buttons (one per registered activation), so their number never sets
        # the window's minimum width together with the title.
        header = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        self.names = explorer.explorer_names()
        for k, name in enumerate(self.names):
            button = QPushButton(explorer.label(name))
            button.setCheckable(True)
            button.setFont(big_font(1, bold=True))
            button.setStyleSheet(
                "QPushButton { padding: 3px 10px; }"
                f"QPushButton:checked {{ background: {HIGHLIGHT.name()}; color: {INK.name()};"
                f" border: 2px solid {INK.name()}; border-radius: 4px; }}"
            )
            self.group.addButton(button, k)
            self.buttons[name] = button
            header.addWidget(button)
        self.group.idClicked.connect(lambda k: self.select(self.names[k]))
        header.addStretch(1)

        # One control per parameter a function declares, shown while that function is chosen.
        param_rows = QVBoxLayout()
        self.controls: dict[str, dict[str, ParamControl]] = {}
        for name in self.names:
            self.controls[name] = {}
            for param in explorer.params(name):
                control = ParamControl(name, param, self._on_param_changed)
                control.setVisible(False)
                self.controls[name][param.name] = control
                param_rows.addWidget(control)

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
        self.caption = QLabel()
        self.caption.setFont(big_font(1))
        self.probe_label = QLabel()
        self.probe_label.setFont(big_font(2))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setFont(big_font(1))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(header)
        layout.addLayout(param_rows)
        layout.addWidget(self.formula)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.probe_label)
        layout.addWidget(self.note)

    # --- what the user does -------------------------------------------------------------------

    def select(self, name: str) -> None:
        """Show one activation with its derivative."""
        self.name = name
        self.buttons[name].setChecked(True)
        for function, controls in self.controls.items():
            for control in controls.values():
                control.setVisible(function == name)
        self._redraw()

    def set_param(self, key: str, value: float) -> None:
        """Set one parameter of the chosen function (as its spin box would)."""
        self.controls[self.name][key].spin.setValue(value)

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

    def param_values(self) -> dict[str, float]:
        """The chosen function's parameter values, as its controls show them."""
        return {key: c.spin.value() for key, c in self.controls[self.name].items()}

    def info_text(self) -> str:
        return f"{self.formula.text()}\n{self.caption.text()}\n{self.note.text()}"

    def probe_text(self) -> str:
        return self.probe_label.text()

    # --- internals ----------------------------------------------------------------------------

    def _on_param_changed(self) -> None:
        self._redraw()

    def _on_probe_line_moved(self) -> None:
        self._show_probe()

    def _redraw(self) -> None:
        curves = explorer.activation_curves(self.name, self.param_values(), *Z_RANGE)
        self.f_curve.setData(curves.z, curves.f)
        self.df_curve.setData(curves.z, curves.df)
        for item in (*self._bands, *self._band_labels):
            self.plot.removeItem(item)
        self._bands, self._band_labels = [], []
        lo, hi = curves.view
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
            label = pg.TextItem(
                self.tr("saturated") + "\nf\u2032 \u2248 0", color=BAD, anchor=(0.5, 0.5)
            )
            label.setFont(big_font(0, bold=True))
            middle = (left + right) / 2
            at_middle = explorer.probe(self.name, middle, self.param_values())
            y = placement.clearest_height(at_middle, lo - 0.1, hi + 0.1)
            label.setPos(middle, y)
            self.plot.addItem(label)
            self._band_labels.append(label)
        self.formula.setText(
            f"<span style='color:{POSITIVE.name()}'>{curves.formula}</span>"
            f"&nbsp;&nbsp;&nbsp;<span style='color:{DERIVATIVE.name()}'>"
            f"{curves.derivative_formula}</span>"
        )
        self.caption.setText(curves.caption)
        self.caption.setVisible(bool(curves.caption))
        self.note.setText(curves.note)
        self._show_probe()

    def _show_probe(self) -> None:
        z = float(self.probe_line.value())
        f, df = explorer.probe(self.name, z, self.param_values())
        self.probe_label.setText(
            self.tr("at z = {0}:  f(z) = {1},  f′(z) = {2}   (drag the amber line)").format(
                fmt(z, 2), fmt(f, 4), fmt(df, 4)
            )
        )
