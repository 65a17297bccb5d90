"""What the perceptron lab shows, computed here so the view only draws.

The lab (the lecture's Part 1) needs each gate's truth table with its weighted sums, the decision
line w1·x1 + w2·x2 + b = 0 and its two half-planes clipped to the plot, the perceptron rule one
sample at a time with the update written out in numbers, cycle detection for XOR (the rule never
converges there, and the lab has to say so), and XOR built from two layers of gates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.notation import MINUS, fmt
from dlsim.engine.teaching.perceptron import (
    GATES,
    TRUTH_X,
    Perceptron,
    PerceptronUpdate,
    gate,
    random_perceptron,
    truth_table,
    xor_from_gates,
)
from dlsim.engine.teaching.perceptron import step as step_unit
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate

GATE_NAMES: tuple[str, ...] = ("and", "nand", "or", "xor")
GATE_LABELS: dict[str, str] = {"and": "AND", "nand": "NAND", "or": "OR", "xor": "XOR"}
PLOT_BOX: tuple[float, float, float, float] = (-0.5, 1.5, -0.5, 1.5)

XOR_WHY = QT_TRANSLATE_NOOP(
    "Lab",
    "XOR is not linearly separable: no line puts (0,1) and (1,0) on one side and (0,0) and "
    "(1,1) on the other. A line that worked would need b \u2264 0 (00\u21920), w2 + b > 0 "
    "(01\u21921), w1 + b > 0 (10\u21921) and w1 + w2 + b \u2264 0 (11\u21920). Adding the "
    "middle two gives w1 + w2 + 2b > 0; adding the outer two gives w1 + w2 + 2b \u2264 0 \u2014 "
    "a contradiction. So every pass makes a mistake and the perceptron rule goes round and round "
    "for ever. Two layers can do it: XOR = AND(NAND, OR).",
)


# --- exact decimals ------------------------------------------------------------------------------

EXACT_DECIMALS = 12


def exact(value: float) -> float:
    """A lab number as decimal arithmetic gives it: binary noise below 1e−12 rounded away.

    The lab's weights are typed (4 decimals) or moved by η = 0.1 steps, so 0.2 + 0.1 − 0.3 is 0, not
    5.6e−17 — and the step unit must see that 0 (it outputs 0), as a learner checking by hand does.
    """
    v = round(float(value), EXACT_DECIMALS)
    return 0.0 if v == 0.0 else v


def _term(value: float, decimals: int = 4) -> str:
    """A factor in a product: negative numbers in brackets so "0.1·(−1)" reads unambiguously."""
    text = fmt(value, decimals)
    return f"({text})" if text.startswith(MINUS) else text


def _signed(value: float, decimals: int = 4) -> str:
    """A trailing summand: " + 0.3" or " − 0.7"."""
    text = fmt(value, decimals)
    return f" {MINUS} {text[1:]}" if text.startswith(MINUS) else f" + {text}"


# --- truth tables and decision lines -------------------------------------------------------------


def gate_weights(name: str) -> tuple[float, float, float]:
    """The lecture's (w1, w2, b) for AND, NAND or OR; XOR has none (DlsimError says why)."""
    p = gate(name)
    return float(p.w[0]), float(p.w[1]), float(p.b)


def targets(name: str) -> np.ndarray:
    """The gate's targets for the rows 00, 01, 10, 11."""
    return truth_table(name)


@dataclass(frozen=True)
class TruthRow:
    """One row of the lab's table: inputs, the weighted sum written out, the output, the target."""

    x1: float
    x2: float
    weighted_sum: float
    sum_text: str
    y: float
    target: float

    @property
    def correct(self) -> bool:
        return self.y == self.target


def sum_text(w1: float, w2: float, b: float, x1: float, x2: float, total: float) -> str:
    """ "0.5·0 + 0.5·1 − 0.7 = −0.2": the weighted sum with the row's numbers filled in."""
    return f"{_term(w1)}\u00b7{fmt(x1)} + {_term(w2)}\u00b7{fmt(x2)}{_signed(b)} = {fmt(total)}"


def evaluate(w1: float, w2: float, b: float, gate_name: str) -> list[TruthRow]:
    """The truth table of one step unit with these weights, next to the gate's targets."""
    sums = [exact(s) for s in Perceptron(np.array([w1, w2]), b).weighted_sum(TRUTH_X)]
    ys = step_unit(np.array(sums))
    ts = targets(gate_name)
    return [
        TruthRow(
            x1=float(x[0]),
            x2=float(x[1]),
            weighted_sum=float(s),
            sum_text=sum_text(w1, w2, b, x[0], x[1], s),
            y=float(y),
            target=float(t),
        )
        for x, s, y, t in zip(TRUTH_X, sums, ys, ts, strict=True)
    ]


