"""The backprop stepper's script: one training step's trace turned into phases a class can follow.

A phase is one click of "Next": the forward pass of one layer, the loss, the backward pass of one
layer, the update, the loss after it. Each phase carries every number it shows, with the formula
it came from written out (z3 = W5·h1 + W6·h2 = 0.45 × 0.51998934 + … = 0.44498412), and what the
neuron diagram should show at that moment. Every result is read from the engine's StepTrace: the
"numbers" column only fills the trace's own values into the formula, and the value after the last
"=" is the trace's (the one subtraction here is the loss change shown after the update).

Names follow the lecture: units are named after their layer (x1, h1, o1 …), net inputs z1, z2, …
are numbered through the network, and weights W1, W2, … are numbered layer by layer, destination
unit by destination unit, source unit by source unit (W1 = x1→h1, W2 = x2→h1, W3 = x1→h2 …).
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.trainer import StepTrace

MAX_LAYERS = 4
MAX_UNITS = 8
MAX_ITERATION = 100_000
MINUS = "\u2212"
PLUS_SUP = "\u207a"


# --- numbers ------------------------------------------------------------------------------------


def f8(value: float) -> str:
    """A computed value: always 8 decimals, as the lecture prints them, with a real minus sign."""
    text = f"{float(value):.8f}"
    if text == "-0.00000000":
        text = "0.00000000"
    return text.replace("-", MINUS)


def given(value: float) -> str:
    """A number the user typed (an input, a target, a starting weight): as short as it is exact.

    0.45 stays "0.45"; a weight that came out of an update has more digits and gets all 8.
    """
    v = float(value)
    if float(f"{v:.8f}") == v:
        text = f"{v:.8f}".rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
        return text.replace("-", MINUS)
    return f8(v)


def _paren(text: str) -> str:
    return f"({text})" if text.startswith(MINUS) else text


# --- the network's names ------------------------------------------------------------------------


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
            "the backprop stepper needs a network trained by backpropagation, but this one uses "
            "the perceptron rule (open the Perceptron lab for step units)"
        )
    previous = net.input_id
    dense = [nid for nid in net.order if nid != net.input_id]
    for nid in dense:
        kind = type(net.layers[nid]).type_name
        if kind != "Dense":
            raise DlsimError(
                f"the backprop stepper shows chains of Dense layers only, but '{nid}' is a "
                f"{kind} layer",
                node_id=nid,
            )
        if net.sources[nid] != [previous]:
            raise DlsimError(
                f"the backprop stepper shows a single chain of layers, but '{nid}' does not "
                f"simply follow '{previous}'",
                node_id=nid,
            )
        previous = nid
    if len(dense) > MAX_LAYERS:
        raise DlsimError(
            f"the backprop stepper shows at most {MAX_LAYERS} Dense layers, but this network "
            f"has {len(dense)}"
        )
    for nid in net.order:
        if net.units[nid] > MAX_UNITS:
            raise DlsimError(
                f"the backprop stepper shows at most {MAX_UNITS} units per layer, but '{nid}' "
                f"has {net.units[nid]}",
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


# --- phases -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """lhs = formula = numbers = value: one equation of a phase, as the lecture writes it."""

    lhs: str
    formula: str
    numbers: str
    value: float | None
    value_text: str

    def text(self) -> str:
        parts = [self.lhs, self.formula, self.numbers, self.value_text]
        return " = ".join(p for p in parts if p)


@dataclass(frozen=True)
class Phase:
    """One click of the stepper: its equations and what the diagram shows at that moment.

    Diagram texts are several short lines ("W5" over "0.45"), so labels stay narrow enough to fit
    between the circles at a size a class can read.
    """

    kind: str
    layer: str | None
    title: str
    short: str
    intro: str
    lines: tuple[Line, ...]
    notes: tuple[str, ...]
    unit_values: dict[str, str]
    unit_notes: dict[str, str]
    edge_values: dict[str, float]
    edge_labels: dict[str, str]
    active_units: frozenset[str]
    active_edges: frozenset[str]

    def text(self) -> str:
        """Everything the formula panel shows, as plain text (what a test reads back)."""
        parts = [self.title, self.intro, *(line.text() for line in self.lines), *self.notes]
        return "\n".join(p for p in parts if p)


def _act_name(spec: Any) -> str:
    return activations.get(spec).name


def _act_alpha(spec: Any) -> float:
    return activations.get(spec).alpha


def _activation_text(spec: Any, a: str, z: str, zv: float, z_all: list[float]) -> tuple[str, str]:
    """f(z) written symbolically and with z's value filled in."""
    name = _act_name(spec)
    zt = f8(zv)
    if name == "sigmoid":
        return f"\u03c3({z}) = 1/(1 + e^({MINUS}{z}))", f"1/(1 + e^({MINUS}{_paren(zt)}))"
    if name == "tanh":
        return f"tanh({z})", f"tanh({zt})"
    if name == "relu":
        return f"max(0, {z})", f"max(0, {zt})"
    if name == "leaky_relu":
        al = given(_act_alpha(spec))
        return f"max({al}\u00b7{z}, {z})", f"max({al} \u00d7 {_paren(zt)}, {zt})"
    if name == "step":
        return f"1 if {z} > 0 else 0", f"1 if {zt} > 0 else 0"
    if name == "softmax":
        denominator = " + ".join(f"e^{_paren(f8(v))}" for v in z_all)
        return f"e^{z} / \u03a3\u2096 e^z\u2096", f"e^{_paren(zt)} / ({denominator})"
    return z, ""


