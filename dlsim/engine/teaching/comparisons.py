"""Comparisons: one document run several ways (optimizers, activations, initializers, rates).

Each variant is a function from a document to a changed copy, and every variant starts from the
same weights where its shapes allow, so the curves differ only by what the comparison changes.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import optimizer_choices, optimizers
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.nn.graph_edits import apply_initializer, set_hidden_activation
from dlsim.engine.nn.weight_carry import carry_weights
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.training.fileformat import weights_to_lists


@dataclass(frozen=True)
class Comparison:
    """A named set of variants of one document, each a label and a function doc → doc."""

    key: str
    title: str
    help: str
    variants: tuple[tuple[str, Any], ...]

    @property
    def shown_title(self) -> str:
        """The title in the interface language."""
        return translate("Comparison", self.title)

    @property
    def tip(self) -> str:
        """The help in the interface language."""
        return translate("Comparison", self.help)


def _with_optimizer(choice: str):
    def change(doc: dict[str, Any]) -> dict[str, Any]:
        opt = doc["training"]["optimizer"]
        new = optimizer_choices.switch_optimizer(opt, choice)
        new["lr"] = opt["lr"]
        doc["training"]["optimizer"] = optimizers.get(new).get_config()
        return doc

    return change


def _with_graph(fn, *args):
    def change(doc: dict[str, Any]) -> dict[str, Any]:
        doc["graph"] = fn(GraphSpec.from_dict(doc["graph"]), *args).to_dict()
        return doc

    return change


def _with_lr(factor: float):
    def change(doc: dict[str, Any]) -> dict[str, Any]:
        doc["training"]["optimizer"]["lr"] = doc["training"]["optimizer"]["lr"] * factor
        return doc

    return change


def optimizer_comparison(*choices: str, key: str = "", help: str = "") -> Comparison:
    """Compare optimizers (optimizer_choices.CHOICES keys) at the document's learning rate."""
    for choice in choices:
        if choice not in optimizer_choices.CHOICES:
            names = ", ".join(optimizer_choices.CHOICES)
            raise DlsimError(
                translate("comparisons", "unknown optimizer '{0}' (choose one of: {1})").format(
                    choice, names
                )
            )
    title = " vs ".join(optimizer_choices.LABELS[c] for c in choices)
    help = help or QT_TRANSLATE_NOOP(
        "Comparison", "The same network, start and learning rate; only the optimizer differs."
    )
    variants = tuple((optimizer_choices.LABELS[c], _with_optimizer(c)) for c in choices)
    return Comparison(key or "optimizers:" + ",".join(choices), title, help, variants)


COMPARISONS: dict[str, Comparison] = {
    c.key: c
    for c in (
        optimizer_comparison("sgd", "momentum", "adam", key="optimizers"),
        optimizer_comparison(
            "sgd",
            "adagrad",
            "rmsprop",
            "adam",
            key="adaptive",
            help=QT_TRANSLATE_NOOP(
                "Comparison",
                "Adaptive optimizers scale each weight's step by its gradient history.",
            ),
        ),
        Comparison(
            "activations",
            QT_TRANSLATE_NOOP("Comparison", "Hidden layers: sigmoid vs tanh vs ReLU"),
            QT_TRANSLATE_NOOP(
                "Comparison", "Sigmoid hidden layers make gradients vanish; ReLU keeps them alive."
            ),
            tuple(
                (name, _with_graph(set_hidden_activation, name))
                for name in ("sigmoid", "tanh", "relu")
            ),
        ),
        Comparison(
            "initializers",
            QT_TRANSLATE_NOOP("Comparison", "Initializer: zeros vs small uniform vs Glorot vs He"),
            QT_TRANSLATE_NOOP(
                "Comparison",
                "How the weights start decides whether the signal survives many layers: zeros "
                "never break the symmetry, small uniform weights fade with depth, He keeps ReLU's "
                "spread.",
            ),
            tuple(
                (name, _with_graph(apply_initializer, name))
                for name in ("zeros", "uniform", "glorot_uniform", "he_normal")
            ),
        ),
        Comparison(
            "learning_rates",
            QT_TRANSLATE_NOOP("Comparison", "Learning rate ×0.1 vs ×1 vs ×10"),
            QT_TRANSLATE_NOOP("Comparison", "Too small crawls, too large oscillates or diverges."),
            tuple((f"lr ×{f:g}", _with_lr(f)) for f in (0.1, 1.0, 10.0)),
        ),
    )
}


def comparison_documents(
    doc: Mapping[str, Any],
    comparison: str | Comparison,
    start_weights: Mapping[str, Mapping[str, Any]],
) -> list[tuple[str, dict[str, Any]]]:
    """One document per variant of a comparison (or the name of a preset in COMPARISONS),
    each starting from `start_weights`.

    Every layer keeps the same initial weights where the weight rule (nn/weight_carry.py) lets
    it, so the curves differ only by what the comparison changes; a layer whose initializer the
    variant changes starts afresh from the same seed, as that initializer starts it.
    """
    if isinstance(comparison, str):
        if comparison not in COMPARISONS:
            names = ", ".join(COMPARISONS)
            raise DlsimError(
                translate("comparisons", "unknown comparison '{0}' (choose one of: {1})").format(
                    comparison, names
                )
            )
        comparison = COMPARISONS[comparison]
    original = GraphSpec.from_dict(doc["graph"])
    out = []
    for label, change in comparison.variants:
        variant = change(copy.deepcopy(dict(doc)))
        graph = GraphSpec.from_dict(variant["graph"])
        variant["weights"] = weights_to_lists(carry_weights(graph, start_weights, original))
        out.append((label, variant))
    return out
