"""The training dock: data set, loss, optimizer, batches, clipping, seed, precision — and two
whole-network edits (one initializer for every Dense, a normalization layer after each hidden one).

The form is generated from the engine's schemas. Every edit goes through the document
(`set_training` / `apply_to_graph`), so it is undoable and saved in the .dlsim file; the form
redraws itself from the document whenever the document changes, never from its own state.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine import edits
from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import initializers, losses, optimizers
from dlsim.engine.training import datasets
from dlsim.ui.panels.run_controls import MessageBanner
from dlsim.ui.panels.training_fields import NumberBox, label_for, make_field

BATCH_MODES = (("full", "Full batch"), ("mini", "Mini-batch"), ("stochastic", "Stochastic (1)"))
DEFAULT_MINI_BATCH = 32
DEFAULT_AUGMENT = 0.05
SEED_MAX = 2**31 - 1


def _form(parent: QWidget) -> QFormLayout:
    """A form whose fields all take the full width (the platform default may not)."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _blocked(widget: QWidget) -> QSignalBlocker:
    return QSignalBlocker(widget)


class _SchemaForm(QWidget):
    """Rows generated from a list of schema entries; rebuilt when the list changes."""

    def __init__(self, on_commit) -> None:
        super().__init__()
        self.layout_ = _form(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.on_commit = on_commit
        self.fields: dict[str, Any] = {}
        self._names: tuple[str, ...] = ()

    def ensure(self, specs: list[dict[str, Any]]) -> None:
        names = tuple(s["name"] for s in specs)
        if names == self._names:
            return
        self._names = names
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.fields = {}
        for spec in specs:
            field = make_field(spec)
            field.committed.connect(lambda v, n=spec["name"]: self.on_commit(n, v))
            self.fields[spec["name"]] = field
            self.layout_.addRow(label_for(spec["name"]), field)

    def load(self, values: dict[str, Any], specs: list[dict[str, Any]]) -> None:
        for spec in specs:
            field = self.fields.get(spec["name"])
            if field is not None:
                with _blocked(field):
                    field.set_value(values.get(spec["name"], spec["default"]))


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

    def _data_group(self) -> QGroupBox:
        box = QGroupBox("Data set")
        form = _form(box)
        self.dataset_type = QComboBox()
        for name in datasets.TYPES:
            self.dataset_type.addItem(name.replace("_", " "), name)
            self.dataset_type.setItemData(self.dataset_type.count() - 1, datasets.HELP[name], 3)
        self.dataset_type.activated.connect(self._on_dataset_type_activated)
        form.addRow("Type", self.dataset_type)
        self.dataset_help = QLabel()
        self.dataset_help.setWordWrap(True)
        self.dataset_help.setStyleSheet("color: #606060;")
        form.addRow(self.dataset_help)
        self.dataset_form = _SchemaForm(self._on_dataset_param_committed)
        form.addRow(self.dataset_form)
        self.augment_box = QCheckBox("Augment (noise)")
        self.augment_box.setToolTip("Add fresh Gaussian noise to every batch's inputs")
        self.augment_box.toggled.connect(self._on_augment_box_toggled)
        self.augment_amount = NumberBox(
            {"name": "augment_noise", "min": 0.0, "max": 10.0, "default": DEFAULT_AUGMENT}, False
        )
        self.augment_amount.setSingleStep(0.01)
        self.augment_amount.committed.connect(self._on_augment_amount_committed)
        row = QHBoxLayout()
        row.addWidget(self.augment_box)
        row.addWidget(self.augment_amount, 1)
        form.addRow(row)
        return box

    def _loss_group(self) -> QGroupBox:
        box = QGroupBox("Loss")
        form = _form(box)
        self.loss_box = QComboBox()
        for name in losses.NAMES:
            self.loss_box.addItem(name, name)
            self.loss_box.setItemData(self.loss_box.count() - 1, losses.HELP[name], 3)
        self.loss_box.activated.connect(
            lambda i: self._commit({"loss": self.loss_box.itemData(i)}, "Change the loss")
        )
        form.addRow("Loss", self.loss_box)
        self.rule_box = QComboBox()
        self.rule_box.addItem("backpropagation", "backprop")
        self.rule_box.addItem("perceptron rule", "perceptron")
        self.rule_box.setToolTip("The perceptron rule trains a single layer of step units")
        self.rule_box.activated.connect(
            lambda i: self._commit({"rule": self.rule_box.itemData(i)}, "Change the learning rule")
        )
        form.addRow("Learning rule", self.rule_box)
        return box

    def _optimizer_group(self) -> QGroupBox:
        box = QGroupBox("Optimizer")
        form = _form(box)
        self.optimizer_box = QComboBox()
        for key, label in edits.OPTIMIZER_LABELS.items():
            self.optimizer_box.addItem(label, key)
            kind = edits.OPTIMIZER_CHOICES[key]["type"]
            self.optimizer_box.setItemData(self.optimizer_box.count() - 1, optimizers.HELP[kind], 3)
        self.optimizer_box.activated.connect(self._on_optimizer_box_activated)
        form.addRow("Optimizer", self.optimizer_box)
        self.optimizer_form = _SchemaForm(self._on_optimizer_param_committed)
        form.addRow(self.optimizer_form)
        self.clip_boxes: dict[str, tuple[QCheckBox, NumberBox]] = {}
        for spec in optimizers.CLIP_SCHEMA:
            check = QCheckBox(label_for(spec["name"]))
            check.setToolTip(spec["help"])
            value = NumberBox({**spec, "default": 1.0})
            value.setToolTip(spec["help"])
            check.toggled.connect(lambda on, n=spec["name"]: self._on_clip_toggled(n, on))
            value.committed.connect(lambda v, n=spec["name"]: self._on_clip_committed(n, v))
            self.clip_boxes[spec["name"]] = (check, value)
            form.addRow(check, value)
        return box

    def _batch_group(self) -> QGroupBox:
        box = QGroupBox("Batches")
        form = _form(box)
        self.batch_mode = QComboBox()
        for key, label in BATCH_MODES:
            self.batch_mode.addItem(label, key)
        self.batch_mode.activated.connect(self._on_batch_mode_activated)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, datasets.MAX_SAMPLES)
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setValue(DEFAULT_MINI_BATCH)
        self.batch_size.valueChanged.connect(
            lambda n: self._commit({"batch_size": n}, f"Set the batch size to {n}")
        )
        row = QHBoxLayout()
        row.addWidget(self.batch_mode, 1)
        row.addWidget(self.batch_size)
        form.addRow("Mode", row)
        self.shuffle_box = QCheckBox("Shuffle every epoch")
        self.shuffle_box.toggled.connect(
            lambda on: self._commit({"shuffle": on}, "Turn shuffling " + ("on" if on else "off"))
        )
        form.addRow(self.shuffle_box)
        return box

    def _run_group(self) -> QGroupBox:
        box = QGroupBox("Reproducibility")
        form = _form(box)
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, SEED_MAX)
        self.seed_box.setKeyboardTracking(False)
        self.seed_box.setToolTip("The same seed gives the same data and the same initial weights")
        self.seed_box.valueChanged.connect(
            lambda s: self._commit({"seed": s}, f"Set the seed to {s}")
        )
        form.addRow("Seed", self.seed_box)
        self.dtype_box = QComboBox()
        self.dtype_box.addItem("float64 (exact)", "float64")
        self.dtype_box.addItem("float32 (faster)", "float32")
        self.dtype_box.activated.connect(
            lambda i: self._commit({"dtype": self.dtype_box.itemData(i)}, "Change the precision")
        )
        form.addRow("Precision", self.dtype_box)
        return box

    def _network_group(self) -> QGroupBox:
        box = QGroupBox("Whole network")
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.initializer_box = QComboBox()
        for name in initializers.NAMES:
            self.initializer_box.addItem(name, name)
            self.initializer_box.setItemData(
                self.initializer_box.count() - 1, initializers.HELP[name], 3
            )
        self.initializer_box.setCurrentIndex(self.initializer_box.findData("he_normal"))
        self.apply_initializer_button = QPushButton("Apply to all Dense")
        self.apply_initializer_button.setToolTip("Use this initializer for every Dense kernel")
        self.apply_initializer_button.clicked.connect(self.apply_initializer)
        row.addWidget(self.initializer_box, 1)
        row.addWidget(self.apply_initializer_button)
        column.addLayout(row)
        self.norm_buttons: dict[str, QPushButton] = {}
        for kind in edits.NORMALIZATIONS:
            button = QPushButton(f"Insert {kind} after every hidden Dense")
            button.clicked.connect(lambda _=False, k=kind: self.insert_normalization(k))
            column.addWidget(button)
            self.norm_buttons[kind] = button
        return box

    # --- loading from the document ------------------------------------------------------------

    def load(self) -> None:
        """Show the document's training settings (signals blocked: loading is not editing)."""
        t = self.document.training
        data = t["dataset"]
        kind = data["type"]
        with _blocked(self.dataset_type):
            self.dataset_type.setCurrentIndex(self.dataset_type.findData(kind))
        self.dataset_help.setText(datasets.HELP.get(kind, ""))
        specs = datasets.SCHEMA.get(kind, [])
        self.dataset_form.ensure(specs)
        self.dataset_form.load(data, specs)
        noise = t.get("augment_noise", 0.0)
        with _blocked(self.augment_box), _blocked(self.augment_amount):
            self.augment_box.setChecked(noise > 0)
            if noise > 0:
                self.augment_amount.setValue(noise)
        self.augment_amount.setEnabled(noise > 0)
        for box, key in ((self.loss_box, t["loss"]), (self.rule_box, t.get("rule", "backprop"))):
            with _blocked(box):
                box.setCurrentIndex(box.findData(key))
        opt = t["optimizer"]
        choice = edits.optimizer_choice(opt)
        with _blocked(self.optimizer_box):
            self.optimizer_box.setCurrentIndex(self.optimizer_box.findData(choice))
        specs = edits.choice_params(choice)
        self.optimizer_form.ensure(specs)
        self.optimizer_form.load(opt, specs)
        for name, (check, value) in self.clip_boxes.items():
            with _blocked(check), _blocked(value):
                check.setChecked(opt.get(name) is not None)
                if opt.get(name) is not None:
                    value.setValue(opt[name])
            value.setEnabled(opt.get(name) is not None)
        bs = t["batch_size"]
        mode = "full" if bs is None else ("stochastic" if bs == 1 else "mini")
        with _blocked(self.batch_mode), _blocked(self.batch_size):
            self.batch_mode.setCurrentIndex(self.batch_mode.findData(mode))
            if mode == "mini":
                self.batch_size.setValue(bs)
        self.batch_size.setEnabled(mode == "mini")
        with _blocked(self.shuffle_box):
            self.shuffle_box.setChecked(bool(t["shuffle"]))
        with _blocked(self.seed_box):
            self.seed_box.setValue(min(int(t["seed"]), SEED_MAX))
        with _blocked(self.dtype_box):
            self.dtype_box.setCurrentIndex(self.dtype_box.findData(t["dtype"]))

    def _on_document_training_changed(self) -> None:
        self.load()

    def _on_document_graph_changed(self) -> None:
        has_hidden = bool(edits.hidden_dense_ids(self.document.graph))
        for button in self.norm_buttons.values():
            button.setEnabled(has_hidden)
        self.apply_initializer_button.setEnabled(bool(edits.dense_ids(self.document.graph)))

    # --- editing ------------------------------------------------------------------------------

    def _commit(self, changes: dict[str, Any], text: str) -> None:
        """One undoable edit of the training settings; a refused value is explained, not kept."""
        try:
            self.document.set_training(changes, text)
        except DlsimError as exc:
            self.banner.show_message(str(exc), None)
            self.load()

    def _on_dataset_type_activated(self, index: int) -> None:
        kind = self.dataset_type.itemData(index)
        if kind != self.document.training["dataset"]["type"]:
            self._commit({"dataset": {"type": kind}}, f"Use the {kind} data set")

    def _on_dataset_param_committed(self, name: str, value: Any) -> None:
        data = {**copy.deepcopy(self.document.training["dataset"]), name: value}
        self._commit({"dataset": data}, f"Set {label_for(name).lower()} to {value}")

    def _on_augment_box_toggled(self, on: bool) -> None:
        amount = (self.augment_amount.value() or DEFAULT_AUGMENT) if on else 0.0
        self._commit({"augment_noise": amount}, "Turn augmentation " + ("on" if on else "off"))

    def _on_augment_amount_committed(self, value: float) -> None:
        self._commit({"augment_noise": value}, f"Set augmentation noise to {value:g}")

    def _on_optimizer_box_activated(self, index: int) -> None:
        choice = self.optimizer_box.itemData(index)
        config = edits.switch_optimizer(self.document.training["optimizer"], choice)
        self._commit({"optimizer": config}, f"Use {edits.OPTIMIZER_LABELS[choice]}")

    def _on_optimizer_param_committed(self, name: str, value: Any) -> None:
        config = {**self.document.training["optimizer"], name: value}
        self._commit({"optimizer": config}, f"Set {label_for(name).lower()} to {value:g}")

    def _on_clip_toggled(self, name: str, on: bool) -> None:
        value = self.clip_boxes[name][1].value() if on else None
        config = {**self.document.training["optimizer"], name: value}
        self._commit(
            {"optimizer": config}, f"Turn {label_for(name).lower()} {'on' if on else 'off'}"
        )

    def _on_clip_committed(self, name: str, value: float) -> None:
        if self.clip_boxes[name][0].isChecked():
            config = {**self.document.training["optimizer"], name: value}
            self._commit({"optimizer": config}, f"Set {label_for(name).lower()} to {value:g}")

    def _on_batch_mode_activated(self, index: int) -> None:
        mode = self.batch_mode.itemData(index)
        size = {"full": None, "stochastic": 1}.get(mode, self.batch_size.value())
        if mode == "mini" and size == 1:
            size = DEFAULT_MINI_BATCH
        self._commit({"batch_size": size}, f"Use {self.batch_mode.itemText(index).lower()}")

    def apply_initializer(self) -> None:
        name = self.initializer_box.currentData()
        new = edits.apply_initializer(self.document.graph, name)
        self._apply_graph(new, f"Initialize every Dense kernel with {name}")

    def insert_normalization(self, kind: str) -> None:
        new = edits.insert_normalization(self.document.graph, kind)
        self._apply_graph(new, f"Insert {kind} after every hidden Dense")

    def _apply_graph(self, new, text: str) -> None:
        if new == self.document.graph:
            self.banner.show_message(
                "Nothing to change: the network already is that way.", None, "info"
            )
            return
        self.document.apply_to_graph(new, text)
