"""The inspector: the selected layer's parameters as a form generated from the registry.

Each parameter kind maps to one editor (int → spin box with the registry's range, float → spin
box, bool → check box, choice/activation/initializer → combo box with help tooltips, regularizer
→ λ1/λ2 spin boxes). Edits go to `Document.set_node_params`; the arrows of a spin box, until it
loses focus, are one gesture and so one undo entry. The form is refreshed from the document after
every change (undo included), never the other way round.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations, initializers
from dlsim.engine.nn.registry import Param, layer_type
from dlsim.ui.document import Document
from dlsim.ui.style import is_dark

INT_LIMIT = 2**31 - 1
FLOAT_LIMIT = 1e9
FUNCTION_MODULES = {"activation": activations, "initializer": initializers}


class SciSpinBox(QDoubleSpinBox):
    """A float spin box that shows 1e-05 as well as 0.5 (plain decimals hide tiny epsilons)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        try:
            float(text)
            return QValidator.State.Acceptable, text, pos
        except ValueError:
            ok = all(c in "0123456789+-.eE" for c in text)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos


class ParamEditor(QWidget):
    """Edits one parameter; `changed(value, gesture)` — gesture True for spin-box ticks."""

    changed = Signal(object, bool)

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.setToolTip(param.help)
        self.gesture_ended = None  # set by the inspector: called when a spin box loses focus

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def main_widget(self) -> QWidget:
        """The widget a test (or the user) types into."""
        return self.layout_.itemAt(0).widget()

    def _spin(self, kind: str, lo: float | None, hi: float | None) -> QAbstractSpinBox:
        if kind == "int":
            spin: QAbstractSpinBox = QSpinBox()
            spin.setRange(
                int(lo) if lo is not None else -INT_LIMIT, int(hi) if hi is not None else INT_LIMIT
            )
            spin.setKeyboardTracking(False)
        else:
            spin = SciSpinBox()
            spin.setRange(
                lo if lo is not None else -FLOAT_LIMIT, hi if hi is not None else FLOAT_LIMIT
            )
        spin.setToolTip(self.param.help)
        spin.editingFinished.connect(self._end_gesture)
        return spin

    def _end_gesture(self) -> None:
        if self.gesture_ended is not None:
            self.gesture_ended()


class NumberEditor(ParamEditor):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.spin = self._spin(param.kind, param.min, param.max)
        self.spin.valueChanged.connect(lambda v: self.changed.emit(v, True))
        self.layout_.addWidget(self.spin)

    def set_value(self, value: Any) -> None:
        if self.spin.value() != value:
            self.spin.blockSignals(True)
            self.spin.setValue(value)
            self.spin.blockSignals(False)


class BoolEditor(ParamEditor):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.check = QCheckBox()
        self.check.setToolTip(param.help)
        self.check.toggled.connect(lambda v: self.changed.emit(bool(v), False))
        self.layout_.addWidget(self.check)

    def set_value(self, value: Any) -> None:
        self.check.blockSignals(True)
        self.check.setChecked(bool(value))
        self.check.blockSignals(False)


class ChoiceEditor(ParamEditor):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.combo = QComboBox()
        self.combo.addItems(list(param.choices))
        self.combo.setToolTip(param.help)
        self.combo.currentTextChanged.connect(lambda v: self.changed.emit(v, False))
        self.layout_.addWidget(self.combo)

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentText(str(value))
        self.combo.blockSignals(False)


class FunctionEditor(ParamEditor):
    """An activation or initializer: a name from the engine's list plus its own numbers
    (leaky_relu's alpha, uniform's minval/maxval…), shown only when the choice has any."""

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.module = FUNCTION_MODULES[param.kind]
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        for i, name in enumerate(self.module.NAMES):
            self.combo.addItem(name)
            self.combo.setItemData(i, self.module.HELP.get(name, ""), Qt.ItemDataRole.ToolTipRole)
        self.combo.setToolTip(param.help)
        self.combo.currentTextChanged.connect(lambda _: self._emit(False))
        column.addWidget(self.combo)
        self.extra = QFormLayout()
        self.extra.setContentsMargins(12, 0, 0, 0)
        column.addLayout(self.extra)
        self.layout_.addWidget(box)
        self.spins: dict[str, QAbstractSpinBox] = {}
        self._extra_for = ""

    def main_widget(self) -> QWidget:
        return self.combo

    def _rebuild_extra(self, name: str) -> None:
        if name == self._extra_for:
            return
        while self.extra.rowCount():
            self.extra.removeRow(0)
        self.spins = {}
        for key in self.module.get(name).defaults:
            spin = self._spin("float", None, None)
            spin.setToolTip(f"{key} of {name}")
            spin.valueChanged.connect(lambda _: self._emit(True))
            self.spins[key] = spin
            self.extra.addRow(key, spin)
        self._extra_for = name

    def _emit(self, gesture: bool) -> None:
        name = self.combo.currentText()
        if name != self._extra_for:  # a new function starts from its defaults
            self.changed.emit(name, False)
            return
        params = {key: spin.value() for key, spin in self.spins.items()}
        self.changed.emit({"name": name, **params} if params else name, gesture)

    def set_value(self, value: Any) -> None:
        function = self.module.get(value)
        self.combo.blockSignals(True)
        self.combo.setCurrentText(function.name)
        self.combo.blockSignals(False)
        self._rebuild_extra(function.name)
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(function, key))
            spin.blockSignals(False)


