"""A classifier stuck at chance for long gets one sentence saying so and what to try; the
training a new diagram starts with learns XOR whatever a mouse-built network's activations."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim.engine.live.stall import STALL_STEPS, chance_accuracy, stall_advice
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.settings import NEW_DIAGRAM_TRAINING


def test_chance_is_the_share_of_the_most_common_class():
    assert chance_accuracy(np.array([[1.0], [0.0], [1.0], [1.0]]), "binary") == 0.75
    onehot = np.eye(3)[[0, 1, 1, 2, 1]]
    assert chance_accuracy(onehot, "multiclass") == pytest.approx(0.6)
    assert chance_accuracy(np.zeros((4, 1)), "regression") is None


def test_advice_waits_for_long_enough_and_only_for_a_run_at_chance():
    flat = np.full(50, 0.5)
    assert stall_advice(STALL_STEPS - 1, flat, 0.5, ["tanh"]) is None
    assert stall_advice(STALL_STEPS, np.r_[flat, 0.8], 0.5, ["tanh"]) is None, "it learnt once"
    assert stall_advice(STALL_STEPS, flat, None, ["tanh"]) is None, "regression has no chance"
    said = stall_advice(STALL_STEPS, flat, 0.5, ["tanh"])
    assert said.startswith(f"After {STALL_STEPS:,} steps the accuracy is still 50%")
    assert "learning rate" in said and "Adam" in said


def test_a_network_with_no_non_linearity_is_told_why_it_cannot_learn():
    said = stall_advice(2000, np.full(20, 0.5), 0.5, ["linear", None])
    assert "straight boundary" in said and "tanh or ReLU" in said


def mouse_built(hidden: str, output: str, seed: int) -> Experiment:
    """Input → Dense 8 → Dense 1, as dragged from the palette, with File ▸ New's training."""
    out = {"units": 1, "activation": output}
    return Experiment(
        {
            "format": "dlsim",
            "version": 1,
            "graph": {
                "nodes": [
                    {"id": "input_1", "type": "Input", "params": {"units": 2}},
                    {"id": "dense_1", "type": "Dense", "params": {"activation": hidden}},
                    {"id": "dense_2", "type": "Dense", "params": out},
                ],
                "edges": [
                    {"from": "input_1", "to": "dense_1"},
                    {"from": "dense_1", "to": "dense_2"},
                ],
            },
            "training": {**NEW_DIAGRAM_TRAINING, "seed": seed},
        }
    )


@pytest.mark.parametrize(
    ("hidden", "output"), [("tanh", "sigmoid"), ("relu", "sigmoid"), ("relu", "linear")]
)
def test_a_new_diagrams_training_learns_xor(hidden, output):
    for seed in (0, 1, 2):
        exp = mouse_built(hidden, output, seed)
        for _ in range(300):
            exp.step()
        assert exp.metrics()["accuracy"] >= 0.9, (hidden, output, seed)
