"""A drop-down list whose items' help appears beside the open list, never over it.

Qt shows an item's tooltip under the cursor, where it hides the very choices the learner is
reading (the activation list's help covered the activations below it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QListView, QToolTip


class SideTipList(QListView):
    """For QComboBox.setView: item tooltips (ToolTipRole) at the list's right edge."""

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.ToolTip:
            return super().viewportEvent(event)
        index = self.indexAt(event.pos())
        text = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        if not text:
            QToolTip.hideText()
            return True
        row = self.visualRect(index)
        beside = self.viewport().mapToGlobal(QPoint(self.viewport().width() + 6, row.top()))
        QToolTip.showText(beside, str(text), self.viewport(), row)
        return True
