"""The lecture's seven optimizers as choices over the engine's four optimizer types.

SGD, Momentum and Nesterov are all `sgd`; Adam and AMSGrad are both `adam`. A choice fixes the
switches that make it what it is (momentum on or off, nesterov, amsgrad) and is derived from the
config alone, so a file needs no extra key: "Momentum" means μ > 0, which is why its form refuses
μ = 0 (that is plain SGD) instead of turning into another choice under the user's hands.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import optimizers
from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate

CHOICES: dict[str, dict[str, Any]] = {
    "sgd": {"type": "sgd", "momentum": 0.0, "nesterov": False},
    "momentum": {"type": "sgd", "nesterov": False},
    "nesterov": {"type": "sgd", "nesterov": True},
    "adagrad": {"type": "adagrad"},
    "rmsprop": {"type": "rmsprop"},
    "adam": {"type": "adam", "amsgrad": False},
    "amsgrad": {"type": "adam", "amsgrad": True},
}
LABELS: dict[str, str] = {
    "sgd": "SGD",
    "momentum": QT_TRANSLATE_NOOP("Param", "Momentum"),
    "nesterov": "Nesterov",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "amsgrad": "AMSGrad",
}
DEFAULT_MOMENTUM = 0.9
# Parameters a choice sets by itself, so a form need not offer them.
IMPLIED_PARAMS = ("nesterov", "amsgrad")

CHOICE = Param(
    "optimizer",
    "choice",
    "sgd",
    QT_TRANSLATE_NOOP("Param", "How each step uses the gradient."),
    choices=tuple(CHOICES),
    label=QT_TRANSLATE_NOOP("Param", "Optimizer"),
    choice_labels=tuple(LABELS.values()),
    choice_help=tuple(optimizers.HELP[c["type"]] for c in CHOICES.values()),
)


def optimizer_choice(config: Mapping[str, Any]) -> str:
    """Which of the lecture's seven optimizers a normalized config is."""
    kind = config["type"]
    if kind == "sgd":
        if config.get("nesterov"):
            return "nesterov"
        return "momentum" if config.get("momentum", 0.0) > 0 else "sgd"
    if kind == "adam":
        return "amsgrad" if config.get("amsgrad") else "adam"
    return kind


def choice_params(choice: str) -> tuple[Param, ...]:
    """The optimizer parameters a form offers for `choice` (clipping is separate).

    Plain SGD hides momentum; Momentum and Nesterov need μ > 0, so their momentum refuses 0.
    """
    fixed = set(IMPLIED_PARAMS) | ({"momentum"} if choice == "sgd" else set())
    out = []
    for p in optimizers.SCHEMA[CHOICES[choice]["type"]]:
        if p.name in fixed:
            continue
        if p.name == "momentum":
            p = dataclasses.replace(p, min_exclusive=True)
        out.append(p)
    return tuple(out)


def check_choice(choice: str, config: Mapping[str, Any]) -> None:
    """Raise DlsimError if `config` would not be `choice` any more (Momentum with μ = 0)."""
    for p in choice_params(choice):
        if p.name == "momentum" and config.get("momentum", 1.0) <= 0:
            raise DlsimError(
                translate(
                    "optimizer_choices",
                    "{0} needs momentum μ greater than 0, not {1:g} (choose SGD for none)",
                ).format(LABELS[choice], config["momentum"])
            )


def switch_optimizer(config: Mapping[str, Any], choice: str) -> dict[str, Any]:
    """The full config after choosing `choice`: same type keeps its values, a new type starts
    from the lecture's defaults; clipping settings always carry over."""
    if choice not in CHOICES:
        names = ", ".join(CHOICES)
        raise DlsimError(
            translate("optimizer_choices", "unknown optimizer '{0}' (choose one of: {1})").format(
                choice, names
            )
        )
    preset = CHOICES[choice]
    if preset["type"] == config["type"]:
        out = {**config, **preset}
    else:
        out = {p.name: p.default for p in optimizers.SCHEMA[preset["type"]]}
        out.update(preset)
        out.update({k: config.get(k) for k in optimizers.CLIP_KEYS})
    if choice in ("momentum", "nesterov") and not out.get("momentum"):
        out["momentum"] = DEFAULT_MOMENTUM
    return optimizers.get(out).get_config()