def _slope_text(spec: Any, a: str, z: str, av: float, zv: float) -> tuple[str, str]:
    """∂a/∂z written symbolically and with the values filled in."""
    name = _act_name(spec)
    at = f8(av)
    if name == "sigmoid":
        return f"{a}(1 {MINUS} {a})", f"{at} \u00d7 (1 {MINUS} {at})"
    if name == "tanh":
        return f"1 {MINUS} {a}\u00b2", f"1 {MINUS} {_paren(at)}\u00b2"
    if name == "relu":
        return f"1 if {z} > 0 else 0", f"1 if {f8(zv)} > 0 else 0"
    if name == "leaky_relu":
        al = given(_act_alpha(spec))
        return f"1 if {z} > 0 else {al}", f"1 if {f8(zv)} > 0 else {al}"
    if name == "step":
        return "0 (a step is flat: no gradient passes)", ""
    return "1", ""


_LOSS_TEXT = {
    "half_sse": "\u00bd(target_{o} {m} {o})\u00b2",
    "mse": "(target_{o} {m} {o})\u00b2 / {k}",
    "binary_crossentropy": "{m}[target_{o}\u00b7log {o} + (1 {m} target_{o})\u00b7log(1 {m} {o})]",
    "categorical_crossentropy": "{m}target_{o}\u00b7log {o}",
}


def _loss_line(loss: str, o: str, k: int, ov: float, tv: float, value: float) -> Line:
    formula = _LOSS_TEXT[loss].format(o=o, m=MINUS, k=k)
    t, p = given(tv), f8(ov)
    if loss == "half_sse":
        numbers = f"\u00bd({t} {MINUS} {p})\u00b2"
    elif loss == "mse":
        numbers = f"({t} {MINUS} {p})\u00b2 / {k}"
    elif loss == "binary_crossentropy":
        numbers = f"{MINUS}[{t}\u00b7log {p} + (1 {MINUS} {t})\u00b7log(1 {MINUS} {p})]"
        if k > 1:
            formula, numbers = f"{formula} / {k}", f"{numbers} / {k}"
    else:
        numbers = f"{MINUS}{t}\u00b7log {p}"
    return Line(f"E_{o}", formula, numbers, value, f8(value))


def _loss_slope_line(loss: str, o: str, k: int, ov: float, tv: float, value: float) -> Line:
    """∂E/∂o for one output: the loss's derivative with the output and target filled in."""
    t, p = given(tv), f8(ov)
    if loss == "half_sse":
        formula, numbers = f"{MINUS}(target_{o} {MINUS} {o})", f"{MINUS}({t} {MINUS} {p})"
    elif loss == "mse":
        formula, numbers = f"2({o} {MINUS} target_{o}) / {k}", f"2({p} {MINUS} {t}) / {k}"
    elif loss == "binary_crossentropy":
        formula = f"({o} {MINUS} target_{o}) / ({o}(1 {MINUS} {o}))"
        numbers = f"({p} {MINUS} {t}) / ({p} \u00d7 (1 {MINUS} {p}))"
        if k > 1:
            formula, numbers = f"{formula} / {k}", f"{numbers} / {k}"
    else:
        formula, numbers = f"{MINUS}target_{o} / {o}", f"{MINUS}{t} / {p}"
    return Line(f"\u2202E/\u2202{o}", formula, numbers, value, f8(value))