class RegularizerEditor(ParamEditor):
    """L1 and L2 strengths; both 0 means no regularizer (null in the file)."""

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        box = QWidget()
        rows = QFormLayout(box)
        rows.setContentsMargins(0, 0, 0, 0)
        self.spins = {}
        for key in ("l1", "l2"):
            spin = self._spin("float", 0.0, None)
            spin.setToolTip(f"{param.help} — {key.upper()} strength λ (0 = off)")
            spin.valueChanged.connect(lambda _: self._emit())
            rows.addRow(f"{key.upper()} λ", spin)
            self.spins[key] = spin
        self.layout_.addWidget(box)

    def main_widget(self) -> QWidget:
        return self.spins["l2"]

    def _emit(self) -> None:
        value = {k: s.value() for k, s in self.spins.items() if s.value() > 0}
        self.changed.emit(value or None, True)

    def set_value(self, value: Any) -> None:
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue((value or {}).get(key, 0.0))
            spin.blockSignals(False)


EDITORS: dict[str, type[ParamEditor]] = {
    "int": NumberEditor,
    "float": NumberEditor,
    "bool": BoolEditor,
    "choice": ChoiceEditor,
    "activation": FunctionEditor,
    "initializer": FunctionEditor,
    "regularizer": RegularizerEditor,
}


class Inspector(QScrollArea):
    """Shows the selected layer's parameters (or the document's summary when none is)."""

    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self._selection: list[str] = []
        self._type = ""
        self._editors: dict[str, ParamEditor] = {}
        self._gestures = itertools.count()
        self._gesture = next(self._gestures)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(10, 8, 10, 8)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setOpenExternalLinks(False)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {'#f87171' if is_dark() else '#b91c1c'};")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        column.addWidget(self.title)
        column.addWidget(self.info)
        column.addWidget(self.problems)
        column.addLayout(self.form)
        column.addStretch(1)
        self.setWidget(body)
        document.graph_changed.connect(self.refresh)
        document.problems_changed.connect(self.refresh)
        document.document_replaced.connect(lambda: self.show_selection([]))
        self.show_selection([])

    # --- public ---------------------------------------------------------------------------------

    def show_selection(self, node_ids: list[str]) -> None:
        """Follow the editor's selection: one node is editable, more are summarised."""
        self._selection = list(node_ids)
        self.node_id = node_ids[0] if len(node_ids) == 1 else None
        self._end_gesture()
        self.refresh()

    def editor(self, param_name: str) -> QWidget:
        """The input widget of one parameter of the shown node (spin box, combo, check box)."""
        return self._editors[param_name].main_widget()

    def param_editor(self, param_name: str) -> ParamEditor:
        return self._editors[param_name]

    # --- refresh from the document -------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        graph = self.document.graph
        if self.node_id is not None and self.node_id not in graph.nodes:
            self.node_id = None
            self._selection = [n for n in self._selection if n in graph.nodes]
        if self.node_id is None:
            self._clear_form()
            self._show_summary()
            return
        node = graph.nodes[self.node_id]
        ltype = layer_type(node.type)
        if node.type != self._type or not self._editors:
            self._build_form(ltype.params)
            self._type = node.type
        try:
            values = ltype.normalize_params(node.params)
        except DlsimError:  # a bad value from a whole-graph edit: show defaults, keep the rest
            values = {**ltype.defaults(), **node.params}
        for name, editor in self._editors.items():
            editor.set_value(values[name])
        shapes = graph.infer_shapes()
        count = graph.parameter_count(node.id, shapes)
        out = f"{shapes[node.id]} features" if node.id in shapes else "unknown until connected"
        self.title.setText(f"{node.type} · {node.id}")
        self.info.setText(f"{ltype.help}<br><br>Output: {out} · Parameters: {count:,}")
        msgs = [
            f"• {p.severity.capitalize()}: {p.message}"
            for p in self.document.problems()
            if p.node_id == node.id
        ]
        self.problems.setText("\n".join(msgs))
        self.problems.setVisible(bool(msgs))

    def _show_summary(self) -> None:
        doc = self.document
        if len(self._selection) > 1:
            self.title.setText(f"{len(self._selection)} layers selected")
            self.info.setText("Select a single layer to edit its parameters.")
        else:
            self.title.setText(doc.name or "Untitled")
            text = doc.description or ""
            hint = "Select a layer in the diagram to edit its parameters."
            self.info.setText(f"{text}<br><br><i>{hint}</i>" if text else f"<i>{hint}</i>")
        self.problems.hide()

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._editors = {}
        self._type = ""

    def _build_form(self, params: tuple[Param, ...]) -> None:
        self._clear_form()
        for param in params:
            editor = EDITORS[param.kind](param)
            editor.gesture_ended = self._end_gesture
            editor.changed.connect(
                lambda value, gesture, p=param.name: self._edit(p, value, gesture)
            )
            label = QLabel(param.name.replace("_", " "))
            label.setToolTip(param.help)
            self.form.addRow(label, editor)
            self._editors[param.name] = editor

    # --- edits ----------------------------------------------------------------------------------

    def _end_gesture(self) -> None:
        self._gesture = next(self._gestures)

    def _edit(self, name: str, value: Any, gesture: bool) -> None:
        if self.node_id is None:
            return
        key = (self.node_id, name, self._gesture) if gesture else None
        try:
            self.document.set_node_params(self.node_id, {name: value}, merge_key=key)
        except DlsimError as exc:
            self.message.emit(str(exc))
            self.refresh()
