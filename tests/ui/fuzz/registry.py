"""The fuzzer's actions, each registered once with its weight (how often it is picked)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ActionFn = Callable[[Any], str]


@dataclass(frozen=True)
class Action:
    name: str
    weight: float
    run: ActionFn


_ACTIONS: dict[str, Action] = {}


def action(weight: float) -> Callable[[ActionFn], ActionFn]:
    """Register a user action: a function of the `Driver` that returns what it did."""

    def register(fn: ActionFn) -> ActionFn:
        name = fn.__name__
        if name in _ACTIONS and _ACTIONS[name].run is not fn:
            raise ValueError(f"two fuzz actions are named {name!r}")
        _ACTIONS[name] = Action(name, weight, fn)
        return fn

    return register


def all_actions() -> list[Action]:
    """Every action in `tests/ui/fuzz/actions/`, in name order (a seed picks the same ones
    whatever order the modules were imported in)."""
    from tests.ui.fuzz import actions

    for module in pkgutil.iter_modules(actions.__path__):
        importlib.import_module(f"{actions.__name__}.{module.name}")
    return sorted(_ACTIONS.values(), key=lambda a: a.name)


def by_name(name: str) -> Action:
    all_actions()
    return _ACTIONS[name]
