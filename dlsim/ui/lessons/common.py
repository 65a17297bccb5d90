"""What the three lesson views share: one set of colours, projector-sized fonts, example files.

A teacher projects these views, so the colours mean the same thing everywhere — positive weights
and the "output 1" side in blue, negative weights and the "output 0" side in orange, the current
phase or row in amber — and the text is larger than in the editor.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "assets" / "examples"

POSITIVE = QColor("#2563eb")
NEGATIVE = QColor("#ea580c")
HIGHLIGHT = QColor("#f59e0b")
HIGHLIGHT_FILL = QColor("#fef3c7")
GOOD = QColor("#16a34a")
BAD = QColor("#dc2626")
MUTED = QColor("#94a3b8")
INK = QColor("#1e293b")
PAPER = QColor("#ffffff")

BASE_POINT_SIZE = 13


def sign_color(value: float) -> QColor:
    """Blue for positive, orange for negative (zero counts as positive)."""
    return NEGATIVE if value < 0 else POSITIVE


def with_alpha(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def big_font(delta: int = 0, bold: bool = False) -> QFont:
    """The application font at a size readable from the back of a classroom."""
    font = QFont(QApplication.font())
    font.setPointSize(BASE_POINT_SIZE + delta)
    font.setBold(bold)
    return font


def mono_font(delta: int = 0, bold: bool = False) -> QFont:
    """A fixed-width font, so columns of 8-decimal numbers line up."""
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(BASE_POINT_SIZE + delta)
    font.setBold(bold)
    return font


def example_path(name: str) -> Path:
    """The bundled example file called `name` (e.g. "backprop_lecture")."""
    return EXAMPLES_DIR / f"{name}.dlsim"


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def guard_none_refcount() -> bool:
    """Keep None alive under a PySide6 build that drops a reference to it on every void call.

    PySide6 6.12 on CPython 3.11 returns None from void methods without counting the reference
    (harmless from 3.12 on, where None is immortal). After some 17,000 calls None's count hits
    zero and the interpreter aborts with "deallocating None". When the leak is detected, None's
    count is raised far beyond reach. Returns whether the leak was found.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    leaking = sys.getrefcount(None) < before
    if leaking:
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return leaking


NONE_REFCOUNT_LEAK = guard_none_refcount()
