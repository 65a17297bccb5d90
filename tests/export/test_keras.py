"""The Keras export: compiles without keras; with keras it builds the same parameter shapes and
weights, and its first step's loss is dlsim's (skipped when keras is not installed)."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import numpy as np
import pytest

from dlsim.engine.training.experiment import Experiment
from dlsim.export import export
from dlsim.export.common import attribute_names
from tests.export.helpers import backprop_examples, random_document


def _documents() -> list[tuple[str, Experiment]]:
    out = [(p.stem, Experiment.load(p)) for p in backprop_examples()]
    out += [(f"case{c}", Experiment.from_dict(random_document(c))) for c in range(12)]
    return out


DOCUMENTS = _documents()


@pytest.mark.parametrize("name,exp", DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_keras_code_compiles_and_names_every_layer(name: str, exp: Experiment) -> None:
    code = export(exp, "keras", source=name)
    tree = ast.parse(code)
    names = {
        kw.value.value
        for kw in ast.walk(tree)
        if isinstance(kw, ast.keyword) and kw.arg == "name" and isinstance(kw.value, ast.Constant)
    }
    assert set(attribute_names(exp.network.order).values()) <= names
    compile(code, name + ".py", "exec")


@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


def _load(code: str) -> dict:
    namespace: dict = {"__name__": "exported_keras"}
    exec(compile(code, "exported_keras.py", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("name,exp", DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_keras_model_has_dlsims_weights_and_first_loss(keras, name: str, exp: Experiment) -> None:
    doc = exp.to_dict()
    doc["training"]["batch_size"] = None
    doc["training"]["augment_noise"] = 0.0
    exp = Experiment.from_dict(doc)
    ns = _load(export(exp, "keras"))
    model = ns["build_model"]()
    ns["load_weights"](model)
    ns["compile_model"](model)
    attrs = attribute_names(exp.network.order)
    for nid, values in exp.params().items():
        got = model.get_layer(attrs[nid]).get_weights()
        assert [w.shape for w in got] == [v.shape for v in values.values()]
        for g, want in zip(got, values.values(), strict=True):
            np.testing.assert_array_equal(g, want)
    x = np.array(ns["DATA"]["x_train"])
    y = np.array(ns["DATA"]["y_train"])
    pred = keras.ops.convert_to_numpy(model(x, training=False))
    # Keras keeps its running loss in float32, and its torch backend (3.15) computes matrix
    # products in float32 even when floatx is float64: the numbers agree to float32's precision.
    want = exp.predict(x)
    np.testing.assert_allclose(pred, want, rtol=1e-4, atol=1e-6 * np.abs(want).max())
    assert model.evaluate(x, y, batch_size=len(x), verbose=0, return_dict=True)["loss"] == (
        pytest.approx(exp.evaluate(), rel=1e-4)
    )
    random_layers = ("Dropout", "GaussianNoise")  # Keras draws its own numbers there
    if not any(exp.graph.nodes[n].type in random_layers for n in exp.network.order):
        first = model.train_on_batch(x, y, return_dict=True)["loss"]
        assert first == pytest.approx(exp.step().loss, rel=1e-4)


def test_keras_script_path_is_written_by_the_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "iris_keras.py"
    proc = subprocess.run(
        [sys.executable, "-m", "dlsim", "export", "iris_keras", "--to", "keras", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "keras.optimizers.Adam(learning_rate=0.01" in out.read_text()
