"""The lecture's published numbers, reproduced by the engine to 8 decimals."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.training.experiment import Experiment

EXAMPLES = resources.examples_dir()


def load(name: str) -> Experiment:
    return Experiment.load(EXAMPLES / f"{name}.dlsim")


@pytest.fixture
def lecture_step():
    exp = load("backprop_lecture")
    return exp, exp.step(trace=True)


def test_forward_pass_matches_the_slides(lecture_step) -> None:
    _, rec = lecture_step
    hidden = rec.trace.layers["h"].values
    out = rec.trace.layers["o"].values
    np.testing.assert_allclose(hidden["z"][0], [0.08, 0.11], atol=1e-12)
    # The slides print five decimals, truncated.
    assert out["z"][0, 0] == pytest.approx(0.44498, abs=1e-5)
    assert out["a"][0, 0] == pytest.approx(0.60944, abs=1e-5)
    assert out["z"][0, 1] == pytest.approx(0.68047, abs=1e-5)
    # The slides print 0.68047 for o2 (a typo): o2 = sigmoid(0.68047…) ≈ 0.66384.
    assert out["a"][0, 1] == pytest.approx(0.66384, abs=1e-5)


def test_loss_matches_the_slides(lecture_step) -> None:
    _, rec = lecture_step
    assert round(rec.loss, 8) == 0.02397190
    e_o1, e_o2 = rec.trace.output_losses
    assert round(e_o1, 8) == 0.02193381
    assert round(e_o2, 8) == 0.00203809


def test_output_layer_chain_rule_factors_match_the_slides(lecture_step) -> None:
    _, rec = lecture_step
    out = rec.trace.layers["o"]
    assert round(out.values["grad_a"][0, 0], 8) == 0.20944600  # ∂E/∂o1 = −(target − o1)
    assert round(out.values["dadz"][0, 0], 8) == 0.23802157  # ∂o1/∂z3 = o1(1 − o1)
    assert round(out.grads["W"][0, 0], 8) == 0.02592286  # ∂E/∂W5 (W5: h1 → o1)
    assert round(out.after["W"][0, 0], 8) == 0.43703857  # W5⁺ = 0.45 − 0.5 × 0.02592286


def test_hidden_layer_gradient_matches_the_slides(lecture_step) -> None:
    _, rec = lecture_step
    assert round(rec.trace.layers["h"].grads["W"][0, 0], 8) == 0.00080888  # ∂E/∂W1


def test_every_weight_is_updated_by_plain_sgd(lecture_step) -> None:
    _, rec = lecture_step
    for layer in ("h", "o"):
        t = rec.trace.layers[layer]
        np.testing.assert_allclose(t.after["W"], t.before["W"] - 0.5 * t.grads["W"], rtol=0, atol=0)


def test_loss_falls_after_one_update(lecture_step) -> None:
    exp, rec = lecture_step
    assert rec.trace.loss_after < rec.loss
    assert exp.evaluate() == pytest.approx(rec.trace.loss_after, abs=1e-15)


def test_gate_examples_compute_their_truth_tables() -> None:
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    expected = {
        "and_gate": [0, 0, 0, 1],
        "nand_gate": [1, 1, 1, 0],
        "or_gate": [0, 1, 1, 1],
        "xor_gates": [0, 1, 1, 0],
    }
    for name, table in expected.items():
        np.testing.assert_array_equal(load(name).predict(x)[:, 0], table, err_msg=name)


def test_a_gate_sum_of_exactly_zero_gives_zero() -> None:
    exp = load("and_gate")
    exp.network.set_weights({"y": {"W": [[0.5], [0.5]], "b": [-1.0]}})
    assert exp.predict(np.array([[1.0, 1.0]]))[0, 0] == 0.0


def test_xor_learn_reaches_full_accuracy_from_its_seed() -> None:
    exp = load("xor_learn")
    for _ in range(300):
        exp.step()
    assert exp.metrics()["accuracy"] == 1.0


def test_perceptron_rule_learns_and_from_random_weights_but_never_xor() -> None:
    for gate, should_learn in (("and", True), ("or", True), ("nand", True), ("xor", False)):
        doc = load("and_gate").to_dict()
        del doc["weights"]
        doc["graph"]["nodes"][1]["params"]["kernel_initializer"] = "he_uniform"
        doc["graph"]["nodes"][1]["params"]["bias_initializer"] = {"name": "constant", "value": 0.3}
        doc["training"]["dataset"] = {"type": "truth_table", "gate": gate}
        exp = Experiment(doc)
        learned = False
        for _ in range(1000):
            exp.step()
            if exp.step_count % 4 == 0 and exp.metrics()["accuracy"] == 1.0:
                learned = True
                break
        assert learned == should_learn, gate


def test_perceptron_rule_is_w_plus_eta_t_minus_y_x() -> None:
    exp = load("or_gate")
    exp.network.set_weights({"y": {"W": [[0.0], [0.0]], "b": [0.0]}})
    rec = exp.step(trace=True)  # first row: x = (0, 0), t = 0, y = step(0) = 0 → no change
    layer = rec.trace.layers["y"]
    np.testing.assert_array_equal(layer.after["W"], layer.before["W"])
    exp.step()  # x = (0, 1), t = 1, y = 0 → w2 += 0.1, b += 0.1
    w = exp.params()["y"]
    np.testing.assert_allclose(w["W"][:, 0], [0.0, 0.1])
    np.testing.assert_allclose(w["b"], [0.1])
