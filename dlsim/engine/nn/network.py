"""Compile a valid graph spec into layers and run them forward and backward in graph order."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.nn.layers import Layer
from dlsim.engine.nn.registry import layer_type
from dlsim.engine.text import translate

Key = tuple[str, str]
WeightsDict = dict[str, dict[str, np.ndarray]]


class Network:
    """Layers in topological order; parameters and gradients addressed by (node id, name)."""

    def __init__(
        self, spec: GraphSpec, rng: np.random.Generator, dtype: np.dtype | type = np.float64
    ) -> None:
        errors = [p for p in spec.validate() if p.severity == "error"]
        if errors:
            first = errors[0]
            message = (
                translate("network", "node '{0}': {1}").format(first.node_id, first.message)
                if first.node_id
                else first.message
            )
            raise DlsimError(message, node_id=first.node_id)
        self.spec = spec.copy()
        self.dtype = np.dtype(dtype)
        self.order = spec.topological_order()
        self.sources = {nid: spec.inputs_of(nid) for nid in self.order}
        self.input_id = spec.input_nodes()[0]
        self.output_id = next(n for n in spec.output_nodes() if n != self.input_id)
        self.layers: dict[str, Layer] = {}
        self.units: dict[str, int] = {}
        for nid in self.order:
            node = spec.nodes[nid]
            ltype = layer_type(node.type)
            layer = ltype.cls(nid, ltype.normalize_params(node.params))
            layer.build([self.units[s] for s in self.sources[nid]], rng, self.dtype)
            layer.input_grad = any(s != self.input_id for s in self.sources[nid])
            self.layers[nid] = layer
            self.units[nid] = layer.units
        self._backward_order = [nid for nid in reversed(self.order) if nid != self.input_id]
        self._param_index: list[tuple[Key, Layer, str]] = [
            ((nid, name), layer, name)
            for nid, layer in self.layers.items()
            for name in layer.weights
        ]
        self.flat_weights = self._pack_weights()
        self._params = {key: layer.weights[name] for key, layer, name in self._param_index}
        self._regularized = [layer for layer in self.layers.values() if layer.regularized]

    def _pack_weights(self) -> np.ndarray:
        """Move every trainable array into one flat buffer and leave views in the layers.

        The layers and the optimizer work on the views as before; a whole-network question
        ("is any weight NaN or huge?") then costs two reductions instead of one per tensor.
        """
        total = sum(layer.weights[name].size for _key, layer, name in self._param_index)
        flat = np.empty(total, dtype=self.dtype)
        offset = 0
        for _key, layer, name in self._param_index:
            arr = layer.weights[name]
            view = flat[offset : offset + arr.size].reshape(arr.shape)
            view[...] = arr
            layer.weights[name] = view
            offset += arr.size
        return flat

    def __getstate__(self) -> dict:
        """Pickled without the flat buffer: pickle copies each view on its own, so an unpickled
        buffer would no longer be the layers' weights (the training process checks it)."""
        state = self.__dict__.copy()
        del state["flat_weights"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.flat_weights = self._pack_weights()
        self._params = {key: layer.weights[name] for key, layer, name in self._param_index}

    def weight_range(self) -> tuple[float, float]:
        """(min, max) over every trainable weight; NaN when any weight is NaN."""
        flat = self.flat_weights
        if flat.size == 0:
            return 0.0, 0.0
        return float(flat.min()), float(flat.max())

    @property
    def n_inputs(self) -> int:
        return self.units[self.input_id]

    @property
    def n_outputs(self) -> int:
        return self.units[self.output_id]

    @property
    def output_layer(self) -> Layer:
        return self.layers[self.output_id]

    def forward(
        self, x: np.ndarray, training: bool = False, rng: np.random.Generator | None = None
    ) -> np.ndarray:
        """Run every layer; in training mode dropout draws from `rng` and BatchNorm learns."""
        outputs: dict[str, np.ndarray] = {}
        for nid in self.order:
            srcs = self.sources[nid]
            inputs = [outputs[s] for s in srcs] if srcs else [x]
            outputs[nid] = self.layers[nid].forward(inputs, training, rng)
        return outputs[self.output_id]

    def backward(self, grad_output: np.ndarray, from_logits: bool = False) -> None:
        """Fill every layer's `grads` from dL/d(output), or dL/dz of the output when fused."""
        pending: dict[str, np.ndarray] = {}
        for nid in self._backward_order:
            layer = self.layers[nid]
            if nid == self.output_id:
                if from_logits:
                    grads_in = layer.backward_from_z(grad_output)
                else:
                    grads_in = layer.backward(grad_output)
            elif nid in pending:
                grads_in = layer.backward(pending.pop(nid))
            else:
                continue
            for src, g in zip(self.sources[nid], grads_in, strict=True):
                if src == self.input_id:
                    continue
                if src in pending:
                    pending[src] = pending[src] + g
                else:
                    pending[src] = g

    def penalty(self) -> float:
        """The regularization term of the loss, summed over the layers that have one."""
        return sum(layer.penalty() for layer in self._regularized) if self._regularized else 0.0

    def parameters(self) -> dict[Key, np.ndarray]:
        """The live parameter arrays (the optimizer updates these in place; never replaced)."""
        return self._params

    def gradients(self) -> dict[Key, np.ndarray]:
        return {key: layer.grads[name] for key, layer, name in self._param_index}

    def get_weights(self) -> WeightsDict:
        """A deep copy of every parameter and running statistic, by node id."""
        out: WeightsDict = {}
        for nid, layer in self.layers.items():
            values = {**layer.weights, **layer.state}
            if values:
                out[nid] = {name: arr.copy() for name, arr in values.items()}
        return out

    def set_weights(self, weights: dict[str, dict[str, Any]], strict: bool = False) -> None:
        """Load weights (arrays or nested lists); names and shapes are checked, values finite."""
        for nid, values in weights.items():
            if nid not in self.layers:
                raise DlsimError(
                    translate("network", "weights are given for unknown node '{0}'").format(nid)
                )
            layer = self.layers[nid]
            targets = {**layer.weights, **layer.state}
            if not isinstance(values, dict):
                raise DlsimError(
                    translate("network", "weights of '{0}' must be an object").format(nid),
                    node_id=nid,
                )
            for name, value in values.items():
                if name not in targets:
                    known = ", ".join(targets) or "none"
                    raise DlsimError(
                        translate("network", "node '{0}' has no weight '{1}' (it has: {2})").format(
                            nid, name, known
                        ),
                        node_id=nid,
                    )
                target = targets[name]
                try:
                    arr = np.asarray(value, dtype=self.dtype)
                except (TypeError, ValueError):
                    raise DlsimError(
                        translate("network", "weight '{0}.{1}' must be an array of numbers").format(
                            nid, name
                        ),
                        node_id=nid,
                    ) from None
                if arr.shape != target.shape:
                    raise DlsimError(
                        translate(
                            "network", "weight '{0}.{1}' has shape {2}, the layer needs {3}"
                        ).format(nid, name, _shape(arr.shape), _shape(target.shape)),
                        node_id=nid,
                    )
                if not np.all(np.isfinite(arr)):
                    raise DlsimError(
                        translate("network", "weight '{0}.{1}' contains NaN or infinity").format(
                            nid, name
                        ),
                        node_id=nid,
                    )
                target[...] = arr
        if strict:
            missing = [
                nid for nid, layer in self.layers.items() if layer.weights and nid not in weights
            ]
            if missing:
                raise DlsimError(
                    translate("network", "no weights given for {0}").format(", ".join(missing))
                )


def _shape(shape: tuple[int, ...]) -> str:
    return "×".join(str(s) for s in shape) if shape else "scalar"
