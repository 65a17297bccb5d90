"""The perceptron lab's truth table: each input row, its weighted sum written out, y, t, ✓ or ✗.

The row the rule just used is shaded; the sum column takes the room that is left, so the longest
sum ("(−0.1261)·1 + (−0.0604)·1 − 0.0181 = −0.2046") still fits a 1024-px window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from dlsim.engine.notation import fmt
from dlsim.engine.teaching import lab
from dlsim.ui.lessons.common import (
    BAD,
    GOOD,
    HIGHLIGHT_FILL,
    NEGATIVE,
    POSITIVE,
    big_font,
    mono_font,
)


class TruthTable(QTableWidget):
    """Four rows, 00, 01, 10, 11, for one step unit or for XOR's two layers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(mono_font(0))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setFont(big_font(1, bold=True))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setMinimumSectionSize(22)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def rows(self) -> list[list[str]]:
        return [
            [self.item(r, c).text() for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]

    def headers(self) -> list[str]:
        return [self.horizontalHeaderItem(c).text() for c in range(self.columnCount())]

    def _set_row(
        self, row: int, cells: list[tuple[str, QColor | None]], ok: bool, current: int | None
    ) -> None:
        for col, (text, colour) in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if colour is not None:
                item.setForeground(QBrush(colour))
            if row == current:
                item.setBackground(QBrush(HIGHLIGHT_FILL))
            self.setItem(row, col, item)
        last = self.item(row, len(cells) - 1)
        last.setForeground(QBrush(GOOD if ok else BAD))
        last.setFont(big_font(4, bold=True))

    def _fit_table(self, headers: list[str]) -> None:
        self.setColumnCount(len(headers))
        self.setRowCount(4)
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeaderItem(len(headers) - 2).setToolTip(
            self.tr("the target: what the gate says")
        )
        header = self.horizontalHeader()
        for col in range(len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_unit(self, rows: list[lab.TruthRow], current: int | None) -> None:
        """One unit's rows: the weighted sum written out, y, the target and ✓/✗."""
        self._fit_table(["x1", "x2", "w1·x1 + w2·x2 + b", "y", "t", ""])
        for r, row in enumerate(rows):
            cells: list[tuple[str, QColor | None]] = [
                (fmt(row.x1), None),
                (fmt(row.x2), None),
                (row.sum_text, POSITIVE if row.weighted_sum > 0 else NEGATIVE),
                (fmt(row.y), POSITIVE if row.y else NEGATIVE),
                (fmt(row.target), None),
                ("\u2713" if row.correct else "\u2717", None),
            ]
            self._set_row(r, cells, row.correct, current)

    def show_two_layers(self, current: int | None) -> None:
        """XOR = AND(NAND, OR): each row's s1, s2 and y with their sums."""
        self._fit_table(["x1", "x2", "s1 = NAND", "s2 = OR", "y = AND(s1, s2)", "t", ""])
        for r, row in enumerate(lab.xor_two_layers()):
            ok = row.y == row.target
            cells: list[tuple[str, QColor | None]] = [
                (fmt(row.x1), None),
                (fmt(row.x2), None),
                (f"{fmt(row.s1)}  (\u03a3 {fmt(row.s1_sum)})", POSITIVE if row.s1 else NEGATIVE),
                (f"{fmt(row.s2)}  (\u03a3 {fmt(row.s2_sum)})", POSITIVE if row.s2 else NEGATIVE),
                (f"{fmt(row.y)}  (\u03a3 {fmt(row.y_sum)})", POSITIVE if row.y else NEGATIVE),
                (fmt(row.target), None),
                ("\u2713" if ok else "\u2717", None),
            ]
            self._set_row(r, cells, ok, current)
