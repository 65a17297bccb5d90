"""Every registered layer type and activation has its PyTorch and Keras code (one entry each)."""

from __future__ import annotations

import pytest

from dlsim.engine.nn import activations
from dlsim.engine.nn.registry import REGISTRY
from dlsim.export.common import RESERVED, attribute_names
from dlsim.export.layers import KERAS_ACTIVATIONS, LAYERS, TORCH_ACTIVATIONS


def test_every_registered_layer_type_can_be_exported() -> None:
    missing = sorted(set(REGISTRY) - set(LAYERS))
    assert not missing, f"layer types without an exporter in dlsim/export/layers.py: {missing}"


def test_weight_names_cover_what_each_layer_type_builds() -> None:
    import numpy as np

    for name, ltype in REGISTRY.items():
        layer = ltype.cls("n", ltype.normalize_params({}))
        in_units = [3] * max(ltype.min_inputs, 1)
        layer.build(in_units, np.random.default_rng(0), np.dtype("float64"))
        names = {**layer.weights, **layer.state}
        assert set(names) <= set(LAYERS[name].torch_names), name
        assert set(names) <= set(LAYERS[name].keras_weights), name


def test_every_activation_can_be_exported() -> None:
    assert set(activations.NAMES) <= set(TORCH_ACTIVATIONS)
    assert set(activations.NAMES) <= set(KERAS_ACTIVATIONS)


def test_node_ids_become_distinct_identifiers() -> None:
    names = attribute_names(["in", "hidden 1", "hidden_1", "1st", "forward", "x", "_h", "é"])
    assert len(set(names.values())) == len(names)
    for name in names.values():
        assert name.isidentifier() and name not in RESERVED and not name.startswith("_")
    assert names["hidden 1"] == "hidden_1"


def test_reserved_names_cover_torch_modules_attributes() -> None:
    torch = pytest.importorskip("torch")
    public = {n for n in dir(torch.nn.Module) if not n.startswith("_")}
    assert public <= RESERVED, sorted(public - RESERVED)
