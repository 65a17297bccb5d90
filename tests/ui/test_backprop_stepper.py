"""The backprop stepper on the lecture's example: what a class sees, click by click."""

import math

import pytest
from PySide6.QtCore import Qt

from dlsim.engine.training.fileformat import read_document
from dlsim.resources import example_path
from dlsim.ui.lessons.backprop_stepper import BackpropStepper


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def eight(v):
    return f"{v:.8f}".replace("-", "−")


def lecture_values():
    """The worked example from its formulas (x = (0.1, 0.2), t = (0.4, 0.6), α = 0.5)."""
    x1, x2, t1, t2 = 0.1, 0.2, 0.4, 0.6
    W = [None, 0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]
    v = {"z1": W[1] * x1 + W[2] * x2, "z2": W[3] * x1 + W[4] * x2}
    v["h1"], v["h2"] = sigmoid(v["z1"]), sigmoid(v["z2"])
    v["z3"] = W[5] * v["h1"] + W[6] * v["h2"]
    v["z4"] = W[7] * v["h1"] + W[8] * v["h2"]
    v["o1"], v["o2"] = sigmoid(v["z3"]), sigmoid(v["z4"])
    v["E_o1"], v["E_o2"] = 0.5 * (t1 - v["o1"]) ** 2, 0.5 * (t2 - v["o2"]) ** 2
    v["E_total"] = v["E_o1"] + v["E_o2"]
    d3 = (v["o1"] - t1) * v["o1"] * (1 - v["o1"])
    d4 = (v["o2"] - t2) * v["o2"] * (1 - v["o2"])
    g = {5: d3 * v["h1"], 6: d3 * v["h2"], 7: d4 * v["h1"], 8: d4 * v["h2"]}
    dh1 = (d3 * W[5] + d4 * W[7]) * v["h1"] * (1 - v["h1"])
    dh2 = (d3 * W[6] + d4 * W[8]) * v["h2"] * (1 - v["h2"])
    g.update({1: dh1 * x1, 2: dh1 * x2, 3: dh2 * x1, 4: dh2 * x2})
    v["grads"] = g
    v["new"] = {k: W[k] - 0.5 * g[k] for k in range(1, 9)}
    return v


@pytest.fixture
def stepper(qtbot):
    widget = BackpropStepper()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(stepper):
    """Everything the class can read: header, formula panel, every circle, note and label."""
    diagram = stepper.diagram
    units = {n: (diagram.unit_text(n), diagram.unit_note(n)) for n in diagram.unit_names()}
    edges = {n: diagram.edge_text(n) for n in diagram.edge_names()}
    return stepper.position.text(), stepper.formula_text(), units, edges


def test_it_opens_on_the_lecture_example(stepper):
    assert "lecture" in stepper.title.text()
    assert stepper.position.text() == "iteration 1 · phase 1 of 8"
    assert stepper.diagram.unit_text("x1") == "x1\n0.1"
    assert stepper.diagram.edge_text("W5") == "W5\n0.45"
    assert [b.text() for b in stepper.chip_group.buttons()][:3] == [
        "1  Start",
        "2  Forward h",
        "3  Forward o",
    ]


def test_the_lecture_phase_by_phase_to_8_decimals(stepper):
    v = lecture_values()
    stepper.next_action.trigger()  # forward, hidden layer
    text = stepper.formula_text()
    assert "Forward pass: layer h" in text
    for key in ("z1", "h1", "z2", "h2"):
        assert f"= {eight(v[key])}" in text
    assert stepper.diagram.unit_text("h1") == f"h1\n{eight(v['h1'])}"

    stepper.next_action.trigger()  # forward, output layer
    text = stepper.formula_text()
    for key in ("z3", "o1", "z4", "o2"):
        assert f"= {eight(v[key])}" in text
    assert "0.66384491" in stepper.diagram.unit_text("o2")
    assert "slides print 0.68047 for o2" in text

    stepper.next_action.trigger()  # loss
    text = stepper.formula_text()
    assert "= 0.02193381" in text and "= 0.00203809" in text and "= 0.02397190" in text
    assert f"= {eight(v['E_total'])}" in text

    stepper.next_action.trigger()  # backward, output layer
    text = stepper.formula_text()
    assert "= 0.20944600" in text and "= 0.23802157" in text
    assert "= 0.20944600 × 0.23802157 × 0.51998934" in text
    assert "= 0.02592286" in text
    for k in (5, 6, 7, 8):
        assert f"= {eight(v['grads'][k])}" in text
    assert "∂E/∂W5\n0.02592286" in stepper.diagram.edge_text("W5")

    stepper.next_action.trigger()  # backward, hidden layer
    text = stepper.formula_text()
    assert "= 0.00080888" in text
    for k in (1, 2, 3, 4):
        assert f"= {eight(v['grads'][k])}" in text

    stepper.next_action.trigger()  # update
    text = stepper.formula_text()
    assert "= 0.45 − 0.5 × 0.02592286" in text and "= 0.43703857" in text
    for k in range(1, 9):
        assert f"W{k}⁺" in text
        assert f"= {eight(v['new'][k])}" in text
    assert stepper.diagram.edge_text("W5") == "W5⁺\n0.43703857"
    assert "W1 is 0.3" in text

    stepper.next_action.trigger()  # the loss after the update
    text = stepper.formula_text()
    assert "E_total⁺" in text and "the loss fell" in text
    # Phase 8 shows the new forward values, not "?".
    new = v["new"]
    h1 = sigmoid(new[1] * 0.1 + new[2] * 0.2)
    h2 = sigmoid(new[3] * 0.1 + new[4] * 0.2)
    o1 = sigmoid(new[5] * h1 + new[6] * h2)
    o2 = sigmoid(new[7] * h1 + new[8] * h2)
    for name, value in {"h1": h1, "h2": h2, "o1": o1, "o2": o2}.items():
        assert f"{name}⁺\n\n= {eight(value)}" in text
        assert eight(value) in stepper.diagram.unit_text(name)


