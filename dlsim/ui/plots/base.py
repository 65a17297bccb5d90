"""What every live plot shares: the feed it draws from, a hint instead of a blank canvas, export.

A plot never talks to the training thread. The workbench's GUI timer builds one `PlotFeed` from
the latest snapshot (about 30 times a second, only when something changed) and hands it to each
visible plot's `refresh`; each plot pushes new arrays into items it created once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.views.axes import log_ticks
from dlsim.ui.plots.export_file import write_export
from dlsim.ui.style import is_dark

# Tableau-10: distinguishable, and readable on white.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
READOUT_HZ = 4


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


@dataclass(frozen=True)
class PlotColours:
    """The neutral colours of a plot: canvas, axes, axis text, and the quieter caption text."""

    background: str
    axis: str
    text: str
    caption: str
    hint: str


LIGHT = PlotColours(
    background="#ffffff", axis="#606060", text="#303030", caption="#404040", hint="#707070"
)
DARK = PlotColours(
    background="#1f2023", axis="#8a8e96", text="#d4d6da", caption="#b8bbc1", hint="#9a9ea6"
)


def plot_colours(palette: QPalette | None = None) -> PlotColours:
    """Light or dark plot colours to match the application palette (chosen once, when a plot
    is created: switching the theme takes a restart, as for the diagram)."""
    if palette is None and QGuiApplication.instance() is None:
        return LIGHT
    return DARK if is_dark(palette) else LIGHT


@dataclass(frozen=True)
class LayerInfo:
    """A layer as the plots name it: id, type, activation name (None for layers without one)."""

    node_id: str
    type: str
    activation: str | None
    units: int
    is_output: bool
    trainable: bool = True
    inputs: int = 0  # features coming in (summed over the layer's sources)

    @property
    def label(self) -> str:
        """ "h · tanh", "bn_1 · BatchNorm", "y (output) · sigmoid"."""
        role = translate("PlotPanel", " (output)") if self.is_output else ""
        return f"{self.node_id}{role} · {self.activation or self.type}"


@dataclass(frozen=True)
class ComparisonRun:
    """One run of a comparison as the compare plot draws it."""

    label: str
    history: Any  # dlsim.engine.live.history.MetricsHistory
    state: str
    step: int
    message: str | None = None


@dataclass(frozen=True)
class PlotFeed:
    """Everything the plots may draw, gathered once per GUI tick from the engine's outputs."""

    snapshot: Any  # dlsim.engine.live.snapshot.Snapshot | None
    history: Any  # dlsim.engine.live.history.MetricsHistory
    history_version: int
    dataset: Any  # dlsim.engine.training.datasets.Dataset | None
    layers: tuple[LayerInfo, ...]
    structure: int  # changes whenever the network (and so the set of layers) is rebuilt
    boundary_grid: Any  # views.boundary.BoundaryGrid (2-D), views.curve.CurveGrid (1-D) or None
    comparison: tuple[ComparisonRun, ...] = field(default=())
    comparison_version: int = 0
    view_step: int | None = None  # a past step shown (time travel); None: the run as it is now
    latest: Any = None  # while a past step is shown: the run's whole history, up to now
    branches: tuple[Any, ...] = ()  # dlsim.ui.time_travel.Branch: earlier runs, faded
    branches_version: int = 0
    graph: Any = None  # dlsim.engine.nn.graph.GraphSpec the session's network was built from


def legend_html(entries: list[tuple[str, str]]) -> str:
    """A legend for a header label: a coloured bar before each name (no overlap with curves)."""
    return "&nbsp; ".join(
        f'<span style="color:{c}; font-weight:bold;">&#9644;</span>&nbsp;{name}'
        for name, c in entries
    )


def header_label(text: str = "") -> QLabel:
    """A label for a plot's header row that wraps onto a second line when the dock is narrow
    (rather than cutting words off at the Export button)."""
    label = QLabel(text)
    label.setStyleSheet(f"color: {plot_colours().caption};")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(0)
    return label


