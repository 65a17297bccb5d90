"""Step-unit perceptrons and the perceptron learning rule (the lecture's Part 1).

Step units have no useful gradient, so they cannot learn by backpropagation; a single layer of
them learns by the perceptron rule w <- w + lr * (t - y) * x, b <- b + lr * (t - y) instead.
The step convention is the slides': output 1 only when the weighted sum is strictly positive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate

GATES: dict[str, tuple[tuple[float, float], float]] = {
    "and": ((0.5, 0.5), -0.7),
    "nand": ((-0.5, -0.5), 0.7),
    "or": ((0.6, 0.6), -0.5),
}

TRUTH_X: np.ndarray = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
TRUTH_X.setflags(write=False)

_TRUTH_Y: dict[str, tuple[float, float, float, float]] = {
    "and": (0.0, 0.0, 0.0, 1.0),
    "nand": (1.0, 1.0, 1.0, 0.0),
    "or": (0.0, 1.0, 1.0, 1.0),
    "xor": (0.0, 1.0, 1.0, 0.0),
}


def step(z: np.ndarray | float) -> np.ndarray:
    """The lecture's threshold: 1.0 where z > 0, else 0.0 (a sum of exactly 0 gives 0)."""
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


@dataclass(frozen=True, eq=False)
class PerceptronUpdate:
    """One presentation of one sample to the perceptron rule, with the weights before and after."""

    x: np.ndarray
    t: float
    y: float
    error: float
    w_before: np.ndarray
    b_before: float
    w_after: np.ndarray
    b_after: float
    changed: bool


@dataclass
class Perceptron:
    """A single step unit: y = step(x . w + b)."""

    w: np.ndarray
    b: float

    def __post_init__(self) -> None:
        w = np.array(self.w, dtype=np.float64)
        if w.ndim != 1 or w.size == 0:
            raise DlsimError(
                translate(
                    "perceptron", "perceptron weights must be a non-empty list, got shape {0}"
                ).format(w.shape)
            )
        self.w = w
        self.b = float(self.b)

    @property
    def n_inputs(self) -> int:
        return int(self.w.shape[0])

    def _as_rows(self, x: np.ndarray) -> np.ndarray:
        rows = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if rows.ndim != 2 or rows.shape[1] != self.n_inputs:
            raise DlsimError(
                translate(
                    "perceptron",
                    "input has shape {0} but the perceptron expects {1} inputs per sample",
                ).format(np.shape(x), self.n_inputs)
            )
        return rows

    def weighted_sum(self, x: np.ndarray) -> np.ndarray:
        """The sum Σ w_i x_i + b for every row of x, shape (n,)."""
        return self._as_rows(x) @ self.w + self.b

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The unit's 0/1 output for every row of x, shape (n,)."""
        return step(self.weighted_sum(x))

    def learn_one(self, x: np.ndarray, t: float, lr: float) -> PerceptronUpdate:
        """Apply the perceptron rule to one sample and return what happened, for the lab to show."""
        xs = np.asarray(x, dtype=np.float64).reshape(-1)
        if xs.shape[0] != self.n_inputs:
            raise DlsimError(
                translate(
                    "perceptron", "sample has {0} inputs but the perceptron has {1} weights"
                ).format(xs.shape[0], self.n_inputs)
            )
        w_before, b_before = self.w.copy(), self.b
        y = float(step(xs @ self.w + self.b))
        error = float(t) - y
        self.w = self.w + lr * error * xs
        self.b = self.b + lr * error
        return PerceptronUpdate(
            x=xs.copy(),
            t=float(t),
            y=y,
            error=error,
            w_before=w_before,
            b_before=b_before,
            w_after=self.w.copy(),
            b_after=self.b,
            changed=error != 0.0,
        )

    def copy(self) -> Perceptron:
        return Perceptron(self.w.copy(), self.b)


@dataclass(frozen=True, eq=False)
class PerceptronTraining:
    """The result of `train`: every update in order, whether a pass was clean, the end state."""

    updates: list[PerceptronUpdate]
    converged: bool
    epochs: int
    perceptron: Perceptron


