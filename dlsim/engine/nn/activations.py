"""Activation functions: each one a class that knows everything a view shows about it.

An activation maps a pre-activation ``z`` to ``a = forward(z)`` and turns ``dL/da`` into
``dL/dz`` in ``backward``; outputs keep the input's floating dtype (float32 stays float32). Its
class also carries its help, its parameters (`nn.params.Param`), its formula and slope as
the activation explorer writes them, the same as the backprop stepper writes them (plain and with
the numbers filled in), its label and output range, and where it saturates. The stepper, the
explorer, the inspector, the activation histograms and the docs read them from here: a new
activation is one class in this file (see docs/architecture.md, "How to add an activation").
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.named import Named, resolve
from dlsim.engine.nn.params import Param
from dlsim.engine.notation import MINUS, f8, fmt, given, paren
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate


def _as_float(z: np.ndarray) -> np.ndarray:
    """Keep float32/float64 as given; promote anything else (ints, lists) to float64."""
    if type(z) is not np.ndarray:
        z = np.asarray(z)
    return z if z.dtype.kind == "f" else z.astype(np.float64)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1/(1 + e^−z), accurate in both tails; z is floored so e^−z cannot overflow."""
    floor = -700.0 if z.dtype.itemsize >= 8 else -85.0
    t = np.maximum(z, floor)
    np.negative(t, out=t)
    np.exp(t, out=t)
    t += 1.0
    return np.reciprocal(t, out=t)


