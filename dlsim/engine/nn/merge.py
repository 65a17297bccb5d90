"""Merge layers: several inputs into one output (a residual sum, or features side by side)."""

from __future__ import annotations

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.layers import Layer
from dlsim.engine.nn.registry import register
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate


@register(
    help=QT_TRANSLATE_NOOP(
        "Layer",
        "Add: elementwise sum of two or more inputs of the same size (a residual connection)",
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Merge"),
    inputs=(2, None),
)
class Add(Layer):
    type_name = "Add"

    @classmethod
    def output_units(cls, params, in_units):
        if len(set(in_units)) > 1:
            sizes = ", ".join(str(u) for u in in_units)
            raise DlsimError(
                translate("layers", "Add needs inputs of equal size, got {0}").format(sizes)
            )
        return in_units[0]

    def forward(self, inputs, training, rng):
        self.n_inputs = len(inputs)
        self.a = np.sum(inputs, axis=0) if len(inputs) > 2 else inputs[0] + inputs[1]
        return self.a

    def backward(self, grad):
        return [grad] * self.n_inputs


@register(
    help=QT_TRANSLATE_NOOP(
        "Layer", "Concatenate: joins the features of two or more inputs side by side"
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Merge"),
    inputs=(2, None),
)
class Concatenate(Layer):
    type_name = "Concatenate"

    @classmethod
    def output_units(cls, params, in_units):
        return sum(in_units)

    def forward(self, inputs, training, rng):
        self.splits = np.cumsum([x.shape[1] for x in inputs])[:-1]
        self.a = np.concatenate(inputs, axis=1)
        return self.a

    def backward(self, grad):
        return np.split(grad, self.splits, axis=1)
