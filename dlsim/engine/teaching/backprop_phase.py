"""What one click of the backprop stepper shows: its equations (Line) and the diagram (Board).

A `Phase` is immutable, so going back shows exactly what was shown before; the `Board` is the
diagram's state that the phases build up one after another.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """lhs = formula = numbers = value: one equation of a phase, as the lecture writes it."""

    lhs: str
    formula: str
    numbers: str
    value: float | None
    value_text: str

    def text(self) -> str:
        parts = [self.lhs, self.formula, self.numbers, self.value_text]
        return " = ".join(p for p in parts if p)


@dataclass(frozen=True)
class Phase:
    """One click of the stepper: its equations and what the diagram shows at that moment.

    Diagram texts are several short lines ("W5" over "0.45"), so labels stay narrow enough to fit
    between the circles at a size a class can read.
    """

    kind: str
    layer: str | None
    title: str
    short: str
    intro: str
    lines: tuple[Line, ...]
    notes: tuple[str, ...]
    unit_values: dict[str, str]
    unit_notes: dict[str, str]
    edge_values: dict[str, float]
    edge_labels: dict[str, str]
    active_units: frozenset[str]
    active_edges: frozenset[str]

    def text(self) -> str:
        """Everything the formula panel shows, as plain text (what a test reads back)."""
        parts = [self.title, self.intro, *(line.text() for line in self.lines), *self.notes]
        return "\n".join(p for p in parts if p)


@dataclass
class Board:
    """What the diagram shows, built up as the phases go by."""

    unit_values: dict[str, str] = field(default_factory=dict)
    unit_slots: dict[str, dict[str, str]] = field(default_factory=dict)
    edge_values: dict[str, float] = field(default_factory=dict)
    edge_labels: dict[str, str] = field(default_factory=dict)

    def note(self, unit: str, slot: str, text: str | None) -> None:
        """Set (or with None clear) one line of the small text beside a unit."""
        slots = self.unit_slots.setdefault(unit, {})
        if text is None:
            slots.pop(slot, None)
        else:
            slots[slot] = text

    def unit_notes(self) -> dict[str, str]:
        order = ("target", "loss", "grad")
        return {
            unit: "\n".join(slots[k] for k in order if k in slots)
            for unit, slots in self.unit_slots.items()
            if slots
        }
