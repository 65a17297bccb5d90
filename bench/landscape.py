"""Seconds to compute a 41 × 41 loss landscape (random filter-normalised plane) for xor_learn,
overfitting and iris, after 200 training steps.

Three figures per example, medians over the repeats: dlsim's whole job (`views.landscape.compute`:
the path rebuilt with `state_at` at up to 60 steps, the 1681 grid points, each a full-batch
`Experiment.evaluate`); the grid alone per point; and a hand-written NumPy reference that
evaluates the same 1681 points with a Python loop of bare matrix products (Dense layers,
activation, loss, no framework), whose ratio says what dlsim's generic network costs. The
reference's largest relative difference from dlsim's numbers is printed too (it should be at
float rounding). Run: `.venv/bin/python bench/landscape.py` (--repeats N).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from dlsim import resources
from dlsim.engine.live.landscape_job import frozen
from dlsim.engine.nn.losses import EPS
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.views.directions import filter_normalized
from dlsim.engine.views.landscape import LandscapeRequest, compute, grid_axis

EXAMPLES = {"xor_learn": "xor_learn", "overfitting": "overfitting", "iris": "iris_keras"}
N = 41
STEPS = 200

ACTS = {
    "tanh": np.tanh,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "relu": lambda z: np.maximum(z, 0),
    "softmax": lambda z: (e := np.exp(z - z.max(axis=1, keepdims=True))) / e.sum(1, keepdims=True),
}


def reference_grid(exp: Experiment, d1: np.ndarray, d2: np.ndarray) -> np.ndarray:
    """The same grid by hand: unpack the flat weights per layer, forward, loss."""
    net = exp.network
    layers = [net.layers[nid] for nid in net.order[1:]]
    acts = [ACTS[layer.activation.name] for layer in layers]
    shapes = [(layer.weights["W"].shape, layer.weights["b"].shape) for layer in layers]
    x, y = exp.dataset.x_train, exp.dataset.y_train
    loss = exp.training["loss"]
    theta = net.flat_weights.astype(np.float64)
    t = grid_axis(N)
    out = np.empty((N, N))
    for i in range(N):
        for j in range(N):
            w = theta + t[j] * d1 + t[i] * d2
            a, k = x, 0
            for ((rows, cols), (nb,)), act in zip(shapes, acts, strict=True):
                kernel = w[k : k + rows * cols].reshape(rows, cols)
                k += rows * cols
                a = act(a @ kernel + w[k : k + nb])
                k += nb
            if loss == "binary_crossentropy":
                p = np.clip(a, EPS, 1 - EPS)
                out[i, j] = np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))
            else:
                out[i, j] = -np.sum(y * np.log(np.clip(a, EPS, 1))) / len(x)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"41 × 41 landscape after {STEPS} steps; medians of {args.repeats} runs")
    heads = ("samples", "weights", "whole job s", "µs/point", "hand NumPy µs/point", "ratio")
    widths = (7, 7, 11, 9, 19, 6)
    print(f"{'example':12} " + " ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
          + f" {'max rel diff':>12}")  # fmt: skip
    for label, name in EXAMPLES.items():
        exp = Experiment.load(resources.example_path(name))
        for _ in range(STEPS):
            exp.step()
        request = LandscapeRequest(mode="random", resolution=N, seed=0)
        whole, grid_only, hand = [], [], []
        land = None
        for _ in range(args.repeats):
            copy = frozen(exp)
            started = time.perf_counter()
            land = compute(copy, request)
            whole.append(time.perf_counter() - started)
            grid_start = time.perf_counter()
            compute(copy, LandscapeRequest(mode="random", resolution=N, path_points=1))
            grid_only.append((time.perf_counter() - grid_start) / N**2)
            rng = np.random.default_rng(0)
            d1, d2 = filter_normalized(copy.network, rng), filter_normalized(copy.network, rng)
            started = time.perf_counter()
            ref = reference_grid(copy, d1, d2)
            hand.append((time.perf_counter() - started) / N**2)
        diff = float(np.max(np.abs(ref - land.loss) / np.abs(land.loss)))
        point, by_hand = statistics.median(grid_only), statistics.median(hand)
        print(
            f"{label:12} {len(exp.dataset.x_train):7d} {exp.network.flat_weights.size:7d} "
            f"{statistics.median(whole):11.3f} {1e6 * point:9.0f} {1e6 * by_hand:19.0f} "
            f"{point / by_hand:6.2f} {diff:12.1e}"
        )


if __name__ == "__main__":
    main()
