"""The data controls beside the decision boundary (TensorFlow Playground's left column): pictures
of the data sets to pick from, samples / noise / validation split, Regenerate, and two ways of
looking at the data.

The data edits go through the document (`data_edits`, the Training panel's path) with the same
`Param` editors as the Training panel, so both always show the document. Showing the validation
points and discretizing the colours change no number the file reproduces: they are the learner's
way of looking, kept in QSettings (`DataViewPrefs`) — not undo entries, never a reason to save,
and the same for every document until changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training import datasets
from dlsim.engine.views.thumbnails import PICTURES, Picture, matching_picture, thumbnail
from dlsim.ui.dock_layout import app_settings
from dlsim.ui.panels import data_edits
from dlsim.ui.panels.param_form import ParamForm
from dlsim.ui.plots.base import plot_colours

PICTURE_PX = 30  # a picture's side
PICTURE_COLUMNS = 2
SHOWN_PARAMS = ("n", "noise", "val_split")  # the rest stay in the Training panel
STAND_IN = {p.name: p for p in datasets.SCHEMA["circle"]}  # for a data set without one of them
LOW, HIGH = QColor(42, 92, 170), QColor(192, 57, 43)  # class 0 / low value, class 1 / high
CLASS_COLOURS = ("#2a5caa", "#c0392b", "#2ca02c", "#ff7f0e", "#9467bd")
_ICONS: dict[str, QIcon] = {}


class DataViewPrefs(QObject):
    """Show the validation points? Discretize the boundary's colours? One place, QSettings."""

    changed = Signal()
    KEYS = {"show_validation": True, "discretize": False}

    def _get(self, name: str) -> bool:
        value = app_settings().value(f"data_view/{name}", self.KEYS[name])
        return value in (True, "true", "1", 1)

    def _set(self, name: str, on: bool) -> None:
        if self._get(name) != bool(on):
            app_settings().setValue(f"data_view/{name}", bool(on))
            self.changed.emit()

    @property
    def show_validation(self) -> bool:
        return self._get("show_validation")

    @show_validation.setter
    def show_validation(self, on: bool) -> None:
        self._set("show_validation", on)

    @property
    def discretize(self) -> bool:
        return self._get("discretize")

    @discretize.setter
    def discretize(self, on: bool) -> None:
        self._set("discretize", on)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        *(round(x + (y - x) * t) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))
    )


def picture_icon(picture: Picture) -> QIcon:
    """The picture's points (from the engine's generator) painted as dots; made once."""
    icon = _ICONS.get(picture.key)
    if icon is not None:
        return icon
    thumb = thumbnail(picture.spec)
    size, pad = PICTURE_PX * 2, 4  # drawn at twice the size: sharp on high-DPI screens
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(plot_colours().background))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    span = size - 2 * pad
    for (px, py), c in zip(thumb.points, thumb.colour, strict=True):
        if thumb.classes:
            colour = QColor(CLASS_COLOURS[int(c) % len(CLASS_COLOURS)])
        else:
            colour = _mix(LOW, HIGH, float(c))
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(QPointF(pad + px * span, pad + (1 - py) * span), 3.0, 3.0)
    painter.end()
    icon = QIcon(pixmap)
    _ICONS[picture.key] = icon
    return icon


