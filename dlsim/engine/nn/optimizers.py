"""The lecture's optimizers (SGD, momentum, Nesterov, Adagrad, RMSprop, Adam) and gradient clipping.

Every update rule is the algorithm printed in PyTorch's torch.optim documentation (same first
step, same bias correction, epsilon in the same place), so a learner can check dlsim against the
reference library. Parameter names and defaults are Keras' ones, as on the lecture's slides.
State is kept per parameter key `(node_id, param_name)` and created the first time a key is seen.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.clipping import (  # noqa: F401  (the optimizers' public names)
    CLIP_KEYS,
    CLIP_SCHEMA,
    Key,
    _check_clip_values,
    _clip,
    clip_gradients,
    positive_param,
)
from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate

TYPES: tuple[str, ...] = ("sgd", "adagrad", "rmsprop", "adam")


def _lr(default: float) -> Param:
    return Param(
        "lr",
        "float",
        default,
        QT_TRANSLATE_NOOP("Param", "Learning rate: the size of each step."),
        0.0,
        label=QT_TRANSLATE_NOOP("Param", "Learning rate"),
        log_steps=True,
    )


def _decay(name: str, default: float, help: str, label: str) -> Param:
    return Param(name, "float", default, help, 0.0, 1.0, max_exclusive=True, label=label)


def _epsilon(default: float) -> Param:
    help = QT_TRANSLATE_NOOP("Param", "Small number added to the denominator so it is never zero.")
    return positive_param("epsilon", default, help, QT_TRANSLATE_NOOP("Param", "ε (epsilon)"))


# Per optimizer type, its own parameters (the GUI builds its form from this; validation reads it).
SCHEMA: dict[str, tuple[Param, ...]] = {
    "sgd": (
        _lr(0.01),
        _decay(
            "momentum",
            0.0,
            QT_TRANSLATE_NOOP(
                "Param", "Momentum μ: how much of the previous step is kept (0 = off)."
            ),
            QT_TRANSLATE_NOOP("Param", "Momentum μ"),
        ),
        Param(
            "nesterov",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Param", "Nesterov momentum: look ahead (needs momentum > 0)."),
            label=QT_TRANSLATE_NOOP("Param", "Nesterov"),
        ),
    ),
    "adagrad": (_lr(0.01), _epsilon(1e-6)),
    "rmsprop": (
        _lr(0.001),
        _decay(
            "rho",
            0.9,
            QT_TRANSLATE_NOOP("Param", "Decay ρ of the running average of squared gradients."),
            QT_TRANSLATE_NOOP("Param", "ρ (rho)"),
        ),
        _epsilon(1e-6),
    ),
    "adam": (
        _lr(0.001),
        _decay(
            "beta_1",
            0.9,
            QT_TRANSLATE_NOOP(
                "Param", "Decay β1 of the running average of gradients (first moment)."
            ),
            "β1",
        ),
        _decay(
            "beta_2",
            0.999,
            QT_TRANSLATE_NOOP("Param", "Decay β2 of the running average of squared gradients."),
            "β2",
        ),
        _epsilon(1e-7),
        Param(
            "amsgrad",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Param", "AMSGrad: divide by the largest second moment so far."),
            label=QT_TRANSLATE_NOOP("Param", "AMSGrad"),
        ),
    ),
}

HELP: dict[str, str] = {
    "sgd": QT_TRANSLATE_NOOP(
        "Param", "Gradient descent θ ← θ − lr·g, optionally with momentum or Nesterov momentum."
    ),
    "adagrad": QT_TRANSLATE_NOOP(
        "Param", "Adagrad: divides each step by the root of the sum of all past squared gradients."
    ),
    "rmsprop": QT_TRANSLATE_NOOP(
        "Param", "RMSprop: divides each step by the root of a running average of squared gradients."
    ),
    "adam": QT_TRANSLATE_NOOP(
        "Param",
        "Adam: momentum plus RMSprop-style scaling, both bias-corrected for the first steps.",
    ),
}


class _Slot:
    """Per-key optimizer state; `step` is that key's own step count t (as PyTorch keeps it)."""

    __slots__ = ("shape", "step", "a", "b", "c")

    def __init__(self, shape: tuple[int, ...], step: int, arrays: list[np.ndarray | None]) -> None:
        self.shape = shape
        self.step = step
        self.a, self.b, self.c = (list(arrays) + [None, None, None])[:3]


