"""The Examples list: the diagrams shipped with dlsim (`dlsim.examples`), with their descriptions.

Each example is a .dlsim file; its "name" is the title shown and its "description" the tooltip
and the text under it, in a strip of fixed share (ABOUT_SHARE) that scrolls: a long description
neither squeezes the list to two entries on a small screen nor moves the list's foot while the
pointer hovers titles. Opening one goes through the window (unsaved-changes prompt included).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.examples import DEFAULT_EXAMPLE as DEFAULT_EXAMPLE
from dlsim.examples import list_examples
from dlsim.resources import example_path as example_path
from dlsim.ui.example_texts import example_text

KEY_ROLE = Qt.ItemDataRole.UserRole
ABOUT_SHARE = 0.35  # of the panel's height, for the description under the list
NO_EXAMPLE = QT_TRANSLATE_NOOP("ExamplesPanel", "Double-click an example to open it.")


class ExamplesPanel(QWidget):
    """Titles of the examples with the hovered one's description below; double-click (or
    Enter) emits `example_activated(key)`."""

    example_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)  # a title wrapped onto two lines still reads as one entry
        # the scroll bar always takes its room, so the titles' wrapping never changes with it
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMouseTracking(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.current_key: str | None = None
        self.about = QLabel(self.tr(NO_EXAMPLE))
        self.about.setWordWrap(True)
        self.about.setMargin(6)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about_area = QScrollArea()
        self.about_area.setWidget(self.about)
        self.about_area.setWidgetResizable(True)
        self.about_area.setFrameShape(QFrame.Shape.NoFrame)
        self.about_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.about_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        share = round(100 * ABOUT_SHARE)
        column.addWidget(self.list, 100 - share)
        column.addWidget(self.about_area, share)
        for info in list_examples():
            name, about = example_text(info.title), example_text(info.description)
            item = QListWidgetItem(name)
            item.setData(KEY_ROLE, info.key)
            item.setToolTip(f"<b>{html.escape(name)}</b><p>{html.escape(about)}</p>")
            item.setStatusTip(about)
            self.list.addItem(item)
        self.list.itemActivated.connect(
            lambda item: self.example_activated.emit(item.data(KEY_ROLE))
        )
        self.list.itemEntered.connect(self._describe)
        self.list.currentItemChanged.connect(self._describe)
        self.list.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """The pointer left the list: describe the open example again, not the last hovered.
        The list changed width: its titles wrap anew."""
        if event.type() == QEvent.Type.Leave:
            self._describe(None)
        elif event.type() == QEvent.Type.Resize:
            self._fit_titles()
        return False

    def text_width(self) -> int:
        """The width an entry's title is wrapped to: the list's, less spacing and text margins."""
        margin = self.list.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        return self.list.viewport().width() - 2 * self.list.spacing() - 2 * margin - 2

    def _fit_titles(self) -> None:
        """Give every entry the height of its title wrapped at the list's width: the view's own
        sizing got it wrong at some widths (a one-line "XOR by …" over a blank line)."""
        width = self.text_width()
        if width <= 0:
            return
        metrics = self.list.fontMetrics()
        for i in range(self.list.count()):
            item = self.list.item(i)
            needed = metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            item.setSizeHint(QSize(width, needed.height() + 4))

    def keys(self) -> list[str]:
        return [self.list.item(i).data(KEY_ROLE) for i in range(self.list.count())]

    def activate(self, key: str) -> None:
        """What a double-click on the entry does (open the example)."""
        self.example_activated.emit(key)

    def show_current(self, key: str | None) -> None:
        """Highlight the open example and show its description; None (a new diagram or a file
        of one's own) clears both."""
        self.current_key = key
        keys = self.keys()
        row = keys.index(key) if key in keys else -1
        if row < 0:
            self.list.setCurrentRow(-1)
            self.list.clearSelection()
            self.about.setText(self.tr(NO_EXAMPLE))
            return
        self.list.setCurrentRow(row)
        self.list.scrollToItem(self.list.item(row))

    def _describe(self, item: QListWidgetItem | None, *_: object) -> None:
        """Hovering an example describes it; leaving the list describes the open one again."""
        if item is None:
            current = self.list.currentItem()
            self.about.setText(current.statusTip() if current is not None else self.tr(NO_EXAMPLE))
        else:
            self.about.setText(item.statusTip())
