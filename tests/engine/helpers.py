"""Small builders shared by the engine tests: documents written out by hand, finite differences."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.nn.network import Network


def chain_doc(layers: list[dict], n_in: int, x, y, loss: str = "mse", **training) -> dict:
    """A document for Input(n_in) → layers… in a chain, trained on inline data."""
    nodes = [{"id": "in", "type": "Input", "params": {"units": n_in}}]
    edges = []
    prev = "in"
    for i, layer in enumerate(layers):
        nid = layer.get("id", f"n{i}")
        nodes.append({"id": nid, "type": layer["type"], "params": layer.get("params", {})})
        edges.append({"from": prev, "to": nid})
        prev = nid
    return {
        "format": "dlsim",
        "version": 1,
        "graph": {"nodes": nodes, "edges": edges},
        "training": {
            "dataset": {"type": "inline", "x": np.asarray(x).tolist(), "y": np.asarray(y).tolist()},
            "loss": loss,
            "optimizer": {"type": "sgd", "lr": 0.1},
            "shuffle": False,
            **training,
        },
    }


def numeric_grad(f: Callable[[], float], arr: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences of f with respect to every element of `arr` (perturbed in place)."""
    grad = np.zeros_like(arr)
    it = np.nditer(arr, flags=["multi_index"])
    for _ in it:
        idx = it.multi_index
        old = arr[idx]
        arr[idx] = old + h
        up = f()
        arr[idx] = old - h
        down = f()
        arr[idx] = old
        grad[idx] = (up - down) / (2 * h)
    return grad


def numerical_grad(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences of f at every element of x (x itself is left unchanged)."""
    x = x.copy()
    return numeric_grad(lambda: f(x), x, h)


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """‖a − b‖ / (‖a‖ + ‖b‖), guarded against two zero vectors."""
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12))


def assert_close_grad(analytic: np.ndarray, numeric: np.ndarray, tol: float = 1e-6) -> None:
    scale = max(1.0, float(np.abs(numeric).max()))
    err = float(np.abs(analytic - numeric).max()) / scale
    assert err < tol, f"gradient mismatch: max relative error {err:.2e}"


def mlp(*hidden: int, activation: str = "sigmoid") -> GraphSpec:
    """Input(2) → Dense(h) for each h → Dense(1, sigmoid), laid out left to right."""
    g = GraphSpec([Node("x", "Input", {"units": 2}, (0.0, 0.0))])
    prev = "x"
    for i, units in enumerate(hidden):
        nid = f"h{i + 1}"
        g.add_node(
            Node(nid, "Dense", {"units": units, "activation": activation}, (200.0 * (i + 1), 0))
        )
        g.add_edge(Edge(prev, nid))
        prev = nid
    g.add_node(
        Node("y", "Dense", {"units": 1, "activation": "sigmoid"}, (200.0 * (len(hidden) + 1), 0))
    )
    g.add_edge(Edge(prev, "y"))
    return g


def network_weights(graph: GraphSpec) -> dict:
    return Network(graph, np.random.default_rng(7)).get_weights()