class Activation(Named):
    """Base class: a named function f with f' and the chain-rule step dL/dz = dL/da * f'(z).

    Text templates name their parameters in braces ({alpha}); the stepper's also use {a} and {z}
    (the unit's and its net input's names), {a_}/{z_} (their values, 8 decimals), {a_p}/{z_p}
    (the same, bracketed when negative) and {exp_sum} (e^z summed over the layer, for softmax).
    """

    family: ClassVar[dict[str, type[Activation]]] = {}
    label: ClassVar[str] = ""  # the explorer's button
    formula: ClassVar[str] = ""  # the explorer's f(z), e.g. "f(z) = max({alpha}z, z)"
    slope: ClassVar[str] = ""  # the explorer's f′(z)
    note: ClassVar[str] = ""  # what the explorer says about it
    step_formula: ClassVar[tuple[str, str] | None] = None  # stepper: a = …, plain and numbers
    step_slope: ClassVar[tuple[str, str] | None] = None  # stepper: ∂a/∂z, plain and numbers
    elementwise: ClassVar[bool] = True  # False: each output depends on every z (softmax)
    output_range: ClassVar[tuple[float, float] | None] = None  # None: unbounded
    view_bottom: ClassVar[float] = -1.0  # the explorer's lowest y for an unbounded function
    saturation_edge: ClassVar[float | None] = None  # |z| beyond which the output is flat
    explorer_caption: ClassVar[str] = ""  # how the explorer plots it, if not simply f(z)

    def forward(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """Elementwise f'(z), the curve a learner plots next to f."""
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        """dL/dz given dL/da (a = forward(z), passed so sigmoid/tanh/softmax reuse it)."""
        return np.asarray(grad_a) * self.derivative(z)

    def saturated_fraction(self, a: np.ndarray) -> float | None:
        """Share of outputs in the flat tails where gradients vanish; None if it cannot saturate."""
        return None

    def dead_fraction(self, a: np.ndarray) -> float | None:
        """Share of units whose output is flat at zero for the whole batch; None if none can be."""
        return None

    # --- what views show ------------------------------------------------------------------------

    def curve(self, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """f and f′ along a line of z values, as the explorer plots them."""
        return self.forward(z), self.derivative(z)

    def saturation(self, lo: float, hi: float) -> tuple[tuple[float, float], ...]:
        """The z-intervals inside [lo, hi] where the output is flat (within 1% of its limits)."""
        edge = self.saturation_edge
        if edge is None:
            return ()
        regions = []
        if lo < -edge:
            regions.append((lo, min(-edge, hi)))
        if hi > edge:
            regions.append((max(edge, lo), hi))
        return tuple(regions)

    def explorer_text(self) -> tuple[str, str]:
        """The explorer's f(z) and f′(z) with this function's parameter values written in."""
        values = {p.name: fmt(getattr(self, p.name), 3) for p in self.params}
        formula, slope = (translate("Activation", t) for t in (self.formula, self.slope))
        return formula.format(**values), slope.format(**values)

    def _fields(self, a: str, z: str, av: float, zv: float, z_all: list[float]) -> dict[str, str]:
        fields = {p.name: given(getattr(self, p.name)) for p in self.params}
        fields.update(
            a=a,
            z=z,
            a_=f8(av),
            z_=f8(zv),
            a_p=paren(f8(av)),
            z_p=paren(f8(zv)),
            exp_sum=" + ".join(f"e^{paren(f8(v))}" for v in z_all),
        )
        return fields

    def value_text(
        self, a: str, z: str, zv: float, z_all: list[float], av: float = 0.0
    ) -> tuple[str, str]:
        """a = f(z) for the stepper, written symbolically and with z's value filled in.

        A function without stepper text is written as what it is, name(z), never as another
        function's formula.
        """
        if self.step_formula is None:
            return f"{self.name}({z})", f"{self.name}({f8(zv)})"
        fields = self._fields(a, z, av, zv, z_all)
        texts = (translate("Activation", t).format(**fields) for t in self.step_formula)
        return tuple(texts)  # type: ignore[return-value]

    def slope_text(self, a: str, z: str, av: float, zv: float) -> tuple[str, str]:
        """∂a/∂z for the stepper, written symbolically and with the values filled in."""
        if self.step_slope is None:
            return f"{self.name}\u2032({z})", f"{self.name}\u2032({f8(zv)})"
        fields = self._fields(a, z, av, zv, [zv])
        texts = (translate("Activation", t).format(**fields) for t in self.step_slope)
        return tuple(texts)  # type: ignore[return-value]


class Linear(Activation):
    name = "linear"
    label = QT_TRANSLATE_NOOP("Activation", "linear")
    help = QT_TRANSLATE_NOOP("Param", "x: no non-linearity; use for regression outputs")
    formula = "f(z) = z"
    slope = "f\u2032(z) = 1"
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "No bend at all: a stack of linear layers is still one linear map, so depth buys "
        "nothing without a non-linear activation.",
    )
    step_formula = ("{z}", "")
    step_slope = ("1", "")

    def forward(self, z: np.ndarray) -> np.ndarray:
        return _as_float(z).copy()

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return np.ones_like(_as_float(z))


class Step(Activation):
    """1 only when z > 0 strictly (the lecture's gate convention).

    Its derivative is zero everywhere (undefined at 0), so backpropagation passes no gradient
    through it: step units are trained with the perceptron rule instead (see perceptron.py).
    """

    name = "step"
    label = QT_TRANSLATE_NOOP("Activation", "step")
    help = QT_TRANSLATE_NOOP(
        "Param", "1 if x > 0 else 0: the perceptron's threshold; no gradient (perceptron rule)"
    )
    formula = QT_TRANSLATE_NOOP("Activation", "f(z) = 1 if z > 0 else 0")
    slope = QT_TRANSLATE_NOOP("Activation", "f′(z) = 0 (undefined at 0): no gradient")
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "The perceptron's threshold. Its slope is zero everywhere, so backpropagation gets no "
        "signal through it: step units learn by the perceptron rule instead.",
    )
    step_formula = (
        QT_TRANSLATE_NOOP("Activation", "1 if {z} > 0 else 0"),
        QT_TRANSLATE_NOOP("Activation", "1 if {z_} > 0 else 0"),
    )
    step_slope = (QT_TRANSLATE_NOOP("Activation", "0 (a step is flat: no gradient passes)"), "")
    output_range = (0.0, 1.0)

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return (z > 0).astype(z.dtype)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return np.zeros_like(_as_float(z))


