"""Where the perceptron lab writes its labels: clear of the decision lines and of each other.

A decision line that runs through "(1,0) → 1" makes the label unreadable on a projector, and
which side of a point is free depends on the weights. Sizes are in the plot's data units (the
view converts its pixels); a rectangle is (x0, y0, x1, y1) with x0 < x1 and y0 < y1.
"""

from __future__ import annotations

from collections.abc import Sequence

from dlsim.engine.teaching.lab import PLOT_BOX, Point, decision_line

Rect = tuple[float, float, float, float]
Weights = tuple[float, float, float]
Size = tuple[float, float]

# Along a line, try its middle first, then further out on either side.
LINE_FRACTIONS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88)


def rect_at(centre: Point, size: Size) -> Rect:
    (x, y), (w, h) = centre, size
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def crosses(rect: Rect, weights: Weights) -> bool:
    """Whether the line w1·x1 + w2·x2 + b = 0 passes through the rectangle's inside."""
    w1, w2, b = weights
    x0, y0, x1, y1 = rect
    sides = [w1 * x + w2 * y + b for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    return min(sides) < 0 < max(sides)


def overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(rect: Rect, box: tuple[float, float, float, float] = PLOT_BOX) -> bool:
    x0, x1, y0, y1 = box
    return x0 <= rect[0] and rect[2] <= x1 and y0 <= rect[1] and rect[3] <= y1


# Where a point's label may go, in order of preference: straight below, above, right, left, then
# the diagonals; each a little further out if no line leaves room close by.
DIRECTIONS = ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))
EXTRA_GAPS = (0.0, 0.1, 0.25)


def _beside(
    point: Point, size: Size, radius: float, direction: tuple[int, int], gap: float
) -> Point:
    """The centre of a label touching the point's disc (plus `gap`) on one side or corner."""
    (x, y), (w, h), (dx, dy) = point, size, direction
    reach = radius + gap
    return (x + dx * (reach + w / 2), y + dy * (reach + h / 2))


def point_label_centres(
    points: Sequence[Point],
    sizes: Sequence[Size],
    radius: float,
    lines: Sequence[Weights],
    box: tuple[float, float, float, float] = PLOT_BOX,
    spaced: bool = True,
) -> list[Point | None]:
    """The centre of each point's label (of its own size): the first place beside the point
    (below, above, right, left, the diagonals, then further out) that is inside `box`, crossed
    by no line and clear of the other points and labels — if `spaced`, a point's width
    (`radius`) apart sideways, so two labels on one row never read as one ("(0,0) → 0 (1,0)");
    None where there is no such place."""
    spacing = radius if spaced else 0.0
    discs = [rect_at(p, (2 * radius, 2 * radius)) for p in points]
    placed: list[Rect] = []
    centres: list[Point | None] = []
    for point, size in zip(points, sizes, strict=True):
        chosen = None
        for gap in EXTRA_GAPS:
            for direction in DIRECTIONS:
                centre = _beside(point, size, radius, direction, gap)
                r = rect_at(centre, size)
                apart = (r[0] - spacing, r[1], r[2] + spacing, r[3])
                blocked = (
                    any(crosses(r, line) for line in lines)
                    or any(overlaps(r, disc) for disc in discs)
                    or any(overlaps(apart, other) for other in placed)
                )
                if inside(r, box) and not blocked:
                    chosen = centre
                    break
            if chosen is not None:
                break
        centres.append(chosen)
        if chosen is not None:
            placed.append(rect_at(chosen, size))
    return centres


def line_label_centre(
    weights: Weights,
    size: Size,
    avoid: Sequence[Rect],
    offset: float = 0.0,
    box: tuple[float, float, float, float] = PLOT_BOX,
    clip: tuple[float, float, float, float] = PLOT_BOX,
    strict: bool = False,
) -> Point | None:
    """Where to write a line's name: on the line (moved `offset` towards its 0 side), as near its
    middle as keeps the name inside `box` and off every rectangle in `avoid` (if there is no such
    place, the middle, or None when `strict`); None if the line misses `clip` (the part of the
    plane the lines are drawn in)."""
    ends = decision_line(*weights, clip)
    if ends is None:
        return None
    (ax, ay), (bx, by) = ends
    w1, w2, _ = weights
    norm = (w1 * w1 + w2 * w2) ** 0.5
    dx, dy = -offset * w1 / norm, -offset * w2 / norm
    candidates = [(ax + f * (bx - ax) + dx, ay + f * (by - ay) + dy) for f in LINE_FRACTIONS]
    for centre in candidates:
        r = rect_at(centre, size)
        if inside(r, box) and not any(overlaps(r, other) for other in avoid):
            return centre
    return None if strict else candidates[0]


def clearest_height(values: Sequence[float], lo: float, hi: float) -> float:
    """The middle of the widest empty stretch of [lo, hi] between the given heights: where a
    label over a plot column touches none of the curves passing through it."""
    marks = sorted([lo, hi, *(v for v in values if lo < v < hi)])
    gaps = [(b - a, (a + b) / 2) for a, b in zip(marks, marks[1:], strict=False)]
    return max(gaps)[1]
