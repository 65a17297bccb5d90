"""What the three lesson views share: one set of colours and projector-sized fonts.

A teacher projects these views, so the colours mean the same thing everywhere — positive weights
and the "output 1" side in blue, negative weights and the "output 0" side in orange, the current
phase or row in amber — and the text is larger than in the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

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


def paper_palette() -> QPalette:
    """The light palette the lesson views always use: their diagrams and plots are drawn in ink
    on white paper (like a slide on the projector), so they stay light in the dark theme too."""
    return QApplication.style().standardPalette()


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


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when the window is narrow (the full text in its tooltip),
    so a long title never sets the window's minimum width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.fontMetrics().horizontalAdvance("M…") * 2, super().sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.width()
