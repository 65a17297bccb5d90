"""The mouse wheel over a spin box or combo box without focus scrolls the panel and never
changes a setting (issue 11 #7: the wheel took Noise from 0.1 to 0.0 in two undo steps)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dlsim import resources
from dlsim.engine.training.fileformat import read_document
from dlsim.ui import wheel_guard
from dlsim.ui.document import Document
from dlsim.ui.panels.training_panel import TrainingPanel


@pytest.fixture(autouse=True)
def guard(qapp):
    return wheel_guard.install(qapp)


def wheel(widget: QWidget, notches: int = -1) -> None:
    """What one wheel notch over the middle of `widget` delivers (down for negative notches)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def scrolled_column(qtbot, *widgets: QWidget) -> QScrollArea:
    body = QWidget()
    column = QVBoxLayout(body)
    for w in widgets:
        column.addWidget(w)
    column.addSpacing(2000)
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area


def test_the_wheel_over_an_unfocused_spin_or_combo_scrolls_and_changes_nothing(qtbot):
    spin, combo = QDoubleSpinBox(), QComboBox()
    spin.setValue(0.5)
    combo.addItems(["a", "b", "c"])
    combo.setCurrentIndex(1)
    area = scrolled_column(qtbot, spin, combo)
    for widget in (spin, combo):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, "the wheel gives no focus"
    bar = area.verticalScrollBar()
    wheel(spin)
    assert spin.value() == 0.5
    assert bar.value() > 0, "the panel scrolled instead"
    before = bar.value()
    wheel(combo)
    assert combo.currentIndex() == 1
    assert bar.value() > before


def test_a_focused_spin_box_still_takes_the_wheel(qtbot):
    spin = QDoubleSpinBox()
    spin.setValue(0.5)
    area = scrolled_column(qtbot, spin)  # noqa: F841 (keeps the box alive)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, 1)
    assert spin.value() == pytest.approx(1.5)


def test_the_wheel_over_the_training_panels_noise_leaves_the_document_alone(qtbot):
    doc = Document()
    path = resources.example_path("xor_learn")
    doc.load_dict(read_document(path), base_dir=path.parent)
    doc.set_training({"dataset": {"type": "spiral", "noise": 0.1}}, "spiral")
    doc.undo_stack.clear()
    panel = TrainingPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(320, 240)
    panel.show()
    qtbot.waitExposed(panel)
    noise = panel.dataset_form.editor("noise")
    optimizer = panel.optimizer_box
    for _ in range(2):
        wheel(noise)
        wheel(optimizer)
    assert doc.training["dataset"]["noise"] == 0.1
    assert noise.value() == 0.1
    assert doc.undo_stack.count() == 0
    scroll = panel.findChild(QScrollArea)
    assert scroll.verticalScrollBar().value() > 0