Point = tuple[float, float]


def _side(w1: float, w2: float, b: float, p: Point) -> float:
    return w1 * p[0] + w2 * p[1] + b


def _box_corners(box: tuple[float, float, float, float]) -> list[Point]:
    x0, x1, y0, y1 = box
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _crossing(w1: float, w2: float, b: float, p: Point, q: Point) -> Point:
    sp, sq = _side(w1, w2, b, p), _side(w1, w2, b, q)
    t = sp / (sp - sq)
    return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))


def decision_line(
    w1: float, w2: float, b: float, box: tuple[float, float, float, float] = PLOT_BOX
) -> tuple[Point, Point] | None:
    """The two ends of w1·x1 + w2·x2 + b = 0 inside the plot box, or None if it misses the box.

    With w1 = w2 = 0 there is no line at all: every input gets the same output.
    """
    if w1 == 0.0 and w2 == 0.0:
        return None
    corners = _box_corners(box)
    points: list[Point] = []
    for k in range(4):
        p, q = corners[k], corners[(k + 1) % 4]
        sp, sq = _side(w1, w2, b, p), _side(w1, w2, b, q)
        if sp == 0.0:
            points.append(p)
        elif sp * sq < 0:
            points.append(_crossing(w1, w2, b, p, q))
    unique: list[Point] = []
    for p in points:
        if all(math.dist(p, u) > 1e-12 for u in unique):
            unique.append(p)
    if len(unique) < 2:
        return None
    return unique[0], unique[1]


def clip_polygon(
    polygon: Sequence[Point], w1: float, w2: float, b: float, positive: bool
) -> list[Point]:
    """The part of a convex polygon where w1·x1 + w2·x2 + b > 0 (positive) or ≤ 0."""

    def inside(p: Point) -> bool:
        s = _side(w1, w2, b, p)
        return s > 0 if positive else s <= 0

    out: list[Point] = []
    n = len(polygon)
    for k in range(n):
        p, q = polygon[k], polygon[(k + 1) % n]
        if inside(p):
            out.append(p)
        if inside(p) != inside(q) and _side(w1, w2, b, p) != _side(w1, w2, b, q):
            out.append(_crossing(w1, w2, b, p, q))
    return out


def half_plane(
    w1: float,
    w2: float,
    b: float,
    positive: bool,
    box: tuple[float, float, float, float] = PLOT_BOX,
) -> list[Point]:
    """The polygon of the plot box where the unit outputs 1 (positive) or 0, for shading.

    The line itself belongs to the 0 side (the step fires only for a sum > 0).
    """
    return clip_polygon(_box_corners(box), w1, w2, b, positive)


# --- the perceptron rule, one sample at a time ---------------------------------------------------


@dataclass(frozen=True)
class Cycle:
    """The rule came back to a state it had been in: same weights, same next sample."""

    first_update: int
    repeat_update: int

    @property
    def length(self) -> int:
        return self.repeat_update - self.first_update

    def describe(self) -> str:
        return translate(
            "Lab",
            "After update {0} the weights are exactly what they were after "
            "update {1}, with the same sample next: the rule is going round a "
            "cycle of {2} updates and will never converge.",
        ).format(self.repeat_update, self.first_update, self.length)


@dataclass(frozen=True)
class LabStep:
    """One click of "Learn one sample": the sample, the update in numbers, what it led to."""

    number: int
    sample: int
    update: PerceptronUpdate
    lines: tuple[str, ...]
    mistakes_now: int
    converged: bool
    cycle: Cycle | None


