"""The layer registry: each layer type described once (parameters, defaults, ranges, help, ports).

The palette, the inspector, validation and the file format all read this table, so adding a layer
type means writing its class in `layers.py` with a `@register` decorator and nothing else.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dlsim.engine.errors import DlsimError

PARAM_KINDS = ("int", "float", "bool", "choice", "activation", "initializer", "regularizer")


@dataclass(frozen=True)
class Param:
    """One parameter of a layer type: what the inspector shows and what the loader accepts."""

    name: str
    kind: str
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()

    def coerce(self, value: Any) -> Any:
        """Return `value` in canonical form, or raise DlsimError saying what is wrong with it."""
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise DlsimError(f"'{self.name}' must be a whole number, not {value!r}")
            if isinstance(value, float) and not value.is_integer():
                raise DlsimError(f"'{self.name}' must be a whole number, not {value!r}")
            value = int(value)
            self._check_range(value)
            return value
        if self.kind == "float":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise DlsimError(f"'{self.name}' must be a number, not {value!r}")
            value = float(value)
            if not math.isfinite(value):
                raise DlsimError(f"'{self.name}' must be a finite number, not {value!r}")
            self._check_range(value)
            return value
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise DlsimError(f"'{self.name}' must be true or false, not {value!r}")
            return value
        if self.kind == "choice":
            if value not in self.choices:
                raise DlsimError(
                    f"'{self.name}' must be one of {', '.join(self.choices)}, not {value!r}"
                )
            return value
        if self.kind == "activation":
            from dlsim.engine.nn import activations

            return activations.get(value).get_config()
        if self.kind == "initializer":
            from dlsim.engine.nn import initializers

            return initializers.get(value).get_config()
        if self.kind == "regularizer":
            return _coerce_regularizer(self.name, value)
        raise AssertionError(f"unknown parameter kind {self.kind}")

    def _check_range(self, value: float) -> None:
        if self.min is not None and value < self.min:
            raise DlsimError(f"'{self.name}' must be at least {self.min:g}, not {value:g}")
        if self.max is not None and value > self.max:
            raise DlsimError(f"'{self.name}' must be at most {self.max:g}, not {value:g}")


def _coerce_regularizer(name: str, value: Any) -> dict[str, float] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DlsimError(f"'{name}' must be null or an object like {{\"l2\": 0.01}}, not {value!r}")
    out: dict[str, float] = {}
    for key, strength in value.items():
        if key not in ("l1", "l2"):
            raise DlsimError(f"'{name}' has unknown key '{key}' (use l1 and/or l2)")
        ok = isinstance(strength, int | float) and not isinstance(strength, bool)
        if not ok or not math.isfinite(strength) or strength < 0:
            raise DlsimError(f"'{name}.{key}' must be a number ≥ 0, not {strength!r}")
        out[key] = float(strength)
    return out or None


@dataclass(frozen=True)
class LayerType:
    """A registered layer type: its class, parameters, ports and the help the palette shows."""

    name: str
    cls: type
    params: tuple[Param, ...]
    help: str
    category: str
    min_inputs: int = 1
    max_inputs: int | None = 1
    extras: dict[str, Any] = field(default_factory=dict)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def normalize_params(self, params: dict[str, Any]) -> dict[str, Any]:
        """Defaults filled in and every value checked; raises DlsimError on the first problem."""
        known = {p.name for p in self.params}
        for key in params:
            if key not in known:
                allowed = ", ".join(sorted(known)) or "none"
                raise DlsimError(f"{self.name} has no parameter '{key}' (it has: {allowed})")
        return {p.name: p.coerce(params.get(p.name, p.default)) for p in self.params}

    @property
    def accepts_many(self) -> bool:
        return self.max_inputs is None or self.max_inputs > 1


REGISTRY: dict[str, LayerType] = {}


def register(
    *, params: tuple[Param, ...] = (), help: str, category: str, inputs: tuple[int, int | None]
) -> Callable[[type], type]:
    """Class decorator that records a layer class under its `type_name`."""

    def wrap(cls: type) -> type:
        name = cls.type_name
        REGISTRY[name] = LayerType(
            name=name,
            cls=cls,
            params=params,
            help=help,
            category=category,
            min_inputs=inputs[0],
            max_inputs=inputs[1],
        )
        return cls

    return wrap


def layer_type(name: str) -> LayerType:
    """Look a type up by name; unknown names raise DlsimError listing the known ones."""
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(REGISTRY)
        raise DlsimError(f"unknown layer type '{name}' (known types: {known})") from None


def layer_types() -> list[LayerType]:
    return list(REGISTRY.values())


# The layer classes register themselves on import; importing them here makes the table complete
# for anyone who imports the registry.
from dlsim.engine.nn import layers as _layers  # noqa: E402, F401
