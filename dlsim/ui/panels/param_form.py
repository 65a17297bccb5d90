"""`ParamForm`: the rows for a list of Params, and the editors that nest a form of their own.

`make_editor` picks the editor for a Param kind: the single-valued ones in `param_editors`, the
named functions with their own numbers and the L1/L2 strengths here. A form whose params are
unchanged only updates its values in place; otherwise its old rows go with `deleteLater`, so a
form is never torn down inside one of its own widgets' signals.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.nn import activations, initializers, losses
from dlsim.engine.nn.params import Param
from dlsim.engine.text import translate
from dlsim.ui.panels.param_editors import (
    BatchEditor,
    BoolEditor,
    ChoiceEditor,
    NumberEditor,
    ParamEditor,
    ReadOnlyEditor,
    SwitchEditor,
    TermsEditor,
    TextEditor,
)

FUNCTION_MODULES = {"activation": activations, "initializer": initializers, "loss": losses}


class FunctionEditor(ChoiceEditor):
    """A named function (activation, initializer, loss) plus its own numbers (leaky_relu's α,
    uniform's minval/maxval), shown only when the chosen function has any."""

    def __init__(self, param: Param) -> None:
        ParamEditor.__init__(self, param)
        self._value = None
        self.module = FUNCTION_MODULES[param.kind]
        names = self.module.NAMES
        helps = [translate("Param", self.module.HELP.get(name, "")) for name in names]
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
    of = QCoreApplication.translate("ParamForm", "{0} of {1}")
    return tuple(Param(k, "float", v, of.format(k, name)) for k, v in defaults.items())


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
                QCoreApplication.translate("ParamForm", "{0} — {1} strength λ (0 = off)").format(
                    param.tip, key.upper()
                ),
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
            label.setToolTip(param.tip)
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
        if value is None:
            return translate("ParamForm", "Use full batch")
        return (
            translate("ParamForm", "Use stochastic (1)")
            if value == 1
            else translate("ParamForm", "Set the batch size to {0}").format(value)
        )
    if param.kind == "bool" or (param.switch_on is not None and value == param.default):
        on = bool(value) if param.kind == "bool" else False
        return (
            translate("ParamForm", "Turn {0} on") if on else translate("ParamForm", "Turn {0} off")
        ).format(title)
    if param.kind == "choice" and value in param.choices:
        labels = param.choice_titles
        value = labels[param.choices.index(value)]
    elif isinstance(value, float):
        value = f"{value:g}"
    elif isinstance(value, dict):
        value = value.get("name", value)
    return translate("ParamForm", "Set {0} to {1}").format(title, value)