_LOSS_INTRO = {
    "half_sse": "E_total = \u03a3 \u00bd(target \u2212 output)\u00b2: half the squared error.",
    "mse": "Mean squared error: the squared errors averaged over the outputs.",
    "binary_crossentropy": "Binary cross-entropy: "
    "\u2212[t\u00b7log o + (1 \u2212 t)\u00b7log(1 \u2212 o)].",
    "categorical_crossentropy": "Cross-entropy: \u2212\u03a3 target\u00b7log output.",
}


def _plain_sgd(optimizer: dict[str, Any]) -> bool:
    return (
        optimizer.get("type") == "sgd"
        and not optimizer.get("momentum")
        and not any(optimizer.get(k) for k in ("clipnorm", "global_clipnorm", "clipvalue"))
    )


@dataclass
class _Board:
    """What the diagram shows, built up as the phases go by."""

    unit_values: dict[str, str] = field(default_factory=dict)
    unit_slots: dict[str, dict[str, str]] = field(default_factory=dict)
    edge_values: dict[str, float] = field(default_factory=dict)
    edge_labels: dict[str, str] = field(default_factory=dict)

    def note(self, unit: str, slot: str, text: str | None) -> None:
        """Set (or with None clear) one line of the small text beside a unit."""
        slots = self.unit_slots.setdefault(unit, {})
        if text is None:
            slots.pop(slot, None)
        else:
            slots[slot] = text

    def unit_notes(self) -> dict[str, str]:
        order = ("target", "loss", "grad")
        return {
            unit: "\n".join(slots[k] for k in order if k in slots)
            for unit, slots in self.unit_slots.items()
            if slots
        }


