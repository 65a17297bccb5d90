"""The backprop stepper's row of phase chips: one per phase, the current one in amber.

The chips say "5  Backward o" when the window is wide enough, "5 ← o" when it is not, and scroll
(keeping the current chip in view) when even that is too wide, so a small screen never cuts off
the last phases.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QToolButton,
    QWidget,
)

from dlsim.engine.teaching.stepper import Phase
from dlsim.ui.lessons.common import HIGHLIGHT, INK, big_font

CHIP_STYLE = (
    "QToolButton { padding: 4px 8px; border: 1px solid #cbd5e1; border-radius: 12px;"
    " background: #f8fafc; }"
    f"QToolButton:checked {{ background: {HIGHLIGHT.name()}; color: {INK.name()};"
    f" border: 2px solid {INK.name()}; font-weight: bold; }}"
)


def chip_texts(phase: Phase, number: int) -> tuple[str, str]:
    """A phase's chip label in full and in short (arrows instead of Forward/Backward)."""
    full = f"{number}  {phase.short}"
    if phase.kind == "forward":
        return full, f"{number} \u2192 {phase.layer}"
    if phase.kind == "backward":
        return full, f"{number} \u2190 {phase.layer}"
    return full, f"{number} {phase.short}"


class PhaseChips(QScrollArea):
    """Clickable phase chips that fit the width they are given."""

    phase_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._row = QWidget()
        self._layout = QHBoxLayout(self._row)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.setWidget(self._row)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.phase_clicked)
        self._texts: list[tuple[str, str]] = []
        self._compact = False

    def set_phases(self, phases: list[Phase]) -> None:
        """One chip per phase (replacing the old ones)."""
        for button in self.group.buttons():
            self.group.removeButton(button)
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        while self._layout.count():
            self._layout.takeAt(0)
        self._texts = [chip_texts(phase, k + 1) for k, phase in enumerate(phases)]
        for k, phase in enumerate(phases):
            chip = QToolButton()
            chip.setToolTip(phase.title)
            chip.setCheckable(True)
            chip.setFont(big_font(0))
            chip.setStyleSheet(CHIP_STYLE)
            self.group.addButton(chip, k)
            self._layout.addWidget(chip)
        self._layout.addStretch(1)
        self._compact = None  # type: ignore[assignment]
        self._fit()

    def set_current(self, index: int) -> None:
        chip = self.group.button(index)
        if chip is not None:
            chip.setChecked(True)
            self.ensureWidgetVisible(chip, 8, 0)

    def buttons(self) -> list[QToolButton]:
        return self.group.buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _width(self, compact: bool) -> int:
        """How wide the row is with full or short labels (bold, as the current chip is)."""
        total = 0
        for chip, texts in zip(self.group.buttons(), self._texts, strict=True):
            metrics = chip.fontMetrics()
            text = texts[1] if compact else texts[0]
            total += metrics.horizontalAdvance(text) * 11 // 10 + 24 + self._layout.spacing()
        return total

    def _fit(self) -> None:
        """Full labels if they fit, else short ones; the height leaves room for a scroll bar."""
        if not self._texts:
            return
        compact = self._width(False) > self.viewport().width()
        if compact != self._compact:
            self._compact = compact
            for chip, texts in zip(self.group.buttons(), self._texts, strict=True):
                chip.setText(texts[1] if compact else texts[0])
        chip_height = max(chip.sizeHint().height() for chip in self.group.buttons())
        needs_bar = self._row.minimumSizeHint().width() > self.width()
        bar = self.horizontalScrollBar().sizeHint().height() if needs_bar else 0
        self.setFixedHeight(chip_height + bar + 6)
