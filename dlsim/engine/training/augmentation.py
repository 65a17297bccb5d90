"""Augmentation (lecture Part 4, more data): fresh Gaussian jitter on every batch's inputs."""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate


def augment(x: np.ndarray, rng: np.random.Generator, noise: float) -> np.ndarray:
    """Jitter every input value by Gaussian noise of std `noise` (Part 4: more data)."""
    if not _is_number(noise) or not noise >= 0:
        raise DlsimError(
            translate("augmentation", "augmentation noise must be a number >= 0, got {0!r}").format(
                noise
            )
        )
    x = np.asarray(x)
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64
    return (x + noise * rng.standard_normal(x.shape)).astype(dtype, copy=False)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