class Optimizer:
    """Base class: validation, clipping, per-key state and the step loop; subclasses add a rule."""

    name: str = ""
    # Names under which the subclass's slot arrays a, b, c appear in state_dict().
    _SLOT_NAMES: tuple[str, ...] = ()
    _N_ZERO_ARRAYS = 0

    def __init__(
        self,
        lr: float | None = None,
        *,
        clipnorm: float | None = None,
        global_clipnorm: float | None = None,
        clipvalue: float | None = None,
        **specific: Any,
    ) -> None:
        self._specs = {p.name: p for p in SCHEMA[self.name] + CLIP_SCHEMA}
        for key in specific:
            if key not in self._specs:
                raise DlsimError(self._unknown_message(key))
        given = dict(specific, clipnorm=clipnorm, global_clipnorm=global_clipnorm)
        given["clipvalue"] = clipvalue
        if lr is not None:
            given["lr"] = lr
        values = {n: p.coerce(given.get(n, p.default)) for n, p in self._specs.items()}
        self._check_together(values)
        self._hp: dict[str, Any] = {}
        self._apply_values(values)
        self._state: dict[Key, _Slot] = {}
        self.iterations = 0
        self._norm_source: float | Mapping[Key, np.ndarray] = math.nan

    # --- hyperparameters -------------------------------------------------------------------
    def _unknown_message(self, key: str) -> str:
        known = ", ".join(self._specs)
        return translate(
            "optimizers", "optimizer '{0}' has no parameter '{1}' (it has: {2})"
        ).format(self.name, key, known)

    def _check_together(self, values: dict[str, Any]) -> None:
        """Checks that involve two parameters; subclasses override."""

    def _apply_values(self, values: dict[str, Any]) -> None:
        self._hp.update(values)
        for name, value in values.items():
            setattr(self, "_" + name, value)
        hp = self._hp
        self._clipping = any(hp[k] is not None for k in CLIP_KEYS)

    def set_hyperparameter(self, name: str, value: Any) -> None:
        """Change one parameter (lr, momentum, clipnorm, ...) between steps; state is kept."""
        self.set_hyperparameters({name: value})

    def set_hyperparameters(self, changes: Mapping[str, Any]) -> None:
        """Change several parameters at once, checked together (e.g. momentum 0 and nesterov off).

        Nothing changes if any value is refused; a clip key set to None turns that clipping off.
        """
        values = dict(self._hp)
        for name, value in changes.items():
            if name not in self._specs:
                raise DlsimError(self._unknown_message(name))
            values[name] = self._specs[name].coerce(value)
        self._check_together(values)
        self._apply_values(values)

    @property
    def hyperparameters(self) -> dict[str, Any]:
        """Every parameter's current value, clip keys included (None when off)."""
        return dict(self._hp)

    def get_config(self) -> dict[str, Any]:
        """Plain dict that `get` turns back into an equal optimizer (clip keys only when set)."""
        config: dict[str, Any] = {"type": self.name}
        for name, value in self._hp.items():
            if value is not None or name not in CLIP_KEYS:
                config[name] = value
        return config

    # --- state -----------------------------------------------------------------------------
    def reset_state(self) -> None:
        """Forget all moments and the step counter (bias correction starts again at t = 1)."""
        self._state.clear()
        self.iterations = 0
        self._norm_source = math.nan

    def state_dict(self) -> dict[str, Any]:
        """Copy of the state: {"type", "iterations", "slots": {key: {"step", "shape", arrays}}}."""
        slots = {}
        for key, slot in self._state.items():
            entry: dict[str, Any] = {"step": slot.step, "shape": slot.shape}
            for name, arr in zip(self._SLOT_NAMES, (slot.a, slot.b, slot.c), strict=False):
                entry[name] = None if arr is None else arr.copy()
            slots[key] = entry
        return {"type": self.name, "iterations": self.iterations, "slots": slots}

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Restore what `state_dict` returned (arrays are copied in)."""
        if state.get("type") != self.name:
            raise DlsimError(
                translate("optimizers", "optimizer state is for '{0}', not '{1}'").format(
                    state.get("type"), self.name
                )
            )
        self._state = {
            tuple(key): _Slot(
                tuple(entry["shape"]),
                int(entry["step"]),
                [None if entry.get(n) is None else np.array(entry[n]) for n in self._SLOT_NAMES],
            )
            for key, entry in state["slots"].items()
        }
        self.iterations = int(state["iterations"])

    # --- stepping --------------------------------------------------------------------------
    def step(self, params: Mapping[Key, np.ndarray], grads: Mapping[Key, np.ndarray]) -> None:
        """Clip `grads`, then update params[k] in place for every key k in `grads`.

        Parameters without a gradient are left alone; the caller's gradient arrays are never
        modified. Updates happen in each parameter's dtype.
        """
        if self._clipping:
            grads, norm = _clip(grads, self._clipnorm, self._global_clipnorm, self._clipvalue)
            self._norm_source = norm
        else:
            # Computed only when read (the GUI reads it; the hot training loop does not).
            self._norm_source = grads
        state = self._state
        update = self._update
        for key, g in grads.items():
            p = params[key]
            if g.dtype != p.dtype:
                g = g.astype(p.dtype)
            slot = state.get(key)
            if slot is None or slot.shape != p.shape:
                zeros = [np.zeros_like(p) for _ in range(self._N_ZERO_ARRAYS)]
                slot = state[key] = _Slot(p.shape, 0, zeros)
            slot.step += 1
            update(p, g, slot)
        self.iterations += 1

    @property
    def last_grad_norm(self) -> float:
        """Global L2 norm of the last step's gradients before clipping (NaN before a step)."""
        source = self._norm_source
        if not isinstance(source, float):
            source = self._norm_source = math.sqrt(
                sum(float(np.vdot(g, g)) for g in source.values())
            )
        return source

    def _update(self, p: np.ndarray, g: np.ndarray, slot: _Slot) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items() if k != "type")
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    """torch.optim.SGD with dampening 0 and no weight decay (documented algorithm):

    if μ ≠ 0: b_t = g_t at t = 1, else b_t = μ b_{t−1} + g_t;
              g_t ← g_t + μ b_t (nesterov) or g_t ← b_t;
    θ_t = θ_{t−1} − lr·g_t.
    """

    name = "sgd"
    _SLOT_NAMES = ("momentum_buffer",)

    def _check_together(self, values: dict[str, Any]) -> None:
        if values["nesterov"] and values["momentum"] == 0.0:
            raise DlsimError(translate("optimizers", "'nesterov' needs 'momentum' greater than 0"))

    def _update(self, p: np.ndarray, g: np.ndarray, slot: _Slot) -> None:
        mu = self._momentum
        if mu != 0.0:
            buf = slot.a
            if buf is None:
                buf = slot.a = g.copy()
            else:
                buf *= mu
                buf += g
            g = g + mu * buf if self._nesterov else buf
        p -= self._lr * g


