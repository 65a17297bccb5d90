"""The editors for single-valued `Param` kinds; `param_form` adds the compound ones and the rows.

The inspector (layer parameters) and the Training panel (data set, optimizer, training settings)
are both built from these. An editor emits `changed(value, gesture)` once per finished edit —
Enter, focus out, an arrow click, a pick from a list — with gesture True for spin-box ticks, which
the form merges into one undo entry until the box loses focus. A form whose params are unchanged
only updates its values in place; otherwise its old rows go with `deleteLater`, so a form is never
torn down inside one of its own widgets' signals.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.training.data_arrays import MAX_SAMPLES
from dlsim.ui.panels.side_tips import SideTipList

INT_LIMIT = 2**31 - 1
FLOAT_LIMIT = 1e12
BATCH_MODES = (
    ("full", QT_TRANSLATE_NOOP("BatchEditor", "Full batch")),
    ("mini", QT_TRANSLATE_NOOP("BatchEditor", "Mini-batch")),
    ("stochastic", QT_TRANSLATE_NOOP("BatchEditor", "Stochastic (1)")),
)


class FloatSpinBox(QDoubleSpinBox):
    """A float box that shows 0.001 and 1e-07 as written (not 0.00) and steps rates by ×2."""

    def __init__(self, param: Param) -> None:
        super().__init__()
        lo = -FLOAT_LIMIT if param.min is None else param.min
        hi = FLOAT_LIMIT if param.max is None else param.max
        self.setDecimals(15)
        self.setRange(lo, hi)
        self.setKeyboardTracking(False)
        self.log_steps = param.log_steps
        if hi - lo <= 10:
            self.setSingleStep(0.05)
        else:
            self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt override)
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        try:
            value = float(text)
        except ValueError:
            ok = all(c in "0123456789+-.eE" for c in text)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos
        if not self.minimum() <= value <= self.maximum():  # also refuses nan and inf
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        if self.log_steps and self.value() > 0:
            self.setValue(self.value() * 2.0**steps)
        else:
            super().stepBy(steps)


class IntSpinBox(QSpinBox):
    def __init__(self, param: Param) -> None:
        super().__init__()
        lo = -INT_LIMIT if param.min is None else int(max(param.min, -INT_LIMIT))
        hi = INT_LIMIT if param.max is None else int(min(param.max, INT_LIMIT))
        self.setRange(lo, hi)
        self.setKeyboardTracking(False)
        self.setGroupSeparatorShown(True)


def _set_blocked(widget: QWidget, method: str, *args: Any) -> None:
    with QSignalBlocker(widget):
        getattr(widget, method)(*args)


class ParamEditor(QWidget):
    """Edits one Param; `changed(value, gesture)` per finished edit, `finished` ends a gesture."""

    changed = Signal(object, bool)
    finished = Signal()

    def __init__(self, param: Param) -> None:
        super().__init__()
        self.param = param
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.setToolTip(param.tip)

    def set_value(self, value: Any) -> None:
        """Show `value` without emitting `changed` (showing is not editing)."""
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def main_widget(self) -> QWidget:
        """The widget a user (or a test) types into or picks from."""
        return self.row.itemAt(0).widget()

    def _spin(self, param: Param) -> QAbstractSpinBox:
        spin = IntSpinBox(param) if param.kind == "int" else FloatSpinBox(param)
        spin.setToolTip(param.tip)
        spin.editingFinished.connect(self.finished)
        return spin


class NumberEditor(ParamEditor):
    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.spin = self._spin(param)
        self.spin.valueChanged.connect(lambda v: self.changed.emit(v, True))
        self.row.addWidget(self.spin)

    def set_value(self, value: Any) -> None:
        if isinstance(value, int | float) and self.spin.value() != value:
            _set_blocked(self.spin, "setValue", value)

    def value(self) -> Any:
        return self.spin.value()


class SwitchEditor(ParamEditor):
    """A number that can be switched off (clipping, augmentation): off is the Param's default."""

    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.check = QCheckBox()
        self.check.setToolTip(param.tip)
        self.spin = self._spin(param)
        self.spin.setValue(param.switch_on)
        self.check.toggled.connect(self._on_toggled)
        self.spin.valueChanged.connect(self._on_number)
        self.row.addWidget(self.check)
        self.row.addWidget(self.spin, 1)

    def _on_toggled(self, on: bool) -> None:
        self.spin.setEnabled(on)
        value = (self.spin.value() or self.param.switch_on) if on else self.param.default
        self.changed.emit(value, False)

    def _on_number(self, value: float) -> None:
        if self.check.isChecked():
            self.changed.emit(value, True)

    def set_value(self, value: Any) -> None:
        on = value is not None and value != self.param.default
        _set_blocked(self.check, "setChecked", on)
        if on and self.spin.value() != value:
            _set_blocked(self.spin, "setValue", value)
        self.spin.setEnabled(on)

    def value(self) -> Any:
        return self.spin.value() if self.check.isChecked() else self.param.default


