"""Functions chosen by name in a file — "relu", {"name": "leaky_relu", "alpha": 0.2} — and back.

Activations and initializers share this: a class per name with default parameters, a config that
is the plain name when every parameter is at its default, and one resolver with plain errors.
"""

from __future__ import annotations

from numbers import Real
from typing import Any, ClassVar, TypeVar

import numpy as np

from dlsim.engine.errors import DlsimError

T = TypeVar("T", bound="Named")


class Named:
    """Base of a named function with numeric parameters; equal when their configs are equal."""

    name: ClassVar[str] = ""
    defaults: ClassVar[dict[str, float]] = {}

    def get_config(self) -> str | dict[str, Any]:
        """The plain name when every parameter is at its default, else a dict with all of them."""
        params = {key: getattr(self, key) for key in self.defaults}
        if params == self.defaults:
            return self.name
        return {"name": self.name, **params}

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.get_config() == other.get_config()

    def __hash__(self) -> int:
        return hash(repr(self.get_config()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.get_config()!r})"


def number(owner: str, key: str, value: Any) -> float:
    """A parameter value as a finite float, or a DlsimError saying which one is wrong."""
    if isinstance(value, bool) or not isinstance(value, Real) or not np.isfinite(value):
        raise DlsimError(f"{owner} {key} must be a finite number, got {value!r}")
    return float(value)


def resolve(spec: Any, base: type[T], classes: dict[str, type[T]], kind: str) -> T:
    """Turn a name, a {"name": …, params…} dict or an instance into an instance of `base`."""
    if isinstance(spec, base):
        return spec
    if isinstance(spec, str):
        name, params = spec, {}
    elif isinstance(spec, dict) and "name" in spec:
        name = spec["name"]
        params = {key: value for key, value in spec.items() if key != "name"}
    else:
        raise DlsimError(f"an {kind} must be a name or a dict with a 'name', got {spec!r}")
    if not isinstance(name, str) or name not in classes:
        raise DlsimError(f"unknown {kind} {name!r} (choose one of: {', '.join(classes)})")
    cls = classes[name]
    unknown = sorted(set(params) - set(cls.defaults))
    if unknown:
        allowed = ", ".join(cls.defaults) or "none"
        raise DlsimError(f"{kind} {name!r} has no parameter {unknown[0]!r} (parameters: {allowed})")
    return cls(**params)
