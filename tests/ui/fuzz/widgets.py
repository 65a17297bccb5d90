"""What the fuzzer's hands do with widgets: turn the event loop, wait for a condition, find the
editors a user can reach and give them careless or hostile values."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

HOSTILE_TEXT = ("0", "-0", "-1", "1e9", "1e-9", "nan", "NaN", "inf", "", "abc", "0.5", "3")
HOSTILE_NUMBERS = (0.0, -1.0, 1e9, -1e9, float("nan"), 1e-12, 0.5, 2.0, 100.0)


def settle() -> None:
    """Let the event loop handle what is pending now (posted events, due timers, paints)."""
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Turn the event loop until `condition()` holds or `timeout_s` passes; whether it held."""
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() >= deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    return True


def editors(panel: QWidget) -> list[QWidget]:
    """The enabled, visible editors in `panel` (not the line edits inside spin and combo boxes)."""
    kinds = (QAbstractSpinBox, QComboBox, QCheckBox, QLineEdit)
    return [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisibleTo(panel)
        and w.isEnabled()
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
    ]


def poke(widget: QWidget, rng: random.Random) -> str:
    """Give an editor a value a careless or hostile user might, and commit it."""
    if isinstance(widget, QComboBox):
        if widget.count() == 0:
            return "empty combo"
        index = rng.randrange(widget.count())
        widget.setCurrentIndex(index)
        widget.activated.emit(index)
        return f"combo {index}"
    if isinstance(widget, QCheckBox):
        widget.click()
        return "toggle"
    if isinstance(widget, QAbstractSpinBox):
        text = rng.choice(HOSTILE_TEXT)
        if isinstance(widget, QSpinBox | QDoubleSpinBox) and rng.random() < 0.5:
            value = rng.choice([widget.minimum(), widget.maximum(), *HOSTILE_NUMBERS])
            if isinstance(widget, QSpinBox):
                value = 0 if math.isnan(value) else int(max(min(value, 2**31 - 1), -(2**31)))
            widget.setValue(value)
            widget.editingFinished.emit()
            return f"spin value {value!r}"
        line = widget.lineEdit()
        line.selectAll()
        line.setText(text)
        widget.interpretText()
        widget.editingFinished.emit()
        return f"spin text {text!r}"
    if isinstance(widget, QLineEdit):
        text = rng.choice(HOSTILE_TEXT)
        widget.setText(text)
        widget.editingFinished.emit()
        widget.returnPressed.emit()
        return f"text {text!r}"
    return "nothing"


def name_of(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__
