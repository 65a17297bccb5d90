"""Shared by the export tests: dlsim's reference run, running an exported script, random graphs."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from dlsim import resources
from dlsim.engine.training.experiment import Experiment
from dlsim.export import export

EXAMPLES = resources.examples_dir()


def backprop_examples() -> list[Path]:
    """Every example trained by backpropagation."""
    out = []
    for path in sorted(EXAMPLES.glob("*.dlsim")):
        if Experiment.load(path).training["rule"] == "backprop":
            out.append(path)
    return out


def reference(exp: Experiment, steps: int) -> dict[str, Any]:
    """What `dlsim run FILE --steps N --json` prints, as a dict (cli.cmd_run's computation)."""
    history = []
    with np.errstate(all="ignore"):
        for _ in range(steps):
            record = exp.step()
            history.append({"step": record.step, "loss": record.loss})
        final_loss = exp.evaluate()
    params = {
        nid: {name: arr.tolist() for name, arr in values.items()}
        for nid, values in exp.params().items()
    }
    return {"steps": steps, "history": history, "final_loss": final_loss, "params": params}


def run_script_in_process(code: str, steps: int) -> dict[str, Any]:
    """Run an exported PyTorch script's training in this process and parse its --json output."""
    namespace: dict[str, Any] = {"__name__": "exported"}
    exec(compile(code, "exported.py", "exec"), namespace)
    args = argparse.Namespace(steps=steps, json=True, device="cpu", save=None)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        namespace["train"](
            args,
            namespace["Net"],
            namespace["SETTINGS"],
            namespace["DATA"],
            namespace["WEIGHTS"],
            namespace["NAMES"],
        )
    return json.loads(out.getvalue())


def flat(result: dict[str, Any]) -> np.ndarray:
    """Every number of a result (history losses, final loss, parameters) in a fixed order."""
    values = [h["loss"] for h in result["history"]] + [result["final_loss"]]
    for nid in sorted(result["params"]):
        for name in sorted(result["params"][nid]):
            values.extend(np.ravel(result["params"][nid][name]).tolist())
    return np.array(values, dtype=np.float64)


def max_relative_difference(got: dict[str, Any], want: dict[str, Any]) -> float:
    """max |got − want| / max(|want|, 1e-6) over every number; structure must match."""
    assert [h["step"] for h in got["history"]] == [h["step"] for h in want["history"]]
    assert got["params"].keys() == want["params"].keys()
    for nid in want["params"]:
        assert list(got["params"][nid]) == list(want["params"][nid]), nid
        for name in want["params"][nid]:
            assert np.shape(got["params"][nid][name]) == np.shape(want["params"][nid][name])
    a, b = flat(got), flat(want)
    losses = len(want["history"]) + 1
    # A run that diverges must diverge at the same step; its NaN weights are not compared.
    assert np.array_equal(np.isfinite(a[:losses]), np.isfinite(b[:losses])), "diverged apart"
    same = np.isfinite(a) & np.isfinite(b)
    if not same.any():
        return 0.0
    a, b = a[same], b[same]
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-6)))


def tensor_relative_difference(got: dict[str, Any], want: dict[str, Any]) -> float:
    """max over the losses (each) and the parameter tensors (‖got − want‖ / ‖want‖)."""
    worst = 0.0
    pairs = [(h["loss"], w["loss"]) for h, w in zip(got["history"], want["history"], strict=True)]
    pairs.append((got["final_loss"], want["final_loss"]))
    for a, b in pairs:
        if math.isfinite(b):
            worst = max(worst, abs(a - b) / max(abs(b), 1e-6))
    for nid, values in want["params"].items():
        for name, value in values.items():
            b = np.asarray(value, dtype=np.float64)
            a = np.asarray(got["params"][nid][name], dtype=np.float64)
            if np.all(np.isfinite(b)):
                worst = max(worst, float(np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-6)))
    return worst


def exported_results(doc: dict[str, Any], steps: int = 15) -> tuple[dict, dict]:
    """Export `doc` and train it both ways: (the script's result, dlsim's)."""
    code = export(Experiment.from_dict(doc), "pytorch")
    want = reference(Experiment.from_dict(doc), steps)
    return run_script_in_process(code, steps), want


# --- random graphs -----------------------------------------------------------------------------