class Sigmoid(Activation):
    name = "sigmoid"
    label = QT_TRANSLATE_NOOP("Activation", "sigmoid")
    help = QT_TRANSLATE_NOOP(
        "Param", "1/(1+e^-x): squashes to (0, 1); saturates (vanishing gradient) for large |x|"
    )
    formula = "f(z) = 1 / (1 + e^\u2212z)"
    slope = "f\u2032(z) = f(z)\u00b7(1 \u2212 f(z)) \u2264 0.25"
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "Squashes to (0, 1). In the shaded tails the curve is flat and the slope is almost 0, "
        "and even at its best the slope is only 0.25 — through ten sigmoid layers a gradient "
        "shrinks by at least 0.25¹⁰ ≈ 0.000001: the vanishing gradient.",
    )
    step_formula = (
        f"\u03c3({{z}}) = 1/(1 + e^({MINUS}{{z}}))",
        f"1/(1 + e^({MINUS}{{z_p}}))",
    )
    step_slope = (f"{{a}}(1 {MINUS} {{a}})", f"{{a_}} \u00d7 (1 {MINUS} {{a_}})")
    output_range = (0.0, 1.0)
    saturation_edge = math.log(0.99 / 0.01)  # sigmoid(z) > 0.99  <=>  z > ln 99

    def forward(self, z: np.ndarray) -> np.ndarray:
        return sigmoid(_as_float(z))

    def derivative(self, z: np.ndarray) -> np.ndarray:
        a = self.forward(z)
        return a * (1 - a)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a * a * (1 - a)

    def saturated_fraction(self, a: np.ndarray) -> float | None:
        a = np.asarray(a)
        return float(np.mean((a < 0.01) | (a > 0.99))) if a.size else 0.0


class Tanh(Activation):
    name = "tanh"
    label = "tanh"
    help = QT_TRANSLATE_NOOP(
        "Param", "tanh(x): squashes to (-1, 1), zero-centred; saturates for large |x|"
    )
    formula = "f(z) = tanh z"
    slope = "f\u2032(z) = 1 \u2212 tanh\u00b2 z \u2264 1"
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "Squashes to (−1, 1) and is centred on 0, with slope up to 1 — better than sigmoid, "
        "but in the shaded tails it is just as flat, and gradients vanish there too.",
    )
    step_formula = ("tanh({z})", "tanh({z_})")
    step_slope = (f"1 {MINUS} {{a}}\u00b2", f"1 {MINUS} {{a_p}}\u00b2")
    output_range = (-1.0, 1.0)
    saturation_edge = math.atanh(0.99)  # |tanh z| > 0.99  <=>  |z| > atanh 0.99

    def forward(self, z: np.ndarray) -> np.ndarray:
        return np.tanh(_as_float(z))

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return 1 - np.tanh(_as_float(z)) ** 2

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a * (1 - a * a)

    def saturated_fraction(self, a: np.ndarray) -> float | None:
        a = np.asarray(a)
        return float(np.mean(np.abs(a) > 0.99)) if a.size else 0.0


