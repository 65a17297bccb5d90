"""The backprop stepper's script: one traced training step turned into clicks a class can follow.

A phase is one click of "Next": the starting point, the forward pass of one layer, the loss, the
backward pass of one layer, the update, the forward pass again after it. Each phase carries every
number it shows, with the formula it came from written out (z3 = W5·h1 + W6·h2 = 0.45 × 0.51998934
+ … = 0.44498412), and what the neuron diagram shows at that moment. Every result is read from
the engine's StepTrace: the "numbers" only fill the trace's own values into the formula, and the
value after the last "=" is the trace's (the one subtraction here is the loss change shown after
the update). How each activation and loss is written comes from its class (`Activation.value_text`,
`Loss.value_text` …), so a function the stepper has never heard of is still written truthfully.
"""

from __future__ import annotations

from typing import Any

from dlsim.engine.nn import activations, losses
from dlsim.engine.notation import MINUS, f8, given, paren
from dlsim.engine.teaching.backprop_names import NetLayout, UnitInfo
from dlsim.engine.teaching.backprop_phase import Board, Line, Phase
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.training.trainer import StepTrace

PLUS_SUP = "\u207a"


def _plain_sgd(optimizer: dict[str, Any]) -> bool:
    return (
        optimizer.get("type") == "sgd"
        and not optimizer.get("momentum")
        and not any(optimizer.get(k) for k in ("clipnorm", "global_clipnorm", "clipvalue"))
    )


_HIDDEN_INTRO = QT_TRANSLATE_NOOP(
    "Stepper",
    "Layer {nid} is hidden: each of its units feeds every unit of the next layer, so "
    "\u2202E/\u2202(unit) adds up what comes back along each of those edges; then the "
    "chain rule goes on exactly as for the outputs.",
)
_OUTPUT_INTRO = QT_TRANSLATE_NOOP(
    "Stepper",
    "The chain rule splits each weight's gradient into three factors: how the loss "
    "changes with the output, how the output changes with its net input z, and how z "
    "changes with the weight (that is just the input on the weight's edge).",
)
_FUSED_INTRO = QT_TRANSLATE_NOOP(
    "Stepper",
    "With this output activation and loss, \u2202E/\u2202z is taken in one go; each "
    "weight's gradient is then \u2202E/\u2202z times the input on its edge.",
)


