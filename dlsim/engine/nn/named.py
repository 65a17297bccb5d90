"""Functions chosen by name in a file — "relu", {"name": "leaky_relu", "alpha": 0.2} — and back.

Activations, losses and initializers share this: one class per name that declares its help and
its parameters (`nn.params.Param`, the project's one schema), registers itself in its
family by being defined, has a config that is the plain name when every parameter is at its
default, and one resolver with plain errors.
"""

from __future__ import annotations

from numbers import Real
from typing import Any, ClassVar, TypeVar

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.params import Param
from dlsim.engine.text import translate

T = TypeVar("T", bound="Named")


class Named:
    """Base of a named function with numeric parameters; equal when their configs are equal.

    A family base (Activation, Loss, Initializer) sets `family = {}`; every subclass with a
    `name` is then entered there as it is defined, so a new function is one class and nothing
    else.
    """

    name: ClassVar[str] = ""
    help: ClassVar[str] = ""
    params: ClassVar[tuple[Param, ...]] = ()
    defaults: ClassVar[dict[str, Any]] = {}
    family: ClassVar[dict[str, type[Named]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.defaults = {p.name: p.default for p in cls.params}
        if "family" not in cls.__dict__ and cls.__dict__.get("name"):
            cls.family[cls.name] = cls

    def __init__(self, **values: Any) -> None:
        """Unknown parameter names are refused by `resolve`; the values are checked here."""
        for p in self.params:
            setattr(self, p.name, number(self.name, p.name, values.get(p.name, p.default)))
        self.check()

    def check(self) -> None:
        """Refuse parameter values outside their declared range (subclasses add their rules)."""
        for p in self.params:
            value = getattr(self, p.name)
            low = p.min is not None and value < p.min
            high = p.max is not None and value > p.max
            if low or high:
                if p.min is not None and p.max is not None:
                    template = translate("named", "{0} {1} must be from {2:g} to {3:g}, got {4!r}")
                elif low:
                    template = translate("named", "{0} {1} must be at least {2:g}, got {4!r}")
                else:
                    template = translate("named", "{0} {1} must be at most {3:g}, got {4!r}")
                raise DlsimError(template.format(self.name, p.name, p.min, p.max, value))

    def param_values(self) -> dict[str, Any]:
        return {p.name: getattr(self, p.name) for p in self.params}

    def get_config(self) -> str | dict[str, Any]:
        """The plain name when every parameter is at its default, else a dict with all of them."""
        params = self.param_values()
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
        raise DlsimError(
            translate("named", "{0} {1} must be a finite number, got {2!r}").format(
                owner, key, value
            )
        )
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
        raise DlsimError(
            translate("named", "an {0} must be a name or a dict with a 'name', got {1!r}").format(
                kind, spec
            )
        )
    if not isinstance(name, str) or name not in classes:
        raise DlsimError(
            translate("named", "unknown {0} {1!r} (choose one of: {2})").format(
                kind, name, ", ".join(classes)
            )
        )
    cls = classes[name]
    unknown = sorted(set(params) - set(cls.defaults))
    if unknown:
        allowed = ", ".join(cls.defaults) or "none"
        raise DlsimError(
            translate("named", "{0} {1!r} has no parameter {2!r} (parameters: {3})").format(
                kind, name, unknown[0], allowed
            )
        )
    return cls(**params)