def update_lines(update: PerceptronUpdate, lr: float) -> tuple[str, ...]:
    """The rule w ← w + η(t − y)x written out with this sample's numbers, one line per weight."""
    x1, x2 = (float(v) for v in update.x)
    w1, w2 = (float(v) for v in update.w_before)
    b = update.b_before
    total = exact(w1 * x1 + w2 * x2 + b)
    e = update.error
    lines = [
        translate("Lab", "sample x = ({0}, {1}), target t = {2}").format(
            fmt(x1), fmt(x2), fmt(update.t)
        ),
        f"\u03a3 = {sum_text(w1, w2, b, x1, x2, total)} \u2192 y = {fmt(update.y)}",
        translate("Lab", "error t \u2212 y = {0} \u2212 {1} = {2}").format(
            fmt(update.t), fmt(update.y), fmt(e)
        ),
    ]
    if not update.changed:
        lines.append(translate("Lab", "y = t: the rule changes nothing"))
        return tuple(lines)
    for name, before, xi, after in (
        ("w1", w1, x1, update.w_after[0]),
        ("w2", w2, x2, update.w_after[1]),
    ):
        lines.append(
            f"{name} \u2190 {name} + \u03b7(t {MINUS} y)x = {fmt(before)} + "
            f"{fmt(lr)}\u00b7{_term(e)}\u00b7{fmt(xi)} = {fmt(after)}"
        )
    lines.append(
        f"b \u2190 b + \u03b7(t {MINUS} y) = {fmt(b)} + {fmt(lr)}\u00b7{_term(e)} "
        f"= {fmt(update.b_after)}"
    )
    return tuple(lines)


@dataclass
class RuleLearner:
    """The perceptron rule on a gate's four rows, presented in order 00, 01, 10, 11, 00, …

    It remembers every state it has been in (as the exact integer sum of the corrections, which
    is possible because the inputs are 0/1), so a repeat — a cycle, as happens for XOR — is found
    exactly rather than by comparing rounded floats.
    """

    gate_name: str
    w: Sequence[float]
    b: float
    lr: float = 0.1
    updates: int = 0
    cycle: Cycle | None = None
    weights_history: list[tuple[float, float, float]] = field(default_factory=list)
    _unit: Perceptron = field(init=False, repr=False)
    _seen: dict[tuple, int] = field(init=False, repr=False)
    _correction: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.gate_name not in GATE_NAMES:
            raise DlsimError(
                translate("lab", "unknown gate '{0}' (choose one of: {1})").format(
                    self.gate_name, ", ".join(GATE_NAMES)
                )
            )
        if not (math.isfinite(self.lr) and self.lr > 0):
            raise DlsimError(
                translate("lab", "learning rate must be a positive number, got {0}").format(self.lr)
            )
        self.set_weights(float(self.w[0]), float(self.w[1]), float(self.b))

    @classmethod
    def random(cls, gate_name: str, seed: int, lr: float = 0.1) -> RuleLearner:
        """A learner starting from weights drawn from U(−1, 1) with this seed."""
        p = random_perceptron(2, np.random.default_rng(seed))
        return cls(gate_name, (float(p.w[0]), float(p.w[1])), float(p.b), lr)

    def set_weights(self, w1: float, w2: float, b: float) -> None:
        """Start again from these weights (edited by hand): the cycle memory starts afresh."""
        self._unit = Perceptron(np.array([w1, w2]), b)
        self.w = (float(w1), float(w2))
        self.b = float(b)
        self.cycle = None
        self._correction = np.zeros(3)
        self._seen = {self._key(): self.updates}
        self.weights_history = [(float(w1), float(w2), float(b))]

    def _key(self) -> tuple:
        return (self.updates % 4, *self._correction.tolist())

    @property
    def targets(self) -> np.ndarray:
        return targets(self.gate_name)

    @property
    def next_sample(self) -> int:
        return self.updates % 4

    @property
    def weights(self) -> tuple[float, float, float]:
        return float(self._unit.w[0]), float(self._unit.w[1]), float(self._unit.b)

    def mistakes(self) -> int:
        """How many of the four rows the current weights get wrong."""
        return sum(not row.correct for row in self.table())

    @property
    def converged(self) -> bool:
        """All four rows right: no further update can change the weights."""
        return self.mistakes() == 0

    def table(self) -> list[TruthRow]:
        w1, w2, b = self.weights
        return evaluate(w1, w2, b, self.gate_name)

    def step(self) -> LabStep:
        """Present the next sample once and apply w ← w + η(t − y)x, b ← b + η(t − y)."""
        i = self.next_sample
        update = self._learn_one(TRUTH_X[i], float(self.targets[i]))
        self.updates += 1
        self._correction += update.error * np.array([TRUTH_X[i][0], TRUTH_X[i][1], 1.0])
        self.w = (float(self._unit.w[0]), float(self._unit.w[1]))
        self.b = float(self._unit.b)
        self.weights_history.append(self.weights)
        key = self._key()
        if self.cycle is None and key in self._seen and not self.converged:
            self.cycle = Cycle(self._seen[key], self.updates)
        self._seen.setdefault(key, self.updates)
        return LabStep(
            number=self.updates,
            sample=i,
            update=update,
            lines=update_lines(update, self.lr),
            mistakes_now=self.mistakes(),
            converged=self.converged,
            cycle=self.cycle,
        )

    def _learn_one(self, x: np.ndarray, t: float) -> PerceptronUpdate:
        """The perceptron rule in the lab's exact decimals: the sum and new weights via `exact`."""
        unit = self._unit
        w_before, b_before = unit.w.copy(), unit.b
        y = float(step_unit(exact(float(x @ unit.w) + unit.b)))
        error = t - y
        unit.w = np.array([exact(v) for v in unit.w + self.lr * error * x])
        unit.b = exact(unit.b + self.lr * error)
        return PerceptronUpdate(
            x=x.copy(),
            t=t,
            y=y,
            error=error,
            w_before=w_before,
            b_before=b_before,
            w_after=unit.w.copy(),
            b_after=unit.b,
            changed=error != 0.0,
        )

    def run(self, max_updates: int = 1000, stop_on_cycle: bool = True) -> list[LabStep]:
        """Step until all rows are right, a cycle shows up (if asked), or max_updates more steps."""
        steps: list[LabStep] = []
        while len(steps) < max_updates and not self.converged:
            steps.append(self.step())
            if stop_on_cycle and self.cycle is not None:
                break
        return steps


