"""The perceptron lab as a class sees it: gates, truth tables, the rule, XOR and two layers."""

import pytest

from dlsim.engine.teaching.placement import crosses, overlaps
from dlsim.ui.lessons.perceptron_lab import PerceptronLab

# The lecture's gates: weights and the truth table for inputs 00, 01, 10, 11.
GATES = {
    "and": ((0.5, 0.5, -0.7), ["0", "0", "0", "1"]),
    "nand": ((-0.5, -0.5, 0.7), ["1", "1", "1", "0"]),
    "or": ((0.6, 0.6, -0.5), ["0", "1", "1", "1"]),
}
INPUTS = [("0", "0"), ("0", "1"), ("1", "0"), ("1", "1")]


@pytest.fixture
def lab(qtbot):
    widget = PerceptronLab()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


@pytest.mark.parametrize("name", ["and", "nand", "or"])
def test_each_gate_shows_the_lectures_weights_and_truth_table(lab, name):
    (w1, w2, b), outputs = GATES[name]
    lab.gate_buttons[name].click()
    assert lab.weights() == (w1, w2, b)
    assert [c.spin.value() for c in lab.controls.values()] == [w1, w2, b]
    rows = lab.table_rows()
    assert [(r[0], r[1]) for r in rows] == INPUTS
    assert [r[3] for r in rows] == outputs  # y
    assert [r[4] for r in rows] == outputs  # target
    assert [r[5] for r in rows] == ["✓"] * 4


def test_the_weighted_sum_is_written_out_in_each_row(lab):
    rows = lab.table_rows()
    # AND: 0.5·x1 + 0.5·x2 − 0.7
    assert [r[2] for r in rows] == [
        "0.5·0 + 0.5·0 − 0.7 = −0.7",
        "0.5·0 + 0.5·1 − 0.7 = −0.2",
        "0.5·1 + 0.5·0 − 0.7 = −0.2",
        "0.5·1 + 0.5·1 − 0.7 = 0.3",
    ]


def test_editing_a_weight_updates_the_table_and_the_line_live(lab):
    lab.controls["b"].spin.setValue(-0.2)  # AND's weights with b = −0.2 make an OR
    rows = lab.table_rows()
    assert [r[3] for r in rows] == ["0", "1", "1", "1"]
    assert [r[5] for r in rows] == ["✓", "✗", "✗", "✓"]
    assert lab.controls["b"].slider.value() == -20
    ((ax, ay), (bx, by)) = lab.drawn_lines()[0]
    for px, py in ((ax, ay), (bx, by)):  # both ends on 0.5·x1 + 0.5·x2 − 0.2 = 0
        assert 0.5 * px + 0.5 * py - 0.2 == pytest.approx(0, abs=1e-9)


def test_the_slider_moves_the_spin_box(lab):
    lab.controls["w1"].slider.setValue(125)
    assert lab.controls["w1"].spin.value() == pytest.approx(1.25)
    assert lab.weights()[0] == pytest.approx(1.25)


def test_one_sample_per_click_with_the_update_written_out(lab):
    lab.set_weights(0.0, 0.0, 0.0)
    for _ in range(3):  # 00, 01, 10: the sum is 0 so y = 0 = target, nothing changes
        lab.learn_button.click()
        assert "changes nothing" in lab.update_text()
    lab.learn_button.click()  # 11: y = 0 but t = 1 → every weight grows by 0.1·1·1
    text = lab.update_text()
    assert "Update 4: sample 4 of 4" in text
    assert "w1 ← w1 + η(t − y)x = 0 + 0.1·1·1 = 0.1" in text
    assert "b ← b + η(t − y) = 0 + 0.1·1 = 0.1" in text
    assert lab.weights() == pytest.approx((0.1, 0.1, 0.1))
    assert lab.controls["w2"].spin.value() == pytest.approx(0.1)


@pytest.mark.parametrize("name", ["and", "nand", "or"])
def test_run_until_converged_learns_the_gate_from_random_weights(lab, name):
    lab.gate_buttons[name].click()
    lab.randomize(seed=3)
    lab.run_button.click()
    assert "Converged after" in lab.status_text()
    rows = lab.table_rows()
    assert [r[3] for r in rows] == GATES[name][1]
    assert lab.learner.updates <= 1000


