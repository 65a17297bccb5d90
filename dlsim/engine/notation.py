"""Numbers as the lessons print them: a real minus sign, 8 decimals for results, inputs as typed.

The stepper, the perceptron lab, the explorer and each named function's formula text share
these, so one value is never written two ways.
"""

from __future__ import annotations

MINUS = "\u2212"


def f8(value: float) -> str:
    """A computed value: always 8 decimals, as the lecture prints them, with a real minus sign."""
    text = f"{float(value):.8f}"
    if text == "-0.00000000":
        text = "0.00000000"
    return text.replace("-", MINUS)


def given(value: float) -> str:
    """A number the user typed (an input, a target, a starting weight): as short as it is exact.

    0.45 stays "0.45"; a weight that came out of an update has more digits and gets all 8.
    """
    v = float(value)
    if float(f"{v:.8f}") == v:
        text = f"{v:.8f}".rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
        return text.replace("-", MINUS)
    return f8(v)


def paren(text: str) -> str:
    """A negative number in brackets, so "0.1 × (−1)" reads unambiguously."""
    return f"({text})" if text.startswith(MINUS) else text


def fmt(value: float, decimals: int = 4) -> str:
    """A number as a learner reads it: rounded, trailing zeros dropped, a real minus sign.

    Tiny non-zero values (float noise after many updates) are shown in scientific notation rather
    than as "0", because the step unit treats them as positive and the display must not hide that.
    """
    v = float(value)
    if v != 0.0 and abs(v) < 0.5 * 10.0**-decimals:
        return f"{v:.1e}".replace("-", MINUS)
    text = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", MINUS)
