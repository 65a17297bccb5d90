"""Write a diagram as Keras 3 code in the lecture's style: a model, compile, fit.

Keras draws its own random numbers and places Adam's and RMSprop's ε differently, so a Keras run
follows dlsim's only approximately (docs/pytorch.md says where); the weights it starts from and
the loss of its first forward pass are dlsim's.
"""

from __future__ import annotations

from typing import Any

from dlsim.engine.nn.optimizers import CLIP_KEYS
from dlsim.engine.training.experiment import Experiment
from dlsim.export.common import check_exportable, data_block, layer_nodes, plain, weights_block
from dlsim.export.layers import LAYERS

DEFAULT_STEPS = 100

HALF_SSE = '''

def half_sse(y_true, y_pred):
    """The lecture's E_total: Σ ½(t − o)² over a sample's outputs (Keras averages over samples)."""
    return 0.5 * keras.ops.sum(keras.ops.square(y_true - y_pred), axis=-1)
'''

OPTIMIZER_ARGS = {  # dlsim's key → Keras' keyword
    "sgd": {"lr": "learning_rate", "momentum": "momentum", "nesterov": "nesterov"},
    "adagrad": {"lr": "learning_rate", "epsilon": "epsilon"},
    "rmsprop": {"lr": "learning_rate", "rho": "rho", "epsilon": "epsilon"},
    "adam": {
        "lr": "learning_rate",
        "beta_1": "beta_1",
        "beta_2": "beta_2",
        "epsilon": "epsilon",
        "amsgrad": "amsgrad",
    },
}
OPTIMIZER_CLASSES = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam"}


