"""The training dock: data set, loss, optimizer, batches, clipping, seed, precision — and two
whole-network edits (one initializer for every Dense, a normalization layer after each hidden one).

Every row is a `ParamForm` editor generated from the engine's Params (`training.settings`,
`datasets.SCHEMA`, `optimizers.SCHEMA`, `optimizer_choices`), the same editors the inspector
uses. Every edit goes through the document (`set_training` / `apply_to_graph`), so it is undoable
and saved in the .dlsim file; the form shows the document whenever it changes, updating its
values in place and rebuilding a group's rows only when its Params change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import graph_edits, optimizer_choices, optimizers
from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.training import datasets, settings
from dlsim.ui.panels import data_edits
from dlsim.ui.panels.param_form import ParamForm, edit_text, make_editor
from dlsim.ui.panels.run_controls import MessageBanner

INITIALIZER = Param(
    "initializer",
    "initializer",
    "he_normal",
    QT_TRANSLATE_NOOP("Param", "Use this initializer for every Dense kernel"),
    label=QT_TRANSLATE_NOOP("Param", "Initializer"),
)


class TrainingPanel(QWidget):
    """The Training dock's content; `document` is the editor's Document."""

    def __init__(
        self, document: Any, controller: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.banner = MessageBanner()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.banner)
        column.addWidget(self._data_group())
        column.addWidget(self._loss_group())
        column.addWidget(self._optimizer_group())
        column.addWidget(self._batch_group())
        column.addWidget(self._run_group())
        column.addWidget(self._network_group())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMinimumWidth(280)
        document.training_changed.connect(self._on_document_training_changed)
        document.document_replaced.connect(self._on_document_training_changed)
        document.graph_changed.connect(self._on_document_graph_changed)
        if controller is not None:
            controller.message_changed.connect(self.banner.show_message)
        self.load()
        self._on_document_graph_changed()

    # --- groups -------------------------------------------------------------------------------

    def _group(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        return box, column

    def _form(self, column: QVBoxLayout, on_edit, params: tuple[Param, ...] = ()) -> ParamForm:
        form = ParamForm()
        form.set_params(params)
        form.edited.connect(on_edit)
        column.addWidget(form)
        return form

    def _data_group(self) -> QGroupBox:
        box, column = self._group(self.tr("Data set"))
        self.type_form = self._form(column, self._on_dataset_type_edited, (datasets.TYPE,))
        self.dataset_type = self.type_form.editor("type")
        self.dataset_help = QLabel()
        self.dataset_help.setWordWrap(True)
        self.dataset_help.setStyleSheet("color: #606060;")
        column.addWidget(self.dataset_help)
        self.dataset_form = self._form(column, self._on_dataset_param_edited)
        self.augment_form = self._form(column, self._on_setting_edited, (settings.AUGMENT_NOISE,))
        return box

    def _loss_group(self) -> QGroupBox:
        box, column = self._group(self.tr("Loss"))
        self.loss_form = self._form(column, self._on_setting_edited, (settings.LOSS, settings.RULE))
        self.loss_box = self.loss_form.editor("loss")
        self.rule_box = self.loss_form.editor("rule")
        return box

    def _optimizer_group(self) -> QGroupBox:
        box, column = self._group(self.tr("Optimizer"))
        self.choice_form = self._form(
            column, self._on_optimizer_chosen, (optimizer_choices.CHOICE,)
        )
        self.optimizer_box = self.choice_form.editor("optimizer")
        self.optimizer_form = self._form(column, self._on_optimizer_param_edited)
        self.clip_form = self._form(column, self._on_optimizer_param_edited, optimizers.CLIP_SCHEMA)
        return box

    def _batch_group(self) -> QGroupBox:
        box, column = self._group(self.tr("Batches"))
        self.batch_form = self._form(
            column, self._on_setting_edited, (settings.BATCH_SIZE, settings.SHUFFLE)
        )
        batch = self.batch_form.fields["batch_size"]
        self.batch_mode, self.batch_size = batch.mode, batch.size
        return box

    def _run_group(self) -> QGroupBox:
        box, column = self._group(self.tr("Reproducibility"))
        self.run_form = self._form(column, self._on_setting_edited, (settings.SEED, settings.DTYPE))
        self.seed_box = self.run_form.editor("seed")
        self.dtype_box = self.run_form.editor("dtype")
        return box

    def _network_group(self) -> QGroupBox:
        box, column = self._group(self.tr("Whole network"))
        row = QHBoxLayout()
        self.initializer_editor = make_editor(INITIALIZER)
        self.initializer_editor.set_value(INITIALIZER.default)
        self.apply_initializer_button = QPushButton(self.tr("Apply to all Dense"))
        self.apply_initializer_button.setToolTip(
            self.tr("Use this initializer for every Dense kernel")
        )
        self.apply_initializer_button.clicked.connect(self.apply_initializer)
        row.addWidget(self.initializer_editor, 1)
        row.addWidget(self.apply_initializer_button)
        column.addLayout(row)
        self.norm_buttons: dict[str, QPushButton] = {}
        for kind in graph_edits.NORMALIZATIONS:
            button = QPushButton(self.tr("Insert {0} after every hidden Dense").format(kind))
            button.clicked.connect(lambda _=False, k=kind: self.insert_normalization(k))
            column.addWidget(button)
            self.norm_buttons[kind] = button
        return box

    # --- showing the document -----------------------------------------------------------------

    def load(self) -> None:
        """Show the document's training settings (loading is not editing: no signals out)."""
        t = self.document.training
        data = t["dataset"]
        kind = data["type"]
        self.type_form.set_values(data)
        self.dataset_help.setText(translate("Param", datasets.HELP.get(kind, "")))
        self.dataset_form.load(datasets.SCHEMA.get(kind, ()), data)
        for form in (self.augment_form, self.loss_form, self.batch_form, self.run_form):
            form.set_values(t)
        opt = t["optimizer"]
        choice = optimizer_choices.optimizer_choice(opt)
        self.choice_form.set_values({"optimizer": choice})
        self.optimizer_form.load(optimizer_choices.choice_params(choice), opt)
        self.clip_form.set_values(opt)

    def _on_document_training_changed(self) -> None:
        self.load()

    def _on_document_graph_changed(self) -> None:
        has_hidden = bool(graph_edits.hidden_dense_ids(self.document.graph))
        for button in self.norm_buttons.values():
            button.setEnabled(has_hidden)
        self.apply_initializer_button.setEnabled(bool(graph_edits.dense_ids(self.document.graph)))

    # --- editing ------------------------------------------------------------------------------

    def _commit(self, changes: dict[str, Any], text: str, merge_key: object = None) -> None:
        """One undoable edit of the training settings; a refused value is explained, not kept."""
        key = ("training", *merge_key) if merge_key is not None else None
        try:
            self.document.set_training(changes, text, merge_key=key)
        except DlsimError as exc:
            self.banner.show_message(str(exc), None)
            self.load()

    def _on_setting_edited(self, name: str, value: Any, merge_key: object) -> None:
        param = next(p for p in settings.SETTINGS if p.name == name)
        self._commit({name: value}, edit_text(param, value), merge_key)

    def _on_dataset_type_edited(self, _name: str, kind: str, _key: object) -> None:
        if kind != self.document.training["dataset"]["type"]:
            self._guarded(data_edits.choose_dataset, self.document, {"type": kind})

    def _on_dataset_param_edited(self, name: str, value: Any, merge_key: object) -> None:
        param = next(p for p in self.dataset_form.params if p.name == name)
        self._guarded(data_edits.set_dataset_value, self.document, param, value, merge_key)

    def _guarded(self, edit, *args: Any) -> None:
        """A data-set edit (`data_edits`); a refused value is explained, not kept."""
        try:
            edit(*args)
        except DlsimError as exc:
            self.banner.show_message(str(exc), None)
            self.load()

    def _on_optimizer_chosen(self, _name: str, choice: str, _key: object) -> None:
        config = optimizer_choices.switch_optimizer(self.document.training["optimizer"], choice)
        self._commit(
            {"optimizer": config}, self.tr("Use {0}").format(optimizer_choices.LABELS[choice])
        )

    def _on_optimizer_param_edited(self, name: str, value: Any, merge_key: object) -> None:
        opt = self.document.training["optimizer"]
        config = {**opt, name: value}
        params = self.optimizer_form.params + self.clip_form.params
        param = next(p for p in params if p.name == name)
        try:
            optimizer_choices.check_choice(optimizer_choices.optimizer_choice(opt), config)
        except DlsimError as exc:
            self.banner.show_message(str(exc), None)
            self.load()
            return
        self._commit({"optimizer": config}, edit_text(param, value), merge_key)

    def apply_initializer(self) -> None:
        initializer = self.initializer_editor.value()
        name = initializer["name"] if isinstance(initializer, dict) else initializer
        new = graph_edits.apply_initializer(self.document.graph, initializer)
        self._apply_graph(new, self.tr("Initialize every Dense kernel with {0}").format(name))

    def insert_normalization(self, kind: str) -> None:
        new = graph_edits.insert_normalization(self.document.graph, kind)
        self._apply_graph(new, self.tr("Insert {0} after every hidden Dense").format(kind))

    def _apply_graph(self, new, text: str) -> None:
        if new == self.document.graph:
            self.banner.show_message(
                self.tr("Nothing to change: the network already is that way."), None, "info"
            )
            return
        self.document.apply_to_graph(new, text)
