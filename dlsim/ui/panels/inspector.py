"""The inspector: the selected layer's parameters as a form generated from the registry.

The rows are a `ParamForm` (`param_form.py`, the editors the Training panel uses too). Edits
go to `Document.set_node_params`; the arrows of a spin box, until it loses focus, are one gesture
and so one undo entry. The form is refreshed from the document after every change (undo
included), never the other way round. Below it, a layer with weights shows them
(`LayerWeights`, fed by the training controller: live, or at the timeline's step).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.registry import layer_type
from dlsim.ui.document import UNTITLED, Document
from dlsim.ui.example_texts import example_text
from dlsim.ui.panels.layer_weights import LayerWeights
from dlsim.ui.panels.param_editors import ParamEditor
from dlsim.ui.panels.param_form import ParamForm
from dlsim.ui.style import is_dark


class Inspector(QScrollArea):
    """Shows the selected layer's parameters (or the document's summary when none is)."""

    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self._selection: list[str] = []
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
        self.facts = QLabel()  # below the form: its length changes with every edit
        self.facts.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {'#f87171' if is_dark() else '#b91c1c'};")
        self.form = ParamForm()
        self.form.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock
        self.form.edited.connect(self._edit)
        self.weights = LayerWeights(document)
        # What changes with an edit (the output size, the parameter count, the problems) goes
        # below the form, so no row moves under the cursor when a message comes or goes.
        column.addWidget(self.title)
        column.addWidget(self.info)
        column.addWidget(self.form)
        column.addWidget(self.facts)
        column.addWidget(self.problems)
        column.addWidget(self.weights)
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
        self.form.end_gesture()
        self.refresh()

    def editor(self, param_name: str) -> QWidget:
        """The input widget of one parameter of the shown node (spin box, combo, check box)."""
        return self.form.editor(param_name)

    def param_editor(self, param_name: str) -> ParamEditor:
        return self.form.fields[param_name]

    # --- refresh from the document -------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        graph = self.document.graph
        if self.node_id is not None and self.node_id not in graph.nodes:
            self.node_id = None
            self._selection = [n for n in self._selection if n in graph.nodes]
        if self.node_id is None:
            self.form.set_params(())
            self._show_summary()
            self.weights.set_node(None)
            return
        node = graph.nodes[self.node_id]
        ltype = layer_type(node.type)
        try:
            values = ltype.normalize_params(node.params)
        except DlsimError:  # a bad value from a whole-graph edit: show defaults, keep the rest
            values = {**ltype.defaults(), **node.params}
        self.form.load(ltype.params, values)
        shapes = graph.infer_shapes()
        count = graph.parameter_count(node.id, shapes)
        if node.id not in shapes:
            out = self.tr("unknown until connected")
        elif shapes[node.id] == 1:
            out = self.tr("1 feature")
        else:
            out = self.tr("{0} features").format(shapes[node.id])
        self.title.setText(f"{node.type} · {node.id}")
        self.info.setText(ltype.tip)
        self.facts.setText(self.tr("Output: {0} · Parameters: {1}").format(out, f"{count:,}"))
        self.facts.show()
        severity = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        msgs = [
            f"• {severity.get(p.severity, p.severity)}: {p.message}"
            for p in self.document.problems()
            if p.node_id == node.id
        ]
        self.problems.setText("\n".join(msgs))
        self.problems.setVisible(bool(msgs))
        self.weights.set_node(node.id)

    def _show_summary(self) -> None:
        doc = self.document
        if len(self._selection) > 1:
            self.title.setText(self.tr("{0} layers selected").format(len(self._selection)))
            self.info.setText(self.tr("Select a single layer to edit its parameters."))
        else:
            named = doc.name and doc.name != UNTITLED
            self.title.setText(example_text(doc.name) if named else self.tr("Untitled"))
            text = example_text(doc.description or "")
            hint = self.tr("Select a layer in the diagram to edit its parameters.")
            self.info.setText(f"{text}<br><br><i>{hint}</i>" if text else f"<i>{hint}</i>")
        self.facts.hide()
        self.problems.hide()

    def _edit(self, name: str, value: Any, merge_key: object) -> None:
        if self.node_id is None:
            return
        key = (self.node_id, *merge_key) if merge_key is not None else None
        try:
            self.document.set_node_params(self.node_id, {name: value}, merge_key=key)
        except DlsimError as exc:
            self.message.emit(str(exc))
            self.refresh()
