"""The lecture's Part 1: step units, the three gates, XOR from gates, the perceptron rule."""

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.teaching.perceptron import (
    GATES,
    TRUTH_X,
    Perceptron,
    gate,
    random_perceptron,
    step,
    train,
    truth_table,
    xor_from_gates,
)

# The lecture's truth tables for the inputs 00, 01, 10, 11.
LECTURE_TABLES = {
    "and": [0, 0, 0, 1],
    "nand": [1, 1, 1, 0],
    "or": [0, 1, 1, 1],
    "xor": [0, 1, 1, 0],
}


def test_step_outputs_one_only_for_a_strictly_positive_sum():
    assert step(np.array([-1.0, 0.0, 1e-12, 2.0])).tolist() == [0.0, 0.0, 1.0, 1.0]
    assert float(step(0.0)) == 0.0


def test_truth_inputs_are_00_01_10_11_in_order():
    assert TRUTH_X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]


@pytest.mark.parametrize("name", ["and", "nand", "or", "xor"])
def test_truth_table_targets_match_the_lecture(name):
    assert truth_table(name).tolist() == LECTURE_TABLES[name]


def test_gates_carry_the_slides_weights():
    assert GATES["and"] == ((0.5, 0.5), -0.7)
    assert GATES["nand"] == ((-0.5, -0.5), 0.7)
    assert GATES["or"] == ((0.6, 0.6), -0.5)


@pytest.mark.parametrize("name", ["and", "nand", "or"])
def test_each_gate_with_the_lecture_weights_reproduces_its_table(name):
    (w1, w2), b = GATES[name]
    p = gate(name)
    sums = [w1 * x1 + w2 * x2 + b for x1, x2 in TRUTH_X]
    np.testing.assert_allclose(p.weighted_sum(TRUTH_X), sums)
    assert p.predict(TRUTH_X).tolist() == LECTURE_TABLES[name]


def test_and_gate_sums_written_out():
    # 0.5*x1 + 0.5*x2 - 0.7 at 00, 01, 10, 11.
    np.testing.assert_allclose(gate("and").weighted_sum(TRUTH_X), [-0.7, -0.2, -0.2, 0.3])


def test_xor_from_gates_builds_xor_out_of_nand_or_and():
    s1, s2, y = xor_from_gates(TRUTH_X)
    assert s1.tolist() == [1, 1, 1, 0]  # NAND
    assert s2.tolist() == [0, 1, 1, 1]  # OR
    assert y.tolist() == [0, 1, 1, 0]  # AND(s1, s2) = XOR


def test_no_single_gate_is_offered_for_xor():
    with pytest.raises(DlsimError, match="xor"):
        gate("xor")


def test_unknown_gate_names_the_gate():
    with pytest.raises(DlsimError, match="'nor'"):
        gate("nor")
    with pytest.raises(DlsimError, match="'xnor'"):
        truth_table("xnor")


def test_learn_one_follows_the_perceptron_rule_written_out():
    p = Perceptron(np.array([0.2, -0.4]), -0.1)
    x, t, lr = np.array([1.0, 0.0]), 1.0, 0.25
    # 0.2*1 - 0.4*0 - 0.1 = 0.1 > 0, so y = 1, error 0: nothing changes.
    record = p.learn_one(x, t, lr)
    assert (record.y, record.error, record.changed) == (1.0, 0.0, False)
    np.testing.assert_array_equal(p.w, [0.2, -0.4])

    x, t = np.array([0.0, 1.0]), 1.0
    # -0.4 - 0.1 = -0.5 <= 0, so y = 0, error t - y = 1.
    record = p.learn_one(x, t, lr)
    expected_w = np.array([0.2, -0.4]) + lr * (1.0 - 0.0) * x
    expected_b = -0.1 + lr * (1.0 - 0.0)
    assert (record.y, record.error, record.changed) == (0.0, 1.0, True)
    np.testing.assert_allclose(p.w, expected_w)
    assert p.b == pytest.approx(expected_b)
    np.testing.assert_allclose(record.w_before, [0.2, -0.4])
    assert record.b_before == pytest.approx(-0.1)
    np.testing.assert_allclose(record.w_after, expected_w)
    assert record.b_after == pytest.approx(expected_b)