class _Script:
    """Builds the phases of one traced step in order; one method per kind of phase."""

    def __init__(
        self,
        trace: StepTrace,
        net: NetLayout,
        notes: dict[str, tuple[str, ...]],
    ) -> None:
        self.trace = trace
        self.net = net
        self.notes = notes
        self.board = Board()
        self.phases: list[Phase] = []
        self.layers = trace.layers
        self.inp = net.layers[0]
        self.out_layer = net.output_layer
        self.outs = net.units[self.out_layer]
        self.k = len(self.outs)
        self.x = trace.x[0]
        self.target = trace.target[0]
        self.loss = losses.get(trace.loss_name)
        self.opt = trace.optimizer

    # --- helpers ----------------------------------------------------------------------------------

    def value_of(self, unit: UnitInfo) -> float:
        if unit.layer == self.inp:
            return float(self.x[unit.index])
        return float(self.layers[unit.layer].values["a"][0, unit.index])

    def source_text(self, unit: UnitInfo) -> str:
        value = self.value_of(unit)
        return given(value) if unit.layer == self.inp else f8(value)

    def snap(
        self,
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
        board = self.board
        self.phases.append(
            Phase(
                kind=kind,
                layer=layer,
                title=title,
                short=short,
                intro=intro,
                lines=tuple(lines),
                notes=(*extra_notes, *self.notes.get(note_key, ())),
                unit_values=dict(board.unit_values),
                unit_notes=board.unit_notes(),
                edge_values=dict(board.edge_values),
                edge_labels=dict(board.edge_labels),
                active_units=frozenset(active_units),
                active_edges=frozenset(active_edges),
            )
        )

    # --- the phases -------------------------------------------------------------------------------

    def start(self, iteration: int, start_notes: tuple[str, ...]) -> None:
        """Inputs, targets and the weights as they are before this step."""
        net, board, layers = self.net, self.board, self.layers
        lines: list[Line] = []
        for u in net.units[self.inp]:
            board.unit_values[u.name] = self.source_text(u)
            lines.append(Line(u.name, "", "", self.value_of(u), given(self.value_of(u))))
        for u in self.outs:
            tv = float(self.target[u.index])
            board.note(u.name, "target", translate("Stepper", "target {0}").format(given(tv)))
            lines.append(Line(f"target_{u.name}", "", "", tv, given(tv)))
        for w in net.weights:
            wv = float(layers[w.layer].before["W"][w.i, w.j])
            board.edge_values[w.name] = wv
            board.edge_labels[w.name] = f"{w.name}\n{given(wv)}"
            lines.append(Line(f"{w.name} ({w.src}\u2192{w.dst})", "", "", wv, given(wv)))
        for bias in net.biases:
            bv = float(layers[bias.layer].before["b"][bias.j])
            lines.append(Line(bias.name, "", "", bv, given(bv)))
        lr = self.opt["lr"]
        lines.append(Line(translate("Stepper", "α (learning rate)"), "", "", float(lr), given(lr)))
        self.snap(
            "start",
            None,
            translate("Stepper", "Iteration {0}: the starting point").format(iteration),
            translate("Stepper", "Start"),
            translate(
                "Stepper", "The inputs and targets of this sample and every weight before the step."
            ),
            lines,
            "start",
            {u.name for u in net.units[self.inp]},
            set(),
            start_notes,
        )

    def forward(self, prev: str, nid: str) -> None:
        """Each unit of one layer: its weighted sum, then its activation."""
        net, lt = self.net, self.layers[nid]
        act = activations.get(net.activations[nid])
        z_all = [float(v) for v in lt.values["z"][0]]
        lines = []
        for u in net.units[nid]:
            incoming = [net.weight(nid, s.index, u.index) for s in net.units[prev]]
            terms = [f"{w.name}\u00b7{w.src}" for w in incoming]
            nums = [
                f"{paren(given(float(lt.before['W'][w.i, w.j])))} \u00d7 "
                f"{paren(self.source_text(net.units[prev][w.i]))}"
                for w in incoming
            ]
            if "b" in lt.before:
                terms.append(f"b_{u.name}")
                nums.append(paren(given(float(lt.before["b"][u.index]))))
            zv = z_all[u.index]
            lines.append(Line(u.z_name or "", " + ".join(terms), " + ".join(nums), zv, f8(zv)))
            av = float(lt.values["a"][0, u.index])
            formula, numbers = act.value_text(u.name, u.z_name or "", zv, z_all, av)
            lines.append(Line(u.name, formula, numbers, av, f8(av)))
            self.board.unit_values[u.name] = f8(av)
        self.snap(
            "forward",
            nid,
            translate("Stepper", "Forward pass: layer {0}").format(nid),
            translate("Stepper", "Forward {0}").format(nid),
            translate(
                "Stepper",
                "Each unit of {0} sums its weighted inputs, z = \u03a3 w\u00b7x, and applies its "
                "activation, {1}.",
            ).format(nid, act.name),
            lines,
            f"forward:{nid}",
            {u.name for u in net.units[nid]},
            {w.name for w in net.weights_into(nid)},
        )

    def loss_phase(self) -> None:
        """Each output's share of the loss, then E_total."""
        trace, k = self.trace, self.k
        lines = []
        for u in self.outs:
            ev = float(trace.output_losses[u.index])
            tv = float(self.target[u.index])
            formula, numbers = self.loss.value_text(u.name, k, self.value_of(u), tv)
            lines.append(Line(f"E_{u.name}", formula, numbers, ev, f8(ev)))
            self.board.note(u.name, "loss", f"E = {f8(ev)}")
        e_names = " + ".join(f"E_{u.name}" for u in self.outs)
        e_nums = " + ".join(f8(float(trace.output_losses[u.index])) for u in self.outs)
        if trace.penalty:
            penalty = trace.penalty
            formula = translate("Stepper", "\u03bb-terms of the regularizers")
            word = translate("Stepper", "penalty")
            lines.append(Line(word, formula, "", penalty, f8(penalty)))
            e_names += f" + {word}"
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
        self.snap(
            "loss",
            self.out_layer,
            translate("Stepper", "The loss"),
            translate("Stepper", "Loss"),
            translate("Loss", self.loss.intro),
            lines,
            "loss",
            {u.name for u in self.outs},
            set(),
        )

    def _delta_lines(self, pos: int, u: UnitInfo, act: activations.Activation) -> list[Line]:
        """∂E/∂a, ∂a/∂z and ∂E/∂z of one unit (or ∂E/∂z at once where the loss is fused)."""
        net, trace, k = self.net, self.trace, self.k
        nid = net.layers[pos]
        lt = self.layers[nid]
        a, z = u.name, u.z_name or ""
        av = float(lt.values["a"][0, u.index])
        zv = float(lt.values["z"][0, u.index])
        grad_a = float(lt.values["grad_a"][0, u.index]) if "grad_a" in lt.values else 0.0
        delta = float(lt.values["delta"][0, u.index])
        slope = float(lt.values["dadz"][0, u.index])
        tv = float(self.target[u.index]) if nid == self.out_layer else 0.0
        if nid == self.out_layer and trace.fused:
            formula, numbers = self.loss.fused_text(a, k, av, tv)
            formula += translate("Stepper", "  ({0} and cross-entropy combined)").format(act.name)
            return [Line(f"\u2202E/\u2202{z}", formula, numbers, delta, f8(delta))]
        lines = []
        if nid == self.out_layer:
            formula, numbers = self.loss.slope_text(a, k, av, tv)
            lines.append(Line(f"\u2202E/\u2202{a}", formula, numbers, grad_a, f8(grad_a)))
        else:
            nxt = net.layers[pos + 1]
            feeds = [net.weight(nxt, u.index, d.index) for d in net.units[nxt]]
            nlt = self.layers[nxt]
            terms = [f"\u2202E/\u2202{net.units[nxt][w.j].z_name}\u00b7{w.name}" for w in feeds]
            nums = [
                f"{f8(float(nlt.values['delta'][0, w.j]))} \u00d7 "
                f"{paren(given(float(nlt.before['W'][w.i, w.j])))}"
                for w in feeds
            ]
            lines.append(
                Line(f"\u2202E/\u2202{a}", " + ".join(terms), " + ".join(nums), grad_a, f8(grad_a))
            )
        if not act.elementwise:
            formula = (
                f"\u03a3\u2096 \u2202E/\u2202o\u2096\u00b7\u2202o\u2096/\u2202{z}  "
                + translate("Stepper", "({0} ties the outputs together)").format(act.name)
            )
            lines.append(Line(f"\u2202E/\u2202{z}", formula, "", delta, f8(delta)))
            return lines
        formula, numbers = act.slope_text(a, z, av, zv)
        lines.append(Line(f"\u2202{a}/\u2202{z}", formula, numbers, slope, f8(slope)))
        lines.append(
            Line(
                f"\u2202E/\u2202{z}",
                f"\u2202E/\u2202{a}\u00b7\u2202{a}/\u2202{z}",
                f"{f8(grad_a)} \u00d7 {f8(slope)}",
                delta,
                f8(delta),
            )
        )
        return lines

    def backward(self, pos: int) -> None:
        """One layer's ∂E/∂z, then the gradient of every weight into it."""
        net, board, trace = self.net, self.board, self.trace
        nid, prev = net.layers[pos], net.layers[pos - 1]
        lt = self.layers[nid]
        act = activations.get(net.activations[nid])
        is_output = nid == self.out_layer
        three_factors = act.elementwise and not (is_output and trace.fused)
        lines = []
        for u in net.units[nid]:
            a, z = u.name, u.z_name or ""
            grad_a = float(lt.values["grad_a"][0, u.index]) if "grad_a" in lt.values else 0.0
            delta = float(lt.values["delta"][0, u.index])
            slope = float(lt.values["dadz"][0, u.index])
            lines.extend(self._delta_lines(pos, u, act))
            board.note(a, "grad", f"\u2202E/\u2202{z} =\n{f8(delta)}")
            for s in net.units[prev]:
                w = net.weight(nid, s.index, u.index)
                g = float(lt.grads["W"][w.i, w.j])
                src = paren(self.source_text(s))
                if three_factors:
                    formula = (
                        f"\u2202E/\u2202{a}\u00b7\u2202{a}/\u2202{z}\u00b7\u2202{z}/\u2202{w.name}"
                    )
                    numbers = f"{f8(grad_a)} \u00d7 {f8(slope)} \u00d7 {src}"
                else:
                    formula = f"\u2202E/\u2202{z}\u00b7\u2202{z}/\u2202{w.name}"
                    numbers = f"{f8(delta)} \u00d7 {src}"
                if nid in net.regularized:
                    formula += translate("Stepper", " + regularizer")
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
        if not is_output:
            intro = translate("Stepper", _HIDDEN_INTRO).format(nid=nid)
        else:
            intro = translate("Stepper", _OUTPUT_INTRO if three_factors else _FUSED_INTRO)
        self.snap(
            "backward",
            nid,
            (
                translate("Stepper", "Backward pass: output layer {0}")
                if is_output
                else translate("Stepper", "Backward pass: hidden layer {0}")
            ).format(nid),
            translate("Stepper", "Backward {0}").format(nid),
            intro,
            lines,
            f"backward:{nid}",
            {u.name for u in net.units[nid]},
            {w.name for w in net.weights_into(nid)},
        )

    def _update_line(self, name: str, before: float, after: float, g: float, plain: bool) -> Line:
        lhs = f"{name}{PLUS_SUP}"
        if plain:
            formula = f"{name} {MINUS} \u03b1\u00b7\u2202E/\u2202{name}"
            lr = given(float(self.opt["lr"]))
            numbers = f"{given(before)} {MINUS} {lr} \u00d7 {paren(f8(g))}"
        else:
            formula = translate("Stepper", "{0} step from {1} = {2}").format(
                self.opt["type"], name, given(before)
            )
            numbers = f"\u2202E/\u2202{name} = {f8(g)}"
        return Line(lhs, formula, numbers, after, f8(after))

    def update(self) -> None:
        """Every weight and bias moved by the optimizer, all at once."""
        net, board, opt = self.net, self.board, self.opt
        plain = _plain_sgd(opt)
        lines = []
        for w in net.weights:
            lt = self.layers[w.layer]
            after = float(lt.after["W"][w.i, w.j])
            before, g = float(lt.before["W"][w.i, w.j]), float(lt.grads["W"][w.i, w.j])
            lines.append(self._update_line(w.name, before, after, g, plain))
            board.edge_values[w.name] = after
            board.edge_labels[w.name] = f"{w.name}{PLUS_SUP}\n{f8(after)}"
        for bias in net.biases:
            lt = self.layers[bias.layer]
            after = float(lt.after["b"][bias.j])
            before, g = float(lt.before["b"][bias.j]), float(lt.grads["b"][bias.j])
            lines.append(self._update_line(bias.name, before, after, g, plain))
        intro = (
            translate(
                "Stepper",
                "Gradient descent moves every weight a step against its gradient, all at once: "
                "W\u207a = W \u2212 \u03b1\u00b7\u2202E/\u2202W.",
            )
            if plain
            else translate(
                "Stepper",
                "The {0} optimizer turns each gradient into a step (its rule keeps "
                "running averages, so the step is not simply \u03b1 times the gradient).",
            ).format(opt["type"])
        )
        self.snap(
            "update",
            None,
            translate("Stepper", "The update"),
            translate("Stepper", "Update"),
            intro,
            lines,
            "update",
            set(),
            {w.name for w in net.weights},
        )

    def after(self) -> None:
        """The same input through the updated weights: every unit's new value, the new loss."""
        net, board, trace = self.net, self.board, self.trace
        lines = []
        for u in net.all_units():
            if u.layer == self.inp:
                continue
            board.note(u.name, "loss", None)
            board.note(u.name, "grad", None)
            outputs = trace.outputs_after.get(u.layer)
            if outputs is None:
                board.unit_values[u.name] = ""
                continue
            value = float(outputs[0, u.index])
            board.unit_values[u.name] = f8(value)
            lines.append(Line(f"{u.name}{PLUS_SUP}", "", "", value, f8(value)))
        change = trace.loss_after - trace.loss
        lines.append(Line(f"E_total{PLUS_SUP}", "", "", trace.loss_after, f8(trace.loss_after)))
        lines.append(
            Line(
                translate("Stepper", "change"),
                f"E_total{PLUS_SUP} {MINUS} E_total",
                f"{f8(trace.loss_after)} {MINUS} {f8(trace.loss)}",
                change,
                f8(change),
            )
        )
        if change < 0:
            intro = translate(
                "Stepper",
                "The same input through the updated weights: the loss fell, and every unit "
                "has a new value.",
            )
        elif change > 0:
            intro = translate(
                "Stepper",
                "The same input through the updated weights: the loss rose, and every unit "
                "has a new value.",
            )
        else:
            intro = translate(
                "Stepper",
                "The same input through the updated weights: the loss stayed the same, and "
                "every unit has a new value.",
            )
        self.snap(
            "after",
            None,
            translate("Stepper", "After the update"),
            translate("Stepper", "After"),
            intro,
            lines,
            "after",
            {u.name for u in self.outs},
            set(),
        )


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
    script = _Script(trace, net, notes or {})
    script.start(iteration, start_notes)
    for prev, nid in zip(net.layers, net.layers[1:], strict=False):
        script.forward(prev, nid)
    script.loss_phase()
    for pos in range(len(net.layers) - 1, 0, -1):
        script.backward(pos)
    script.update()
    script.after()
    return script.phases
