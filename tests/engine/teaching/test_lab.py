"""The perceptron lab's numbers (the lecture's Part 1)."""

import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.teaching.lab import (
    PLOT_BOX,
    XOR_WHY,
    RuleLearner,
    decision_line,
    evaluate,
    fmt,
    gate_weights,
    half_plane,
    label_point,
    xor_hidden_lines,
    xor_ones_region,
    xor_two_layers,
    xor_zeros_regions,
)

LECTURE = {
    "and": ((0.5, 0.5, -0.7), [0, 0, 0, 1]),
    "nand": ((-0.5, -0.5, 0.7), [1, 1, 1, 0]),
    "or": ((0.6, 0.6, -0.5), [0, 1, 1, 1]),
}
ROWS = [(0, 0), (0, 1), (1, 0), (1, 1)]


def _area(poly):
    """Shoelace formula."""
    if len(poly) < 3:
        return 0.0
    s = 0.0
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
        s += x0 * y1 - x1 * y0
    return abs(s) / 2


@pytest.mark.parametrize("name", ["and", "nand", "or"])
def test_gates_have_the_lecture_weights_and_truth_tables(name):
    (w1, w2, b), table = LECTURE[name]
    assert gate_weights(name) == (w1, w2, b)
    rows = evaluate(w1, w2, b, name)
    assert [(r.x1, r.x2) for r in rows] == ROWS
    assert [r.y for r in rows] == table
    assert [r.target for r in rows] == table
    for r, (x1, x2) in zip(rows, ROWS, strict=True):
        assert r.weighted_sum == pytest.approx(w1 * x1 + w2 * x2 + b)
        assert r.correct


def test_the_weighted_sum_is_written_out_with_a_real_minus_sign():
    rows = evaluate(0.5, 0.5, -0.7, "and")
    assert rows[0].sum_text == "0.5·0 + 0.5·0 − 0.7 = −0.7"
    assert rows[3].sum_text == "0.5·1 + 0.5·1 − 0.7 = 0.3"
    assert evaluate(-0.5, -0.5, 0.7, "nand")[1].sum_text == "(−0.5)·0 + (−0.5)·1 + 0.7 = 0.2"


def test_a_sum_of_exactly_zero_gives_zero():
    rows = evaluate(0.0, 0.0, 0.0, "and")
    assert [r.y for r in rows] == [0, 0, 0, 0]


def test_xor_has_no_lecture_weights():
    with pytest.raises(DlsimError, match="xor"):
        gate_weights("xor")


def test_fmt_rounds_and_keeps_tiny_values_visible():
    assert fmt(0.30000000000000004) == "0.3"
    assert fmt(-0.19999999999999996) == "−0.2"
    assert fmt(-0.0) == "0"
    assert fmt(1e-17) == "1.0e−17"


def test_the_and_decision_line_ends_on_the_plot_border():
    # 0.5 x1 + 0.5 x2 − 0.7 = 0  ⇔  x2 = 1.4 − x1: it crosses x1 = 1.5 at x2 = −0.1.
    p, q = decision_line(0.5, 0.5, -0.7)
    ends = sorted([p, q])
    assert ends[0] == pytest.approx((-0.1, 1.5))
    assert ends[1] == pytest.approx((1.5, -0.1))


@pytest.mark.parametrize("w", [(0.5, 0.5, -0.7), (-0.5, -0.5, 0.7), (1.0, 0.0, -0.5), (0.3, -2, 1)])
def test_the_two_half_planes_split_the_plot_box(w):
    w1, w2, b = w
    x0, x1, y0, y1 = PLOT_BOX
    ones, zeros = half_plane(w1, w2, b, True), half_plane(w1, w2, b, False)
    assert _area(ones) + _area(zeros) == pytest.approx((x1 - x0) * (y1 - y0))
    assert all(w1 * px + w2 * py + b >= -1e-12 for px, py in ones)
    assert all(w1 * px + w2 * py + b <= 1e-12 for px, py in zeros)
    line = decision_line(w1, w2, b)
    for px, py in line:
        assert w1 * px + w2 * py + b == pytest.approx(0, abs=1e-12)


def test_no_line_when_both_weights_are_zero():
    assert decision_line(0.0, 0.0, 0.3) is None
    assert _area(half_plane(0.0, 0.0, 0.3, True)) == pytest.approx(4.0)
    assert half_plane(0.0, 0.0, 0.3, False) == []


def test_one_update_written_out_as_w_plus_eta_t_minus_y_x():
    learner = RuleLearner("and", (0.0, 0.0), 0.0, lr=0.1)
    for _ in range(3):  # 00, 01, 10: sum 0 → y = 0 = t, nothing changes
        step = learner.step()
        assert not step.update.changed
        assert "changes nothing" in step.lines[-1]
    step = learner.step()  # 11: sum 0 → y = 0 but t = 1, so every weight grows by 0.1·1·x
    assert step.sample == 3
    assert step.lines == (
        "sample x = (1, 1), target t = 1",
        "Σ = 0·1 + 0·1 + 0 = 0 → y = 0",
        "error t − y = 1 − 0 = 1",
        "w1 ← w1 + η(t − y)x = 0 + 0.1·1·1 = 0.1",
        "w2 ← w2 + η(t − y)x = 0 + 0.1·1·1 = 0.1",
        "b ← b + η(t − y) = 0 + 0.1·1 = 0.1",
    )
    assert learner.weights == pytest.approx((0.1, 0.1, 0.1))


