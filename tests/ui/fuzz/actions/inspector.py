"""The Inspector's weights: select a layer, bring the Inspector forward, read its numbers (live,
or at the timeline's step) and check they are the fed snapshot's."""

from __future__ import annotations

import numpy as np

from dlsim.engine.views.weight_table import WeightTable
from tests.ui.fuzz.registry import action
from tests.ui.fuzz.widgets import settle


@action(2)
def inspector_weights(d) -> str:
    nodes = d.nodes()
    if not nodes:
        return "no nodes"
    nid = d.rng.choice(nodes)
    d.window.scene.select_nodes([nid])
    d.window.dock("inspector").show()
    d.window.dock("inspector").raise_()
    settle()
    d.window.workbench.controller.flush()
    weights = d.window.inspector.weights
    shown = weights.shown
    if not weights.isVisible() or not isinstance(shown, WeightTable):
        return f"{nid}: {type(shown).__name__}"
    feed = weights.feed
    snap = feed.snapshot if feed is not None else None
    params = snap.params.get(nid) if snap is not None and snap.params is not None else None
    if params is not None and weights.shown_step == snap.step:
        rows = [np.atleast_2d(np.asarray(a, dtype=np.float64)) for a in params.values()]
        assert np.array_equal(np.vstack(rows), shown.values, equal_nan=True), nid
    table = weights.table
    if table.rowCount() and table.columnCount():  # hover a cell: its exact value
        row, col = d.rng.randrange(table.rowCount()), d.rng.randrange(table.columnCount())
        table.item(row, col).toolTip()
    return f"{nid}: step {weights.shown_step}, {len(shown.rows)}×{len(shown.columns)}"
