"""The Qt binding must not leak references to None/True: a long session would abort.

PySide6 6.12.0 on CPython 3.11 drops one reference to None on every void call and to True on
every signal emit ("Fatal Python error: bool_dealloc" after a few thousand); pyproject.toml keeps
that release out. This test fails if a leaking binding is ever installed again.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_keep_singleton_refcounts() -> None:
    obj = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        obj.setObjectName("probe")
        obj.fired.emit()
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
