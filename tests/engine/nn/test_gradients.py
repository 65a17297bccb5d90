"""Finite-difference checks: the gradients the trainer uses equal the loss's numerical slope.

One check per layer type, activation, loss and regularizer, and one for a DAG with Add and
Concatenate — the whole registry, so a new layer type is covered by adding it to the table.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlsim.engine.nn import activations
from dlsim.engine.nn.registry import REGISTRY
from dlsim.engine.training.experiment import Experiment
from tests.engine.helpers import assert_close_grad, chain_doc, numeric_grad

RNG = np.random.default_rng(42)
X = RNG.normal(size=(6, 3))
Y_REG = RNG.normal(size=(6, 2))
Y_CLASS = np.eye(2)[RNG.integers(0, 2, size=6)]
Y_BIN = RNG.integers(0, 2, size=(6, 2)).astype(float)


def check_experiment(exp: Experiment, tol: float = 1e-6) -> None:
    """Compare every parameter gradient of one training batch with central differences."""
    trainer = exp.trainer
    net = exp.network
    x, t = exp.dataset.x_train, exp.dataset.y_train

    def loss() -> float:
        trainer.rng = np.random.default_rng(7)
        _, data_loss = trainer.forward_backward(x, t)
        return data_loss + net.penalty()

    loss()
    analytic = {k: g.copy() for k, g in net.gradients().items()}
    assert analytic, "the network has no parameters to check"
    for key, param in net.parameters().items():
        assert_close_grad(analytic[key], numeric_grad(loss, param), tol)


# One hidden layer of each registered single-input type between a tanh Dense and a linear Dense
# output: its defaults, or the parameters below. A new layer type is covered without an entry.
SETTINGS = {
    "Dense": {"units": 4, "activation": "tanh"},
    "Activation": {"activation": "sigmoid"},
    "Dropout": {"rate": 0.3},
}
MIDDLE = {
    name: {"type": name, "params": SETTINGS.get(name, {})}
    for name, t in REGISTRY.items()
    if t.min_inputs == 1 and t.max_inputs == 1
}


@pytest.mark.parametrize("name", sorted(MIDDLE))
def test_layer_gradients_match_finite_differences(name: str) -> None:
    layers = [
        {"type": "Dense", "params": {"units": 4, "activation": "tanh"}},
        MIDDLE[name],
        {"type": "Dense", "params": {"units": 2}},
    ]
    check_experiment(Experiment(chain_doc(layers, 3, X, Y_REG)))


@pytest.mark.parametrize(
    "act", [a for a in activations.NAMES if a not in ("step", "softmax")] + ["leaky_relu_0.25"]
)
def test_activation_gradients_match_finite_differences(act: str) -> None:
    spec: object = act
    if act == "leaky_relu_0.25":
        spec = {"name": "leaky_relu", "alpha": 0.25}
    layers = [
        {"type": "Dense", "params": {"units": 5, "activation": spec}},
        {"type": "Dense", "params": {"units": 2}},
    ]
    check_experiment(Experiment(chain_doc(layers, 3, X, Y_REG)))


@pytest.mark.parametrize(
    ("loss", "out_act", "y", "fused"),
    [
        ("mse", "linear", Y_REG, False),
        ("half_sse", "sigmoid", Y_BIN, False),
        ("binary_crossentropy", "sigmoid", Y_BIN, True),
        ("binary_crossentropy", "softmax", Y_CLASS, False),
        ("categorical_crossentropy", "softmax", Y_CLASS, True),
        ("categorical_crossentropy", "sigmoid", Y_CLASS, False),
    ],
)
def test_loss_gradients_match_finite_differences(
    loss: str, out_act: str, y: np.ndarray, fused: bool
) -> None:
    """Fused (softmax+CE, sigmoid+BCE) and unfused paths both give the true gradient."""
    layers = [
        {"type": "Dense", "params": {"units": 4, "activation": "tanh"}},
        {"type": "Dense", "params": {"units": 2, "activation": out_act}},
    ]
    exp = Experiment(chain_doc(layers, 3, X, y, loss=loss))
    assert exp.trainer.fused == fused
    check_experiment(exp)


@pytest.mark.parametrize("reg", [{"l1": 0.05}, {"l2": 0.1}, {"l1": 0.02, "l2": 0.03}])
def test_regularizer_gradients_match_finite_differences(reg: dict) -> None:
    layers = [
        {"type": "Dense", "params": {"units": 4, "activation": "tanh", "kernel_regularizer": reg}},
        {"type": "Dense", "params": {"units": 2, "kernel_regularizer": reg}},
    ]
    exp = Experiment(chain_doc(layers, 3, X, Y_REG))
    assert exp.network.penalty() > 0
    check_experiment(exp)


def test_dag_with_add_and_concatenate_matches_finite_differences() -> None:
    nodes = [
        ("in", "Input", {"units": 3}),
        ("a", "Dense", {"units": 4, "activation": "tanh"}),
        ("b", "Dense", {"units": 4, "activation": "sigmoid"}),
        ("sum", "Add", {}),
        ("c", "Dense", {"units": 2, "activation": "relu"}),
        ("cat", "Concatenate", {}),
        ("out", "Dense", {"units": 2}),
    ]
    edges = [
        ("in", "a"),
        ("in", "b"),
        ("a", "sum"),
        ("b", "sum"),
        ("in", "c"),
        ("sum", "cat"),
        ("c", "cat"),
        ("cat", "out"),
    ]
    doc = chain_doc([], 3, X, Y_REG)
    doc["graph"] = {
        "nodes": [{"id": i, "type": t, "params": p} for i, t, p in nodes],
        "edges": [{"from": s, "to": d} for s, d in edges],
    }
    exp = Experiment(doc)
    assert exp.network.units["cat"] == 6
    check_experiment(exp)


def test_fan_out_sums_gradients_from_every_consumer() -> None:
    doc = chain_doc([], 3, X, Y_REG)
    doc["graph"] = {
        "nodes": [
            {"id": "in", "type": "Input", "params": {"units": 3}},
            {"id": "h", "type": "Dense", "params": {"units": 2, "activation": "tanh"}},
            {"id": "p", "type": "Dense", "params": {"units": 2}},
            {"id": "q", "type": "Dense", "params": {"units": 2}},
            {"id": "sum", "type": "Add"},
        ],
        "edges": [
            {"from": "in", "to": "h"},
            {"from": "h", "to": "p"},
            {"from": "h", "to": "q"},
            {"from": "p", "to": "sum"},
            {"from": "q", "to": "sum"},
        ],
    }
    check_experiment(Experiment(doc))
