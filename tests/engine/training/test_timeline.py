"""Time travel: `Experiment.state_at(k)` is the run's exact state after k steps, bit for bit."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine import DlsimError, Experiment
from dlsim.engine.training.timeline import MIN_SPACING


def noisy_iris() -> dict:
    """The iris example (shuffled mini-batches, Adam) with dropout, BatchNorm, GaussianNoise and
    input augmentation added, so every random stream and running statistic is exercised."""
    doc = json.loads(resources.example_path("iris_keras").read_text())
    nodes = doc["graph"]["nodes"]
    nodes[1:1] = [{"id": "noise", "type": "GaussianNoise", "params": {"stddev": 0.1}}]
    nodes.insert(3, {"id": "drop", "type": "Dropout", "params": {"rate": 0.3}})
    nodes.insert(4, {"id": "bn", "type": "BatchNorm"})
    chain = [n["id"] for n in nodes]
    doc["graph"]["edges"] = [{"from": a, "to": b} for a, b in zip(chain, chain[1:], strict=False)]
    doc["training"]["augment_noise"] = 0.05
    return doc


def fingerprint(exp: Experiment) -> tuple:
    """Every piece of state that decides the run's future, as bytes (so NaNs compare too)."""
    t = exp.trainer
    weights = [
        (nid, name, arr.dtype.str, arr.tobytes())
        for nid, values in sorted(exp.params().items())
        for name, arr in sorted(values.items())
    ]
    opt = exp.optimizer.state_dict()
    slots = [
        (key, entry["step"], entry["shape"], [_bytes(v) for k, v in sorted(entry.items())])
        for key, entry in sorted(opt["slots"].items())
    ]
    order = None if t._order is None else t._order.tobytes()
    rng = json.dumps(t.rng.bit_generator.state, sort_keys=True, default=str)
    return (
        weights,
        opt["iterations"],
        slots,
        rng,
        order,
        t._pos,
        t.step_count,
        t.epoch,
        json.dumps(exp.training, sort_keys=True),
    )


def _bytes(value):
    return value.tobytes() if isinstance(value, np.ndarray) else value


def fresh_run(doc: dict, steps: int, changes: dict[int, dict] | None = None) -> tuple[list, list]:
    """Fingerprints after 0..steps steps and each step's loss, from a new experiment."""
    exp = Experiment(doc)
    prints, losses = [], []
    for k in range(steps + 1):
        if changes and k in changes:
            exp.set_training(changes[k])
        prints.append(fingerprint(exp))
        if k < steps:
            losses.append(exp.step().loss)
    return prints, losses


@pytest.mark.parametrize(
    "doc",
    [noisy_iris(), json.loads(resources.example_path("xor_learn").read_text())],
    ids=["iris+dropout+bn+noise", "xor_learn"],
)
def test_state_at_is_a_fresh_run_of_k_steps_and_leaves_the_run_alone(doc):
    steps = 3 * MIN_SPACING + 5
    prints, losses = fresh_run(doc, steps + 4)
    exp = Experiment(doc)
    for _ in range(steps):
        exp.step()
    before = fingerprint(exp)
    for k in (0, 1, MIN_SPACING, MIN_SPACING + 3, 2 * MIN_SPACING - 1, steps - 1, steps):
        past = exp.state_at(k)
        assert past is not exp
        assert fingerprint(past) == prints[k], k
        assert [past.step().loss for _ in range(4)] == losses[k : k + 4], k
    assert fingerprint(exp) == before
    assert [exp.step().loss for _ in range(4)] == losses[steps : steps + 4]


def test_settings_changed_during_the_run_are_replayed_at_their_step():
    changes = {
        5: {"optimizer": {"type": "adam", "lr": 0.002}},
        11: {"batch_size": 8},
        19: {"seed": 3},  # redraws the data set and restarts the training stream
        20: {"optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}},
    }
    doc = noisy_iris()
    steps = 30
    prints, losses = fresh_run(doc, steps + 3, changes)
    exp = Experiment(doc)
    for k in range(steps):
        if k in changes:
            exp.set_training(changes[k])
        exp.step()
    for k in (4, 5, 8, 11, 15, 19, 20, 23, 30):
        past = exp.state_at(k)
        assert fingerprint(past) == prints[k], k
        next_losses = []
        for n in range(k, k + 3):
            if n in changes and n > k:
                past.set_training(changes[n])
            next_losses.append(past.step().loss)
        assert next_losses == losses[k : k + 3], k


def test_a_diverged_run_is_rewound_with_its_nans():
    doc = json.loads(resources.example_path("exploding_gradients").read_text())
    doc["training"]["optimizer"]["lr"] = 5.0
    exp = Experiment(doc)
    with np.errstate(all="ignore"):
        for _ in range(12):
            exp.step()
        assert not np.isfinite(exp.weight_range()[1])
        assert fingerprint(exp.state_at(11)) == fingerprint(exp.state_at(11))
        assert fingerprint(exp.state_at(12)) == fingerprint(exp)


def test_steps_outside_the_history_are_refused_in_one_sentence():
    exp = Experiment.load(resources.example_path("and_gate"))
    exp.step()
    with pytest.raises(DlsimError, match="step 2 is beyond this run, which has made 1 steps"):
        exp.state_at(2)
    with pytest.raises(DlsimError, match="whole number"):
        exp.state_at(0.5)
    branch = exp.state_at(1)
    branch.step()
    with pytest.raises(DlsimError, match="before step 1, where this run's history starts"):
        branch.state_at(0)


def test_checkpoints_stay_within_the_memory_budget_over_1e5_steps():
    exp = Experiment.load(resources.example_path("and_gate"), history_bytes=64 * 1024)
    timeline = exp.timeline
    peak = 0
    for n in range(1, 10**5 + 1):  # the counting as a run makes it, without the arithmetic
        exp.trainer.step_count = n
        timeline.after_step(exp)
        peak = max(peak, timeline.nbytes)
    assert peak <= 64 * 1024
    steps = timeline.checkpoint_steps
    assert steps[0] == 0 and len(steps) > 10
    assert timeline.spacing > MIN_SPACING
    assert all(s % timeline.spacing == 0 for s in steps)


def test_a_small_budget_keeps_state_at_exact_with_sparser_checkpoints():
    doc = noisy_iris()
    prints, _ = fresh_run(doc, 200)
    exp = Experiment(doc, history_bytes=20_000)
    for _ in range(200):
        exp.step()
    assert exp.timeline.nbytes <= 20_000
    assert exp.timeline.spacing > MIN_SPACING
    for k in (77, 150, 199):
        assert fingerprint(exp.state_at(k)) == prints[k], k
    exp.history_bytes = 5_000
    assert exp.timeline.nbytes <= 5_000 or exp.timeline.checkpoint_steps == [0]
    assert fingerprint(exp.state_at(123)) == prints[123]
