"""The inspector's weights: the selected layer's W and b (γ and β …), live while training and as
they were at the step the timeline shows.

The training controller feeds this section like a plot (`offer` / `pending` / `refresh`, from
the same ~30 Hz tick and the same `PlotFeed`, so a past step's snapshot comes for free); it
draws only while visible and when the layer, the snapshot or the viewed step changed, at most
READOUT_HZ times a second while a run goes on. What to show is `views.weight_table`'s; the cells
are made once per table shape and only their texts change.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.notation import f8
from dlsim.engine.views.weight_table import (
    WeightSummary,
    WeightTable,
    cell,
    layer_weights,
    shape_text,
    symbol,
)
from dlsim.ui.document import Document
from dlsim.ui.plots.base import PlotFeed

READOUT_HZ = 10  # new numbers while a run goes on: nobody reads them faster
VISIBLE_ROWS = 8  # rows shown before the table scrolls (the form above must stay in view)
WIDE = 4  # more columns than this may not fit the dock's width: room for a scroll bar is kept


def _saved(entry: Any) -> dict[str, np.ndarray] | None:
    """A layer's weights as the document holds them (nested lists), as arrays; None if there
    are none or they are not numbers (the document's problems say so)."""
    if not isinstance(entry, dict):
        return None
    try:
        return {name: np.asarray(value, dtype=np.float64) for name, value in entry.items()}
    except (TypeError, ValueError):
        return None


class LayerWeights(QWidget):
    """One layer's weights: a table of values, or a summary for a big layer."""

    uses_boundary = False  # what the training controller asks of everything it feeds
    uses_units = False

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.last_drawn = 0.0
        self.refresh_count = 0
        self.shown: WeightTable | WeightSummary | None = None  # what the cells show
        self.shown_step: int | None = None  # its step (None: the document's weights)
        self._feed: PlotFeed | None = None
        self._stale = True
        self._key: tuple = ()
        self._layout: tuple = ()
        self._texts: list[list[str]] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(4)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        metrics = self.table.fontMetrics()
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        widest = max(metrics.horizontalAdvance(t) for t in ("\u22120.0000", "\u22124.4e\u221207"))
        self.table.horizontalHeader().setDefaultSectionSize(widest + 14)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        self.note = QLabel()
        self.note.setWordWrap(True)
        column.addWidget(self.caption)
        column.addWidget(self.table)
        column.addWidget(self.note)
        self.hide()

    # --- what the training controller calls -----------------------------------------------------

    def offer(self, feed: PlotFeed) -> None:
        self._feed = feed

    @property
    def feed(self) -> PlotFeed | None:
        return self._feed

    def pending(self) -> bool:
        """A layer is selected, the inspector shows, and the numbers on screen are not the
        latest (a run's next numbers wait for the next readout)."""
        parent = self.parentWidget()
        if self.node_id is None or parent is None or not parent.isVisible():
            return False
        if self._stale:
            return True
        key = self._feed_key(self._feed)
        return key != self._key and not self._held_back(key)

    def _held_back(self, key: tuple) -> bool:
        """A run's later step of the same layer and view, less than a readout after the last
        (a weight typed at the same step shows at once)."""
        run_moved_on = key[:3] == self._key[:3] and key[3] != self._key[3]
        return run_moved_on and time.perf_counter() - self.last_drawn < 1 / READOUT_HZ

    def refresh(self, feed: PlotFeed | None) -> bool:
        """Show `feed`'s weights of the selected layer if visible and anything changed."""
        self._feed = feed
        parent = self.parentWidget()
        if parent is None or not parent.isVisible():
            self._stale = True
            return False
        key = self._feed_key(feed)
        if not self._stale and key == self._key:
            return False
        if not self._stale and self._held_back(key):
            return False  # a run's next numbers: shown at the next readout
        self._stale = False
        self._key = key
        self._draw(feed)
        self.refresh_count += 1
        self.last_drawn = time.perf_counter()
        return True

    def mark_stale(self) -> None:
        self._stale = True

    # --- what the inspector calls ---------------------------------------------------------------

    def set_node(self, node_id: str | None) -> None:
        """Follow the inspector's layer (None: no single layer) and show it now."""
        self.node_id = node_id
        self._stale = True
        if node_id is None:
            self.hide()
            return
        self.refresh(self._feed)

    # --- drawing ----------------------------------------------------------------------------

    def _feed_key(self, feed: PlotFeed | None) -> tuple:
        snap = feed.snapshot if feed is not None else None
        return (
            self.node_id,
            feed.view_step if feed is not None else None,
            feed.structure if feed is not None else -1,
            snap.step if snap is not None else -1,
            snap.serial if snap is not None else -1,
        )

    def _arrays(self, feed: PlotFeed | None) -> tuple[dict[str, Any] | None, str]:
        """The selected layer's arrays to show and the caption that says whose they are."""
        nid = self.node_id
        snap = feed.snapshot if feed is not None else None
        params = snap.params if snap is not None else None
        if params is not None and nid in params:
            self.shown_step = snap.step
            if feed.view_step is not None:
                return params[nid], self.tr("Weights at step {0} (the timeline's step)").format(
                    snap.step
                )
            if snap.step == 0:
                source = (
                    self.tr("as the document gives them")
                    if nid in self.document.weights
                    else self.tr("drawn from the seed")
                )
                return params[nid], self.tr("Starting weights (step 0), {0}").format(source)
            return params[nid], self.tr("Weights at step {0}").format(snap.step)
        self.shown_step = None
        saved = _saved(self.document.weights.get(nid))
        if saved:
            return saved, self.tr("Weights from the document (not trained yet)")
        layers = feed.layers if feed is not None else ()
        if any(layer.node_id == nid and layer.trainable for layer in layers):
            return None, self.tr("Weights: drawn from the seed at the first step.")
        return None, ""

    def _draw(self, feed: PlotFeed | None) -> None:
        arrays, caption = self._arrays(feed)
        shown = layer_weights(self._graph(feed), self.node_id, arrays or {})
        self.shown = shown
        if not caption:
            self.hide()
            return
        if self.caption.text() != caption:
            self.caption.setText(caption)
        if isinstance(shown, WeightTable):
            self._show_cells(shown.rows, shown.columns, shown.values)
            self.note.hide()
        elif isinstance(shown, WeightSummary):
            self._show_summary(shown)
        else:
            self.table.hide()
            self.note.hide()
        self.show()

    def _graph(self, feed: PlotFeed | None) -> Any:
        """The graph the arrays belong to (the session's; before one, the document's)."""
        graph = feed.graph if feed is not None else None
        if graph is not None and self.node_id in graph.nodes:
            return graph
        return self.document.graph

    def _show_summary(self, summary: WeightSummary) -> None:
        rows = (self.tr("min"), self.tr("max"), self.tr("mean"), self.tr("std"))
        columns = tuple(f"{symbol(a.name)} ({shape_text(a.shape)})" for a in summary.arrays)
        values = np.array(
            [[a.minimum, a.maximum, a.mean, a.std] for a in summary.arrays], dtype=np.float64
        ).T
        self._show_cells(rows, columns, values)
        dense = "W" in {a.name for a in summary.arrays}
        note = (
            self.tr(
                "Too many to list: the Weights plot draws W as a heat map, and its "
                "Export ▸ CSV lists every value."
            )
            if dense
            else self.tr("Too many to list: the Weights plot's Export ▸ CSV lists every value.")
        )
        if self.note.text() != note:
            self.note.setText(note)
        self.note.show()

    def _show_cells(self, rows: tuple[str, ...], columns: tuple[str, ...], values: Any) -> None:
        """Write `values` into the table; cells are made only when its rows or columns change."""
        table = self.table
        if (rows, columns) != self._layout:
            self._layout = (rows, columns)
            table.setRowCount(len(rows))
            table.setColumnCount(len(columns))
            table.setVerticalHeaderLabels(list(rows))
            table.setHorizontalHeaderLabels(list(columns))
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            for i in range(len(rows)):
                for j in range(len(columns)):
                    item = QTableWidgetItem()
                    item.setTextAlignment(align)
                    table.setItem(i, j, item)
            self._texts = [[""] * len(columns) for _ in rows]
            header = table.horizontalHeader()
            metrics = header.fontMetrics()
            for j, name in enumerate(columns):  # a summary's "W (2 × 64)" is wider than a number
                width = max(header.defaultSectionSize(), metrics.horizontalAdvance(name) + 16)
                header.resizeSection(j, width)
            shown = min(len(rows), VISIBLE_ROWS)
            height = header.sizeHint().height() + 2 * table.frameWidth()
            height += shown * table.verticalHeader().defaultSectionSize()
            if len(columns) > WIDE:  # room for the scroll bar a wide table will need
                height += table.horizontalScrollBar().sizeHint().height()
            table.setFixedHeight(height)
        for i, row in enumerate(values):
            texts = self._texts[i]
            for j, value in enumerate(row):
                text = cell(value)
                if texts[j] != text:
                    texts[j] = text
                    item = table.item(i, j)
                    item.setText(text)
                    item.setToolTip(f8(value) if np.isfinite(value) else text)
        table.show()

    def values(self) -> np.ndarray | None:
        """The numbers the cells show (tests compare them with the engine's)."""
        shown = self.shown
        return shown.values if isinstance(shown, WeightTable) else None

    def cell_texts(self) -> list[list[str]]:
        """The cells' texts, row by row."""
        table = self.table
        return [
            [table.item(i, j).text() for j in range(table.columnCount())]
            for i in range(table.rowCount())
        ]
