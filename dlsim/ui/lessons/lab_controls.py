"""The perceptron lab's weight panels: the one unit's editable w1, w2, b, and XOR's three gates.

In two-layer mode the lab shows the weights of the three units it is drawing (NAND, OR, AND)
instead of the single unit's, so nothing on screen is a greyed-out leftover.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.notation import fmt
from dlsim.engine.teaching.lab import xor_gate_weights
from dlsim.engine.text import translate
from dlsim.ui.lessons.common import big_font, mono_font, sign_color

WEIGHT_RANGE = 10.0
SLIDER_RANGE = 3.0
SLIDER_STEPS = 100


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
        self.slider.setMinimumWidth(120)
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


class UnitWeights(QGroupBox):
    """The single unit's w1, w2 and b, each a spin box with a slider."""

    weights_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("UnitWeights", "Weights:  y = 1 if w1·x1 + w2·x2 + b > 0, else 0"), parent
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        self.controls = {name: WeightControl(name) for name in ("w1", "w2", "b")}
        for control in self.controls.values():
            layout.addWidget(control)
            control.value_changed.connect(lambda _v: self.weights_edited.emit())

    def values(self) -> tuple[float, float, float]:
        w = self.controls
        return w["w1"].value(), w["w2"].value(), w["b"].value()

    def set_values(self, w1: float, w2: float, b: float) -> None:
        for name, value in zip(("w1", "w2", "b"), (w1, w2, b), strict=True):
            self.controls[name].set_value(value)


class GateWeights(QGroupBox):
    """XOR's two layers as a small read-only table: each unit's w1, w2 and b."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("GateWeights", "Two layers of step units: weights (the lecture's gates)"),
            parent,
        )
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        for col, head in enumerate((translate("GateWeights", "unit"), "w1", "w2", "b")):
            label = QLabel(head)
            label.setFont(big_font(1, bold=True))
            side = Qt.AlignmentFlag.AlignRight if col else Qt.AlignmentFlag.AlignLeft
            grid.addWidget(label, 0, col, alignment=side)
        self.cells: dict[str, list[QLabel]] = {}
        for row, (unit, weights) in enumerate(xor_gate_weights().items(), start=1):
            name = QLabel(unit)
            name.setFont(big_font(1, bold=True))
            grid.addWidget(name, row, 0)
            cells = []
            for col, value in enumerate(weights, start=1):
                cell = QLabel(fmt(value))
                cell.setFont(mono_font(2))
                cell.setStyleSheet(f"color: {sign_color(value).name()}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(cell, row, col)
                cells.append(cell)
            self.cells[unit] = cells
        grid.setColumnStretch(4, 1)

    def rows(self) -> dict[str, list[str]]:
        """Each unit's weights as the class reads them."""
        return {unit: [c.text() for c in cells] for unit, cells in self.cells.items()}
