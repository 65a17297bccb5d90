"""What the activation explorer shows: an activation and its slope on a grid, and where it is flat.

The lecture's Part 2 lists the activations; Part 5 blames sigmoid and tanh for vanishing
gradients. Everything here is read from the activation's own class (its curve, formulas, note,
label, parameters and flat tails), so every registered activation appears in the explorer with
no list to keep up to date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations
from dlsim.engine.nn.params import Param
from dlsim.engine.text import translate

VIEW_FLOOR = -2.0  # an unbounded function's curve is cut off here, so the plot stays readable
VIEW_TOP = 2.0


def explorer_names() -> tuple[str, ...]:
    """Every activation the explorer offers: all registered ones, in menu order."""
    return tuple(activations.NAMES)


def label(name: str) -> str:
    """The explorer's button text for an activation ("ReLU", "Leaky ReLU" …)."""
    return translate("Activation", _function(name).label) or name


def params(name: str) -> tuple[Param, ...]:
    """The parameters the explorer offers a control for (leaky_relu's α, elu's α …)."""
    return _function(name).params


@dataclass(frozen=True)
class ActivationCurves:
    """An activation and its derivative sampled on a grid, with where they saturate and why."""

    name: str
    z: np.ndarray
    f: np.ndarray
    df: np.ndarray
    saturation: tuple[tuple[float, float], ...]
    formula: str
    derivative_formula: str
    note: str
    caption: str
    view: tuple[float, float]  # the y range to show


def _function(name: str, values: dict[str, Any] | None = None) -> activations.Activation:
    if name not in activations.NAMES:
        raise DlsimError(
            translate(
                "explorer", "the explorer has no activation '{0}' (choose one of: {1})"
            ).format(name, ", ".join(explorer_names()))
        )
    return activations.get({"name": name, **(values or {})})


def saturation_regions(name: str, lo: float, hi: float) -> tuple[tuple[float, float], ...]:
    """The z-intervals inside [lo, hi] where sigmoid/tanh outputs are within 1% of their limits.

    The threshold is the one the training statistics use (activations.saturated_fraction), so the
    explorer and the live "saturated" figure agree. Other activations do not saturate: ().
    """
    return _function(name).saturation(lo, hi)


def _view(act: activations.Activation, f: np.ndarray, df: np.ndarray) -> tuple[float, float]:
    lo = min(float(f.min()), float(df.min()), 0.0)
    hi = max(float(f.max()), float(df.max()), 1.0)
    if act.output_range is None:  # unbounded: show the bend, not the far ends
        hi = VIEW_TOP
        lo = max(min(lo, act.view_bottom), VIEW_FLOOR)
    return lo, hi


def activation_curves(
    name: str,
    values: dict[str, Any] | None = None,
    lo: float = -6.0,
    hi: float = 6.0,
    n: int = 601,
    dtype: np.dtype | type = np.float64,
) -> ActivationCurves:
    """f and f′ of one activation (with these parameter values) on n points of [lo, hi]."""
    act = _function(name, values)
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi) or n < 2:
        raise DlsimError(
            translate(
                "explorer", "the plot range must be lo < hi with n ≥ 2 points, got {0}, {1}, {2}"
            ).format(lo, hi, n)
        )
    z = np.linspace(lo, hi, n, dtype=dtype)
    f, df = act.curve(z)
    formula, derivative = act.explorer_text()
    return ActivationCurves(
        name=name,
        z=z,
        f=f,
        df=df,
        saturation=act.saturation(lo, hi),
        formula=formula,
        derivative_formula=derivative,
        note=translate("Activation", act.note),
        caption=translate("Activation", act.explorer_caption),
        view=_view(act, f, df),
    )


def probe(name: str, z: float, values: dict[str, Any] | None = None) -> tuple[float, float]:
    """f(z) and f′(z) at one point, for the explorer's read-out under the cursor."""
    f, df = _function(name, values).curve(np.array([float(z)]))
    return float(f[0]), float(df[0])