def test_a_negative_error_is_bracketed():
    learner = RuleLearner("and", (0.0, 0.0), 0.5, lr=0.1)
    step = learner.step()  # 00: sum 0.5 → y = 1, t = 0 → b falls by 0.1
    assert step.lines[-1] == "b ← b + η(t − y) = 0.5 + 0.1·(−1) = 0.4"


@pytest.mark.parametrize("name", ["and", "nand", "or"])
@pytest.mark.parametrize("seed", range(8))
def test_the_rule_converges_on_linearly_separable_gates(name, seed):
    learner = RuleLearner.random(name, seed)
    steps = learner.run(max_updates=1000)
    assert learner.converged
    assert len(steps) <= 1000
    assert learner.cycle is None
    assert all(r.correct for r in learner.table())


@pytest.mark.parametrize("seed", range(8))
def test_the_rule_never_converges_on_xor_and_the_weights_cycle(seed):
    learner = RuleLearner.random("xor", seed)
    steps = learner.run(max_updates=1000, stop_on_cycle=False)
    assert len(steps) == 1000
    assert not learner.converged
    assert all(s.mistakes_now > 0 for s in steps)
    cycle = learner.cycle
    assert cycle is not None and cycle.length > 0
    # The weights really are back where they were, before the same sample.
    assert cycle.first_update % 4 == cycle.repeat_update % 4
    a = learner.weights_history[cycle.first_update]
    b = learner.weights_history[cycle.repeat_update]
    assert a == pytest.approx(b, abs=1e-12)
    assert "never converge" in cycle.describe()


def test_run_stops_at_the_cycle_when_asked():
    learner = RuleLearner.random("xor", 0)
    steps = learner.run(max_updates=1000)
    assert learner.cycle is not None
    assert steps[-1].number == learner.cycle.repeat_update


def test_the_same_seed_gives_the_same_run():
    a, b = RuleLearner.random("or", 5), RuleLearner.random("or", 5)
    assert [s.lines for s in a.run()] == [s.lines for s in b.run()]


def test_editing_the_weights_forgets_the_cycle():
    learner = RuleLearner.random("xor", 1)
    learner.run()
    assert learner.cycle is not None
    learner.set_weights(0.5, 0.5, -0.7)
    assert learner.cycle is None and learner.weights == (0.5, 0.5, -0.7)


def test_bad_learner_settings_are_refused():
    with pytest.raises(DlsimError, match="gate"):
        RuleLearner("xnor", (0, 0), 0)
    with pytest.raises(DlsimError, match="learning rate"):
        RuleLearner("and", (0, 0), 0, lr=0)


def test_xor_from_two_layers_of_gates():
    rows = xor_two_layers()
    assert [(r.x1, r.x2) for r in rows] == ROWS
    for r in rows:
        nand = -0.5 * r.x1 - 0.5 * r.x2 + 0.7
        orr = 0.6 * r.x1 + 0.6 * r.x2 - 0.5
        assert r.s1_sum == pytest.approx(nand) and r.s1 == (nand > 0)
        assert r.s2_sum == pytest.approx(orr) and r.s2 == (orr > 0)
        assert r.y_sum == pytest.approx(0.5 * r.s1 + 0.5 * r.s2 - 0.7)
    assert [r.s1 for r in rows] == [1, 1, 1, 0]
    assert [r.s2 for r in rows] == [0, 1, 1, 1]
    assert [r.y for r in rows] == [0, 1, 1, 0] == [r.target for r in rows]


def test_xor_hidden_lines_are_nand_and_or():
    lines = xor_hidden_lines()
    assert list(lines.values()) == [(-0.5, -0.5, 0.7), (0.6, 0.6, -0.5)]


def test_the_lab_explains_why_xor_fails():
    assert "not linearly separable" in XOR_WHY
    assert "AND(NAND, OR)" in XOR_WHY


def test_the_xor_band_holds_01_and_10_but_not_00_and_11():
    band = xor_ones_region()
    # Inside the band both hidden units fire: NAND sum > 0 and OR sum > 0 at every vertex.
    for px, py in band:
        assert -0.5 * px - 0.5 * py + 0.7 >= -1e-12
        assert 0.6 * px + 0.6 * py - 0.5 >= -1e-12
    # Between the parallel lines x1 + x2 = 5/6 and x1 + x2 = 1.4, clipped to the box.
    xs = [px + py for px, py in band]
    assert min(xs) == pytest.approx(5 / 6) and max(xs) == pytest.approx(1.4)


def test_the_xor_zero_regions_fill_the_rest_of_the_box():
    x0, x1, y0, y1 = PLOT_BOX
    total = _area(xor_ones_region()) + sum(_area(p) for p in xor_zeros_regions())
    assert total == pytest.approx((x1 - x0) * (y1 - y0))


def test_a_line_label_sits_on_the_lines_zero_side():
    px, py = label_point(0.5, 0.5, -0.7)
    assert 0.5 * px + 0.5 * py - 0.7 < 0


def test_the_rule_works_in_exact_decimals():
    # Float sums would give w1 = 0.19999999999999998 and b = −0.20000000000000004 here.
    learner = RuleLearner("and", (-0.5, -0.5), -0.5, lr=0.1)
    learner.run(200)
    assert learner.converged
    assert learner.weights == (0.2, 0.1, -0.2)
    assert evaluate(*learner.weights, "and")[2].weighted_sum == 0.0


def test_a_sum_that_is_zero_in_decimals_is_zero():
    rows = evaluate(0.2, 0.1, -0.3, "and")
    assert rows[3].weighted_sum == 0.0 and rows[3].y == 0.0
    assert rows[3].sum_text == "0.2·1 + 0.1·1 − 0.3 = 0"
