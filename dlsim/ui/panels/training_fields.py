"""Form fields generated from the engine's parameter schemas (datasets.SCHEMA, optimizers.SCHEMA).

Each field shows one value and emits `committed(value)` once per finished edit — Enter, focus
out, an arrow click or a pick from a list — never per keystroke, so one edit is one undo entry.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox

INT_LIMIT = 2**31 - 1
FLOAT_LIMIT = 1e12
TINY = 1e-12


class NumberBox(QDoubleSpinBox):
    """A float box that shows 0.001 and 1e-07 as such (not 0.00) and steps by ×2 for rates."""

    committed = Signal(object)

    def __init__(self, spec: dict[str, Any], log_steps: bool | None = None) -> None:
        super().__init__()
        lo, hi = spec.get("min"), spec.get("max")
        lo = -FLOAT_LIMIT if lo is None else lo + (TINY if spec.get("min_exclusive") else 0.0)
        hi = FLOAT_LIMIT if hi is None else hi - (TINY if spec.get("max_exclusive") else 0.0)
        self.setDecimals(15)
        self.setRange(lo, hi)
        self.setKeyboardTracking(False)
        default = spec.get("default")
        self.log_steps = log_steps if log_steps is not None else _looks_like_a_rate(spec)
        self.setSingleStep(0.05 if (hi - lo) <= 10 else 1.0)
        if isinstance(default, int | float):
            self.setValue(float(default))
        self.valueChanged.connect(self._emit)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt override)
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> QValidator.State:
        try:
            value = float(text)
        except ValueError:
            return QValidator.State.Intermediate
        if not math.isfinite(value) or not self.minimum() <= value <= self.maximum():
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        if self.log_steps and self.value() > 0:
            self.setValue(self.value() * 2.0**steps)
        else:
            super().stepBy(steps)

    def _emit(self, value: Any) -> None:
        self.committed.emit(value)

    def set_value(self, value: Any) -> None:
        if isinstance(value, int | float):
            self.setValue(float(value))


def _looks_like_a_rate(spec: dict[str, Any]) -> bool:
    """Learning rates, epsilons and clip thresholds span decades: step them by factors."""
    name = spec["name"]
    return name in ("lr", "epsilon") or name.startswith("clip") or name.endswith("clipnorm")


class IntBox(QSpinBox):
    committed = Signal(object)

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        lo, hi = spec.get("min"), spec.get("max")
        self.setRange(int(lo) if lo is not None else 0, int(hi) if hi is not None else INT_LIMIT)
        self.setKeyboardTracking(False)
        self.setGroupSeparatorShown(True)
        if isinstance(spec.get("default"), int):
            self.setValue(spec["default"])
        self.valueChanged.connect(self._emit)

    def _emit(self, value: Any) -> None:
        self.committed.emit(value)

    def set_value(self, value: Any) -> None:
        if isinstance(value, int):
            self.setValue(value)


class BoolBox(QCheckBox):
    committed = Signal(object)

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        self.setChecked(bool(spec.get("default")))
        self.toggled.connect(self._emit)

    def _emit(self, value: Any) -> None:
        self.committed.emit(value)

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class ChoiceBox(QComboBox):
    committed = Signal(object)

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        for choice in spec.get("choices", []):
            self.addItem(str(choice), choice)
        self.set_value(spec.get("default"))
        self.activated.connect(lambda i: self.committed.emit(self.itemData(i)))

    def set_value(self, value: Any) -> None:
        i = self.findData(value)
        if i >= 0:
            self.setCurrentIndex(i)


class TextBox(QLineEdit):
    committed = Signal(object)

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        self.set_value(spec.get("default"))
        self.editingFinished.connect(self._on_editing_finished)
        self._last = self.text()

    def _on_editing_finished(self) -> None:
        if self.text() != self._last:
            self._last = self.text()
            self.committed.emit(self.text() or None)

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))
        self._last = self.text()


class ReadOnlyBox(QLabel):
    """Values too big for a form (inline matrices, column lists): shown, edited in the file."""

    committed = Signal(object)

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        self.setStyleSheet("color: #707070;")
        self.setToolTip("Edit this value in the .dlsim file")

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            self.setText(f"{len(value)} rows (in the file)" if value else "—")
        else:
            self.setText("—" if value is None else str(value))


FIELD_TYPES = {
    "int": IntBox,
    "float": NumberBox,
    "bool": BoolBox,
    "choice": ChoiceBox,
    "str": TextBox,
}


def make_field(spec: dict[str, Any]):
    """The widget for one schema entry; its tooltip is the schema's help text."""
    field = FIELD_TYPES.get(spec["kind"], ReadOnlyBox)(spec)
    field.setToolTip(spec.get("help", ""))
    return field


def label_for(name: str) -> str:
    """A form label from a schema name: val_split → "Validation split"."""
    return LABELS.get(name, name.replace("_", " ").capitalize())


LABELS = {
    "n": "Samples",
    "val_split": "Validation split",
    "lr": "Learning rate",
    "beta_1": "β1",
    "beta_2": "β2",
    "rho": "ρ (rho)",
    "epsilon": "ε (epsilon)",
    "momentum": "Momentum μ",
    "clipnorm": "Clip norm (per tensor)",
    "global_clipnorm": "Clip global norm",
    "clipvalue": "Clip value",
    "x": "Inputs x",
    "y": "Targets y",
    "path": "CSV file",
}
