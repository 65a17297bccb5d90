"""The data seed behind Regenerate: 0 (or none) draws exactly what the seed always drew, another
value draws fresh samples from its own child stream and leaves the initial weights alone, and a
file that names it gives the same samples on every load."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.training import datasets
from dlsim.engine.training.experiment import Experiment, seed_streams, training_data
from dlsim.engine.training.fileformat import read_document, write_document
from dlsim.engine.training.settings import normalize_training

GENERATED = [kind for kind in datasets.TYPES if "noise" in {p.name for p in datasets.SCHEMA[kind]}]


def cfg(**dataset) -> dict:
    return normalize_training({"dataset": dataset, "seed": 7})


def arrays(data) -> tuple[np.ndarray, ...]:
    return data.x_train, data.y_train, data.x_val, data.y_val


def same(a, b) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(arrays(a), arrays(b), strict=True))


@pytest.mark.parametrize("kind", GENERATED)
def test_data_seed_zero_draws_what_the_seed_always_drew(kind):
    before = datasets.make_dataset({"type": kind}, np.random.default_rng(seed_streams(7)[0]))
    assert same(training_data(cfg(type=kind)), before)
    assert same(training_data(cfg(type=kind, seed=0)), before)


@pytest.mark.parametrize("kind", GENERATED)
def test_another_data_seed_draws_other_samples_the_same_every_time(kind):
    first = training_data(cfg(type=kind, seed=1))
    assert not same(first, training_data(cfg(type=kind)))
    assert not same(first, training_data(cfg(type=kind, seed=2)))
    assert same(first, training_data(cfg(type=kind, seed=1)))


def test_a_new_data_seed_keeps_the_initial_weights():
    graph = {
        "nodes": [
            {"id": "in", "type": "Input", "params": {"units": 2}},
            {"id": "h", "type": "Dense", "params": {"units": 3}},
            {"id": "y", "type": "Dense", "params": {"units": 1}},
        ],
        "edges": [{"from": "in", "to": "h"}, {"from": "h", "to": "y"}],
    }
    doc = {"format": "dlsim", "version": 1, "graph": graph}
    a = Experiment({**doc, "training": {"dataset": {"type": "circle"}, "seed": 3}})
    b = Experiment({**doc, "training": {"dataset": {"type": "circle", "seed": 5}, "seed": 3}})
    assert not np.array_equal(a.dataset.x_train, b.dataset.x_train)
    for nid, tensors in a.params_copy().items():
        for name, value in tensors.items():
            np.testing.assert_array_equal(value, b.params_copy()[nid][name])


def test_the_data_seed_is_saved_and_gives_the_same_samples_after_loading(tmp_path):
    doc = {
        "format": "dlsim",
        "version": 1,
        "graph": {"nodes": [{"id": "in", "type": "Input", "params": {"units": 2}}], "edges": []},
        "training": {"dataset": {"type": "moons", "noise": 0.3, "seed": 4}},
    }
    path = tmp_path / "moons.dlsim"
    write_document(path, doc)
    loaded = read_document(path)
    assert loaded["training"]["dataset"]["seed"] == 4
    again = training_data(normalize_training(loaded["training"]))
    assert same(again, training_data(normalize_training(doc["training"])))


def test_a_bad_data_seed_is_one_sentence_naming_it():
    with pytest.raises(DlsimError, match="dataset 'seed'"):
        training_data(cfg(type="xor", seed=-1))
    with pytest.raises(DlsimError, match="unknown dataset key 'seed'"):
        training_data(cfg(type="iris", seed=1))
