"""A deep copy of a document (JSON-shaped data) that does not walk its weight matrices number
by number: a 64 MiB file's weights took `copy.deepcopy` seconds per copy, and opening a document
copies it several times. The copy is as deep as `copy.deepcopy`'s for any data a loaded
document can hold; what is not JSON-shaped is handed to `copy.deepcopy`."""

from __future__ import annotations

import copy
from typing import Any

_ATOMS = frozenset({int, float, str, bool, type(None)})


def copy_doc(value: Any) -> Any:
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is dict:
        return {k: copy_doc(v) for k, v in value.items()}
    if kind is list:
        if _ATOMS.issuperset(map(type, value)):  # a row of numbers: its items are immutable
            return value[:]
        return [copy_doc(v) for v in value]
    return copy.deepcopy(value)
