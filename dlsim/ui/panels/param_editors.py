"""One editor per `Param` kind, and `ParamForm`: the rows for a list of Params.

The inspector (layer parameters) and the Training panel (data set, optimizer, training settings)
are both built from these. An editor emits `changed(value, gesture)` once per finished edit —
Enter, focus out, an arrow click, a pick from a list — with gesture True for spin-box ticks, which
the form merges into one undo entry until the box loses focus. A form whose params are unchanged
only updates its values in place; otherwise its old rows go with `deleteLater`, so a form is never
torn down inside one of its own widgets' signals.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.nn import activations, initializers, losses
from dlsim.engine.nn.params import Param
from dlsim.engine.training.data_arrays import MAX_SAMPLES
from dlsim.ui.panels.side_tips import SideTipList

INT_LIMIT = 2**31 - 1
FLOAT_LIMIT = 1e12
FUNCTION_MODULES = {"activation": activations, "initializer": initializers, "loss": losses}
BATCH_MODES = (("full", "Full batch"), ("mini", "Mini-batch"), ("stochastic", "Stochastic (1)"))


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
        self.setToolTip(param.help)

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
        spin.setToolTip(param.help)
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
        self.check.setToolTip(param.help)
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
        self.check.setToolTip(param.help)
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
        self.combo = self._combo(param.choices, param.choice_labels, param.choice_help)
        self.row.addWidget(self.combo)

    def _combo(self, choices: Iterable[Any], labels: Iterable[str], helps: Iterable[str]):
        combo = QComboBox()
        combo.setView(SideTipList())  # each choice's help beside the open list, not over it
        combo.setToolTip(self.param.help)
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


class FunctionEditor(ChoiceEditor):
    """A named function (activation, initializer, loss) plus its own numbers (leaky_relu's α,
    uniform's minval/maxval), shown only when the chosen function has any."""

    def __init__(self, param: Param) -> None:
        ParamEditor.__init__(self, param)
        self._value = None
        self.module = FUNCTION_MODULES[param.kind]
        names = self.module.NAMES
        helps = [self.module.HELP.get(name, "") for name in names]
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.combo = self._combo(names, names, helps)
        self.extra = ParamForm()
        self.extra.layout().setContentsMargins(12, 0, 0, 0)
        self.extra.edited.connect(lambda *_: self._emit_params())
        self.extra.gesture_ended.connect(self.finished)
        column.addWidget(self.combo)
        column.addWidget(self.extra)
        self.row.addWidget(box)

    def main_widget(self) -> QWidget:
        return self.combo

    def _emit_params(self) -> None:
        params = self.extra.values()
        name = self.combo.currentData()
        self.changed.emit({"name": name, **params} if params else name, True)

    def set_value(self, value: Any) -> None:
        function = self.module.get(value)
        super().set_value(function.name)
        params = function_params(function)
        self.extra.load(params, {p.name: getattr(function, p.name) for p in params})
        self.extra.setVisible(bool(params))

    def value(self) -> Any:
        params = self.extra.values()
        name = self.combo.currentData()
        return {"name": name, **params} if params else name


def function_params(function: Any) -> tuple[Param, ...]:
    """A named function's own parameters: its class's `params` if it declares them, otherwise
    unbounded floats made from its defaults."""
    declared = getattr(type(function), "params", None)
    if declared:
        return tuple(declared)
    name = getattr(function, "name", "")
    defaults = getattr(function, "defaults", {})
    return tuple(Param(k, "float", v, f"{k} of {name}") for k, v in defaults.items())


class RegularizerEditor(ParamEditor):
    """L1 and L2 strengths; both 0 means no regularizer (null in the file)."""

    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.form = ParamForm()
        strengths = tuple(
            Param(
                key,
                "float",
                0.0,
                f"{param.help} — {key.upper()} strength λ (0 = off)",
                0.0,
                label=f"{key.upper()} λ",
            )
            for key in ("l1", "l2")
        )
        self.form.load(strengths, {})
        self.form.edited.connect(lambda *_: self.changed.emit(self.value(), True))
        self.form.gesture_ended.connect(self.finished)
        self.row.addWidget(self.form)

    def main_widget(self) -> QWidget:
        return self.form.editor("l2")

    def value(self) -> Any:
        values = {k: v for k, v in self.form.values().items() if v > 0}
        return values or None

    def set_value(self, value: Any) -> None:
        self.form.set_values({"l1": 0.0, "l2": 0.0, **(value or {})})


class BatchEditor(ParamEditor):
    """Full batch (None), stochastic (1) or a mini-batch size; mini-batch starts at `switch_on`."""

    def __init__(self, param: Param) -> None:
        super().__init__(param)
        self.mode = QComboBox()
        for key, label in BATCH_MODES:
            self.mode.addItem(label, key)
        self.mode.setToolTip(param.help)
        self.mode.activated.connect(self._on_mode)
        self.size = IntSpinBox(param)
        self.size.setMaximum(MAX_SAMPLES)  # no batch is larger than the largest data set
        self.size.setValue(param.switch_on)
        self.size.setToolTip("Samples per mini-batch")
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
        self.line.setToolTip(param.help)
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
        self.label.setToolTip(f"{param.help} Edit this value in the .dlsim file.")
        self.row.addWidget(self.label)
        self._value: Any = None

    def set_value(self, value: Any) -> None:
        self._value = value
        if isinstance(value, list):
            self.label.setText(f"{len(value)} rows (in the file)" if value else "—")
        else:
            self.label.setText("—" if value is None else str(value))

    def value(self) -> Any:
        return self._value


EDITORS: dict[str, type[ParamEditor]] = {
    "int": NumberEditor,
    "float": NumberEditor,
    "bool": BoolEditor,
    "choice": ChoiceEditor,
    "str": TextEditor,
    "list": ReadOnlyEditor,
    "terms": TermsEditor,
    "matrix": ReadOnlyEditor,
    "activation": FunctionEditor,
    "initializer": FunctionEditor,
    "loss": FunctionEditor,
    "regularizer": RegularizerEditor,
    "batch": BatchEditor,
}


def make_editor(param: Param) -> ParamEditor:
    """The editor for one Param; a number with `switch_on` gets an on/off switch."""
    if param.switch_on is not None and param.kind == "float":
        return SwitchEditor(param)
    return EDITORS[param.kind](param)


class ParamForm(QWidget):
    """Rows generated from Params; `edited(name, value, merge_key)` per user edit.

    merge_key is None for an edit that is its own undo entry, else a key that stays the same for
    the spin-box ticks of one gesture (until the box loses focus or Enter is pressed).
    """

    edited = Signal(str, object, object)
    gesture_ended = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.params: tuple[Param, ...] = ()
        self.fields: dict[str, ParamEditor] = {}
        self._gestures = itertools.count()
        self._gesture = next(self._gestures)

    def load(self, params: Iterable[Param], values: Mapping[str, Any]) -> None:
        """Show `values` for `params`: in place when the params are the ones shown."""
        self.set_params(params)
        self.set_values(values)

    def set_params(self, params: Iterable[Param]) -> bool:
        """Rebuild the rows if `params` differ from the ones shown; True if it did."""
        params = tuple(params)
        if params == self.params:
            return False
        while self.form.rowCount():
            taken = self.form.takeRow(0)
            for item in (taken.labelItem, taken.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()  # never now: we may be inside one of its signals
        self.params = params
        self.fields = {}
        for param in params:
            editor = make_editor(param)
            editor.changed.connect(lambda v, g, n=param.name: self._on_changed(n, v, g))
            editor.finished.connect(self.end_gesture)
            label = QLabel(param.title)
            label.setToolTip(param.help)
            self.form.addRow(label, editor)
            self.fields[param.name] = editor
        self.end_gesture()
        return True

    def set_values(self, values: Mapping[str, Any]) -> None:
        for param in self.params:
            self.fields[param.name].set_value(values.get(param.name, param.default))

    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.fields.items()}

    def editor(self, name: str) -> QWidget:
        """The input widget of one parameter (spin box, combo box, check box)."""
        return self.fields[name].main_widget()

    def end_gesture(self) -> None:
        self._gesture = next(self._gestures)
        self.gesture_ended.emit()

    def _on_changed(self, name: str, value: Any, gesture: bool) -> None:
        self.edited.emit(name, value, (name, self._gesture) if gesture else None)


def edit_text(param: Param, value: Any) -> str:
    """An undo-menu text for setting `param` to `value`: "Set learning rate to 0.1"."""
    title = param.title
    title = title if title[:1].isupper() and title[1:2].isupper() else title.lower()
    if param.kind == "batch":
        return {None: "Use full batch", 1: "Use stochastic (1)"}.get(
            value, f"Set the batch size to {value}"
        )
    if param.kind == "bool" or (param.switch_on is not None and value == param.default):
        on = bool(value) if param.kind == "bool" else False
        return f"Turn {title} {'on' if on else 'off'}"
    if param.kind == "choice" and value in param.choices:
        labels = param.choice_labels or param.choices
        value = labels[param.choices.index(value)]
    elif isinstance(value, float):
        value = f"{value:g}"
    elif isinstance(value, dict):
        value = value.get("name", value)
    return f"Set {title} to {value}"
