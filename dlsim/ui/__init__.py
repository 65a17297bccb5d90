"""dlsim's desktop interface (PySide6 + pyqtgraph); it shows and edits engine objects only.

Importing this package first guards against a PySide6 refcount bug (seen in 6.12.0 on CPython
3.11): void methods return `None`, and `SignalInstance.emit()` returns `True`, without taking a
reference. Each call drains one reference from that singleton, and after some thousands of calls
the interpreter aborts with "Fatal Python error: bool_dealloc" (or "deallocating None") — in a
long session or at the end of a test run. When a probe shows the leak, the singletons' counts are
raised far beyond reach. From CPython 3.12 on these objects are immortal and nothing is done.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 8
_HEADROOM = 1 << 40


class _Probe(QObject):
    fired = Signal()


def _leaks(singleton: object, call: object) -> bool:
    before = sys.getrefcount(singleton)
    for _ in range(_PROBES):
        call()
    return sys.getrefcount(singleton) < before


def guard_singleton_refcounts() -> bool:
    """Pin None/True/False when this PySide6 leaks references to them; True if it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    leaking = _leaks(None, lambda: probe.setObjectName("probe"))
    leaking = _leaks(True, probe.fired.emit) or leaking
    if leaking:
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    return leaking


SINGLETON_REFCOUNT_LEAK = guard_singleton_refcounts()
