"""The mouse wheel scrolls panels; it changes a spin box or combo box only once it has focus.

Qt's default lets the wheel give such a box focus and change its value as the pointer passes
over it while the user scrolls a panel: a setting changed (and an undo entry made) by accident.
One application-wide event filter covers every spin box and combo box — generated editors,
panels, plots, lesson windows: they take focus by click or Tab only, and a wheel over one without
focus scrolls the nearest scroll area instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Event filter installed on the QApplication (see `install`)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, GUARDED):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(obj, GUARDED) and not obj.hasFocus():
            area = _scroll_area_of(obj)
            if area is not None:
                QApplication.sendEvent(area.viewport(), event)
            event.accept()  # handled here: the box never sees it and nothing else does twice
            return True
        return False


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_GUARD: WheelGuard | None = None


def install(app: QApplication) -> WheelGuard:
    """Install the one guard on `app` (again is harmless); returns it."""
    global _GUARD
    if _GUARD is None:
        _GUARD = WheelGuard()
        app.installEventFilter(_GUARD)
    return _GUARD
