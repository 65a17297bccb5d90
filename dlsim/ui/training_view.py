"""What the plots draw besides the run itself, derived from the document and never patched: the
data set its training settings name (with the decision-boundary grid over it), and the layers of
the network a session was given.

`data_view` is called again on every change of the document's settings; it keeps the previous
view only when the settings the data is drawn from are unchanged, so the plots can tell a new
data set by identity.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.stall import chance_accuracy
from dlsim.engine.training.experiment import DATA_KEYS, Experiment, training_data
from dlsim.engine.views.boundary import BoundaryGrid, boundary_grid
from dlsim.engine.views.curve import CurveGrid, curve_grid
from dlsim.ui.plots.base import LayerInfo

if TYPE_CHECKING:
    from dlsim.ui.document import Document

BOUNDARY_RESOLUTION = 40  # grid points a side: 1600 predictions per publish


@dataclass(frozen=True, eq=False)
class DataView:
    """The open document's data set (None when its settings cannot draw one) and the points the
    training process predicts for the boundary plot: the decision plane's grid for 2-D data,
    the x grid of the network's curve for data with one input and one output."""

    source: tuple  # the settings it was drawn from: (dataset, seed, dtype, base folder)
    dataset: Any  # dlsim.engine.training.datasets.Dataset | None
    grid: BoundaryGrid | CurveGrid | None

    @property
    def seed(self) -> int | None:
        return self.source[1]

    @cached_property
    def chance(self) -> float | None:
        """The most common class's share of the training targets (None: not a classifier)."""
        if self.dataset is None:
            return None
        return chance_accuracy(self.dataset.y_train, self.dataset.task)


def data_view(document: Document, previous: DataView | None = None) -> DataView:
    """The data set `document`'s training settings name; `previous` if drawn from the same."""
    cfg = document.training
    source = (*(copy.deepcopy(cfg.get(key)) for key in DATA_KEYS), document.base_dir)
    if previous is not None and previous.source == source:
        return previous
    try:
        dataset = training_data(cfg, document.base_dir)
    except DlsimError:  # e.g. a CSV file that is not there: the problems list says why
        return DataView(source, None, None)
    grid = None
    if dataset.x_train.shape[1] == 2:
        grid = boundary_grid([dataset.x_train, dataset.x_val], BOUNDARY_RESOLUTION)
    elif dataset.x_train.shape[1] == 1 and dataset.y_train.shape[1] == 1:
        grid = curve_grid([dataset.x_train, dataset.x_val], [dataset.y_train, dataset.y_val])
    return DataView(source, dataset, grid)


def layer_infos(exp: Experiment) -> tuple[LayerInfo, ...]:
    """The layers of `exp`'s network as the plots name them, in forward order."""
    net = exp.network
    out = []
    for nid in net.order:
        layer = net.layers[nid]
        act = layer.activation
        out.append(
            LayerInfo(
                node_id=nid,
                type=type(layer).type_name,
                activation=act.name if act is not None else None,
                units=net.units[nid],
                is_output=nid == net.output_id,
                trainable=bool(layer.weights),
                inputs=sum(net.units[s] for s in net.sources[nid]),
            )
        )
    return tuple(out)
