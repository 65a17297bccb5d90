"""Layer types beyond the contract test: what each one promises a learner."""

import re

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.nn.registry import REGISTRY, layer_type
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document, write_document
from tests.engine.helpers import chain_doc, numerical_grad

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


# --- Features ------------------------------------------------------------------------------------

ALL_TERMS = ["x1", "x3", "x2^2", "x1*x2", "x3*x1", "x2*x2", "sin(x1)", "cos(x3)", "sin(x2)"]


def features_layer(terms: list[str], n_in: int = 3):
    ltype = layer_type("Features")
    layer = ltype.cls("f", ltype.normalize_params({"terms": terms}))
    layer.build([n_in], np.random.default_rng(0), np.dtype(np.float64))
    return layer


def test_features_outputs_each_listed_term_of_its_input():
    x = np.array([[0.5, -2.0, 3.0], [1.0, 0.25, -1.5]])
    out = features_layer(ALL_TERMS).forward([x], True, None)
    x1, x2, x3 = x.T
    expected = np.column_stack(
        [x1, x3, x2**2, x1 * x2, x3 * x1, x2 * x2, np.sin(x1), np.cos(x3), np.sin(x2)]
    )
    np.testing.assert_array_equal(out, expected)
    assert out.dtype == np.float64


def test_features_backward_matches_finite_differences():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(4, 3))
    upstream = rng.normal(size=(4, len(ALL_TERMS)))
    layer = features_layer(ALL_TERMS)

    def loss(values: np.ndarray) -> float:
        return float((layer.forward([values], True, None) * upstream).sum())

    loss(x)
    (analytic,) = layer.backward(upstream)
    assert layer.weights == {} and layer.grads == {}
    np.testing.assert_allclose(analytic, numerical_grad(loss, x), rtol=1e-7, atol=1e-9)


def test_a_network_through_every_kind_of_term_matches_finite_differences():
    from tests.engine.nn.test_gradients import check_experiment

    rng = np.random.default_rng(8)
    layers = [
        {"type": "Dense", "params": {"units": 3, "activation": "tanh"}},
        {"type": "Features", "params": {"terms": ALL_TERMS}},
        {"type": "Dense", "params": {"units": 2}},
    ]
    check_experiment(
        Experiment(chain_doc(layers, 2, rng.normal(size=(5, 2)), rng.normal(size=(5, 2))))
    )


def test_features_terms_are_written_plainly_and_shapes_follow_them():
    ltype = layer_type("Features")
    assert ltype.normalize_params({"terms": [" X1 * x2", "SIN(x1)"]}) == {
        "terms": ["x1*x2", "sin(x1)"]
    }
    assert ltype.title({"terms": ["x1", "x1*x2"]}) == "Features · x1, x1*x2"
    doc = chain_doc(
        [{"id": "f", "type": "Features", "params": {"terms": ["x1", "x2", "x1^2", "cos(x2)"]}}],
        2,
        X,
        np.zeros((16, 4)),
    )
    assert GraphSpec.from_dict(doc["graph"]).infer_shapes()["f"] == 4
    assert Experiment(doc).predict(X).shape == (16, 4)


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (["x1", "x1^3"], "'x1\\^3' is not a term"),
        (["tan(x1)"], "'tan\\(x1\\)' is not a term"),
        (["x0"], "numbered from x1"),
        (["x1", "x1"], "'x1' is listed twice"),
        ([], "non-empty list of terms"),
        ("x1, x2", "non-empty list of terms"),
        ([1, 2], "as texts"),
        (["x1", "x1*x3"], "'x1\\*x3' reads x3 but the input has 2 feature"),
    ],
)
def test_a_bad_term_is_one_sentence_naming_the_node(terms, message):
    from dlsim.engine.training.experiment import check_document

    doc = chain_doc(
        [
            {"id": "feats", "type": "Features", "params": {"terms": terms}},
            {"id": "y", "type": "Dense", "params": {"units": 1}},
        ],
        2,
        X,
        Y,
    )
    problems = [p for p in check_document(doc) if p.severity == "error"]
    assert len(problems) == 1
    assert problems[0].node_id == "feats"
    text = str(problems[0])
    assert text.startswith("error: node 'feats': ") and "\n" not in text
    assert re.search(message, text), text


def test_a_document_with_features_saves_and_loads(tmp_path):
    terms = ["x1", "x2", "x1*x2", "sin(x2)"]
    layers = [
        {"id": "f", "type": "Features", "params": {"terms": terms}},
        {"id": "y", "type": "Dense", "params": {"units": 1}},
    ]
    doc = chain_doc(layers, 2, X, Y)
    path = tmp_path / "features.dlsim"
    write_document(path, doc)
    again = read_document(path)
    assert GraphSpec.from_dict(again["graph"]).nodes["f"].params == {"terms": terms}
    assert losses(again) == losses(doc)