class Adagrad(Optimizer):
    """torch.optim.Adagrad with lr_decay 0, initial_accumulator_value 0 (documented algorithm):

    state_sum_t = state_sum_{t−1} + g_t²;  θ_t = θ_{t−1} − lr·g_t / (√state_sum_t + ε).
    """

    name = "adagrad"
    _SLOT_NAMES = ("sum",)
    _N_ZERO_ARRAYS = 1

    def _update(self, p: np.ndarray, g: np.ndarray, slot: _Slot) -> None:
        state_sum = slot.a
        state_sum += g * g
        denom = np.sqrt(state_sum)
        denom += self._epsilon
        p -= self._lr * g / denom


class RMSprop(Optimizer):
    """torch.optim.RMSprop with alpha = rho, centered False, momentum 0 (documented algorithm):

    v_t = ρ v_{t−1} + (1 − ρ) g_t², v_0 = 0;  θ_t = θ_{t−1} − lr·g_t / (√v_t + ε).
    """

    name = "rmsprop"
    _SLOT_NAMES = ("square_avg",)
    _N_ZERO_ARRAYS = 1

    def _update(self, p: np.ndarray, g: np.ndarray, slot: _Slot) -> None:
        rho = self._rho
        v = slot.a
        v *= rho
        v += (1.0 - rho) * (g * g)
        denom = np.sqrt(v)
        denom += self._epsilon
        p -= self._lr * g / denom