def test_learn_one_matches_the_rule_on_random_samples():
    rng = np.random.default_rng(3)
    p = random_perceptron(3, rng)
    for _ in range(20):
        x, t, lr = rng.uniform(-1, 1, 3), float(rng.integers(0, 2)), 0.3
        w0, b0 = p.w.copy(), p.b
        y = 1.0 if w0 @ x + b0 > 0 else 0.0
        p.learn_one(x, t, lr)
        np.testing.assert_allclose(p.w, w0 + lr * (t - y) * x)
        assert p.b == pytest.approx(b0 + lr * (t - y))


@pytest.mark.parametrize("name", ["and", "or", "nand"])
@pytest.mark.parametrize("seed", range(8))
def test_perceptron_rule_learns_separable_gates(name, seed):
    start = random_perceptron(2, np.random.default_rng(seed))
    result = train(start, TRUTH_X, truth_table(name), lr=0.1, max_updates=1000)
    assert result.converged
    assert len(result.updates) <= 1000
    assert result.perceptron.predict(TRUTH_X).tolist() == LECTURE_TABLES[name]
    # The last pass is the clean one that proved convergence.
    assert not any(u.changed for u in result.updates[-4:])
    assert len(result.updates) == 4 * result.epochs


def test_training_leaves_the_starting_perceptron_alone_and_is_repeatable():
    start = random_perceptron(2, np.random.default_rng(0))
    w0, b0 = start.w.copy(), start.b
    first = train(start, TRUTH_X, truth_table("and"))
    second = train(start, TRUTH_X, truth_table("and"))
    np.testing.assert_array_equal(start.w, w0)
    assert start.b == b0
    np.testing.assert_array_equal(first.perceptron.w, second.perceptron.w)
    assert len(first.updates) == len(second.updates)


def test_training_presents_the_rows_in_order():
    result = train(random_perceptron(2, np.random.default_rng(1)), TRUTH_X, truth_table("or"))
    for i, update in enumerate(result.updates):
        np.testing.assert_array_equal(update.x, TRUTH_X[i % 4])
        assert update.t == LECTURE_TABLES["or"][i % 4]


@pytest.mark.parametrize("seed", range(5))
def test_perceptron_rule_never_learns_xor_and_cycles(seed):
    start = random_perceptron(2, np.random.default_rng(seed))
    result = train(start, TRUTH_X, truth_table("xor"), lr=0.1, max_updates=1000)
    assert not result.converged
    assert len(result.updates) == 1000
    assert result.epochs == 250
    assert result.perceptron.predict(TRUTH_X).tolist() != LECTURE_TABLES["xor"]
    # The weights after each pass come back to an earlier value: the rule goes round in circles.
    states = np.array([[*u.w_after, u.b_after] for u in result.updates[3::4]])
    later = states[len(states) // 2 :]
    earlier = states[: len(states) // 2]
    distances = np.abs(later[:, None, :] - earlier[None, :, :]).max(axis=2)
    assert distances.min() < 1e-9


def test_train_rejects_bad_inputs():
    p = Perceptron(np.zeros(2), 0.0)
    with pytest.raises(DlsimError, match="shape"):
        train(p, np.zeros((4, 3)), truth_table("and"))
    with pytest.raises(DlsimError, match="targets"):
        train(p, TRUTH_X, np.array([0, 1, 1]))
    with pytest.raises(DlsimError, match="0 or 1"):
        train(p, TRUTH_X, np.array([0, 2, 1, 0]))
    with pytest.raises(DlsimError, match="learning rate"):
        train(p, TRUTH_X, truth_table("and"), lr=0.0)


def test_random_perceptron_is_seeded_and_within_minus_one_to_one():
    a = random_perceptron(5, np.random.default_rng(42))
    b = random_perceptron(5, np.random.default_rng(42))
    c = random_perceptron(5, np.random.default_rng(43))
    np.testing.assert_array_equal(a.w, b.w)
    assert a.b == b.b
    assert not np.array_equal(a.w, c.w)
    assert a.w.shape == (5,)
    assert np.all(np.abs(a.w) <= 1) and abs(a.b) <= 1
