"""The `Features` layer: fixed input features (x1², x1·x2, sin x1, …) as in TensorFlow Playground.

It has no weights: each output column is one listed term of the input, so a single Dense layer
after it is linear in those terms (Input 2 → Features [x1, x2, x1*x2] → Dense 1 learns XOR).
A term is `xi`, `xi^2`, `xi*xj`, `sin(xi)` or `cos(xi)` with 1-based feature numbers.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.layers import Layer
from dlsim.engine.nn.registry import Param, register
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate

TERM_FORMS = "xi, xi^2, xi*xj, sin(xi) or cos(xi)"
_PATTERNS = (
    ("x", re.compile(r"x(\d+)")),
    ("square", re.compile(r"x(\d+)\^2")),
    ("product", re.compile(r"x(\d+)\*x(\d+)")),
    ("sin", re.compile(r"sin\(x(\d+)\)")),
    ("cos", re.compile(r"cos\(x(\d+)\)")),
)


class Term(NamedTuple):
    """One output column: its kind and the 0-based input columns it reads (j = i if one)."""

    kind: str
    i: int
    j: int


def parse_term(text: str) -> Term:
    """The term written as `text` (spaces ignored); DlsimError naming it when it is none."""
    compact = "".join(text.split()).lower()
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(compact)
        if match is None:
            continue
        numbers = [int(g) for g in match.groups()]
        if min(numbers) < 1:
            raise DlsimError(
                translate("features", "term '{0}': input features are numbered from x1").format(
                    text
                )
            )
        return Term(kind, numbers[0] - 1, numbers[-1] - 1)
    raise DlsimError(
        translate("features", "'{0}' is not a term (write {1}, features numbered from 1)").format(
            text, TERM_FORMS
        )
    )


def canonical_terms(values: list[str]) -> list[str]:
    """The terms as stored: spaces removed, lower case, each once; DlsimError on a bad one."""
    out: list[str] = []
    for value in values:
        parse_term(value)
        term = "".join(value.split()).lower()
        if term in out:
            raise DlsimError(translate("features", "term '{0}' is listed twice").format(term))
        out.append(term)
    return out


@register(
    params=(
        Param(
            "terms",
            "terms",
            ["x1", "x2", "x1*x2"],
            QT_TRANSLATE_NOOP(
                "Param",
                "The features it outputs, one column each: xi, xi^2, xi*xj, sin(xi) or cos(xi), "
                "numbered from 1 (e.g. x1, x2, x1*x2)",
            ),
            label=QT_TRANSLATE_NOOP("Param", "terms"),
        ),
    ),
    help=QT_TRANSLATE_NOOP(
        "Layer", "Features: fixed functions of the input (x1, x1^2, x1*x2, sin(x1), …), no weights"
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Features"),
    inputs=(1, 1),
    shown=("terms",),
)
class Features(Layer):
    """Each output column is one term of the input; backward applies each term's derivative."""

    type_name = "Features"

    @classmethod
    def output_units(cls, params: dict[str, Any], in_units: list[int]) -> int:
        terms = params["terms"]
        for text in terms:
            term = parse_term(text)
            highest = max(term.i, term.j) + 1
            if highest > in_units[0]:
                raise DlsimError(
                    translate(
                        "features", "term '{0}' reads x{1} but the input has {2} feature(s)"
                    ).format(text, highest, in_units[0])
                )
        return len(terms)

    def build(self, in_units, rng, dtype):
        super().build(in_units, rng, dtype)
        terms = [parse_term(t) for t in self.config["terms"]]
        self._n_in = in_units[0]
        self._i = np.array([t.i for t in terms], dtype=np.intp)
        self._j = np.array([t.j for t in terms], dtype=np.intp)
        self._cols = {
            kind: np.array([c for c, t in enumerate(terms) if t.kind == kind], dtype=np.intp)
            for kind, _ in _PATTERNS
        }

    def forward(self, inputs, training, rng):
        (x,) = inputs
        xi, xj = x[:, self._i], x[:, self._j]
        a = np.empty_like(xi)
        c = self._cols
        a[:, c["x"]] = xi[:, c["x"]]
        a[:, c["square"]] = np.square(xi[:, c["square"]])
        a[:, c["product"]] = xi[:, c["product"]] * xj[:, c["product"]]
        a[:, c["sin"]] = np.sin(xi[:, c["sin"]])
        a[:, c["cos"]] = np.cos(xi[:, c["cos"]])
        self.xi, self.xj, self.a = xi, xj, a
        return a

    def backward(self, grad):
        """dL/dx: each column's gradient times ∂term/∂xi (and ∂term/∂xj), summed per feature."""
        if not self.input_grad:
            return [None]
        xi, xj, c = self.xi, self.xj, self._cols
        d_i = np.zeros_like(grad)  # dL/dxi through each term
        d_j = np.zeros_like(grad)  # dL/dxj through each product term (its second factor)
        d_i[:, c["x"]] = grad[:, c["x"]]
        d_i[:, c["square"]] = 2.0 * xi[:, c["square"]] * grad[:, c["square"]]
        d_i[:, c["product"]] = xj[:, c["product"]] * grad[:, c["product"]]
        d_j[:, c["product"]] = xi[:, c["product"]] * grad[:, c["product"]]
        d_i[:, c["sin"]] = np.cos(xi[:, c["sin"]]) * grad[:, c["sin"]]
        d_i[:, c["cos"]] = -np.sin(xi[:, c["cos"]]) * grad[:, c["cos"]]
        dx = np.zeros((grad.shape[0], self._n_in), dtype=grad.dtype)
        np.add.at(dx.T, self._i, d_i.T)
        np.add.at(dx.T, self._j, d_j.T)
        return [dx]

    def trace(self):
        return {"a": self.a}