class Adam(Optimizer):
    """torch.optim.Adam with no weight decay, as documented since PyTorch 2.6 (pytorch#142351):

    m_t = β1 m_{t−1} + (1 − β1) g_t;  v_t = β2 v_{t−1} + (1 − β2) g_t²;  m̂_t = m_t / (1 − β1^t);
    amsgrad: v_t^max = max(v_{t−1}^max, v_t), v̂_t = v_t^max / (1 − β2^t);
    otherwise v̂_t = v_t / (1 − β2^t);
    θ_t = θ_{t−1} − lr·m̂_t / (√v̂_t + ε).
    The maximum is taken over the uncorrected v_t, as PyTorch's code does (older docs, 1.11–2.5,
    printed the maximum of the corrected v̂_t, which is not what the code computes).
    """

    name = "adam"
    _SLOT_NAMES = ("exp_avg", "exp_avg_sq", "max_exp_avg_sq")
    _N_ZERO_ARRAYS = 2

    def _update(self, p: np.ndarray, g: np.ndarray, slot: _Slot) -> None:
        b1, b2, t = self._beta_1, self._beta_2, slot.step
        m, v = slot.a, slot.b
        m *= b1
        m += (1.0 - b1) * g
        v *= b2
        v += (1.0 - b2) * (g * g)
        if self._amsgrad:
            if slot.c is None:
                slot.c = np.zeros_like(v)
            np.maximum(slot.c, v, out=slot.c)
            v = slot.c
        denom = np.sqrt(v / (1.0 - b2**t))
        denom += self._epsilon
        p -= (self._lr / (1.0 - b1**t)) * m / denom


_CLASSES: dict[str, type[Optimizer]] = {cls.name: cls for cls in (SGD, Adagrad, RMSprop, Adam)}


def get(config: Mapping[str, Any] | str) -> Optimizer:
    """Build an optimizer from {"type": "adam", "lr": ..., ...} (or just a type name).

    Missing keys take the lecture's (Keras) defaults; an unknown type or key, or a bad value,
    raises DlsimError naming it.
    """
    if isinstance(config, str):
        config = {"type": config}
    if not isinstance(config, Mapping):
        raise DlsimError(
            translate(
                "optimizers", "optimizer config must be an object like {{'type': 'sgd'}}, not {0!r}"
            ).format(config)
        )
    if "type" not in config:
        raise DlsimError(
            translate("optimizers", "optimizer config needs a 'type' (one of: {0})").format(
                ", ".join(TYPES)
            )
        )
    kind = config["type"]
    if not isinstance(kind, str) or kind not in _CLASSES:
        raise DlsimError(
            translate("optimizers", "unknown optimizer type '{0}' (choose one of: {1})").format(
                kind, ", ".join(TYPES)
            )
        )
    kwargs = {k: v for k, v in config.items() if k != "type"}
    if "lr" in kwargs and kwargs["lr"] is None:
        raise DlsimError(translate("optimizers", "'lr' must be a number, not None"))
    return _CLASSES[kind](**kwargs)
