"""What the training process predicts over the boundary grid at a publish: the network's output
(the decision boundary) and, for a network small enough for the neuron view, every drawn unit's
activation over the same grid and each layer's latest gradients.

One forward pass gives both: each layer keeps its output (`Layer.a`) after `forward`, so the
units' maps cost a copy each, not a pass of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlsim.engine.views.neurons import drawn_layers, too_big


@dataclass(frozen=True, eq=False)
class UnitMaps:
    """Each drawn layer's output over the grid (float32, points × units, read-only) and, after
    a step, the gradients of its parameters from that step (by node id, then name)."""

    maps: dict[str, np.ndarray]
    grads: dict[str, dict[str, np.ndarray]]


def grid_views(
    exp, grid: np.ndarray | None, units: bool = True
) -> tuple[np.ndarray | None, UnitMaps | None]:
    """The output over `grid` and, with `units`, the units' maps (None when there is no grid,
    or the network is too big to draw)."""
    if grid is None:
        return None, None
    boundary = np.array(exp.predict(grid), copy=True)
    boundary.flags.writeable = False
    net = getattr(exp, "network", None)
    if net is None or not units:
        return boundary, None
    ids = drawn_layers(net.spec)
    if too_big({nid: net.units[nid] for nid in ids}, len(ids)) is not None:
        return boundary, None
    maps = {}
    for nid in ids:
        a = np.array(net.layers[nid].a, dtype=np.float32)
        a.flags.writeable = False
        maps[nid] = a
    grads = {}
    if exp.step_count > 0:
        for nid in ids:
            layer = net.layers[nid]
            got = {name: np.array(g, copy=True) for name, g in layer.grads.items()}
            if got:
                grads[nid] = got
    return boundary, UnitMaps(maps, grads)


class GridViews:
    """What `BoundaryJob` predicts when due: `grid_views` as a (boundary, maps) pair."""

    units = False  # the maps too (a view draws them)

    def __call__(self, exp, grid: np.ndarray) -> tuple[np.ndarray | None, UnitMaps | None]:
        return grid_views(exp, grid, self.units)


def set_grid(job: Any, payload: tuple[np.ndarray | None, bool]) -> None:
    """A session's `boundary` command, (grid, units), on its `BoundaryJob` of `GridViews`."""
    grid, job.predict.units = payload
    job.set_grid(grid)
