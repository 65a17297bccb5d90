"""What the neuron view says about the unit or weight under the pointer: its value and the last
step's gradient of it, in the words of the lecture (the weight from x2 to h1 #1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dlsim.engine.notation import fmt
from dlsim.engine.views.neurons import NeuronLayout


def unit_name(layout: NeuronLayout, nid: str, j: int) -> str:
    """A unit as the view names it: its term or feature name, else "h1 #2" (counted from 1)."""
    col = layout.column(nid)
    if col is not None and col.names:
        return col.names[j]
    return f"{nid} #{j + 1}"


def describe(
    layout: NeuronLayout,
    target: tuple[str, Any],
    params: dict[str, dict[str, Any]],
    grads: dict[str, dict[str, Any]],
    tr: Callable[[str], str],
    acts: dict[str, str | None] | None = None,
) -> str:
    """One or two lines for a hovered edge or unit (`tr` translates the fixed words)."""
    kind, what = target
    if kind == "edge":
        nid, row, col = layout.edge_of(what)
        name, index = "W", (row, col)
        src = unit_name(layout, layout.source_of(nid), row)
        head = tr("Weight from {0} to {1}").format(src, unit_name(layout, nid, col))
    else:
        nid, j = what
        column = layout.column(nid)
        if column is not None and column.names:
            return tr("{0}: input feature {1} of {2}").format(column.names[j], j + 1, nid)
        name, index = "b", (j,)
        act = (acts or {}).get(nid)
        if act:
            head = tr("Bias of {0} ({1})").format(unit_name(layout, nid, j), act)
        else:
            head = tr("Bias of {0}").format(unit_name(layout, nid, j))
    value = params.get(nid, {}).get(name)
    if value is None:
        return head
    where = f"{nid}.{name}[{', '.join(str(i) for i in index)}]"
    text = head + ": " + fmt(float(value[index]), 4) + f"   ({where})"
    grad = grads.get(nid, {}).get(name)
    if grad is not None and grad.shape == value.shape:
        text += "\n" + tr("last gradient: {0}").format(fmt(float(grad[index]), 6))
    else:
        text += "\n" + tr("last gradient: none yet (take a step)")
    return text