def style_plot(plot: pg.PlotItem, left: str = "", bottom: str = "") -> None:
    """Axes and labels in the theme's colours; no mouse menu clutter."""
    colours = plot_colours()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(colours.axis))
        axis.setTextPen(pg.mkPen(colours.text))
        axis.enableAutoSIPrefix(False)  # "step (x0.001)" reads as nonsense to a learner
        # Text is the costly part of a repaint: keep each axis as a pixmap, redrawn only when
        # its ticks change (with fixed or slowly changing ranges, rarely).
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    if left:
        plot.setLabel("left", left, color=colours.text)
    if bottom:
        plot.setLabel("bottom", bottom, color=colours.text)
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setMenuEnabled(False)


class Curve(pg.PlotCurveItem):
    """A line (or step histogram) fed plain (x, y) arrays, log axes included, without
    PlotDataItem's per-update machinery (downsampling, clipping, a second bounds pass): the
    feeds are already decimated to about one point per pixel, and on a two-core machine every
    millisecond of Python spent here is taken from the training thread."""

    _log = (False, False)  # class defaults: PlotCurveItem.__init__ already calls setData
    _original: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))

    def setLogMode(self, x: bool, y: bool) -> None:  # noqa: N802 (pyqtgraph's name)
        """Called by the PlotItem when its axes switch to (or from) log scale."""
        if (bool(x), bool(y)) != self._log:
            self._log = (bool(x), bool(y))
            self.setData(*self._original)

    def setData(self, x: Any = None, y: Any = None, **opts: Any) -> None:  # noqa: N802
        x = np.asarray(x if x is not None else (), dtype=float)
        y = np.asarray(y if y is not None else (), dtype=float)
        self._original = (x, y)
        with np.errstate(divide="ignore", invalid="ignore"):
            shown_x = np.log10(x) if self._log[0] else x
            shown_y = np.log10(y) if self._log[1] else y
        super().setData(shown_x, shown_y, **opts)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        """The view's visible rectangle: the view box clips its items to it anyway, and
        PlotCurveItem's own answer (data bounds plus pen padding in pixels) is recomputed in
        Python at every repaint."""
        view = self.getViewBox()
        return view.viewRect() if view is not None else super().boundingRect()

    def getOriginalDataset(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802
        """The arrays as given (before any log mapping), as PlotDataItem names them."""
        return self._original


def add_curve(plot: pg.PlotItem, **opts: Any) -> Curve:
    """A `Curve` added to `plot` (which tells it whether its axes are logarithmic)."""
    curve = Curve(**opts)
    plot.addItem(curve)
    return curve


def decades_first(ticks: list[tuple[float, str]]) -> list[list[tuple[float, str]]]:
    """Log ticks as pyqtgraph's two levels: whole decades, then the 2s and 5s between them,
    whose labels the axis leaves out where they would overlap (a short plot on a small screen
    printed 0.2 over 0.05)."""
    major = [t for t in ticks if abs(t[0] - round(t[0])) < 1e-9]
    if not major:
        return [ticks, []]
    return [major, [t for t in ticks if t not in major]]


class FixedRanges:
    """Sets a plot's view range only when it changes: each change re-renders an axis's text,
    the costliest part of a repaint, so ranges are chosen to move rarely (nice numbers)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.x: tuple[float, float] | None = None
        self.y: tuple[float, float] | None = None
        self._log_ticks = False
        self._log_x_ticks = False
        plot.disableAutoRange()

    def set_x(self, lo: float, hi: float) -> None:
        if (lo, hi) != self.x:
            self.x = (lo, hi)
            self.plot.setXRange(lo, hi, padding=0)

    def set_y(self, lo: float, hi: float) -> None:
        if (lo, hi) != self.y:
            self.y = (lo, hi)
            self.plot.setYRange(lo, hi, padding=0)

    def set_log_y(self, lo_exp: int, hi_exp: int, fine: bool = True) -> None:
        """A log y axis from 10^lo to 10^hi with readable ticks (1-2-5 if `fine`, else whole
        decades)."""
        if (lo_exp, hi_exp) != self.y:
            self.y = (lo_exp, hi_exp)
            self._log_ticks = True
            self.plot.setYRange(lo_exp, hi_exp, padding=0)
            self.plot.getAxis("left").setTicks(decades_first(log_ticks(lo_exp, hi_exp, fine)))

    def set_log_x(self, lo_exp: int, hi_exp: int) -> None:
        """A log x axis from 10^lo to 10^hi, ticked 1-2-5 over two decades, else by decade."""
        if (lo_exp, hi_exp) != self.x:
            self.x = (lo_exp, hi_exp)
            self._log_x_ticks = True
            self.plot.setXRange(lo_exp, hi_exp, padding=0)
            self.plot.getAxis("bottom").setTicks([log_ticks(lo_exp, hi_exp), []])

    def forget(self) -> None:
        """Set the next ranges even if equal to the last (and drop log ticks we set)."""
        self.x = self.y = None
        if self._log_ticks:
            self._log_ticks = False
            self.plot.getAxis("left").setTicks(None)
        if self._log_x_ticks:
            self._log_x_ticks = False
            self.plot.getAxis("bottom").setTicks(None)


class PlotPanel(QWidget):
    """Base of every plot dock: header controls, canvas or hint, PNG/CSV export."""

    title = QT_TRANSLATE_NOOP("Plots", "Plot")  # each plot's own; shown by display_title
    tab_title = ""  # a shorter name for its tab, where the whole title is long
    file_stem = "plot"
    uses_boundary = False  # True: the training process predicts the boundary grid for it
    uses_units = False  # True: and each drawn unit's output over the grid (live.unit_maps)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh_count = 0
        self.last_drawn = 0.0
        self._readout_at = -1.0
        self._forced = True
        self._feed: PlotFeed | None = None
        self._stale = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.setSpacing(2)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(4, 0, 0, 0)
        outer.addLayout(self.header)
        self.colours = plot_colours()
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground(self.colours.background)
        self.canvas.setMinimumSize(160, 120)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(
            f"color: {self.colours.hint}; background: {self.colours.background}; padding: 12px;"
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.hint)
        outer.addWidget(self.stack, 1)
        # until the first feed arrives (or while the diagram cannot be built) say so, rather
        # than show empty axes
        self.show_hint(
            translate(
                "PlotPanel", "Nothing to plot yet: this fills in once the diagram can be trained."
            )
        )
        self.export_button = QToolButton()
        self.export_button.setText(translate("PlotPanel", "Export"))
        self.export_button.setToolTip(
            translate("PlotPanel", "Save this plot as a PNG image, or its data as CSV")
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.png_action = menu.addAction(
            translate("PlotPanel", "Save image as PNG…"), self._on_png_triggered
        )
        self.csv_action = menu.addAction(
            translate("PlotPanel", "Save data as CSV…"), self._on_csv_triggered
        )
        self.export_button.setMenu(menu)

    def display_title(self) -> str:
        """The plot's name in the interface language (its dock title)."""
        return translate("Plots", self.title)

    def dock_title(self) -> str:
        """The name on its dock and tab: short enough that a tab group's titles fit unscrolled."""
        return translate("Plots", self.tab_title) if self.tab_title else self.display_title()

    def finish_header(self, stretch: bool = True) -> None:
        """Subclasses add their controls to `header`, then call this to right-align Export
        (without a stretch when a label added with a stretch factor fills the row)."""
        if stretch:
            self.header.addStretch(1)
        self.header.addWidget(self.export_button)

    # --- hint -----------------------------------------------------------------------------------

    def show_hint(self, text: str) -> None:
        """Say why the plot is empty instead of showing a blank canvas."""
        if self.hint.text() != text:
            self.hint.setText(text)
        if self.stack.currentIndex() != 1:
            self.stack.setCurrentIndex(1)

    def show_plot(self) -> None:
        if self.stack.currentIndex() != 0:
            self.stack.setCurrentIndex(0)

    @property
    def hint_visible(self) -> bool:
        return self.stack.currentIndex() == 1

    # --- feeding ----------------------------------------------------------------------------

    def readout_due(self) -> bool:
        """True at most READOUT_HZ times a second: numbers printed as text (rich-text labels)
        cost more to repaint than a curve, and nobody reads them faster."""
        now = time.perf_counter()
        if now - self._readout_at >= 1.0 / READOUT_HZ or self._forced:
            self._readout_at = now
            return True
        return False

    def offer(self, feed: PlotFeed) -> None:
        """Keep the latest feed; the workbench decides when to draw it (see `pending`)."""
        self._feed = feed

    @property
    def feed(self) -> PlotFeed | None:
        return self._feed

    def pending(self) -> bool:
        """Visible and showing something older than the latest feed."""
        feed = self._feed
        return feed is not None and self.isVisible() and (self._stale or self.changed(feed))

    def refresh(self, feed: PlotFeed) -> bool:
        """Draw `feed` if visible and different from what is shown; True when redrawn.

        A hidden plot (closed dock, tab behind another) only keeps the feed — it costs nothing
        while training runs and draws it when shown.
        """
        self._feed = feed
        if not self.isVisible():
            self._stale = True
            return False
        if not self._stale and not self.changed(feed):
            return False
        self._forced, self._stale = self._stale, False
        self.draw(feed)
        self.refresh_count += 1
        self.last_drawn = time.perf_counter()
        return True

    def changed(self, feed: PlotFeed) -> bool:
        """Whether `feed` has anything new for this plot (subclasses narrow it down)."""
        return True

    def draw(self, feed: PlotFeed) -> None:
        raise NotImplementedError

    def mark_stale(self) -> None:
        """Redraw in full at the next tick even if nothing changed (a control was toggled,
        the plot was shown, training stopped)."""
        self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.mark_stale()

    # --- export -------------------------------------------------------------------------------

    def csv_text(self) -> str:
        raise NotImplementedError

    def export_png(self, path: str | Path, width: int | None = None) -> None:
        """Write what the canvas shows to a PNG (at the canvas's size unless `width` is given);
        raises DlsimError (one sentence) when the file cannot be written."""
        exporter = ImageExporter(self.canvas.scene())
        if width:
            exporter.parameters()["width"] = int(width)
        image = exporter.export(toBytes=True)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if image is None or not image.save(buffer, "PNG"):
            raise DlsimError(
                translate("PlotPanel", "{0}: the plot could not be rendered as a PNG image").format(
                    path
                )
            )
        buffer.close()
        write_export(path, data.data())

    def export_csv(self, path: str | Path) -> None:
        """Write the plotted data as CSV; raises DlsimError when the file cannot be written."""
        write_export(path, self.csv_text().encode("utf-8"))

    def _on_png_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("PlotPanel", "Save {0} as PNG").format(self.display_title()),
            f"{self.file_stem}.png",
            translate("PlotPanel", "PNG image (*.png)"),
        )
        if path:
            self._export(self.export_png, path)

    def _on_csv_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("PlotPanel", "Save {0} data as CSV").format(self.display_title()),
            f"{self.file_stem}.csv",
            translate("PlotPanel", "CSV (*.csv)"),
        )
        if path:
            self._export(self.export_csv, path)

    def _export(self, write, path: str) -> None:
        try:
            write(path)
        except DlsimError as exc:
            QMessageBox.warning(self, translate("PlotPanel", "Cannot export"), str(exc))