def build_phases(
    trace: StepTrace,
    net: NetLayout,
    iteration: int = 1,
    notes: dict[str, tuple[str, ...]] | None = None,
    start_notes: tuple[str, ...] = (),
) -> list[Phase]:
    """Every phase of one traced step, in the order the lecture goes through them.

    `notes` adds remarks to phases by key ("forward:<layer>", "loss", "backward:<layer>",
    "update", "after"), e.g. the lecture's typos.
    """
    notes = notes or {}
    board = _Board()
    phases: list[Phase] = []
    layers = trace.layers
    inp = net.layers[0]
    out_layer = net.output_layer
    x = trace.x[0]
    target = trace.target[0]

    def value_of(unit: UnitInfo) -> float:
        if unit.layer == inp:
            return float(x[unit.index])
        return float(layers[unit.layer].values["a"][0, unit.index])

    def source_text(unit: UnitInfo) -> str:
        return given(value_of(unit)) if unit.layer == inp else f8(value_of(unit))

    def snap(
        kind: str,
        layer: str | None,
        title: str,
        short: str,
        intro: str,
        lines: list[Line],
        note_key: str,
        active_units: set[str],
        active_edges: set[str],
        extra_notes: tuple[str, ...] = (),
    ) -> None:
        phases.append(
            Phase(
                kind=kind,
                layer=layer,
                title=title,
                short=short,
                intro=intro,
                lines=tuple(lines),
                notes=(*extra_notes, *notes.get(note_key, ())),
                unit_values=dict(board.unit_values),
                unit_notes=board.unit_notes(),
                edge_values=dict(board.edge_values),
                edge_labels=dict(board.edge_labels),
                active_units=frozenset(active_units),
                active_edges=frozenset(active_edges),
            )
        )

    # Start: inputs, targets and the weights as they are before this step.
    lines: list[Line] = []
    for u in net.units[inp]:
        board.unit_values[u.name] = source_text(u)
        lines.append(Line(u.name, "", "", value_of(u), given(value_of(u))))
    for u in net.units[out_layer]:
        tv = float(target[u.index])
        board.note(u.name, "target", f"target {given(tv)}")
        lines.append(Line(f"target_{u.name}", "", "", tv, given(tv)))
    for w in net.weights:
        wv = float(layers[w.layer].before["W"][w.i, w.j])
        board.edge_values[w.name] = wv
        board.edge_labels[w.name] = f"{w.name}\n{given(wv)}"
        lines.append(Line(f"{w.name} ({w.src}\u2192{w.dst})", "", "", wv, given(wv)))
    for bias in net.biases:
        bv = float(layers[bias.layer].before["b"][bias.j])
        lines.append(Line(bias.name, "", "", bv, given(bv)))
    opt = trace.optimizer
    lines.append(Line("\u03b1 (learning rate)", "", "", float(opt["lr"]), given(opt["lr"])))
    snap(
        "start",
        None,
        f"Iteration {iteration}: the starting point",
        "Start",
        "The inputs and targets of this sample and every weight before the step.",
        lines,
        "start",
        {u.name for u in net.units[inp]},
        set(),
        start_notes,
    )

    # Forward, layer by layer.
    for prev, nid in zip(net.layers, net.layers[1:], strict=False):
        lt = layers[nid]
        spec = net.activations[nid]
        z_all = [float(v) for v in lt.values["z"][0]]
        lines = []
        for u in net.units[nid]:
            incoming = [net.weight(nid, s.index, u.index) for s in net.units[prev]]
            terms = [f"{w.name}\u00b7{w.src}" for w in incoming]
            nums = [
                f"{_paren(given(float(lt.before['W'][w.i, w.j])))} \u00d7 "
                f"{_paren(source_text(net.units[prev][w.i]))}"
                for w in incoming
            ]
            if "b" in lt.before:
                terms.append(f"b_{u.name}")
                nums.append(_paren(given(float(lt.before["b"][u.index]))))
            zv = z_all[u.index]
            lines.append(Line(u.z_name or "", " + ".join(terms), " + ".join(nums), zv, f8(zv)))
            av = float(lt.values["a"][0, u.index])
            formula, numbers = _activation_text(spec, u.name, u.z_name or "", zv, z_all)
            lines.append(Line(u.name, formula, numbers, av, f8(av)))
            board.unit_values[u.name] = f8(av)
        snap(
            "forward",
            nid,
            f"Forward pass: layer {nid}",
            f"Forward {nid}",
            f"Each unit of {nid} sums its weighted inputs, z = \u03a3 w\u00b7x, and applies its "
            f"activation, {_act_name(spec)}.",
            lines,
            f"forward:{nid}",
            {u.name for u in net.units[nid]},
            {w.name for w in net.weights_into(nid)},
        )

    # Loss.
    outs = net.units[out_layer]
    k = len(outs)
    lines = []
    for u in outs:
        ev = float(trace.output_losses[u.index])
        lines.append(
            _loss_line(trace.loss_name, u.name, k, value_of(u), float(target[u.index]), ev)
        )
        board.note(u.name, "loss", f"E = {f8(ev)}")
    e_names = " + ".join(f"E_{u.name}" for u in outs)
    e_nums = " + ".join(f8(float(trace.output_losses[u.index])) for u in outs)
    if trace.penalty:
        pen = Line("penalty", "\u03bb-terms of the regularizers", "", trace.penalty, "")
        lines.append(Line(pen.lhs, pen.formula, "", trace.penalty, f8(trace.penalty)))
        e_names += " + penalty"
        e_nums += f" + {f8(trace.penalty)}"
    summed = k > 1 or bool(trace.penalty)
    lines.append(
        Line(
            "E_total",
            e_names if summed else "",
            e_nums if summed else "",
            trace.loss,
            f8(trace.loss),
        )
    )
    snap(
        "loss",
        out_layer,
        "The loss",
        "Loss",
        _LOSS_INTRO.get(trace.loss_name, ""),
        lines,
        "loss",
        {u.name for u in outs},
        set(),
    )

    # Backward, output layer first.
    for pos in range(len(net.layers) - 1, 0, -1):
        nid = net.layers[pos]
        prev = net.layers[pos - 1]
        lt = layers[nid]
        spec = net.activations[nid]
        act = _act_name(spec)
        is_output = nid == out_layer
        three_factors = act != "softmax" and not (is_output and trace.fused)
        lines = []
        for u in net.units[nid]:
            a, z = u.name, u.z_name or ""
            av = float(lt.values["a"][0, u.index])
            zv = float(lt.values["z"][0, u.index])
            grad_a = float(lt.values["grad_a"][0, u.index]) if "grad_a" in lt.values else None
            delta = float(lt.values["delta"][0, u.index])
            slope = float(lt.values["dadz"][0, u.index])
            if is_output and trace.fused:
                tv = float(target[u.index])
                kdiv = f" / {k}" if trace.loss_name == "binary_crossentropy" and k > 1 else ""
                lines.append(
                    Line(
                        f"\u2202E/\u2202{z}",
                        f"{a} {MINUS} target_{a}{kdiv}  ({act} and cross-entropy combined)",
                        f"{f8(av)} {MINUS} {given(tv)}{kdiv}",
                        delta,
                        f8(delta),
                    )
                )
            else:
                if is_output:
                    lines.append(
                        _loss_slope_line(
                            trace.loss_name, a, k, av, float(target[u.index]), grad_a or 0.0
                        )
                    )
                else:
                    nxt = net.layers[pos + 1]
                    feeds = [net.weight(nxt, u.index, d.index) for d in net.units[nxt]]
                    nlt = layers[nxt]
                    terms = [
                        f"\u2202E/\u2202{net.units[nxt][w.j].z_name}\u00b7{w.name}" for w in feeds
                    ]
                    nums = [
                        f"{f8(float(nlt.values['delta'][0, w.j]))} \u00d7 "
                        f"{_paren(given(float(nlt.before['W'][w.i, w.j])))}"
                        for w in feeds
                    ]
                    lines.append(
                        Line(
                            f"\u2202E/\u2202{a}",
                            " + ".join(terms),
                            " + ".join(nums),
                            grad_a or 0.0,
                            f8(grad_a or 0.0),
                        )
                    )
                if act == "softmax":
                    lines.append(
                        Line(
                            f"\u2202E/\u2202{z}",
                            f"\u03a3\u2096 \u2202E/\u2202o\u2096\u00b7\u2202o\u2096/\u2202{z}  "
                            "(softmax ties the outputs together)",
                            "",
                            delta,
                            f8(delta),
                        )
                    )
                else:
                    formula, numbers = _slope_text(spec, a, z, av, zv)
                    lines.append(Line(f"\u2202{a}/\u2202{z}", formula, numbers, slope, f8(slope)))
                    lines.append(
                        Line(
                            f"\u2202E/\u2202{z}",
                            f"\u2202E/\u2202{a}\u00b7\u2202{a}/\u2202{z}",
                            f"{f8(grad_a or 0.0)} \u00d7 {f8(slope)}",
                            delta,
                            f8(delta),
                        )
                    )
            board.note(a, "grad", f"\u2202E/\u2202{z} =\n{f8(delta)}")
            for s in net.units[prev]:
                w = net.weight(nid, s.index, u.index)
                g = float(lt.grads["W"][w.i, w.j])
                src = _paren(source_text(s))
                if three_factors:
                    formula = (
                        f"\u2202E/\u2202{a}\u00b7\u2202{a}/\u2202{z}\u00b7\u2202{z}/\u2202{w.name}"
                    )
                    numbers = f"{f8(grad_a or 0.0)} \u00d7 {f8(slope)} \u00d7 {src}"
                else:
                    formula = f"\u2202E/\u2202{z}\u00b7\u2202{z}/\u2202{w.name}"
                    numbers = f"{f8(delta)} \u00d7 {src}"
                if nid in net.regularized:
                    formula += " + regularizer"
                    numbers = ""
                lines.append(Line(f"\u2202E/\u2202{w.name}", formula, numbers, g, f8(g)))
                board.edge_labels[w.name] = (
                    f"{w.name}\n{given(board.edge_values[w.name])}\n\u2202E/\u2202{w.name}\n{f8(g)}"
                )
            if "b" in lt.grads:
                gb = float(lt.grads["b"][u.index])
                lines.append(
                    Line(f"\u2202E/\u2202b_{a}", f"\u2202E/\u2202{z}\u00b71", "", gb, f8(gb))
                )
        hidden_intro = (
            f"Layer {nid} is hidden: each of its units feeds every unit of the next layer, so "
            f"\u2202E/\u2202(unit) adds up what comes back along each of those edges; then the "
            "chain rule goes on exactly as for the outputs."
        )
        output_intro = (
            "The chain rule splits each weight's gradient into three factors: how the loss "
            "changes with the output, how the output changes with its net input z, and how z "
            "changes with the weight (that is just the input on the weight's edge)."
        )
        if is_output and not three_factors:
            output_intro = (
                "With this output activation and loss, \u2202E/\u2202z is taken in one go; each "
                "weight's gradient is then \u2202E/\u2202z times the input on its edge."
            )
        snap(
            "backward",
            nid,
            f"Backward pass: {'output layer' if is_output else 'hidden layer'} {nid}",
            f"Backward {nid}",
            output_intro if is_output else hidden_intro,
            lines,
            f"backward:{nid}",
            {u.name for u in net.units[nid]},
            {w.name for w in net.weights_into(nid)},
        )

    # The update.
    lines = []
    plain = _plain_sgd(opt)
    alpha = given(float(opt["lr"]))
    for w in net.weights:
        lt = layers[w.layer]
        before = float(lt.before["W"][w.i, w.j])
        after = float(lt.after["W"][w.i, w.j])
        g = float(lt.grads["W"][w.i, w.j])
        lhs = f"{w.name}{PLUS_SUP}"
        if plain:
            formula = f"{w.name} {MINUS} \u03b1\u00b7\u2202E/\u2202{w.name}"
            numbers = f"{given(before)} {MINUS} {alpha} \u00d7 {_paren(f8(g))}"
        else:
            formula = f"{opt['type']} step from {w.name} = {given(before)}"
            numbers = f"\u2202E/\u2202{w.name} = {f8(g)}"
        lines.append(Line(lhs, formula, numbers, after, f8(after)))
        board.edge_values[w.name] = after
        board.edge_labels[w.name] = f"{lhs}\n{f8(after)}"
    for bias in net.biases:
        lt = layers[bias.layer]
        before = float(lt.before["b"][bias.j])
        after = float(lt.after["b"][bias.j])
        g = float(lt.grads["b"][bias.j])
        lhs = f"{bias.name}{PLUS_SUP}"
        if plain:
            formula = f"{bias.name} {MINUS} \u03b1\u00b7\u2202E/\u2202{bias.name}"
            numbers = f"{given(before)} {MINUS} {alpha} \u00d7 {_paren(f8(g))}"
        else:
            formula = f"{opt['type']} step from {bias.name} = {given(before)}"
            numbers = f"\u2202E/\u2202{bias.name} = {f8(g)}"
        lines.append(Line(lhs, formula, numbers, after, f8(after)))
    intro = (
        "Gradient descent moves every weight a step against its gradient, all at once: "
        "W\u207a = W \u2212 \u03b1\u00b7\u2202E/\u2202W."
        if plain
        else f"The {opt['type']} optimizer turns each gradient into a step (its rule keeps "
        "running averages, so the step is not simply \u03b1 times the gradient)."
    )
    snap(
        "update",
        None,
        "The update",
        "Update",
        intro,
        lines,
        "update",
        set(),
        {w.name for w in net.weights},
    )

    # The loss after the update, on the same sample.
    for u in net.all_units():
        if u.layer != inp:
            board.unit_values[u.name] = ""
            board.note(u.name, "loss", None)
            board.note(u.name, "grad", None)
    change = trace.loss_after - trace.loss
    lines = [
        Line(f"E_total{PLUS_SUP}", "", "", trace.loss_after, f8(trace.loss_after)),
        Line(
            "change",
            f"E_total{PLUS_SUP} {MINUS} E_total",
            f"{f8(trace.loss_after)} {MINUS} {f8(trace.loss)}",
            change,
            f8(change),
        ),
    ]
    went = "fell" if change < 0 else "rose" if change > 0 else "stayed the same"
    snap(
        "after",
        None,
        "After the update",
        "After",
        f"The same input through the updated weights: the loss {went}.",
        lines,
        "after",
        {u.name for u in outs},
        set(),
    )
    return phases