def _gate_name(name: str, allowed: tuple[str, ...]) -> str:
    key = str(name).lower()
    if key not in allowed:
        raise DlsimError(
            translate("perceptron", "unknown gate '{0}' (choose one of: {1})").format(
                name, ", ".join(allowed)
            )
        )
    return key


def truth_table(gate: str) -> np.ndarray:
    """Targets (shape (4,)) of a gate for the inputs TRUTH_X: 00, 01, 10, 11 in that order."""
    return np.array(_TRUTH_Y[_gate_name(gate, tuple(_TRUTH_Y))])


def gate(name: str) -> Perceptron:
    """A perceptron with the lecture's weights for AND, NAND or OR (XOR needs two layers)."""
    if str(name).lower() == "xor":
        raise DlsimError(
            translate(
                "perceptron",
                "no single perceptron computes 'xor' (it is not linearly separable; use "
                "xor_from_gates)",
            )
        )
    (w1, w2), b = GATES[_gate_name(name, tuple(GATES))]
    return Perceptron(np.array([w1, w2]), b)


def train(
    p: Perceptron,
    x: np.ndarray,
    t: np.ndarray,
    lr: float = 0.1,
    max_updates: int = 1000,
) -> PerceptronTraining:
    """Run the perceptron rule over the rows in order until a whole pass makes no mistake.

    Works on a copy, so `p` is left unchanged; every presentation of a sample counts as one update.
    """
    rows = np.asarray(x, dtype=np.float64)
    if rows.ndim != 2 or rows.shape[1] != p.n_inputs or rows.shape[0] == 0:
        raise DlsimError(
            translate(
                "perceptron",
                "training inputs have shape {0} but the perceptron expects (n, {1}) with n >= 1",
            ).format(rows.shape, p.n_inputs)
        )
    targets = np.asarray(t, dtype=np.float64).reshape(-1)
    if targets.shape[0] != rows.shape[0]:
        raise DlsimError(
            translate("perceptron", "got {0} targets for {1} input rows").format(
                targets.shape[0], rows.shape[0]
            )
        )
    if not np.all((targets == 0.0) | (targets == 1.0)):
        raise DlsimError(translate("perceptron", "perceptron targets must all be 0 or 1"))
    if not lr > 0:
        raise DlsimError(
            translate("perceptron", "learning rate must be positive, got {0}").format(lr)
        )
    if isinstance(max_updates, bool) or int(max_updates) != max_updates or max_updates < 0:
        raise DlsimError(
            translate("perceptron", "max_updates must be a whole number >= 0, got {0}").format(
                max_updates
            )
        )

    unit = p.copy()
    n = rows.shape[0]
    updates: list[PerceptronUpdate] = []
    converged = False
    mistakes_this_pass = 0
    while len(updates) < max_updates:
        i = len(updates) % n
        record = unit.learn_one(rows[i], targets[i], lr)
        updates.append(record)
        mistakes_this_pass += record.changed
        if i == n - 1:
            if mistakes_this_pass == 0:
                converged = True
                break
            mistakes_this_pass = 0
    epochs = -(-len(updates) // n)
    return PerceptronTraining(updates=updates, converged=converged, epochs=epochs, perceptron=unit)


def xor_from_gates(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """XOR as the lecture's two-layer net: s1 = NAND(x), s2 = OR(x), y = AND(s1, s2)."""
    s1 = gate("nand").predict(x)
    s2 = gate("or").predict(x)
    y = gate("and").predict(np.stack([s1, s2], axis=1))
    return s1, s2, y


def random_perceptron(n_inputs: int, rng: np.random.Generator) -> Perceptron:
    """A seeded starting point for the lab: weights and bias drawn from U(-1, 1)."""
    if isinstance(n_inputs, bool) or int(n_inputs) != n_inputs or n_inputs < 1:
        raise DlsimError(
            translate("perceptron", "a perceptron needs at least 1 input, got {0}").format(n_inputs)
        )
    values = rng.uniform(-1.0, 1.0, size=int(n_inputs) + 1)
    return Perceptron(values[:-1], float(values[-1]))