class ReLU(Activation):
    name = "relu"
    label = "ReLU"
    help = QT_TRANSLATE_NOOP("Param", "max(0, x): cheap, does not saturate for x > 0")
    formula = "f(z) = max(0, z)"
    slope = QT_TRANSLATE_NOOP("Activation", "f′(z) = 1 if z > 0 else 0")
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "Slope exactly 1 for every z > 0, so gradients pass through unchanged: no saturation "
        "on the right. For z < 0 the slope is 0 and a unit stuck there is 'dead'.",
    )
    step_formula = ("max(0, {z})", "max(0, {z_})")
    step_slope = (
        QT_TRANSLATE_NOOP("Activation", "1 if {z} > 0 else 0"),
        QT_TRANSLATE_NOOP("Activation", "1 if {z_} > 0 else 0"),
    )
    view_bottom = -0.5

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return np.maximum(z, 0).astype(z.dtype, copy=False)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return (z > 0).astype(z.dtype)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a * (z > 0)

    def dead_fraction(self, a: np.ndarray) -> float | None:
        """Units with no positive output on any sample of the batch: their slope is 0 throughout."""
        return float(np.mean(np.all(np.asarray(a) <= 0, axis=0)))


class LeakyReLU(Activation):
    """max(alpha*z, z); the lecture uses alpha = 0.1 (Keras defaults to 0.3, PyTorch to 0.01)."""

    name = "leaky_relu"
    label = QT_TRANSLATE_NOOP("Activation", "Leaky ReLU")
    help = QT_TRANSLATE_NOOP(
        "Param", "max(alpha*x, x): ReLU with a small slope alpha (default 0.1) for x < 0"
    )
    params = (
        Param(
            "alpha",
            "float",
            0.1,
            QT_TRANSLATE_NOOP(
                "Param", "slope α for z < 0 (the lecture: 0.1; Keras 0.3; PyTorch 0.01)"
            ),
            0.0,
            1.0,
            max_exclusive=True,
            label="\u03b1",
        ),
    )
    formula = QT_TRANSLATE_NOOP("Activation", "f(z) = max({alpha}z, z)")
    slope = QT_TRANSLATE_NOOP("Activation", "f′(z) = 1 if z > 0 else {alpha}")
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "ReLU with a small slope α for z < 0 (the lecture uses α = 0.1), so no unit ever stops "
        "learning completely.",
    )
    step_formula = (
        QT_TRANSLATE_NOOP("Activation", "max({alpha}·{z}, {z})"),
        QT_TRANSLATE_NOOP("Activation", "max({alpha} × {z_p}, {z_})"),
    )
    step_slope = (
        QT_TRANSLATE_NOOP("Activation", "1 if {z} > 0 else {alpha}"),
        QT_TRANSLATE_NOOP("Activation", "1 if {z_} > 0 else {alpha}"),
    )

    def check(self) -> None:
        if not 0 <= self.alpha < 1:
            raise DlsimError(
                translate("activations", "leaky_relu alpha must be in [0, 1), got {0!r}").format(
                    self.alpha
                )
            )

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return np.where(z > 0, z, self.alpha * z).astype(z.dtype, copy=False)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return np.where(z > 0, 1, self.alpha).astype(z.dtype)


class ELU(Activation):
    """z for z > 0, α(e^z − 1) below: smooth, and negative outputs pull the mean towards 0."""

    name = "elu"
    label = "ELU"
    help = QT_TRANSLATE_NOOP(
        "Param", "x if x > 0 else alpha*(e^x - 1): smooth ReLU whose outputs can be negative"
    )
    params = (
        Param(
            "alpha",
            "float",
            1.0,
            QT_TRANSLATE_NOOP(
                "Param", "α: ELU tends to −α for very negative z (PyTorch and Keras: 1.0)"
            ),
            0.0,
            5.0,
            label="\u03b1",
        ),
    )
    formula = QT_TRANSLATE_NOOP("Activation", "f(z) = z if z > 0 else {alpha}(e^z − 1)")
    slope = QT_TRANSLATE_NOOP("Activation", "f′(z) = 1 if z > 0 else {alpha}e^z")
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "Like ReLU for z > 0, but smooth: below 0 it bends down to −α instead of cutting off, "
        "so the slope αe^z never drops to exactly 0 and no unit dies.",
    )
    step_formula = (
        QT_TRANSLATE_NOOP("Activation", "{z} if {z} > 0 else {alpha}(e^{z} \u2212 1)"),
        QT_TRANSLATE_NOOP("Activation", "{z_} if {z_} > 0 else {alpha} \u00d7 (e^{z_p} \u2212 1)"),
    )
    step_slope = (
        QT_TRANSLATE_NOOP("Activation", "1 if {z} > 0 else {alpha}·e^{z}"),
        QT_TRANSLATE_NOOP("Activation", "1 if {z_} > 0 else {alpha} × e^{z_p}"),
    )

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        neg = self.alpha * np.expm1(np.minimum(z, 0))
        return np.where(z > 0, z, neg).astype(z.dtype, copy=False)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return np.where(z > 0, 1, self.alpha * np.exp(np.minimum(z, 0))).astype(z.dtype)


