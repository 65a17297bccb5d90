"""The exported PyTorch script, checked without torch: it compiles and mirrors the graph."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dlsim.engine.training.experiment import Experiment
from dlsim.export import export
from tests.export.helpers import EXAMPLES, backprop_examples, random_document


def _net_methods(code: str) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(code)
    net = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Net")
    return {f.name: f for f in net.body if isinstance(f, ast.FunctionDef)}


def _literal(code: str, name: str):
    tree = ast.parse(code)
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise KeyError(name)


@pytest.mark.parametrize("path", backprop_examples(), ids=lambda p: p.stem)
def test_script_compiles_and_mirrors_the_graph(path: Path) -> None:
    exp = Experiment.load(path)
    code = export(exp, "pytorch", source=path.name)
    compile(code, path.stem + ".py", "exec")
    methods = _net_methods(code)
    init_attrs = [
        t.attr
        for stmt in ast.walk(methods["__init__"])
        if isinstance(stmt, ast.Assign)
        for t in stmt.targets
        if isinstance(t, ast.Attribute)
    ]
    with_weights = [nid for nid, layer in exp.network.layers.items() if layer.weights]
    assert len(init_attrs) == len(with_weights)
    assigned = [
        t.id
        for stmt in methods["forward"].body
        if isinstance(stmt, ast.Assign)
        for t in stmt.targets
    ]
    assert len(assigned) == len(exp.network.order) - 1  # every layer after the input, in order
    weights = _literal(code, "WEIGHTS")
    params = exp.params()
    assert list(weights) == list(params)
    for nid, values in params.items():
        for name, arr in values.items():
            assert weights[nid][name] == arr.tolist()  # exactly the current weights
    data = _literal(code, "DATA")
    assert data["x_train"] == exp.dataset.x_train.tolist()
    assert data["y_val"] == exp.dataset.y_val.tolist()
    settings = _literal(code, "SETTINGS")
    assert settings["optimizer"] == exp.training["optimizer"]
    assert settings["seed"] == exp.training["seed"]


def test_output_activation_fused_into_the_loss_is_applied_by_predict() -> None:
    code = export(Experiment.load(EXAMPLES / "iris_keras.dlsim"), "pytorch")
    methods = _net_methods(code)
    assert "softmax" not in ast.unparse(methods["forward"])
    assert "torch.softmax" in ast.unparse(methods["predict"])
    assert _literal(code, "SETTINGS")["logits"] is True


def test_every_layer_type_of_the_random_family_is_written() -> None:
    kinds = set()
    for case in range(12):
        doc = random_document(case)
        code = export(Experiment.from_dict(doc), "pytorch")
        compile(code, "case.py", "exec")
        kinds |= {n["type"] for n in doc["graph"]["nodes"]}
        if "Dropout" in code.split("class Net")[1]:
            assert "class Dropout(nn.Module)" in code
    assert kinds >= {
        "Dense",
        "BatchNorm",
        "LayerNorm",
        "Dropout",
        "GaussianNoise",
        "Add",
        "Concatenate",
    }


def test_current_weights_are_exported_not_the_files() -> None:
    exp = Experiment.load(EXAMPLES / "xor_learn.dlsim")
    exp.step()
    weights = _literal(export(exp, "pytorch"), "WEIGHTS")
    for nid, values in exp.params().items():
        assert weights[nid]["W"] == values["W"].tolist()


def dlsim(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dlsim", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_writes_the_script_to_stdout_or_a_file(tmp_path: Path) -> None:
    path = EXAMPLES / "xor_learn.dlsim"
    proc = dlsim("export", str(path), "--to", "pytorch")
    assert proc.returncode == 0, proc.stderr
    compile(proc.stdout, "xor.py", "exec")
    out = tmp_path / "xor.py"
    proc = dlsim("export", str(path), "--to", "pytorch", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == ""
    assert out.read_text() == export(Experiment.load(path), "pytorch", source=path.name)


def test_cli_refuses_what_it_cannot_export_in_one_line(tmp_path: Path) -> None:
    proc = dlsim("export", str(EXAMPLES / "and_gate.dlsim"), "--to", "pytorch")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "perceptron rule" in proc.stderr
    proc = dlsim("export", str(tmp_path / "missing.dlsim"), "--to", "pytorch")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = dlsim("export", str(EXAMPLES / "xor_learn.dlsim"), "--to", "tensorflow")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    target = tmp_path / "no such folder" / "x.py"
    proc = dlsim("export", str(EXAMPLES / "xor_learn.dlsim"), "--to", "pytorch", "-o", str(target))
    assert proc.returncode == 2 and "cannot be saved" in proc.stderr


def test_a_file_named_like_a_document_key_is_still_json_safe(tmp_path: Path) -> None:
    doc = json.loads((EXAMPLES / "xor_learn.dlsim").read_text())
    doc["name"] = 'Tricky """ name \\ with\nlines'
    code = export(Experiment.from_dict(doc), "pytorch", source='we"ird\\.dlsim')
    compile(code, "tricky.py", "exec")
