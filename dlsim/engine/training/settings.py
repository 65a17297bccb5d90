"""The training settings a document carries beside its graph, as `Param`s: the file loader checks
them and the Training panel generates its editors from them.

The data set and the optimizer are objects with schemas of their own (`datasets.SCHEMA`,
`optimizers.SCHEMA`); the other settings are single values described here.
"""

from __future__ import annotations

import copy
from typing import Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import optimizers
from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate

RULES = ("backprop", "perceptron")
MAX_SEED = 2**32 - 1
DTYPES = ("float64", "float32")

LOSS = Param(
    "loss",
    "loss",
    "mse",
    QT_TRANSLATE_NOOP(
        "Param", "What training minimises: how far the outputs are from the targets."
    ),
    label=QT_TRANSLATE_NOOP("Param", "Loss"),
)
RULE = Param(
    "rule",
    "choice",
    "backprop",
    QT_TRANSLATE_NOOP("Param", "The perceptron rule trains a single layer of step units"),
    choices=RULES,
    label=QT_TRANSLATE_NOOP("Param", "Learning rule"),
    choice_labels=(
        QT_TRANSLATE_NOOP("Param", "backpropagation"),
        QT_TRANSLATE_NOOP("Param", "perceptron rule"),
    ),
)
BATCH_SIZE = Param(
    "batch_size",
    "batch",
    None,
    QT_TRANSLATE_NOOP(
        "Param", "Samples per step: all of them, a mini-batch, or one at a time (stochastic)."
    ),
    1,
    label=QT_TRANSLATE_NOOP("Param", "Mode"),
    switch_on=32,
)
SHUFFLE = Param(
    "shuffle",
    "bool",
    True,
    QT_TRANSLATE_NOOP("Param", "Shuffle the training rows again every epoch (mini-batch modes)."),
    label=QT_TRANSLATE_NOOP("Param", "Shuffle"),
)
SEED = Param(
    "seed",
    "int",
    0,
    QT_TRANSLATE_NOOP("Param", "The same seed gives the same data and the same initial weights"),
    0,
    MAX_SEED,
    label=QT_TRANSLATE_NOOP("Param", "Seed"),
)
DTYPE = Param(
    "dtype",
    "choice",
    "float64",
    QT_TRANSLATE_NOOP("Param", "Floating-point precision of the weights and the data."),
    choices=DTYPES,
    label=QT_TRANSLATE_NOOP("Param", "Precision"),
    choice_labels=(
        QT_TRANSLATE_NOOP("Param", "float64 (exact)"),
        QT_TRANSLATE_NOOP("Param", "float32 (faster)"),
    ),
)
AUGMENT_NOISE = Param(
    "augment_noise",
    "float",
    0.0,
    QT_TRANSLATE_NOOP("Param", "Add fresh Gaussian noise of this σ to every batch's inputs"),
    0.0,
    10.0,
    label=QT_TRANSLATE_NOOP("Param", "Augment (noise)"),
    switch_on=0.05,
)
SETTINGS: tuple[Param, ...] = (LOSS, BATCH_SIZE, SHUFFLE, SEED, DTYPE, AUGMENT_NOISE, RULE)

TRAINING_DEFAULTS: dict[str, Any] = {
    "dataset": {"type": "xor"},
    "loss": LOSS.default,
    "optimizer": {"type": "sgd", "lr": 0.01},
    "batch_size": BATCH_SIZE.default,
    "shuffle": SHUFFLE.default,
    "seed": SEED.default,
    "dtype": DTYPE.default,
    "augment_noise": AUGMENT_NOISE.default,
    "rule": RULE.default,
}


# What File ▸ New starts with (a file keeps TRAINING_DEFAULTS for what it leaves out): with these
# a two-layer network built with the mouse learns the XOR cloud in under a hundred steps, whatever
# its hidden activation (tanh, ReLU, sigmoid) and output (sigmoid or linear), where MSE with
# plain SGD at 0.01 sat at 50 % for thousands of steps.
NEW_DIAGRAM_TRAINING: dict[str, Any] = {
    "dataset": {"type": "xor"},
    "loss": "mse",
    "optimizer": {"type": "adam", "lr": 0.05},
}


def normalize_training(raw: Any) -> dict[str, Any]:
    """Defaults filled in, every value checked; unknown keys are kept untouched."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise DlsimError(translate("settings", "'training' must be an object"))
    cfg = {**copy.deepcopy(TRAINING_DEFAULTS), **copy.deepcopy(raw)}
    if not isinstance(cfg["dataset"], dict):
        raise DlsimError(
            translate("settings", '\'training.dataset\' must be an object like {"type": "xor"}')
        )
    if not isinstance(cfg["optimizer"], dict):
        raise DlsimError(
            translate("settings", '\'training.optimizer\' must be an object like {"type": "sgd"}')
        )
    for p in SETTINGS:
        cfg[p.name] = p.coerce(cfg[p.name], f"'training.{p.name}'")
    cfg["optimizer"] = optimizers.get(cfg["optimizer"]).get_config()
    return cfg


def merge_training(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Apply `changes` to a training object: an optimizer/dataset object without a "type"
    updates the current one key by key; anything else replaces the value."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        current = out.get(key)
        partial = isinstance(value, dict) and "type" not in value and isinstance(current, dict)
        if key in ("optimizer", "dataset") and partial:
            out[key] = {**current, **copy.deepcopy(value)}
        else:
            out[key] = copy.deepcopy(value)
    return out
