"""Microseconds per training step: dlsim's engine against a hand-written NumPy loop (and PyTorch).

Three networks — 2-4-1 (batch 4), 4-8-8-3 (batch 16), 784-256-128-10 (batch 128) — in float64
and float32, each trained with plain SGD on random data. The hand-written loop does the same work
per step (forward, loss value, backward, update) with no framework around it. Figures are medians
of several timed repeats in this one process; ratios compare runs made side by side.
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


def time_per_step(step: Callable[[], object], steps: int, repeats: int) -> float:
    """Median over repeats of the mean microseconds per step."""
    for _ in range(max(3, steps // 10)):
        step()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        samples.append((time.perf_counter() - t0) / steps * 1e6)
    return statistics.median(samples)


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
            steps = (20 if big else 500) if args.quick else (100 if big else 3000)
            repeats = 3 if args.quick else 7
            runners = {
                "dlsim": dlsim_step(net, x, y, np.dtype(dtype).name),
                "numpy": numpy_step(net, x, y, dtype),
                "torch": torch_step(net, x, y, dtype),
            }
            row: dict[str, object] = {"net": name, "dtype": np.dtype(dtype).name}
            # Interleave the runners so machine drift affects all of them alike.
            times: dict[str, list[float]] = {k: [] for k, v in runners.items() if v is not None}
            for _ in range(3):
                for key in times:
                    times[key].append(time_per_step(runners[key], steps, repeats))
            for key, values in times.items():
                row[f"{key}_us"] = round(statistics.median(values), 2)
            row["dlsim/numpy"] = round(row["dlsim_us"] / row["numpy_us"], 3)
            if "torch_us" in row:
                row["dlsim/torch"] = round(row["dlsim_us"] / row["torch_us"], 3)
            results.append(row)
            cells = "  ".join(f"{k}={v}" for k, v in row.items())
            print(cells, flush=True)
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
