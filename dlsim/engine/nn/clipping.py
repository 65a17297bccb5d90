"""Gradient clipping as Keras does it (lecture Part 5): per-tensor norm, joint norm, value.

Valid on every optimizer, so its keys and their `Param`s live here once; the optimizers apply it
before their update and the Training panel builds the clipping form from `CLIP_SCHEMA`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP

Key = tuple[str, str]

CLIP_KEYS: tuple[str, ...] = ("clipnorm", "global_clipnorm", "clipvalue")


def positive_param(name: str, default: float | None, help: str, label: str) -> Param:
    """A value that must be above zero; default None makes it a switch that starts off."""
    return Param(
        name,
        "float",
        default,
        help,
        0.0,
        min_exclusive=True,
        label=label,
        log_steps=True,
        switch_on=None if default is not None else 1.0,
    )


# Clipping keys, valid on every optimizer; default None means "off" (a switch in the form).
CLIP_SCHEMA: tuple[Param, ...] = (
    positive_param(
        "clipnorm",
        None,
        QT_TRANSLATE_NOOP("Param", "Scale each gradient tensor so its L2 norm is at most this."),
        QT_TRANSLATE_NOOP("Param", "Clip norm (per tensor)"),
    ),
    positive_param(
        "global_clipnorm",
        None,
        QT_TRANSLATE_NOOP("Param", "Scale all gradients so their joint L2 norm is at most this."),
        QT_TRANSLATE_NOOP("Param", "Clip global norm"),
    ),
    positive_param(
        "clipvalue",
        None,
        QT_TRANSLATE_NOOP("Param", "Clip every gradient entry to [−value, +value]."),
        QT_TRANSLATE_NOOP("Param", "Clip value"),
    ),
)


def _check_clip_values(clipnorm: Any, global_clipnorm: Any, clipvalue: Any) -> tuple:
    values = (clipnorm, global_clipnorm, clipvalue)
    return tuple(p.coerce(v) for p, v in zip(CLIP_SCHEMA, values, strict=True))


def _clip(
    grads: Mapping[Key, np.ndarray],
    clipnorm: float | None,
    global_clipnorm: float | None,
    clipvalue: float | None,
) -> tuple[dict[Key, np.ndarray], float]:
    """Clipped copy of `grads` (new arrays only where something changed) and the pre-clip norm."""
    out: dict[Key, np.ndarray] = {}
    total = 0.0
    for key, g in grads.items():
        sq = float(np.vdot(g, g))
        total += sq
        if clipnorm is not None and sq > clipnorm * clipnorm:
            g = g * (clipnorm / math.sqrt(sq))
        out[key] = g
    if global_clipnorm is not None:
        clipped_total = (
            total if clipnorm is None else sum(float(np.vdot(g, g)) for g in out.values())
        )
        norm = math.sqrt(clipped_total)
        if norm > global_clipnorm:
            scale = global_clipnorm / norm
            out = {key: g * scale for key, g in out.items()}
    if clipvalue is not None:
        out = {key: np.clip(g, -clipvalue, clipvalue) for key, g in out.items()}
    return out, math.sqrt(total)


def clip_gradients(
    grads: Mapping[Key, np.ndarray],
    clipnorm: float | None = None,
    global_clipnorm: float | None = None,
    clipvalue: float | None = None,
) -> dict[Key, np.ndarray]:
    """Keras-style clipping (lecture Part 5): per-tensor norm, then joint norm, then value.

    clipnorm scales each tensor g by min(1, clipnorm/‖g‖₂); global_clipnorm scales all tensors by
    min(1, c/√Σ‖g‖²); clipvalue clips elementwise to [−c, c]. The input arrays are never modified.
    """
    clipnorm, global_clipnorm, clipvalue = _check_clip_values(clipnorm, global_clipnorm, clipvalue)
    return _clip(grads, clipnorm, global_clipnorm, clipvalue)[0]