def export_keras(exp: Experiment, source: str = "", steps: int = DEFAULT_STEPS) -> str:
    """Keras code for `exp` with its current weights; DlsimError if it cannot be written."""
    check_exportable(exp)
    nodes = layer_nodes(exp)
    cfg = exp.training
    title = plain(exp.name or "A dlsim network")
    origin = " from " + plain(source)
    n, bs = exp.dataset.n_train, cfg["batch_size"]
    batch = n if bs is None else min(bs, n)
    epochs = max(1, -(-steps // -(-n // batch)))
    loss = "half_sse" if cfg["loss"] == "half_sse" else repr(cfg["loss"])
    parts = [
        f'''#!/usr/bin/env python3
"""{title} — Keras 3 code exported by dlsim{origin if source else ""}.

The network with the diagram's current weights, compiled and fitted the Keras way:

    python THIS.py --epochs {epochs}

Keras draws its own shuffles and dropout masks and puts Adam's/RMSprop's ε in another place, so
the run follows dlsim's closely but not number for number; the PyTorch export is exact.
"""

import argparse
import os

os.environ.setdefault("KERAS_BACKEND", "torch")  # any Keras 3 backend works

import keras  # noqa: E402
import numpy as np  # noqa: E402

keras.config.set_floatx({cfg["dtype"]!r})
''',
        HALF_SSE if cfg["loss"] == "half_sse" else "",
        "\n\n" + _model(exp, nodes),
        "\n\n" + _load_weights(exp, nodes),
        "\n\n" + _compile(cfg, loss, exp.dataset.task),
        "\n\n" + _main(cfg, batch, epochs),
        "\n\n" + weights_block(exp),
        "\n\n" + data_block(exp),
        '\n\nif __name__ == "__main__":\n    main()\n',
    ]
    return "".join(parts)


def _is_chain(exp: Experiment) -> bool:
    order = exp.network.order
    return all(exp.network.sources[b] == [a] for a, b in zip(order, order[1:], strict=False))


def _model(exp: Experiment, nodes: list) -> str:
    noise = exp.training["augment_noise"]
    noise_layer = f'keras.layers.GaussianNoise({noise!r}, name="augment")' if noise else None
    name = repr(exp.name or "dlsim")
    if _is_chain(exp):
        rows = []
        for kind, node in nodes:
            rows.append(f"            {LAYERS[kind].keras_layer(node)},")
            if kind == "Input" and noise_layer:
                rows.append(f"            {noise_layer},  # augmentation while training")
        body = "\n".join(rows)
        return (
            "def build_model() -> keras.Model:\n"
            '    """The diagram as a Sequential model (Dense: Y = f(X·W + b))."""\n'
            "    return keras.Sequential(\n"
            f"        [\n{body}\n        ],\n        name={name},\n    )"
        )
    lines = []
    first = last = ""
    for kind, node in nodes:
        layer = LAYERS[kind].keras_layer(node)
        if kind == "Input":
            first = node.attr
            lines.append(f"    {node.attr} = {layer}")
            if noise_layer:
                lines.append(f"    {node.attr}_noisy = {noise_layer}({node.attr})")
            continue
        inputs = [f"{i}_noisy" if noise_layer and i == first else i for i in node.inputs]
        arg = inputs[0] if len(inputs) == 1 else "[" + ", ".join(inputs) + "]"
        lines.append(f"    {node.attr} = {layer}({arg})")
        last = node.attr
    for _kind, node in nodes:
        if node.id == exp.network.output_id:
            last = node.attr
    return (
        "def build_model() -> keras.Model:\n"
        '    """The diagram with the functional API, layer by layer in graph order."""\n'
        + "\n".join(lines)
        + f"\n    return keras.Model({first}, {last}, name={name})"
    )


def _load_weights(exp: Experiment, nodes: list) -> str:
    attrs = {node.id: (kind, node.attr) for kind, node in nodes}
    lines = [
        "def load_weights(model: keras.Model) -> None:",
        '    """The current weights; Keras keeps dlsim\'s layout (W is inputs × units)."""',
    ]
    params = exp.params()
    for nid, values in params.items():
        kind, attr = attrs[nid]
        order = [name for name in LAYERS[kind].keras_weights if name in values]
        arrays = ", ".join(f"np.array(WEIGHTS[{nid!r}][{name!r}])" for name in order)
        lines.append(f"    model.get_layer({attr!r}).set_weights([{arrays}])")
    if not params:
        lines.append("    pass")
    return "\n".join(lines)


def _optimizer(cfg: dict[str, Any]) -> str:
    opt = cfg["optimizer"]
    kind = opt["type"]
    args = [f"{keyword}={opt[key]!r}" for key, keyword in OPTIMIZER_ARGS[kind].items()]
    if kind == "adagrad":
        args.append("initial_accumulator_value=0.0")  # dlsim and PyTorch start the sum at 0
    clips = [key for key in CLIP_KEYS if opt.get(key) is not None]
    if clips:  # Keras allows one clipping mode; dlsim applies them in this order
        args.append(f"{clips[0]}={opt[clips[0]]!r}")
    return f"keras.optimizers.{OPTIMIZER_CLASSES[kind]}({', '.join(args)})"


def _compile(cfg: dict[str, Any], loss: str, task: str) -> str:
    metrics = ', metrics=["accuracy"]' if task in ("binary", "multiclass") else ""
    return (
        "def compile_model(model: keras.Model) -> None:\n"
        f"    model.compile(optimizer={_optimizer(cfg)}, loss={loss}{metrics})"
    )


def _main(cfg: dict[str, Any], batch: int, epochs: int) -> str:
    return f"""def main() -> None:
    parser = argparse.ArgumentParser(description="train the exported network with Keras")
    parser.add_argument("--epochs", type=int, default={epochs})
    args = parser.parse_args()
    model = build_model()
    load_weights(model)
    compile_model(model)
    model.summary()
    x_val, y_val = np.array(DATA["x_val"]), np.array(DATA["y_val"])
    model.fit(
        np.array(DATA["x_train"]),
        np.array(DATA["y_train"]),
        batch_size={batch},
        epochs=args.epochs,
        shuffle={cfg["shuffle"]!r},
        validation_data=(x_val, y_val) if len(x_val) else None,
    )"""