def test_the_same_seed_starts_from_the_same_weights(lab):
    lab.randomize(seed=11)
    first = lab.weights()
    lab.randomize(seed=12)
    assert lab.weights() != first
    lab.seed.setValue(11)
    lab.random_button.click()
    assert lab.weights() == first


def test_xor_never_converges_and_the_lab_says_why(lab):
    lab.gate_buttons["xor"].click()
    assert [r[4] for r in lab.table_rows()] == ["0", "1", "1", "0"]
    lab.randomize(seed=0)
    lab.run_button.click()
    status = lab.status_text()
    assert "cycle" in status and "never converge" in status
    assert "not linearly separable" in status
    assert "not linearly separable" in lab.update_text()
    assert "✗" in [r[5] for r in lab.table_rows()]
    # 1000 more updates change nothing: the rule is stuck going round.
    steps = lab.learner.run(1000, stop_on_cycle=False)
    assert len(steps) == 1000 and not lab.learner.converged


def test_xor_from_two_layers_of_gates(lab):
    lab.gate_buttons["xor"].click()
    assert not lab.two_layer_button.isHidden()
    lab.two_layer_button.click()
    assert lab.table_headers()[:5] == ["x1", "x2", "s1 = NAND", "s2 = OR", "y = AND(s1, s2)"]
    rows = lab.table_rows()
    # s1 = NAND: −0.5·x1 − 0.5·x2 + 0.7; s2 = OR: 0.6·x1 + 0.6·x2 − 0.5; y = AND(s1, s2).
    assert [r[2] for r in rows] == ["1  (Σ 0.7)", "1  (Σ 0.2)", "1  (Σ 0.2)", "0  (Σ −0.3)"]
    assert [r[3] for r in rows] == ["0  (Σ −0.5)", "1  (Σ 0.1)", "1  (Σ 0.1)", "1  (Σ 0.7)"]
    assert [r[4].split()[0] for r in rows] == ["0", "1", "1", "0"]
    assert [r[5] for r in rows] == ["0", "1", "1", "0"]
    assert [r[6] for r in rows] == ["✓"] * 4
    lines = lab.drawn_lines()
    assert len(lines) == 2  # both hidden units' decision lines
    nand, orr = lines
    for px, py in nand:
        assert -0.5 * px - 0.5 * py + 0.7 == pytest.approx(0, abs=1e-9)
    for px, py in orr:
        assert 0.6 * px + 0.6 * py - 0.5 == pytest.approx(0, abs=1e-9)
    lab.two_layer_button.click()
    assert len(lab.drawn_lines()) == 1


def test_two_layers_is_only_offered_for_xor(lab):
    lab.gate_buttons["xor"].click()
    lab.two_layer_button.click()
    lab.gate_buttons["or"].click()
    assert not lab.two_layers
    assert lab.two_layer_button.isHidden()
    assert lab.table_headers()[2] == "w1·x1 + w2·x2 + b"


def test_the_table_shows_no_floating_point_noise(lab):
    # AND from (−0.5, −0.5, −0.2): η = 0.1 steps reach b = −0.2 and w1 = 0.2 by float sums that
    # left 0.2·1 + 0.1·0 − 0.2 = −2.8e−17 in the table; in decimals it is exactly 0.
    lab.set_weights(-0.5, -0.5, -0.2)
    lab.run_button.click()
    assert "Converged" in lab.status_text()
    assert lab.weights() == (0.2, 0.1, -0.2)
    texts = [cell for row in lab.table_rows() for cell in row]
    assert not any("e−" in t or "e-" in t for t in texts)
    assert lab.table_rows()[2][2] == "0.2·1 + 0.1·0 − 0.2 = 0"
    assert [c.spin.value() for c in lab.controls.values()] == [0.2, 0.1, -0.2]


def test_a_sum_that_is_zero_in_decimals_gives_zero(lab):
    lab.set_weights(0.2, 0.1, -0.3)  # 0.2 + 0.1 − 0.3 is 5.6e−17 in binary floats
    row = lab.table_rows()[3]
    assert row[2] == "0.2·1 + 0.1·1 − 0.3 = 0"
    assert row[3] == "0"  # the step fires only for a sum > 0