# --- the lecture's example ----------------------------------------------------------------------

_LECTURE = {
    "x": [[0.1, 0.2]],
    "y": [[0.4, 0.6]],
    "h": [[0.3, 0.4], [0.25, 0.35]],
    "o": [[0.45, 0.7], [0.4, 0.6]],
}


def is_lecture_example(experiment: Experiment) -> bool:
    """True for the lecture's 2-2-2 worked example as it starts (so its slide typos are noted)."""
    try:
        data = experiment.dataset
        w = experiment.initial_weights
        return (
            np.array_equal(data.x_train, _LECTURE["x"])
            and np.array_equal(data.y_train, _LECTURE["y"])
            and np.array_equal(np.asarray(w["h"]["W"]), _LECTURE["h"])
            and np.array_equal(np.asarray(w["o"]["W"]), _LECTURE["o"])
            and experiment.training["loss"] == "half_sse"
        )
    except (KeyError, TypeError, ValueError):
        return False


def lecture_notes(trace: StepTrace) -> dict[str, tuple[str, ...]]:
    """The slides' typos, noted where the stepper shows the right values."""
    o2 = float(trace.layers["o"].values["a"][0, 1])
    z4 = float(trace.layers["o"].values["z"][0, 1])
    w1 = trace.layers["h"]
    return {
        "forward:o": (
            f"Note: the slides print 0.68047 for o2 \u2014 that is z4 ({f8(z4)}). "
            f"The output is o2 = \u03c3(z4) = {f8(o2)} (\u2248 0.66384).",
        ),
        "update": (
            "Note: the slides write W1\u207a = 0.1 \u2212 0.5 \u00d7 \u2026 \u2014 a typo: W1 is "
            f"{given(float(w1.before['W'][0, 0]))}, so W1\u207a = "
            f"{given(float(w1.before['W'][0, 0]))} \u2212 0.5 \u00d7 "
            f"{f8(float(w1.grads['W'][0, 0]))} = {f8(float(w1.after['W'][0, 0]))}.",
        ),
    }


