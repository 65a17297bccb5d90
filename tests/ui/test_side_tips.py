"""A choice's help appears beside the open drop-down list, not over the choices below it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from dlsim.engine.nn.registry import layer_type
from dlsim.ui.panels.param_form import make_editor


def tip_label():
    return next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel"))


def test_an_activation_help_shows_to_the_right_of_the_open_list(qtbot):
    param = next(p for p in layer_type("Dense").params if p.name == "activation")
    editor = make_editor(param)
    qtbot.addWidget(editor)
    editor.show()
    combo = editor.combo
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = view.visualRect(combo.model().index(1, 0))
    inside = row.center()
    event = QHelpEvent(QEvent.Type.ToolTip, inside, view.viewport().mapToGlobal(inside))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == combo.itemData(1, 3)  # ToolTipRole: the choice's own help
    list_right = view.viewport().mapToGlobal(QPoint(view.viewport().width(), 0)).x()
    assert tip_label().geometry().left() >= list_right
    combo.hidePopup()
