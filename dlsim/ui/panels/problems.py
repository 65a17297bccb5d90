"""The Problems list: every error and warning the engine finds, as the user edits.

Fed by `Document.problems_changed` (the engine's `check_document`), so the list, the red and
amber node outlines and the inspector always agree. Double-clicking a problem selects its node.
One wrapped line per problem, so the list stays readable however narrow its dock is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from dlsim.engine.nn.graph import Problem
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.ui.document import Document
from dlsim.ui.style import ERROR_COLOR, OK_COLOR, WARNING_COLOR

NODE_ROLE = Qt.ItemDataRole.UserRole
READY = QT_TRANSLATE_NOOP("ProblemsPanel", "No problems: the network is ready to train.")


def dot_icon(colour: QColor) -> QIcon:
    """A filled circle in the severity's colour (red error, amber warning, green fine)."""
    pix = QPixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pix)


def summary(problems: list[Problem]) -> str:
    """ "2 errors, 1 warning" — or "No problems"."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    words = (
        (errors, translate("ProblemsPanel", "{0} error"), translate("ProblemsPanel", "{0} errors")),
        (
            warnings,
            translate("ProblemsPanel", "{0} warning"),
            translate("ProblemsPanel", "{0} warnings"),
        ),
    )
    parts = [(one if n == 1 else many).format(n) for n, one, many in words if n]
    return ", ".join(parts) or translate("ProblemsPanel", "No problems")


class ProblemsPanel(QListWidget):
    """ "layer: message" per problem; `problem_activated(node_id)` on double-click, and
    `count_changed(errors, warnings)` so the dock title and status bar can show the numbers."""

    problem_activated = Signal(str)
    count_changed = Signal(int, int)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)
        self._icons = {"error": dot_icon(ERROR_COLOR), "warning": dot_icon(WARNING_COLOR)}
        self._ok_icon = dot_icon(OK_COLOR)
        self.itemActivated.connect(self._on_item_activated)
        document.problems_changed.connect(self.show_problems)
        self.show_problems(document.problems())

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        for problem in problems:
            where = problem.node_id or self.tr("document")
            item = QListWidgetItem(
                self._icons.get(problem.severity, self._icons["error"]),
                f"{where}: {problem.message}",
            )
            tip = (
                self.tr("warning in {0}: {1}")
                if problem.severity == "warning"
                else self.tr("error in {0}: {1}")
            )
            item.setToolTip(
                tip.format(where, problem.message)
                + "\n"
                + self.tr("(double-click to select the layer)")
            )
            item.setData(NODE_ROLE, problem.node_id)
            self.addItem(item)
        if not problems:
            item = QListWidgetItem(self._ok_icon, self.tr(READY))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
        errors = sum(p.severity == "error" for p in problems)
        self.count_changed.emit(errors, len(problems) - errors)

    def messages(self) -> list[tuple[str | None, str]]:
        """(node id, message) of each listed problem, as shown."""
        out = []
        for i in range(self.count()):
            item = self.item(i)
            if item.text() != self.tr(READY):
                node_id = item.data(NODE_ROLE)
                out.append((node_id, item.text().split(": ", 1)[1]))
        return out

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        node_id = item.data(NODE_ROLE)
        if node_id:
            self.problem_activated.emit(node_id)
