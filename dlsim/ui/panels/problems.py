"""The Problems list: every error and warning the engine finds, as the user edits.

Fed by `Document.problems_changed` (the engine's `check_document`), so the list, the red and
amber node outlines and the inspector always agree. Double-clicking a problem selects its node.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from dlsim.engine.graph import Problem
from dlsim.ui.document import Document
from dlsim.ui.style import ERROR_COLOR, OK_COLOR, WARNING_COLOR

NODE_ROLE = Qt.ItemDataRole.UserRole


def _dot(colour) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pix)


class ProblemsPanel(QTreeWidget):
    """Severity, layer and message of each problem; `problem_activated(node_id)` on
    double-click. `count_changed(errors, warnings)` lets the dock title show the numbers."""

    problem_activated = Signal(str)
    count_changed = Signal(int, int)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setColumnCount(3)
        self.setHeaderLabels(["", "Layer", "Problem"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(True)
        self.setColumnWidth(0, 80)
        self.setColumnWidth(1, 90)
        self._icons = {"error": _dot(ERROR_COLOR), "warning": _dot(WARNING_COLOR)}
        self._ok_icon = _dot(OK_COLOR)
        self.itemActivated.connect(self._on_item_activated)
        document.problems_changed.connect(self.show_problems)
        self.show_problems(document.problems())

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        for problem in problems:
            item = QTreeWidgetItem(
                self, [problem.severity, problem.node_id or "(document)", problem.message]
            )
            item.setIcon(0, self._icons.get(problem.severity, self._icons["error"]))
            item.setToolTip(2, problem.message)
            item.setData(0, NODE_ROLE, problem.node_id)
        if not problems:
            item = QTreeWidgetItem(self, ["ok", "", "No problems: the network is ready to train."])
            item.setIcon(0, self._ok_icon)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        errors = sum(p.severity == "error" for p in problems)
        self.count_changed.emit(errors, len(problems) - errors)

    def messages(self) -> list[tuple[str | None, str]]:
        """(node id, message) of each listed problem, as shown."""
        out = []
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item.text(0) != "ok":
                out.append((item.data(0, NODE_ROLE), item.text(2)))
        return out

    def _on_item_activated(self, item: QTreeWidgetItem, column: int) -> None:
        node_id = item.data(0, NODE_ROLE)
        if node_id:
            self.problem_activated.emit(node_id)
