"""Microseconds per training step: dlsim's engine against a hand-written NumPy loop (and PyTorch).

Three networks — 2-4-1 (batch 4), 4-8-8-3 (batch 16), 784-256-128-10 (batch 128) — in float64
and float32, each trained with plain SGD on random data. The hand-written loop does the same work
per step (forward, loss value, backward, update) with no framework around it. The runners take
turns, block after block, in this one process; figures are medians of the blocks and each ratio
is the median of the ratios of blocks timed side by side.
Run: `.venv/bin/python bench/engine_step.py` (add --quick for a short run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from itertools import pairwise

import numpy as np

from dlsim.engine import Experiment

NETS = {
    "2-4-1": dict(sizes=[2, 4, 1], acts=["tanh", "sigmoid"], loss="binary_crossentropy", batch=4),
    "4-8-8-3": dict(
        sizes=[4, 8, 8, 3],
        acts=["relu", "relu", "softmax"],
        loss="categorical_crossentropy",
        batch=16,
    ),
    "784-256-128-10": dict(
        sizes=[784, 256, 128, 10],
        acts=["relu", "relu", "softmax"],
        loss="categorical_crossentropy",
        batch=128,
    ),
}
LR = 0.01


def make_data(net: dict, rng: np.random.Generator, dtype) -> tuple[np.ndarray, np.ndarray]:
    n, k = net["batch"], net["sizes"][-1]
    x = rng.normal(size=(n, net["sizes"][0])).astype(dtype)
    labels = rng.integers(0, max(k, 2), size=n)
    y = (labels[:, None] == 1).astype(dtype) if k == 1 else np.eye(k, dtype=dtype)[labels]
    return x, y


def dlsim_step(net: dict, x: np.ndarray, y: np.ndarray, dtype: str) -> Callable[[], object]:
    sizes = net["sizes"]
    nodes = [{"id": "in", "type": "Input", "params": {"units": sizes[0]}}]
    edges = []
    for i, (units, act) in enumerate(zip(sizes[1:], net["acts"], strict=True)):
        nodes.append(
            {"id": f"d{i}", "type": "Dense", "params": {"units": units, "activation": act}}
        )
        edges.append({"from": nodes[-2]["id"], "to": f"d{i}"})
    doc = {
        "format": "dlsim",
        "version": 1,
        "graph": {"nodes": nodes, "edges": edges},
        "training": {
            "dataset": {"type": "inline", "x": x.tolist(), "y": y.tolist()},
            "loss": net["loss"],
            "optimizer": {"type": "sgd", "lr": LR},
            "batch_size": None,
            "shuffle": False,
            "dtype": dtype,
        },
    }
    return Experiment(doc).step


def numpy_step(net: dict, x: np.ndarray, y: np.ndarray, dtype) -> Callable[[], float]:
    """The same network by hand: the fastest plain NumPy a careful person would write."""
    rng = np.random.default_rng(0)
    sizes = net["sizes"]
    Ws = [rng.normal(0, 0.1, size=(a, b)).astype(dtype) for a, b in pairwise(sizes)]
    bs = [np.zeros(b, dtype=dtype) for b in sizes[1:]]
    acts = net["acts"]
    n = x.shape[0]

    def step() -> float:
        inputs, outs = [], []
        a = x
        for W, b, act in zip(Ws, bs, acts, strict=True):
            inputs.append(a)
            z = a @ W + b
            if act == "relu":
                a = np.maximum(z, 0)
            elif act == "tanh":
                a = np.tanh(z)
            elif act == "sigmoid":
                a = 1 / (1 + np.exp(-z))
            else:
                e = np.exp(z - z.max(axis=1, keepdims=True))
                a = e / e.sum(axis=1, keepdims=True)
            outs.append(a)
        if acts[-1] == "softmax":
            loss = -np.mean(np.sum(y * np.log(np.clip(a, 1e-7, 1)), axis=1))
            delta = (a - y) / n
        else:
            p = np.clip(a, 1e-7, 1 - 1e-7)
            loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            delta = (a - y) / a.size
        for i in range(len(Ws) - 1, -1, -1):
            dW = inputs[i].T @ delta
            db = delta.sum(axis=0)
            if i:
                g = delta @ Ws[i].T
                h = outs[i - 1]
                delta = g * (h > 0) if acts[i - 1] == "relu" else g * (1 - h * h)
            Ws[i] -= LR * dW
            bs[i] -= LR * db
        return float(loss)

    return step


def torch_step(net: dict, x: np.ndarray, y: np.ndarray, dtype) -> Callable[[], float] | None:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    tdtype = torch.float64 if dtype == np.float64 else torch.float32
    sizes, acts = net["sizes"], net["acts"]
    layers: list = []
    for (a, b), act in zip(pairwise(sizes), acts, strict=True):
        layers.append(torch.nn.Linear(a, b, dtype=tdtype))
        if act == "relu":
            layers.append(torch.nn.ReLU())
        elif act == "tanh":
            layers.append(torch.nn.Tanh())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)
    if acts[-1] == "softmax":
        target = ty.argmax(dim=1)
        loss_fn = torch.nn.CrossEntropyLoss()
    else:
        target = ty
        loss_fn = torch.nn.BCEWithLogitsLoss()

    def step() -> float:
        opt.zero_grad()
        loss = loss_fn(model(tx), target)
        loss.backward()
        opt.step()
        return loss.item()

    return step


def block_time(step: Callable[[], object], steps: int) -> float:
    """Mean microseconds per step over one block of `steps` steps."""
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - t0) / steps * 1e6


def compare(runners: dict[str, Callable[[], object]], steps: int, pairs: int) -> dict[str, object]:
    """Time the runners in turn, block after block, so drift hits them alike.

    Each runner's figure is the median of its blocks; each ratio is the median of the ratios of
    blocks timed side by side (dlsim's block against the other's block of the same round).
    """
    for step in runners.values():
        for _ in range(max(3, steps // 10)):
            step()
    times: dict[str, list[float]] = {key: [] for key in runners}
    for _ in range(pairs):
        for key, step in runners.items():
            times[key].append(block_time(step, steps))
    row: dict[str, object] = {f"{k}_us": round(statistics.median(v), 2) for k, v in times.items()}
    for other in runners:
        if other != "dlsim":
            ratios = [a / b for a, b in zip(times["dlsim"], times[other], strict=True)]
            row[f"dlsim/{other}"] = round(statistics.median(ratios), 3)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer steps and repeats")
    args = parser.parse_args()
    results = []
    for name, net in NETS.items():
        for dtype in (np.float64, np.float32):
            rng = np.random.default_rng(1)
            x, y = make_data(net, rng, dtype)
            big = net["batch"] >= 128
            steps = (10 if big else 200) if args.quick else (20 if big else 500)
            pairs = 5 if args.quick else 25
            runners = {
                "dlsim": dlsim_step(net, x, y, np.dtype(dtype).name),
                "numpy": numpy_step(net, x, y, dtype),
            }
            torch_runner = torch_step(net, x, y, dtype)
            if torch_runner is not None:
                runners["torch"] = torch_runner
            row = {"net": name, "dtype": np.dtype(dtype).name, **compare(runners, steps, pairs)}
            results.append(row)
            cells = "  ".join(f"{k}={v}" for k, v in row.items())
            print(cells, flush=True)
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