class DataControls(QScrollArea):
    """The column beside the boundary; `document` is the window's Document."""

    def __init__(self, document: Any, prefs: DataViewPrefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prefs = prefs
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(2, 2, 4, 2)
        column.setSpacing(4)
        self.form = ParamForm()
        self.form.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.form.setVerticalSpacing(2)
        self.form.edited.connect(self._on_form_edited)
        column.addWidget(self.form)
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(
            self.tr("Draw new samples (the next data seed); the network's weights stay. Undoable.")
        )
        self.regenerate_button.clicked.connect(self.regenerate)
        column.addWidget(self.regenerate_button)
        self.validation_box = QCheckBox(self.tr("Validation"))
        self.validation_box.setToolTip(self.tr("Show the validation points (hollow circles)"))
        self.discrete_box = QCheckBox(self.tr("Discrete"))
        self.discrete_box.setToolTip(
            self.tr("Paint the boundary in two colours only: the class the network decides")
        )
        self.validation_box.toggled.connect(self._on_validation_box_toggled)
        self.discrete_box.toggled.connect(self._on_discrete_box_toggled)
        column.addWidget(self.validation_box)
        column.addWidget(self.discrete_box)
        column.addLayout(self._pictures())  # below: a short dock scrolls to them, numbers first
        column.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        width = PICTURE_COLUMNS * (PICTURE_PX + 10) + 12
        body.setFixedWidth(width)
        self.setFixedWidth(width + self.verticalScrollBar().sizeHint().width())
        prefs.changed.connect(self._show_prefs)
        document.training_changed.connect(self.load)
        document.document_replaced.connect(self.load)
        self._show_prefs()
        self.load()

    def _pictures(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(2)
        self.picture_buttons: dict[str, QToolButton] = {}
        for i, picture in enumerate(PICTURES):
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(picture_icon(picture))
            button.setIconSize(QSize(PICTURE_PX, PICTURE_PX))
            label = translate("Param", picture.label)
            button.setToolTip(f"<b>{label}</b><br>{translate('Param', picture.help)}")
            button.clicked.connect(lambda _=False, p=picture: self.pick(p.key))
            grid.addWidget(button, i // PICTURE_COLUMNS, i % PICTURE_COLUMNS)
            self.picture_buttons[picture.key] = button
        return grid

    # --- showing the document -----------------------------------------------------------------

    def load(self) -> None:
        """Show the document's data set (showing is not editing: no edits go out)."""
        data = self.document.training["dataset"]
        current = matching_picture(data)
        for key, button in self.picture_buttons.items():
            button.setChecked(key == current)
        schema = {p.name: p for p in datasets.SCHEMA.get(data.get("type"), ())}
        # always the same three rows (nothing below them moves when the data set changes); the
        # ones this data set does not have are greyed out with a generated set's defaults
        params = tuple(schema.get(name, STAND_IN[name]) for name in SHOWN_PARAMS)
        if self.form.set_params(params):
            for i in range(self.form.form.rowCount()):  # long labels wrap in the narrow column
                item = self.form.form.itemAt(i, QFormLayout.ItemRole.LabelRole)
                if item is not None and isinstance(item.widget(), QLabel):
                    item.widget().setWordWrap(True)
        self.form.set_values(data)
        for name, editor in self.form.fields.items():
            editor.setEnabled(name in schema)
        self.regenerate_button.setEnabled(data_edits.has_data_seed(self.document))

    def _show_prefs(self) -> None:
        for box, on in (
            (self.validation_box, self.prefs.show_validation),
            (self.discrete_box, self.prefs.discretize),
        ):
            if box.isChecked() != on:
                box.blockSignals(True)
                box.setChecked(on)
                box.blockSignals(False)

    # --- editing ------------------------------------------------------------------------------

    def pick(self, key: str) -> None:
        """Switch to the data set of picture `key` (one undoable edit)."""
        picture = next(p for p in PICTURES if p.key == key)
        data_edits.choose_dataset(self.document, picture.spec)
        self.load()  # a click on the current picture must leave it checked

    def regenerate(self) -> None:
        data_edits.regenerate(self.document)

    def _on_form_edited(self, name: str, value: Any, merge_key: object) -> None:
        param = next(p for p in self.form.params if p.name == name)
        try:
            data_edits.set_dataset_value(self.document, param, value, merge_key)
        except DlsimError:
            self.load()  # the value is not kept; the Training panel's banner explains such values

    def _on_validation_box_toggled(self, on: bool) -> None:
        self.prefs.show_validation = on

    def _on_discrete_box_toggled(self, on: bool) -> None:
        self.prefs.discretize = on