OPTIMIZERS = [
    {"type": "sgd", "lr": 0.1},
    {"type": "sgd", "lr": 0.05, "momentum": 0.9},
    {"type": "sgd", "lr": 0.05, "momentum": 0.8, "nesterov": True},
    {"type": "adagrad", "lr": 0.05},
    {"type": "rmsprop", "lr": 0.01, "rho": 0.8},
    {"type": "adam", "lr": 0.01},
    {"type": "adam", "lr": 0.02, "amsgrad": True, "beta_2": 0.99},
]
CLIPPING = [{}, {"clipnorm": 0.05}, {"global_clipnorm": 0.1}, {"clipvalue": 0.01}]
LOSSES = [  # (loss, output activation, outputs)
    ("mse", "linear", 2),
    ("half_sse", "tanh", 2),
    ("binary_crossentropy", "sigmoid", 1),
    ("categorical_crossentropy", "softmax", 3),
    ("binary_crossentropy", "linear", 1),  # not fused: the probabilities are clipped
]
MIDDLES = ["BatchNorm", "LayerNorm", "Dropout", "Add", "Concatenate", "none", "GaussianNoise"]
BATCHES = [(None, True), (8, True), (5, False), (1, True)]
ACTIVATIONS = [
    "relu",
    "tanh",
    "sigmoid",
    {"name": "leaky_relu", "alpha": 0.2},
    {"name": "elu", "alpha": 0.7},
]


def random_document(case: int, dtype: str = "float64") -> dict[str, Any]:
    """Case `case` of a deterministic family that covers every optimizer, clipping mode, loss,
    merge/normalization/dropout layer, regularizer and batch mode (cycling through each list)."""
    rng = np.random.default_rng(1000 + case)
    loss, out_act, k = LOSSES[case % len(LOSSES)]
    middle = MIDDLES[case % len(MIDDLES)]
    batch_size, shuffle = BATCHES[case % len(BATCHES)]
    if middle == "BatchNorm" and batch_size == 1:
        batch_size = 4
    n, d = 20, 3
    x = rng.normal(size=(n, d))
    if k == 1:
        y = (x[:, :1] + 0.3 * x[:, 1:2] > 0).astype(float)
    elif loss == "categorical_crossentropy":
        y = np.eye(k)[rng.integers(0, k, n)]
    else:
        y = np.tanh(x[:, :k]) * 0.8
    act = ACTIVATIONS[case % len(ACTIVATIONS)]
    reg = [None, {"l2": 0.01}, {"l1": 0.005}, {"l1": 0.002, "l2": 0.003}][case % 4]
    nodes = [
        {"id": "in", "type": "Input", "params": {"units": d}},
        {"id": "h 1", "type": "Dense", "params": {"units": 5, "activation": act}},
    ]
    edges = [("in", "h 1")]
    nodes[1]["params"]["kernel_regularizer"] = reg
    last = "h 1"
    if middle in ("BatchNorm", "LayerNorm"):
        nodes.append({"id": "norm", "type": middle, "params": {}})
        edges.append((last, "norm"))
        last = "norm"
    elif middle == "Dropout":
        nodes.append({"id": "drop", "type": "Dropout", "params": {"rate": 0.3}})
        edges.append((last, "drop"))
        last = "drop"
    elif middle == "GaussianNoise":
        nodes.append({"id": "noise", "type": "GaussianNoise", "params": {"stddev": 0.2}})
        edges.append((last, "noise"))
        last = "noise"
    elif middle in ("Add", "Concatenate"):
        nodes.append({"id": "side", "type": "Dense", "params": {"units": 5, "use_bias": False}})
        nodes.append({"id": "merge", "type": middle, "params": {}})
        edges += [("in", "side"), (last, "merge"), ("side", "merge")]
        last = "merge"
    nodes.append({"id": "out", "type": "Dense", "params": {"units": k, "activation": out_act}})
    edges.append((last, "out"))
    optimizer = {**OPTIMIZERS[case % len(OPTIMIZERS)], **CLIPPING[case % len(CLIPPING)]}
    return {
        "format": "dlsim",
        "version": 1,
        "name": f"random case {case}",
        "graph": {"nodes": nodes, "edges": [{"from": a, "to": b} for a, b in edges]},
        "training": {
            "dataset": {"type": "inline", "x": x.tolist(), "y": y.tolist()},
            "loss": loss,
            "optimizer": optimizer,
            "batch_size": batch_size,
            "shuffle": shuffle,
            "seed": case,
            "dtype": dtype,
            "augment_noise": 0.05 if case % 3 == 0 else 0.0,
        },
    }
