"""Experiments: determinism, save/load round trips, hyper-parameter changes, batch modes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine import DlsimError, Experiment
from dlsim.engine.training.experiment import training_data
from dlsim.engine.training.fileformat import read_document

EXAMPLES = resources.examples_dir()


def spiral_doc(**training) -> dict:
    return {
        "format": "dlsim",
        "version": 1,
        "name": "spiral",
        "graph": {
            "nodes": [
                {"id": "x", "type": "Input", "params": {"units": 2}, "pos": [0, 0]},
                {"id": "h", "type": "Dense", "params": {"units": 8, "activation": "relu"}},
                {"id": "d", "type": "Dropout", "params": {"rate": 0.2}},
                {"id": "bn", "type": "BatchNorm"},
                {"id": "y", "type": "Dense", "params": {"units": 1, "activation": "sigmoid"}},
            ],
            "edges": [
                {"from": "x", "to": "h"},
                {"from": "h", "to": "d"},
                {"from": "d", "to": "bn"},
                {"from": "bn", "to": "y"},
            ],
        },
        "training": {
            "dataset": {"type": "spiral", "n": 100, "noise": 0.1},
            "loss": "binary_crossentropy",
            "optimizer": {"type": "adam", "lr": 0.01},
            "batch_size": 16,
            "shuffle": True,
            "seed": 3,
            **training,
        },
    }


def run(exp: Experiment, n: int) -> list[float]:
    return [exp.step().loss for _ in range(n)]


def test_same_document_and_seed_give_bit_identical_runs() -> None:
    a, b = Experiment(spiral_doc()), Experiment(spiral_doc())
    assert run(a, 30) == run(b, 30)
    for nid, values in a.params().items():
        for name, arr in values.items():
            np.testing.assert_array_equal(arr, b.params()[nid][name])


def test_a_different_seed_gives_a_different_run() -> None:
    assert run(Experiment(spiral_doc(seed=3)), 5) != run(Experiment(spiral_doc(seed=4)), 5)


def test_reset_reproduces_the_same_first_losses() -> None:
    exp = Experiment(spiral_doc())
    first = run(exp, 10)
    exp.reset()
    assert exp.step_count == 0
    assert run(exp, 10) == first


def test_save_and_load_round_trip_is_bit_exact(tmp_path: Path) -> None:
    exp = Experiment(spiral_doc())
    run(exp, 25)
    path = tmp_path / "trained.dlsim"
    exp.save(path)
    again = Experiment.load(path)
    for nid, values in exp.params().items():
        for name, arr in values.items():
            np.testing.assert_array_equal(arr, again.params()[nid][name])
    assert again.to_dict() == exp.to_dict()


def test_float32_weights_round_trip_exactly(tmp_path: Path) -> None:
    exp = Experiment(spiral_doc(dtype="float32"))
    run(exp, 5)
    assert exp.params()["h"]["W"].dtype == np.float32
    exp.save(tmp_path / "f32.dlsim")
    again = Experiment.load(tmp_path / "f32.dlsim")
    np.testing.assert_array_equal(again.params()["h"]["W"], exp.params()["h"]["W"])


def test_unknown_keys_survive_a_round_trip(tmp_path: Path) -> None:
    doc = spiral_doc(future_option={"a": 1})
    doc["plugin_data"] = [1, 2, 3]
    doc["graph"]["nodes"][1]["colour"] = "teal"
    exp = Experiment(doc)
    exp.save(tmp_path / "x.dlsim")
    saved = json.loads((tmp_path / "x.dlsim").read_text())
    assert saved["plugin_data"] == [1, 2, 3]
    assert saved["training"]["future_option"] == {"a": 1}
    assert saved["graph"]["nodes"][1]["colour"] == "teal"


def test_examples_load_and_validate() -> None:
    for path in sorted(EXAMPLES.glob("*.dlsim")):
        exp = Experiment.load(path)
        assert exp.description, path.name
        assert np.isfinite(exp.evaluate()), path.name


def test_changing_the_learning_rate_applies_at_the_next_step() -> None:
    exp = Experiment.load(EXAMPLES / "backprop_lecture.dlsim")
    exp.set_training({"optimizer": {"lr": 1.0}})
    rec = exp.step(trace=True)
    t = rec.trace.layers["o"]
    np.testing.assert_allclose(t.after["W"], t.before["W"] - 1.0 * t.grads["W"])
    assert exp.training["optimizer"]["lr"] == 1.0


def test_switching_optimizer_type_mid_run_keeps_the_weights() -> None:
    exp = Experiment(spiral_doc())
    run(exp, 5)
    before = exp.params()["h"]["W"]
    exp.set_training({"optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}})
    np.testing.assert_array_equal(exp.params()["h"]["W"], before)
    assert exp.optimizer.name == "sgd"
    assert exp.step_count == 5


def test_a_new_seed_mid_run_redraws_the_data_the_settings_name() -> None:
    exp = Experiment(spiral_doc())
    run(exp, 5)
    weights = exp.params()
    exp.set_training({"seed": 7})
    drawn = training_data(exp.training)
    np.testing.assert_array_equal(exp.dataset.x_train, drawn.x_train)
    assert not np.array_equal(drawn.x_train, training_data({**exp.training, "seed": 0}).x_train)
    np.testing.assert_array_equal(exp.params()["h"]["W"], weights["h"]["W"])
    assert exp.step_count == 5
    fresh = Experiment({**spiral_doc(), "training": exp.training})
    np.testing.assert_array_equal(fresh.dataset.x_train, drawn.x_train)


def test_a_bad_hyper_parameter_is_refused_and_changes_nothing() -> None:
    exp = Experiment(spiral_doc())
    with pytest.raises(DlsimError, match="lr"):
        exp.set_training({"optimizer": {"lr": -1}})
    assert exp.training["optimizer"]["lr"] == 0.01


def test_mini_batch_epochs_count_batches() -> None:
    exp = Experiment(spiral_doc(batch_size=16))  # 80 training rows → 5 batches per epoch
    records = [exp.step() for _ in range(11)]
    assert [r.epoch for r in records] == [0] * 5 + [1] * 5 + [2]
    assert [r.batch_size for r in records[:5]] == [16] * 5


def test_stochastic_mode_uses_one_sample_per_step() -> None:
    exp = Experiment(spiral_doc(batch_size=1))
    assert exp.step().batch_size == 1


def test_full_batch_mode_uses_every_training_row() -> None:
    exp = Experiment(spiral_doc(batch_size=None))
    assert exp.step().batch_size == exp.dataset.n_train
    assert exp.step().epoch == 1


def test_records_carry_gradient_norms_and_activation_statistics() -> None:
    exp = Experiment(spiral_doc())
    rec = exp.step()
    assert set(rec.grad_norms()) == {"h", "bn", "y"}
    assert all(v > 0 for v in rec.grad_norms().values())
    stats = rec.activation_stats()
    assert stats["h"]["hist"].sum() == rec.batch_size * 8
    assert 0.0 <= stats["h"]["dead_fraction"] <= 1.0
    assert stats["y"]["saturated_fraction"] is not None


def test_dropout_is_off_at_inference() -> None:
    exp = Experiment(spiral_doc())
    x = exp.dataset.x_val
    np.testing.assert_array_equal(exp.predict(x), exp.predict(x))


def test_batchnorm_running_statistics_follow_pytorch_conventions() -> None:
    doc = spiral_doc(batch_size=None, shuffle=False)
    doc["graph"]["nodes"][2]["params"]["rate"] = 0.0
    exp = Experiment(doc)
    exp.step()
    bn = exp.network.layers["bn"]
    h = exp.network.layers["d"].a
    n = h.shape[0]
    np.testing.assert_allclose(bn.state["running_mean"], 0.1 * h.mean(axis=0), rtol=1e-12)
    unbiased = h.var(axis=0) * n / (n - 1)
    np.testing.assert_allclose(bn.state["running_var"], 0.9 + 0.1 * unbiased, rtol=1e-12)


def test_input_size_mismatch_names_the_input_node() -> None:
    doc = spiral_doc()
    doc["graph"]["nodes"][0]["params"]["units"] = 3
    with pytest.raises(DlsimError, match="3 units but the data set has 2 features") as info:
        Experiment(doc)
    assert info.value.node_id == "x"


def test_weights_with_the_wrong_shape_are_refused_with_the_node() -> None:
    doc = read_document(EXAMPLES / "backprop_lecture.dlsim")
    doc["weights"]["o"]["W"] = [[1.0, 2.0, 3.0]]
    with pytest.raises(DlsimError, match="shape 1×3, the layer needs 2×2") as info:
        Experiment(doc)
    assert info.value.node_id == "o"


def test_copy_starts_from_the_current_weights_and_runs_independently() -> None:
    exp = Experiment(spiral_doc())
    run(exp, 3)
    twin = exp.copy()
    np.testing.assert_array_equal(twin.params()["h"]["W"], exp.params()["h"]["W"])
    twin.step()
    assert not np.array_equal(twin.params()["h"]["W"], exp.params()["h"]["W"])


def test_continue_from_keeps_unedited_layers_and_the_step_count() -> None:
    trained = Experiment(spiral_doc())
    run(trained, 20)
    edited_doc = spiral_doc()
    edited_doc["graph"]["nodes"][1]["params"]["kernel_initializer"] = "he_normal"  # layer h
    edited = Experiment(edited_doc)
    fresh_h = edited.params()["h"]["W"].copy()
    edited.continue_from(trained)
    assert (edited.step_count, edited.epoch) == (trained.step_count, trained.epoch)
    np.testing.assert_array_equal(edited.params()["h"]["W"], fresh_h)
    for nid in ("bn", "y"):
        for name, value in trained.params()[nid].items():
            np.testing.assert_array_equal(edited.params()[nid][name], value)
    assert run(edited, 1)[0] != run(Experiment(edited_doc), 1)[0], "it goes on from there"


def test_continue_from_an_untrained_experiment_changes_nothing() -> None:
    edited = Experiment(spiral_doc())
    before = edited.params()["y"]["W"].copy()
    edited.continue_from(Experiment(spiral_doc(seed=9)))
    assert edited.step_count == 0
    np.testing.assert_array_equal(edited.params()["y"]["W"], before)
