"""The layer registry: each layer type described once (parameters, defaults, ranges, help, ports).

Parameters are `Param`s (`params.py`): one schema for layers, optimizers, data sets and training.

The palette, the inspector, validation and the file format all read this table, so adding a layer
type means writing its class in `layers.py` with a `@register` decorator and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.params import Param, coerce_all
from dlsim.engine.text import translate

__all__ = ["REGISTRY", "LayerType", "Param", "layer_type", "layer_types", "register"]


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
    shown: tuple[str, ...] = ()  # parameters the card title names, besides units and activation

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def normalize_params(self, params: dict[str, Any]) -> dict[str, Any]:
        """Defaults filled in and every value checked; raises DlsimError on the first problem."""
        return coerce_all(self.params, params, self.name)

    def title(self, params: dict[str, Any]) -> str:
        """The card's title: type and units, then the activation and the `shown` parameters,
        e.g. "Dense 8 · relu", "Input 2", "Dropout · rate 0.5", "GaussianNoise · σ 0.1",
        "Features · x1, x2, x1*x2" (a list is written out)."""
        head, tail = self.name, []
        for p in self.params:
            value = params.get(p.name, p.default)
            if p.name == "units":
                head = f"{self.name} {value}"
            elif p.kind == "activation":
                tail.append(value.get("name", "?") if isinstance(value, dict) else str(value))
            elif p.name in self.shown and isinstance(value, list | tuple):
                tail.append(", ".join(str(v) for v in value))  # Features' terms, as listed
            elif p.name in self.shown:
                tail.append(
                    f"{p.title} {value:g}" if isinstance(value, float) else f"{p.title} {value}"
                )
        return " · ".join([head, *tail])

    @property
    def tip(self) -> str:
        """`help` in the interface language (the palette's tooltip)."""
        return translate("Layer", self.help)

    @property
    def category_title(self) -> str:
        """The palette group's name in the interface language (`category` stays the key)."""
        return translate("Layer", self.category)

    @property
    def accepts_many(self) -> bool:
        return self.max_inputs is None or self.max_inputs > 1


REGISTRY: dict[str, LayerType] = {}


def register(
    *,
    params: tuple[Param, ...] = (),
    help: str,
    category: str,
    inputs: tuple[int, int | None],
    shown: tuple[str, ...] = (),
) -> Callable[[type], type]:
    """Class decorator that records a layer class under its `type_name`.

    `inputs` is (fewest, most) incoming edges, None for "any number"; `shown` names the
    parameters its card title shows (units and the activation always are).
    """

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
            shown=shown,
        )
        return cls

    return wrap


def layer_type(name: str) -> LayerType:
    """Look a type up by name; unknown names raise DlsimError listing the known ones."""
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(REGISTRY)
        raise DlsimError(
            translate("registry", "unknown layer type '{0}' (known types: {1})").format(name, known)
        ) from None


def layer_types() -> list[LayerType]:
    return list(REGISTRY.values())


# The layer classes register themselves on import; importing them here makes the table complete
# for anyone who imports the registry.
from dlsim.engine.nn import features as _features  # noqa: E402, F401
from dlsim.engine.nn import layers as _layers  # noqa: E402, F401
from dlsim.engine.nn import merge as _merge  # noqa: E402, F401
