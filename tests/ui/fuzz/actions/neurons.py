"""The Neurons dock: type a weight or bias (hostile numbers included), press + or −."""

from __future__ import annotations

from dlsim.engine.views.neurons import NeuronLayout, buttons
from tests.ui.fuzz.registry import action
from tests.ui.fuzz.widgets import HOSTILE_NUMBERS


def _neuron_view(d):
    """The Neurons dock brought forward and drawn: the plot and its layout (None: none)."""
    bench = d.window.workbench
    dock = bench.docks["neurons"]
    dock.show()
    dock.raise_()
    bench.controller.flush()
    plot = bench.plots["neurons"]
    layout = plot.layout_
    drawn = isinstance(layout, NeuronLayout) and not plot.hint_visible
    return plot, layout if drawn else None


@action(3)
def neuron_weight(d) -> str:
    plot, layout = _neuron_view(d)
    if layout is None:
        return "nothing drawn"
    targets = [("edge", k) for k in range(len(layout.edge_a))]
    targets += [("unit", (c.node_id, j)) for c in layout.columns for j in range(len(c.ys))]
    found = plot.editable(d.rng.choice(targets))
    if found is None:
        return "not editable"
    nid, name, index, _old = found
    value = d.rng.choice(HOSTILE_NUMBERS)
    plot.set_value(nid, name, index, value)
    return f"{nid}.{name}{list(index)} = {value}"


@action(2)
def neuron_units(d) -> str:
    plot, layout = _neuron_view(d)
    choices = buttons(layout) if layout is not None else []
    if not choices:
        return "no + / −"
    nid, delta, _x, _y = d.rng.choice(choices)
    plot.resize_layer(nid, delta)
    return f"{nid} {delta:+d}"