# --- walking through iterations -----------------------------------------------------------------


class BackpropWalk:
    """One document stepped one sample at a time, with each visited iteration's phases kept.

    The stepper works on its own copy of the document with batch size 1, so every chain-rule
    product can be written out for a single input. Iterations are numbered from 1; going back to
    an iteration that was skipped over replays the run from the start (runs are deterministic).
    """

    def __init__(
        self,
        doc: dict[str, Any],
        base_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        doc = copy.deepcopy(doc)
        training = doc.setdefault("training", {}) or {}
        doc["training"] = training
        original_batch = training.get("batch_size")
        training["batch_size"] = 1
        self.experiment = Experiment(doc, base_dir)
        self.layout = layout(self.experiment)
        self.name = self.experiment.name
        self.n_samples = self.experiment.dataset.n_train
        self.lecture = is_lecture_example(self.experiment)
        self.start_notes: tuple[str, ...] = ()
        if self.n_samples > 1 and original_batch != 1:
            self.start_notes = (
                f"The data set has {self.n_samples} samples; the stepper shows one sample per "
                "iteration (batch size 1) so that every product can be written out.",
            )
        self._traces: dict[int, StepTrace] = {}
        self._phases: dict[int, list[Phase]] = {}
        self.losses: list[float] = []

    @property
    def done(self) -> int:
        """How many iterations (steps) have been run so far."""
        return self.experiment.step_count

    def _replay_to(self, n: int) -> None:
        self.experiment.reset()
        self.losses = []
        while self.done < n:
            self._advance(trace=self.done + 1 == n or self.done + 1 in self._traces)

    def _advance(self, trace: bool) -> None:
        record = self.experiment.step(trace=trace)
        self.losses.append(record.loss)
        if record.trace is not None:
            self._traces[self.done] = record.trace

    def trace(self, n: int) -> StepTrace:
        """The trace of iteration n (1-based), running or replaying the experiment as needed."""
        if isinstance(n, bool) or int(n) != n or not 1 <= n <= MAX_ITERATION:
            raise DlsimError(f"the iteration must be a whole number from 1 to {MAX_ITERATION}")
        n = int(n)
        if n in self._traces:
            return self._traces[n]
        if n <= self.done:
            self._replay_to(n)
        while self.done < n:
            self._advance(trace=self.done + 1 == n)
        return self._traces[n]

    def phases(self, n: int) -> list[Phase]:
        """The phases of iteration n, built once from its trace."""
        if n not in self._phases:
            trace = self.trace(n)
            notes = lecture_notes(trace) if self.lecture and n == 1 else None
            self._phases[n] = build_phases(trace, self.layout, n, notes, self.start_notes)
        return self._phases[n]

    def loss_history(self, upto: int) -> list[float]:
        """E_total of iterations 1..upto, each before its own update."""
        self.trace(upto)
        return self.losses[:upto]