def test_back_returns_to_each_previous_display_exactly(stepper):
    seen = [shown(stepper)]
    for _ in range(9):  # through iteration 1 and into iteration 2
        stepper.next_action.trigger()
        seen.append(shown(stepper))
    assert stepper.position.text() == "iteration 2 · phase 2 of 8"
    for expected in reversed(seen[:-1]):
        stepper.back_action.trigger()
        assert shown(stepper) == expected
    assert not stepper.back_action.isEnabled()


def test_the_next_iteration_starts_from_the_updated_weights(stepper):
    for _ in range(8):
        stepper.next_action.trigger()
    assert stepper.position.text() == "iteration 2 · phase 1 of 8"
    assert "Iteration 2" in stepper.formula_text()
    assert stepper.diagram.edge_text("W5") == "W5\n0.43703857"


def test_jump_to_an_iteration_and_see_the_loss_history(stepper):
    stepper.iteration_box.setValue(5)
    stepper.go_button.click()
    assert stepper.position.text() == "iteration 5 · phase 1 of 8"
    xs, ys = stepper.loss_points()
    assert list(xs) == [1, 2, 3, 4]  # iteration 5's loss is not computed yet
    assert ys[0] == pytest.approx(0.02397190, abs=5e-9)
    assert all(b < a for a, b in zip(ys, ys[1:], strict=False))
    stepper.go_to_phase(3)  # its loss phase: now it is on the plot
    assert len(stepper.loss_points()[0]) == 5


def test_clicking_a_phase_chip_jumps_there(stepper):
    stepper.chip_group.button(6).click()
    assert "The update" in stepper.formula_text()
    assert stepper.chip_group.button(6).isChecked()


def test_play_advances_by_itself_until_paused(stepper, qtbot):
    stepper._timer.setInterval(5)
    stepper.play_action.trigger()
    assert stepper.play_action.text() == "Pause"
    qtbot.waitUntil(lambda: stepper.phase_index >= 2, timeout=3000)
    stepper.play_action.trigger()
    assert stepper.play_action.text() == "Play"
    assert not stepper._timer.isActive()


def test_arrow_keys_and_presenter_clickers_are_bound(stepper):
    keys = {s.toString() for s in stepper.next_action.shortcuts()}
    assert {"Right", "PgDown"} <= keys
    keys = {s.toString() for s in stepper.back_action.shortcuts()}
    assert {"Left", "PgUp"} <= keys
    assert stepper.next_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_a_network_too_big_to_show_is_refused_with_a_message(stepper):
    doc = read_document(example_path("backprop_lecture"))
    doc["graph"]["nodes"][1]["params"]["units"] = 9
    del doc["weights"]
    assert not stepper.load_document(doc)
    assert "at most 8 units per layer" in stepper.error_text()
    assert "'h' has 9" in stepper.error_text()
    assert "lecture" in stepper.title.text()  # the lecture is still there to step through
    stepper.next_action.trigger()
    assert "Forward pass: layer h" in stepper.formula_text()


def test_another_small_network_can_be_stepped_through(stepper):
    assert stepper.load_document(read_document(example_path("xor_learn")))
    assert stepper.error_text() == ""
    assert stepper.position.text() == "iteration 1 · phase 1 of 8"
    assert "one sample per iteration" in stepper.formula_text()
    stepper.load_lecture()
    assert "lecture" in stepper.title.text()


def test_step_through_the_open_diagram(stepper):
    doc = read_document(example_path("xor_learn"))
    stepper.set_document_provider(lambda: (doc, None))
    assert not stepper.current_button.isHidden()
    stepper.current_button.click()
    assert "XOR" in stepper.title.text()