class Softmax(Activation):
    """Softmax over the last axis, shifted by each row's max so exp never overflows."""

    name = "softmax"
    label = QT_TRANSLATE_NOOP("Activation", "softmax")
    help = QT_TRANSLATE_NOOP(
        "Param", "e^x_i / sum_j e^x_j over a sample's outputs: class probabilities that sum to 1"
    )
    formula = "f(z\u2081) = e^z\u2081 / (e^z\u2081 + e^z\u2082 + e^z\u2083)"
    slope = "\u2202f/\u2202z\u2081 = f\u00b7(1 \u2212 f) \u2264 0.25"
    note = QT_TRANSLATE_NOOP(
        "Activation",
        "Softmax turns a layer's outputs into probabilities that sum to 1. It is a function of "
        "all of them at once, so here only z₁ moves while the other logits stay fixed: raising "
        "z₁ takes probability from the others, and the slope is largest where the classes are "
        "even.",
    )
    explorer_caption = QT_TRANSLATE_NOOP(
        "Activation", "z₁ = z varies; the other logits stay at z₂ = 0 and z₃ = 0"
    )
    explorer_others: ClassVar[tuple[float, ...]] = (0.0, 0.0)
    step_formula = ("e^{z} / \u03a3\u2096 e^z\u2096", "e^{z_p} / ({exp_sum})")
    elementwise = False
    output_range = (0.0, 1.0)

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        e = z - z.max(axis=-1, keepdims=True)
        np.exp(e, out=e)
        e /= e.sum(axis=-1, keepdims=True)
        return e

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """Only the Jacobian's diagonal a(1-a); backward uses the full Jacobian."""
        a = self.forward(z)
        return a * (1 - a)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        # Jacobian-vector product: J = diag(a) - a a^T, so J g = a * (g - <g, a>).
        return a * (grad_a - np.sum(grad_a * a, axis=-1, keepdims=True))

    def curve(self, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The first output and its slope ∂a₁/∂z₁ as z₁ = z moves and the other logits stay."""
        z = _as_float(z)
        logits = np.empty((z.size, 1 + len(self.explorer_others)), dtype=z.dtype)
        logits[:, 0] = z
        logits[:, 1:] = self.explorer_others
        a = self.forward(logits)[:, 0]
        return a, a * (1 - a)


def __getattr__(attr: str) -> Any:
    """NAMES and HELP, read from the classes when asked (so a class added below is in them)."""
    if attr == "NAMES":
        return tuple(Activation.family)
    if attr == "HELP":
        return {name: cls.help for name, cls in Activation.family.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def get(spec: str | dict[str, Any] | Activation) -> Activation:
    """Resolve "relu", {"name": "leaky_relu", "alpha": 0.2} or an Activation to an Activation."""
    return resolve(spec, Activation, Activation.family, "activation")


def classes() -> list[type[Activation]]:
    """Every registered activation, in the order the menus list them."""
    return list(Activation.family.values())


def output_range(name: str | None) -> tuple[float, float] | None:
    """The range an activation's outputs live in, or None when it is unbounded (ReLU…)."""
    cls = Activation.family.get(name or "")
    return cls.output_range if cls is not None else None
