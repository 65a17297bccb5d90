"""Layer types beyond the contract test: what each one promises a learner."""

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.nn.registry import REGISTRY, layer_type
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document, write_document
from tests.engine.helpers import chain_doc

X = np.random.default_rng(0).normal(size=(16, 2))
Y = X[:, :1] - X[:, 1:]


def noisy_doc(stddev: float, seed: int = 0) -> dict:
    layers = [
        {"id": "noise", "type": "GaussianNoise", "params": {"stddev": stddev}},
        {"id": "h", "type": "Dense", "params": {"units": 4, "activation": "tanh"}},
        {"id": "y", "type": "Dense", "params": {"units": 1}},
    ]
    return chain_doc(layers, 2, X, Y, batch_size=4, seed=seed)


def losses(doc: dict, steps: int = 20) -> list[float]:
    exp = Experiment(doc)
    return [exp.step().loss for _ in range(steps)]


def test_gaussian_noise_is_registered_with_its_sigma():
    ltype = layer_type("GaussianNoise")
    assert ltype.category == "Regularization"  # the palette's group
    sigma = ltype.param("stddev")
    assert (sigma.default, sigma.min, sigma.title) == (0.1, 0.0, "σ")
    assert ltype.normalize_params({"stddev": 0.3}) == {"stddev": 0.3}
    with pytest.raises(DlsimError, match="stddev"):
        ltype.normalize_params({"stddev": -1.0})
    assert ltype.title({"stddev": 0.25}) == "GaussianNoise · σ 0.25"
    assert ltype.title({}) == "GaussianNoise · σ 0.1"
    assert "GaussianNoise" in REGISTRY


def test_noise_changes_training_but_the_same_seed_gives_the_same_run():
    clean = losses(noisy_doc(0.0))
    noisy = losses(noisy_doc(0.5))
    assert noisy != clean
    assert losses(noisy_doc(0.5)) == noisy, "drawn from the training stream: deterministic"
    assert losses(noisy_doc(0.5, seed=1)) != noisy


def test_no_noise_at_inference():
    noisy, clean = Experiment(noisy_doc(2.0)), Experiment(noisy_doc(0.0))
    np.testing.assert_array_equal(noisy.predict(X), clean.predict(X))
    assert noisy.evaluate() == clean.evaluate()


def test_the_noise_has_the_declared_sigma():
    layer = layer_type("GaussianNoise").cls("n", {"stddev": 0.5})
    layer.build([3], np.random.default_rng(0), np.dtype(np.float64))
    x = np.zeros((20000, 3))
    out = layer.forward([x], True, np.random.default_rng(1))
    assert out.std() == pytest.approx(0.5, rel=0.02)
    assert abs(out.mean()) < 0.01
    np.testing.assert_array_equal(layer.backward(np.ones_like(x))[0], np.ones_like(x))


def test_a_document_with_noise_saves_and_loads(tmp_path):
    doc = noisy_doc(0.3)
    path = tmp_path / "noise.dlsim"
    write_document(path, doc)
    again = read_document(path)
    graph = GraphSpec.from_dict(again["graph"])
    assert graph.nodes["noise"].type == "GaussianNoise"
    assert graph.nodes["noise"].params == {"stddev": 0.3}
    assert losses(again) == losses(doc)
