"""`Param`: the one description of an editable value — a layer's, an optimizer's, a data set's or
a training setting's: its name, kind, default, range and help.

The loaders check values with `Param.coerce`, and the GUI generates one editor per `Param`
(`dlsim.ui.panels.param_editors`), so every form and every file check reads the same table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate

PARAM_KINDS = (
    "int",
    "float",
    "bool",
    "choice",
    "str",
    "list",
    "terms",
    "matrix",
    "activation",
    "initializer",
    "loss",
    "regularizer",
    "batch",
)


@dataclass(frozen=True)
class Param:
    """One editable value: what a form shows and what a loader accepts.

    A value of None is accepted exactly when the default is None ("off", "full batch", "not
    given"). `switch_on` makes the editor an on/off switch: off is the default, on starts at
    `switch_on`. `log_steps` marks values spanning decades (rates, epsilons): arrows step by ×2.
    """

    name: str
    kind: str
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    min_exclusive: bool = False
    max_exclusive: bool = False
    label: str = ""
    choice_labels: tuple[str, ...] = ()
    choice_help: tuple[str, ...] = ()
    log_steps: bool = False
    switch_on: float | None = None

    @property
    def title(self) -> str:
        """The form label in the interface language: `label`, or the name with spaces
        (use_bias → "use bias")."""
        return translate("Param", self.label) if self.label else self.name.replace("_", " ")

    @property
    def tip(self) -> str:
        """`help` in the interface language (the form's tooltip)."""
        return translate("Param", self.help)

    @property
    def choice_titles(self) -> tuple[str, ...]:
        """What a choice's menu shows, in the interface language (`choice_labels` or the names)."""
        if not self.choice_labels:
            return self.choices
        return tuple(translate("Param", label) for label in self.choice_labels)

    @property
    def choice_tips(self) -> tuple[str, ...]:
        """Each choice's tooltip (`choice_help`) in the interface language."""
        return tuple(translate("Param", tip) for tip in self.choice_help)

    def coerce(self, value: Any, subject: str | None = None) -> Any:
        """Return `value` in canonical form, or raise DlsimError saying what is wrong with it.

        `subject` names the value in the message (default `'name'`, e.g. "dataset 'n'").
        """
        what = subject or f"'{self.name}'"
        if value is None and (self.default is None or self.kind == "regularizer"):
            return None
        check = _CHECKS.get(self.kind)
        if check is None:
            raise AssertionError(f"unknown parameter kind {self.kind}")
        return check(self, value, what)

    def check_range(self, value: float, what: str) -> None:
        lo, hi = self.min, self.max
        if lo is not None and (value < lo or (self.min_exclusive and value == lo)):
            template = (
                translate("params", "{0} must be greater than {1:g}, not {2:g}")
                if self.min_exclusive
                else translate("params", "{0} must be at least {1:g}, not {2:g}")
            )
            raise DlsimError(template.format(what, lo, value))
        if hi is not None and (value > hi or (self.max_exclusive and value == hi)):
            template = (
                translate("params", "{0} must be less than {1:g}, not {2:g}")
                if self.max_exclusive
                else translate("params", "{0} must be at most {1:g}, not {2:g}")
            )
            raise DlsimError(template.format(what, hi, value))


def _is_number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool | np.bool_)


def _int(p: Param, value: Any, what: str) -> int:
    if not _is_number(value) or (
        not isinstance(value, Integral) and not (math.isfinite(value) and float(value).is_integer())
    ):
        raise DlsimError(
            translate("params", "{0} must be a whole number, not {1!r}").format(what, value)
        )
    value = int(value)
    p.check_range(value, what)
    return value


def _float(p: Param, value: Any, what: str) -> float:
    if not _is_number(value):
        raise DlsimError(translate("params", "{0} must be a number, not {1!r}").format(what, value))
    value = float(value)
    if not math.isfinite(value):
        raise DlsimError(
            translate("params", "{0} must be a finite number, not {1!r}").format(what, value)
        )
    p.check_range(value, what)
    return value


def _bool(p: Param, value: Any, what: str) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise DlsimError(
            translate("params", "{0} must be true or false, not {1!r}").format(what, value)
        )
    return bool(value)


def _choice(p: Param, value: Any, what: str) -> str:
    if isinstance(value, str) and value.lower() in p.choices and value not in p.choices:
        value = value.lower()
    if value not in p.choices:
        raise DlsimError(
            translate("params", "{0} must be one of {1}, not {2!r}").format(
                what, ", ".join(p.choices), value
            )
        )
    return value


def _str(p: Param, value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DlsimError(
            translate("params", "{0} must be a non-empty text, not {1!r}").format(what, value)
        )
    return value.strip()


def _list(p: Param, value: Any, what: str) -> list[str]:
    if (
        not isinstance(value, list | tuple)
        or not value
        or not all(isinstance(v, str) for v in value)
    ):
        raise DlsimError(
            translate("params", "{0} must be a non-empty list of column names").format(what)
        )
    return [v.strip() for v in value]


def _terms(p: Param, value: Any, what: str) -> list[str]:
    """A Features layer's terms (x1, x1^2, x1*x2, sin(x1), …), each checked and written plainly."""
    from dlsim.engine.nn import features

    if not isinstance(value, list | tuple) or not value:
        raise DlsimError(
            translate(
                "params", '{0} must be a non-empty list of terms like ["x1", "x1*x2"]'
            ).format(what)
        )
    if not all(isinstance(v, str) for v in value):
        raise DlsimError(
            translate("params", '{0} must list terms as texts like "x1^2", not {1!r}').format(
                what, value
            )
        )
    return features.canonical_terms(list(value))


def _matrix(p: Param, value: Any, what: str) -> Any:
    """Rows of numbers are checked by whoever reads them (their shape depends on the rest)."""
    return value


def _activation(p: Param, value: Any, what: str) -> Any:
    from dlsim.engine.nn import activations

    return activations.get(value).get_config()


def _initializer(p: Param, value: Any, what: str) -> Any:
    from dlsim.engine.nn import initializers

    return initializers.get(value).get_config()


def _loss(p: Param, value: Any, what: str) -> str:
    from dlsim.engine.nn import losses

    if not isinstance(value, str):
        raise DlsimError(translate("params", "{0} must be a name").format(what))
    return losses.get(value).name


def _regularizer(p: Param, value: Any, what: str) -> dict[str, float] | None:
    if not isinstance(value, dict):
        raise DlsimError(
            translate(
                "params", '{0} must be null or an object like {{"l2": 0.01}}, not {1!r}'
            ).format(what, value)
        )
    out: dict[str, float] = {}
    for key, strength in value.items():
        if key not in ("l1", "l2"):
            raise DlsimError(
                translate("params", "{0} has unknown key '{1}' (use l1 and/or l2)").format(
                    what, key
                )
            )
        if not _is_number(strength) or not math.isfinite(strength) or strength < 0:
            raise DlsimError(
                translate("params", "{0}.{1}' must be a number ≥ 0, not {2!r}").format(
                    what[:-1], key, strength
                )
            )
        out[key] = float(strength)
    return out or None


def _batch(p: Param, value: Any, what: str) -> int:
    """A batch size: None (the default) is the full batch, 1 is stochastic, more is mini-batch."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise DlsimError(
            translate("params", "{0} must be null or a whole number ≥ 1, not {1!r}").format(
                what, value
            )
        )
    return value


_CHECKS = {
    "int": _int,
    "float": _float,
    "bool": _bool,
    "choice": _choice,
    "str": _str,
    "list": _list,
    "terms": _terms,
    "matrix": _matrix,
    "activation": _activation,
    "initializer": _initializer,
    "loss": _loss,
    "regularizer": _regularizer,
    "batch": _batch,
}
assert set(_CHECKS) == set(PARAM_KINDS)


def coerce_all(
    params: tuple[Param, ...] | list[Param], values: Any, owner: str, subject: str = "'{}'"
) -> dict[str, Any]:
    """Every param's value from `values` (defaults filled in) checked; unknown keys refused.

    `owner` names the thing in the unknown-key message; `subject` formats a value's name.
    """
    known = {p.name for p in params}
    for key in values:
        if key not in known:
            allowed = ", ".join(sorted(known)) or "none"
            raise DlsimError(
                translate("params", "{0} has no parameter '{1}' (it has: {2})").format(
                    owner, key, allowed
                )
            )
    return {p.name: p.coerce(values.get(p.name, p.default), subject.format(p.name)) for p in params}