def test_two_layer_mode_shows_the_gates_weights_and_keeps_learning_off(lab):
    lab.gate_buttons["xor"].click()
    lab.two_layer_button.click()
    assert lab.weights_stack.currentWidget() is lab.gate_weights
    assert lab.gate_weights.rows() == {
        "s1 = NAND": ["−0.5", "−0.5", "0.7"],
        "s2 = OR": ["0.6", "0.6", "−0.5"],
        "y = AND(s1, s2)": ["0.5", "0.5", "−0.7"],
    }
    assert not lab.learn_button.isEnabled() and not lab.run_button.isEnabled()
    lab.learn_one()  # e.g. the shortcut of a script: still two layers, and the lab says why
    assert lab.two_layers and lab.two_layer_button.isChecked()
    assert "two-layer mode" in lab.status_text()
    assert len(lab.drawn_lines()) == 2
    lab.two_layer_button.click()
    assert lab.weights_stack.currentWidget() is lab.unit_weights
    assert lab.learn_button.isEnabled()


def test_the_status_line_stops_claiming_what_is_no_longer_true(lab):
    assert "lecture's weights" in lab.status_text()
    lab.controls["b"].spin.setValue(-0.2)
    assert "lecture's weights" not in lab.status_text()
    assert "2 of 4 rows wrong" in lab.status_text()
    lab.use_lecture_weights()
    assert "lecture's weights" in lab.status_text()
    lab.gate_buttons["xor"].click()
    lab.randomize(seed=0)
    lab.run_button.click()
    assert "After update" in lab.status_text() and "Ran" in lab.update_text()
    lab.controls["w1"].spin.setValue(0.25)
    assert "After update" not in lab.status_text() and "cycle" not in lab.status_text()
    assert "Ran" not in lab.update_text()
    assert not lab._cycle_band.isVisible()


@pytest.mark.parametrize(
    "setup",
    [
        lambda lab: None,
        lambda lab: lab.set_weights(1.0, 0.0, -0.5),
        lambda lab: lab.set_weights(0.0, 1.0, -0.5),
        lambda lab: lab.set_weights(-0.12, -0.06, -0.02),
        lambda lab: (lab.gate_buttons["xor"].click(), lab.two_layer_button.click()),
    ],
)
def test_no_line_runs_through_a_point_label(lab, qtbot, setup):
    lab.show()
    qtbot.waitExposed(lab)
    setup(lab)
    labels = lab.plot.label_rects()
    points = [t for t in labels if "→" in t]
    assert len(points) == 4
    for text in points:
        for weights in lab.plot.line_weights():
            assert not crosses(labels[text], weights), (text, weights)
    names = [t for t in labels if "→" not in t]
    for name in names:  # the lines' own names stay off the point labels
        assert not any(overlaps(labels[name], labels[p]) for p in points)


@pytest.mark.parametrize("size", [(1024, 600), (1280, 800)])
def test_two_point_labels_on_one_row_never_read_as_one(qtbot, size):
    """XOR from two layers in a 1024×640 window: "(0,0) → 0" and "(1,0)" sat side by side a
    hair apart. Labels sharing a row keep a point's width between them, and the two lines'
    names stay apart."""
    lab = PerceptronLab()
    qtbot.addWidget(lab)
    lab.resize(*size)
    lab.show()
    qtbot.waitExposed(lab)
    lab.gate_buttons["xor"].click()
    lab.two_layer_button.click()
    qtbot.wait(50)
    px, _ = lab.plot._pixel()
    labels = lab.plot.label_rects()
    names = [r for text, r in labels.items() if "→" not in text]
    assert len(names) == 2 and not overlaps(*names), names  # the lines' names apart too
    rects = [r for text, r in labels.items() if "→" in text]
    assert len(rects) == 4
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            if min(a[3], b[3]) - max(a[1], b[1]) > 0:  # rows overlap
                gap = (max(a[0], b[0]) - min(a[2], b[2])) / px
                assert gap >= 12, (a, b, gap)
