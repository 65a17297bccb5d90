"""The backprop stepper's names for a network: units x1, h1, o1, net inputs z1…, weights W1…

Names follow the lecture: units are named after their layer (x1, h1, o1 …), net inputs z1, z2, …
are numbered through the network, and weights W1, W2, … are numbered layer by layer, destination
unit by destination unit, source unit by source unit (W1 = x1→h1, W2 = x2→h1, W3 = x1→h2 …).
Only a chain of small Dense layers can be written out in full; anything else is refused here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training.experiment import Experiment

MAX_LAYERS = 4
MAX_UNITS = 8


@dataclass(frozen=True)
class UnitInfo:
    """One circle of the diagram: its name (h1), layer, column and net input's name (z1)."""

    name: str
    layer: str
    index: int
    z_name: str | None


@dataclass(frozen=True)
class WeightInfo:
    """One edge: its lecture name (W5), layer, position in W (i = source row, j = unit column)."""

    name: str
    layer: str
    i: int
    j: int
    src: str
    dst: str


@dataclass(frozen=True)
class BiasInfo:
    name: str
    layer: str
    j: int
    unit: str


@dataclass(frozen=True)
class NetLayout:
    """The network's units, weights and biases under the names every phase uses."""

    layers: tuple[str, ...]
    units: dict[str, tuple[UnitInfo, ...]]
    weights: tuple[WeightInfo, ...]
    biases: tuple[BiasInfo, ...]
    activations: dict[str, Any]
    regularized: frozenset[str] = frozenset()

    @property
    def dense_layers(self) -> tuple[str, ...]:
        return self.layers[1:]

    @property
    def output_layer(self) -> str:
        return self.layers[-1]

    def weights_into(self, layer: str) -> list[WeightInfo]:
        return [w for w in self.weights if w.layer == layer]

    def weight(self, layer: str, i: int, j: int) -> WeightInfo:
        return next(w for w in self.weights if w.layer == layer and w.i == i and w.j == j)

    def all_units(self) -> list[UnitInfo]:
        return [u for layer in self.layers for u in self.units[layer]]


def _unit_name(layer: str, index: int) -> str:
    if re.fullmatch(r"[A-Za-z]{1,3}", layer):
        return f"{layer}{index + 1}"
    return f"{layer}_{index + 1}"


def check_supported(experiment: Experiment) -> None:
    """Refuse, in one sentence, a network the stepper cannot draw and write out in full."""
    net = experiment.network
    if experiment.training["rule"] != "backprop":
        raise DlsimError(
            translate(
                "backprop_names",
                "the backprop stepper needs a network trained by backpropagation, but this one "
                "uses the perceptron rule (open the Perceptron lab for step units)",
            )
        )
    previous = net.input_id
    dense = [nid for nid in net.order if nid != net.input_id]
    for nid in dense:
        kind = type(net.layers[nid]).type_name
        if kind != "Dense":
            raise DlsimError(
                translate(
                    "backprop_names",
                    "the backprop stepper shows chains of Dense layers only, but '{0}' is a "
                    "{1} layer",
                ).format(nid, kind),
                node_id=nid,
            )
        if net.sources[nid] != [previous]:
            raise DlsimError(
                translate(
                    "backprop_names",
                    "the backprop stepper shows a single chain of layers, but '{0}' does not "
                    "simply follow '{1}'",
                ).format(nid, previous),
                node_id=nid,
            )
        previous = nid
    if len(dense) > MAX_LAYERS:
        raise DlsimError(
            translate(
                "backprop_names",
                "the backprop stepper shows at most {0} Dense layers, but this network has {1}",
            ).format(MAX_LAYERS, len(dense))
        )
    for nid in net.order:
        if net.units[nid] > MAX_UNITS:
            raise DlsimError(
                translate(
                    "backprop_names",
                    "the backprop stepper shows at most {0} units per layer, but '{1}' has {2}",
                ).format(MAX_UNITS, nid, net.units[nid]),
                node_id=nid,
            )


def layout(experiment: Experiment) -> NetLayout:
    """Name every unit, net input, weight and bias of a supported network the lecture's way."""
    check_supported(experiment)
    net = experiment.network
    layers = tuple(net.order)
    units: dict[str, tuple[UnitInfo, ...]] = {}
    z_count = 0
    for pos, nid in enumerate(layers):
        infos = []
        for j in range(net.units[nid]):
            z_name = None
            if pos > 0:
                z_count += 1
                z_name = f"z{z_count}"
            infos.append(UnitInfo(_unit_name(nid, j), nid, j, z_name))
        units[nid] = tuple(infos)
    weights: list[WeightInfo] = []
    biases: list[BiasInfo] = []
    regularized = set()
    for prev, nid in zip(layers, layers[1:], strict=False):
        for dst in units[nid]:
            for src in units[prev]:
                weights.append(
                    WeightInfo(
                        f"W{len(weights) + 1}", nid, src.index, dst.index, src.name, dst.name
                    )
                )
        if "b" in net.layers[nid].weights:
            biases.extend(BiasInfo(f"b_{u.name}", nid, u.index, u.name) for u in units[nid])
        if experiment.graph.nodes[nid].params.get("kernel_regularizer"):
            regularized.add(nid)
    acts = {nid: net.layers[nid].activation.get_config() for nid in layers[1:]}
    return NetLayout(layers, units, tuple(weights), tuple(biases), acts, frozenset(regularized))