class BoolEditor(ParamEditor):
    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.check = QCheckBox()
        self.check.setToolTip(param.tip)
        self.check.toggled.connect(lambda v: self.changed.emit(bool(v), False))
        self.row.addWidget(self.check)

    def set_value(self, value: Any) -> None:
        _set_blocked(self.check, "setChecked", bool(value))

    def value(self) -> Any:
        return self.check.isChecked()


class ChoiceEditor(ParamEditor):
    """A list of choices (shown by label, help as each item's tooltip); emits the choice."""

    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self._value: Any = None
        self.combo = self._combo(param.choices, param.choice_titles, param.choice_tips)
        self.row.addWidget(self.combo)

    def _combo(self, choices: Iterable[Any], labels: Iterable[str], helps: Iterable[str]):
        combo = QComboBox()
        combo.setView(SideTipList())  # each choice's help beside the open list, not over it
        combo.setToolTip(self.param.tip)
        labels, helps = list(labels), list(helps)
        for i, choice in enumerate(choices):
            combo.addItem(labels[i] if i < len(labels) else str(choice), choice)
            if i < len(helps):
                combo.setItemData(i, helps[i], Qt.ItemDataRole.ToolTipRole)
        # A pick from the list (activated) and a change of the current item both count, once.
        combo.activated.connect(self._pick)
        combo.currentIndexChanged.connect(self._pick)
        return combo

    def _pick(self, index: int) -> None:
        value = self.combo.itemData(index)
        if index >= 0 and value != self._value:
            self._value = value
            self.changed.emit(value, False)

    def set_value(self, value: Any) -> None:
        self._value = value
        _set_blocked(self.combo, "setCurrentIndex", self.combo.findData(value))

    def value(self) -> Any:
        return self.combo.currentData()


class BatchEditor(ParamEditor):
    """Full batch (None), stochastic (1) or a mini-batch size; mini-batch starts at `switch_on`."""

    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.mode = QComboBox()
        for key, label in BATCH_MODES:
            self.mode.addItem(self.tr(label), key)
        self.mode.setToolTip(param.tip)
        self.mode.activated.connect(self._on_mode)
        self.size = IntSpinBox(param)
        self.size.setMaximum(MAX_SAMPLES)  # no batch is larger than the largest data set
        self.size.setValue(param.switch_on)
        self.size.setToolTip(self.tr("Samples per mini-batch"))
        self.size.valueChanged.connect(lambda n: self.changed.emit(n, True))
        self.size.editingFinished.connect(self.finished)
        self.row.addWidget(self.mode, 1)
        self.row.addWidget(self.size)

    def _on_mode(self, index: int) -> None:
        mode = self.mode.itemData(index)
        size = {"full": None, "stochastic": 1}.get(mode, self.size.value())
        if mode == "mini" and size == 1:
            size = self.param.switch_on
        self.changed.emit(size, False)

    def set_value(self, value: Any) -> None:
        mode = "full" if value is None else ("stochastic" if value == 1 else "mini")
        _set_blocked(self.mode, "setCurrentIndex", self.mode.findData(mode))
        if mode == "mini":
            _set_blocked(self.size, "setValue", value)
        self.size.setEnabled(mode == "mini")

    def value(self) -> Any:
        mode = self.mode.currentData()
        return {"full": None, "stochastic": 1}.get(mode, self.size.value())


class TextEditor(ParamEditor):
    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.line = QLineEdit()
        self.line.setToolTip(param.tip)
        self.line.editingFinished.connect(self._on_editing_finished)
        self.row.addWidget(self.line)
        self._last = ""

    def _on_editing_finished(self) -> None:
        if self.line.text() != self._last:
            self._last = self.line.text()
            self.changed.emit(self.line.text() or None, False)

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))
        self._last = self.line.text()

    def value(self) -> Any:
        return self.line.text() or None


class TermsEditor(TextEditor):
    """A Features layer's terms as one comma-separated line ("x1, x2, x1*x2"); the document
    checks them, and a bad term is refused with its message and the line shows the old terms."""

    def _on_editing_finished(self) -> None:
        if self.line.text() != self._last:
            self._last = self.line.text()
            self.changed.emit(self.value(), False)

    def set_value(self, value: Any) -> None:
        super().set_value(", ".join(value or ()))

    def value(self) -> Any:
        return [t.strip() for t in self.line.text().split(",") if t.strip()]


class ReadOnlyEditor(ParamEditor):
    """Values too big for a form (inline matrices, column lists): shown, edited in the file."""

    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.label = QLabel()
        self.label.setStyleSheet("color: #707070;")
        self.label.setToolTip(self.tr("{0} Edit this value in the .dlsim file.").format(param.tip))
        self.row.addWidget(self.label)
        self._value: Any = None

    def set_value(self, value: Any) -> None:
        self._value = value
        if isinstance(value, list):
            self.label.setText(
                self.tr("{0} rows (in the file)").format(len(value)) if value else "—"
            )
        else:
            self.label.setText("—" if value is None else str(value))

    def value(self) -> Any:
        return self._value
