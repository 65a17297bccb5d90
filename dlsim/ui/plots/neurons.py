"""Neurons: every unit of a small network as a node, as the lecture draws one (TensorFlow
Playground's network picture). For 2-D data each unit shows its activation over the input plane,
computed in the training process with the decision boundary (`live.unit_maps`); each weight is
an edge, coloured by its sign and thick by its size. Hover shows a weight (a unit's bias) and its
last gradient; a click types a new value; + / − add or remove a unit. The geometry is the
engine's (`engine.views.neurons`): this only draws it, with items made once per network and
arrays pushed into them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QCursor, QFont
from PySide6.QtWidgets import (
    QGraphicsItem,
    QInputDialog,
    QMessageBox,
    QToolTip,
    QWidget,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations
from dlsim.engine.views.neurons import (
    SHADES,
    NeuronLayout,
    buttons,
    edge_groups,
    edge_weights,
    frame_segments,
    hit,
    map_shades,
    neuron_layout,
    segments,
    unit_levels,
)
from dlsim.engine.views.tables import table_csv
from dlsim.ui.neuron_edits import seen_weights
from dlsim.ui.plots.base import PlotFeed, PlotPanel, header_label
from dlsim.ui.plots.boundary import BINARY_MAP
from dlsim.ui.plots.frame_items import ShadeImage
from dlsim.ui.plots.neuron_text import describe

NEGATIVE = "#3b6fb6"  # the boundary's class-0 blue
POSITIVE = "#e0703a"  # orange, as in Playground
WIDTHS = (0.6, 1.1, 1.8, 2.6, 3.6, 5.0)  # pixels, one per step of WIDTH_STEPS (and above)
HOVER_PIXELS = 5  # how near the pointer must be to an edge to pick it
# lines are drawn once into a pixmap and copied while they stay the same: weights change every
# frame but their sign × width groups seldom do, so most frames copy the edges, not draw them
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


class QtNeuronPlot(PlotPanel):
    """The network unit by unit: heat-map tiles, weight edges, + / − on each Dense column."""

    file_stem = "neurons"
    uses_boundary = True
    uses_units = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = None  # the Document the edits go to (set by the workbench)
        self.caption = header_label()
        self.header.addWidget(self.caption, 1)
        self.finish_header(stretch=False)
        self.view = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.link_curve = pg.PlotCurveItem(pen=pg.mkPen("#9a9ea6", width=1, style=Qt.DashLine))
        self.view.addItem(self.link_curve)
        self.frame_curve = pg.PlotCurveItem(pen=pg.mkPen(self.colours.axis, width=1))
        self.frame_curve.setZValue(1)  # over the edges' ends and the heat maps
        self.edge_curves: list[pg.PlotCurveItem] = []
        for width in WIDTHS:
            for colour in (NEGATIVE, POSITIVE):
                curve = pg.PlotCurveItem(pen=pg.mkPen(colour, width=width))
                curve.setCacheMode(CACHED)
                self.view.addItem(curve)
                self.edge_curves.append(curve)
        self.view.addItem(self.frame_curve)
        for curve in (self.link_curve, self.frame_curve):
            curve.setCacheMode(CACHED)
        self.layout_: NeuronLayout | str | None = None
        self._acts: dict[str, str | None] = {}
        self.images: dict[str, pg.ImageItem] = {}  # one per column: its units' maps stacked
        self._items: list[QGraphicsItem] = []  # this network's images, names and buttons
        self._key: tuple | None = None
        self._edge_keys = [b""] * len(self.edge_curves)  # each edge curve's segments, as drawn
        self._serial = -1
        self._maps_drawn: object = None  # the UnitMaps the images show
        self._rects_for: object = None
        shades = BINARY_MAP.getLookupTable(nPts=SHADES, alpha=True)
        self._lut = np.vstack([np.zeros((1, 4), np.uint8), shades]).astype(np.uint8)
        self.levels: dict[str, tuple[float, float]] = {}  # each column's colour levels
        scene = self.canvas.scene()
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)
        scene.sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self._legend_text = self._legend()
        self.caption.setText(self._legend_text)
        # two lines always: a hovered weight's text must not resize the picture under it
        self.caption.setMinimumHeight(2 * self.caption.fontMetrics().lineSpacing())
        self.caption.setToolTip(
            self.tr(
                "Thicker lines are larger weights. Hover a line or a unit for its value and "
                "last gradient; click it to type a new value; + / − add or remove a unit."
            )
        )

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.tr("Neurons")

    def _legend(self) -> str:
        nowrap = '<span style="white-space:nowrap">{0}</span>'
        parts = [
            self.tr('<span style="color:{0}">■</span> positive').format(POSITIVE),
            self.tr('<span style="color:{0}">■</span> negative weight').format(NEGATIVE),
        ]
        return "&nbsp; ".join(nowrap.format(part) for part in parts)

    # --- feeding ------------------------------------------------------------------------------

    def changed(self, feed: PlotFeed) -> bool:
        serial = feed.snapshot.serial if feed.snapshot is not None else -1
        return serial != self._serial or self._structure_key(feed) != self._key

    @staticmethod
    def _structure_key(feed: PlotFeed) -> tuple:
        data = feed.dataset
        names = tuple(data.feature_names) if data is not None else ()
        return (feed.structure, id(feed.graph), names, id(feed.boundary_grid))

    def draw(self, feed: PlotFeed) -> None:
        snap = feed.snapshot
        self._serial = snap.serial if snap is not None else -1
        key = self._structure_key(feed)
        if key != self._key:
            self._key = key
            self._rebuild(feed)
        if feed.graph is None or feed.dataset is None:
            self.show_hint(
                self.tr("Nothing to draw yet: this fills in once the diagram can be trained.")
            )
            return
        if isinstance(self.layout_, str):
            self.show_hint(self.layout_)
            return
        self.show_plot()
        params = snap.params if snap is not None else None
        self._draw_edges(params)
        self._draw_maps(feed)

    def _rebuild(self, feed: PlotFeed) -> None:
        """A new network (or data set): new column images, names and buttons; the edge curves
        and the frames' curve stay (the same items for every network)."""
        for item in self._items:
            self.view.removeItem(item)
        self._items = []
        self.images = {}
        self.levels = {}
        self._maps_drawn = None
        self._rects_for = None
        for curve in (*self.edge_curves, self.link_curve, self.frame_curve):
            curve.setData([], [])
        self._edge_keys = [b""] * len(self.edge_curves)
        self.layout_ = None
        legend = self._legend()
        if feed.dataset is not None and feed.boundary_grid is None:
            legend += " " + self.tr("Heat maps are drawn for data with two input features.")
        self._legend_text = legend
        self.caption.setText(legend)
        if feed.graph is None or feed.dataset is None:
            return
        try:
            layout = neuron_layout(feed.graph, tuple(feed.dataset.feature_names))
        except DlsimError as exc:
            layout = str(exc)
        self.layout_ = layout
        if isinstance(layout, str):
            return
        self._acts = {info.node_id: info.activation for info in feed.layers}
        bold = QFont()
        bold.setBold(True)
        for col in layout.columns:
            image = ShadeImage(self._lut)
            image.setZValue(0.5)  # over the edges' ends, under the frames
            self._add(image)
            self.images[col.node_id] = image
            for name, y in zip(col.names, col.ys, strict=False):
                self._add_text(name, (col.x - 0.6, y), (1, 0.5))
            self._add_text(col.node_id, (col.x, layout.title_y), (0.5, 1))
        for nid, delta, x, y in buttons(layout):
            button = self._add_text("+" if delta > 0 else "−", (x, y), (0.5, 0.5))
            button.setFont(bold)
            button.setToolTip(self._button_text(nid, delta))
        fx, fy = frame_segments(layout)
        self.frame_curve.setData(fx, fy, connect="pairs")
        x, y = segments(layout.link_a, layout.link_b, np.arange(len(layout.link_a)))
        self.link_curve.setData(x, y, connect="pairs")
        x0, x1, y0, y1 = layout.bounds
        self.view.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)

    def _add(self, item: QGraphicsItem) -> None:
        self.view.addItem(item)
        self._items.append(item)

    def _add_text(self, text: str, pos: tuple[float, float], anchor: tuple[float, float]):
        item = pg.TextItem(text, color=self.colours.text, anchor=anchor)
        item.setCacheMode(CACHED)  # text never changes
        item.setPos(*pos)
        self._add(item)
        return item

    def _draw_edges(self, params: dict | None) -> None:
        layout = self.layout_
        groups = edge_groups(edge_weights(layout, params))
        for k, (curve, index) in enumerate(zip(self.edge_curves, groups, strict=True)):
            key = index.tobytes()
            if key == self._edge_keys[k]:
                continue  # the same segments: no new path, bounds or repaint for this curve
            self._edge_keys[k] = key
            x, y = segments(layout.edge_a, layout.edge_b, index)
            curve.setData(x, y, connect="pairs")

    def _draw_maps(self, feed: PlotFeed) -> None:
        units = getattr(feed.snapshot, "units", None)
        grid = feed.boundary_grid
        if units is None or grid is None or units is self._maps_drawn:
            return  # the same maps: a run predicts them a tenth of the time
        self._maps_drawn = units
        res = grid.resolution
        for col in self.layout_.columns:
            maps = units.maps.get(col.node_id)
            image = self.images.get(col.node_id)
            if maps is None or image is None or maps.shape != (res * res, len(col.ys)):
                continue
            act = self._acts.get(col.node_id)
            bounded = activations.get(act).output_range if act else None
            levels = unit_levels(maps, bounded)
            self.levels[col.node_id] = levels
            image.setImage(map_shades(maps, res, levels), autoLevels=False)
        if self._rects_for is not self._key:  # after setImage: the rect scales its pixels
            self._rects_for = self._key
            for col in self.layout_.columns:
                top, bottom = float(col.ys[0]) - 0.5, float(col.ys[-1]) + 0.5
                self.images[col.node_id].setRect(QRectF(col.x - 0.5, top, 1.0, bottom - top))

    # --- hover and click ----------------------------------------------------------------------

    def target_at(self, scene_pos) -> tuple[str, Any] | None:
        """What is under a scene position: a button, a unit or a weight edge (None: nothing)."""
        if not isinstance(self.layout_, NeuronLayout) or self.hint_visible:
            return None
        p = self.view.mapSceneToView(scene_pos)
        tolerance = HOVER_PIXELS * max(self.view.viewPixelSize())
        return hit(self.layout_, p.x(), p.y(), tolerance)

    def _on_scene_mouse_moved(self, pos) -> None:
        """The caption says what is under the pointer (the legend when nothing is)."""
        target = self.target_at(pos)
        text = self.describe(target) if target is not None else ""
        self.caption.setText(text.replace("\n", " · ") if text else self._legend_text)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    def _on_scene_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        target = self.target_at(event.scenePos())
        if target is None:
            return
        event.accept()
        kind, what = target
        if kind == "button":
            self.resize_layer(*what)
            return
        found = self.editable(target)
        if found is None:
            return
        nid, name, index, value = found
        new, ok = QInputDialog.getDouble(
            self,
            self.tr("Set a weight"),
            self.describe(target) + "\n\n" + self.tr("New value:"),
            value,
            -1e6,
            1e6,
            6,
        )
        if ok:
            self.set_value(nid, name, index, new)

    def describe(self, target: tuple[str, Any]) -> str:
        """The hover text of a target: what it is, its value and its last gradient."""
        feed = self.feed
        snap = feed.snapshot if feed is not None else None
        params = snap.params if snap is not None else None
        grads = snap.units.grads if snap is not None and snap.units is not None else {}
        if target[0] == "button":
            return self._button_text(*target[1])
        return describe(self.layout_, target, params or {}, grads, self.tr, self._acts)

    def _button_text(self, nid: str, delta: int) -> str:
        if delta > 0:
            return self.tr("Add a unit to {0}").format(nid)
        return self.tr("Remove the last unit of {0}").format(nid)

    def editable(self, target: tuple[str, Any]) -> tuple[str, str, tuple[int, ...], float] | None:
        """(node id, name, index, current value) of the weight or bias a target stands for."""
        snap = self.feed.snapshot if self.feed is not None else None
        params = (snap.params if snap is not None else None) or {}
        kind, what = target
        if kind == "edge":
            nid, row, col = self.layout_.edge_of(what)
            name, index = "W", (row, col)
        elif kind == "unit":
            nid, j = what
            name, index = "b", (j,)
        else:
            return None
        arr = params.get(nid, {}).get(name)
        if arr is None or len(index) != arr.ndim:
            return None
        if any(i >= n for i, n in zip(index, arr.shape, strict=True)):
            return None  # a snapshot from before the last edit of this layer
        return nid, name, index, float(arr[index])

    # --- edits --------------------------------------------------------------------------------

    def _seen(self) -> dict:
        snap = self.feed.snapshot if self.feed is not None else None
        if snap is None:
            return seen_weights(self.document, None, 0)
        return seen_weights(self.document, snap.params, snap.step)

    def _editable_now(self) -> bool:
        """Edits go to the document only while its diagram can be trained: otherwise the
        picture is of the last network that could be built, not of the diagram."""
        if self.document is None or self.feed is None or self.feed.graph is None:
            return False
        if not any(p.severity == "error" for p in self.document.problems()):
            return True
        QMessageBox.information(
            self,
            self.tr("The diagram has a problem"),
            self.tr(
                "This picture shows the network as it was last trained. Fix the diagram's "
                "problems (see Problems) and the picture follows it again."
            ),
        )
        return False

    def set_value(self, nid: str, name: str, index: tuple[int, ...], value: float) -> None:
        """Type a weight or bias: one undoable document edit."""
        if not self._editable_now():
            return
        try:
            self.document.set_weight(self._seen(), (nid, name, tuple(index), float(value)))
        except (DlsimError, KeyError, IndexError) as exc:
            QMessageBox.warning(self, self.tr("Cannot set the weight"), str(exc))

    def resize_layer(self, nid: str, delta: int) -> None:
        """+ / −: one unit more or fewer in a Dense layer, the other units' weights kept."""
        if not self._editable_now() or nid not in self.document.graph.nodes:
            return
        units = int(self.document.graph.nodes[nid].params.get("units", 1)) + delta
        try:
            self.document.resize_layer(self._seen(), nid, units)
        except DlsimError as exc:
            QMessageBox.warning(self, self.tr("Cannot change the layer"), str(exc))

    # --- export -------------------------------------------------------------------------------

    def csv_text(self) -> str:
        cols: dict[str, list] = {k: [] for k in ("layer", "from", "to", "weight")}
        layout = self.layout_
        snap = self.feed.snapshot if self.feed is not None else None
        if isinstance(layout, NeuronLayout) and snap is not None:
            values = edge_weights(layout, snap.params)
            for k, w in enumerate(values):
                nid, row, col = layout.edge_of(k)
                cols["layer"].append(nid)
                cols["from"].append(row + 1)
                cols["to"].append(col + 1)
                cols["weight"].append(w)
        return table_csv(cols)