# --- XOR from two layers ------------------------------------------------------------------------


@dataclass(frozen=True)
class XorRow:
    """One row of XOR = AND(NAND, OR): the hidden sums and outputs s1, s2, then the output y."""

    x1: float
    x2: float
    s1_sum: float
    s1: float
    s2_sum: float
    s2: float
    y_sum: float
    y: float
    target: float


def xor_two_layers() -> list[XorRow]:
    """The lecture's 2-2-1 network of step units on the four rows, with every sum shown."""
    s1, s2, y = xor_from_gates(TRUTH_X)
    s1_sum = gate("nand").weighted_sum(TRUTH_X)
    s2_sum = gate("or").weighted_sum(TRUTH_X)
    y_sum = gate("and").weighted_sum(np.stack([s1, s2], axis=1))
    t = targets("xor")
    return [
        XorRow(*(float(v) for v in row))
        for row in zip(
            TRUTH_X[:, 0], TRUTH_X[:, 1], s1_sum, s1, s2_sum, s2, y_sum, y, t, strict=True
        )
    ]


def xor_hidden_lines() -> dict[str, tuple[float, float, float]]:
    """The two hidden units' weights (w1, w2, b), whose lines together fence off XOR's 1s."""
    return {name: (GATES[g][0][0], GATES[g][0][1], GATES[g][1]) for name, g in _HIDDEN.items()}


_HIDDEN = {"s1 = NAND": "nand", "s2 = OR": "or"}


def xor_gate_weights() -> dict[str, tuple[float, float, float]]:
    """All three units of XOR = AND(NAND, OR) with their (w1, w2, b), hidden layer first."""
    return {**xor_hidden_lines(), "y = AND(s1, s2)": gate_weights("and")}


def xor_ones_region(box: tuple[float, float, float, float] = PLOT_BOX) -> list[Point]:
    """Where the two-layer net outputs 1: the band with s1 = 1 and s2 = 1 (AND of the two)."""
    region = _box_corners(box)
    for w1, w2, b in xor_hidden_lines().values():
        region = clip_polygon(region, w1, w2, b, True)
    return region


def xor_zeros_regions(box: tuple[float, float, float, float] = PLOT_BOX) -> list[list[Point]]:
    """Where it outputs 0: s1 = 0 anywhere, or s1 = 1 but s2 = 0 (the box minus the band)."""
    (n1, n2, nb), (o1, o2, ob) = xor_hidden_lines().values()
    nand_off = clip_polygon(_box_corners(box), n1, n2, nb, False)
    or_off = clip_polygon(clip_polygon(_box_corners(box), n1, n2, nb, True), o1, o2, ob, False)
    return [p for p in (nand_off, or_off) if len(p) >= 3]


def label_point(w1: float, w2: float, b: float, offset: float = 0.12) -> Point | None:
    """Where to write a line's name: its middle in the plot box, moved a little to its 0 side.

    A negative offset moves it to the 1 side instead (to keep two labels apart).
    """
    ends = decision_line(w1, w2, b)
    if ends is None:
        return None
    (ax, ay), (bx, by) = ends
    norm = math.hypot(w1, w2)
    return ((ax + bx) / 2 - offset * w1 / norm, (ay + by) / 2 - offset * w2 / norm)
