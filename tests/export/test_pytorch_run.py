"""The exported script trains exactly like dlsim (needs torch; skipped without it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlsim.engine.training.experiment import Experiment
from dlsim.export import export
from tests.export.helpers import (
    EXAMPLES,
    backprop_examples,
    exported_results,
    max_relative_difference,
    random_document,
    reference,
    run_script_in_process,
    tensor_relative_difference,
)

torch = pytest.importorskip("torch")

STEPS = 15
CASES = range(28)  # 4 × 7: every optimizer with every clipping mode, every loss and middle layer


@pytest.mark.parametrize("path", backprop_examples(), ids=lambda p: p.stem)
def test_every_backprop_example_trains_as_in_dlsim(path: Path) -> None:
    code = export(Experiment.load(path), "pytorch")
    got = run_script_in_process(code, STEPS)
    assert max_relative_difference(got, reference(Experiment.load(path), STEPS)) <= 1e-9


@pytest.mark.parametrize("case", CASES)
def test_random_float64_graphs_train_as_in_dlsim(case: int) -> None:
    got, want = exported_results(random_document(case, "float64"), STEPS)
    assert max_relative_difference(got, want) <= 1e-9


@pytest.mark.parametrize("case", CASES)
def test_random_float32_graphs_train_as_in_dlsim(case: int) -> None:
    got, want = exported_results(random_document(case, "float32"), STEPS)
    assert tensor_relative_difference(got, want) <= 1e-4


def test_training_changes_the_weights_so_the_comparison_means_something() -> None:
    doc = random_document(2)
    got, _want = exported_results(doc, STEPS)
    start = Experiment.from_dict(doc).params()
    assert got["params"]["out"]["W"] != start["out"]["W"].tolist()


def _script(tmp_path: Path, doc_or_path) -> Path:
    if isinstance(doc_or_path, Path):
        exp = Experiment.load(doc_or_path)
    else:
        exp = Experiment.from_dict(doc_or_path)
    out = tmp_path / "exported.py"
    out.write_text(export(exp, "pytorch"))
    return out


def _run(cmd: list[str], cwd: Path) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=cwd, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_iris_script_prints_what_dlsim_run_prints_for_100_steps(tmp_path: Path) -> None:
    path = EXAMPLES / "iris_keras.dlsim"
    script = _script(tmp_path, path)
    got = _run([sys.executable, str(script), "--steps", "100", "--json"], tmp_path)
    want = _run(
        [sys.executable, "-m", "dlsim", "run", str(path), "--steps", "100", "--json"], tmp_path
    )
    assert got.keys() == want.keys()
    assert max_relative_difference(got, want) <= 1e-9
    saved = tmp_path / "iris.pt"
    _run([sys.executable, str(script), "--steps", "2", "--json", "--save", str(saved)], tmp_path)
    state = torch.load(saved)
    assert state["y.weight"].shape == (3, 8)


def _torchrun() -> list[str]:
    exe = shutil.which("torchrun", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("torchrun is not installed")
    return [exe, "--standalone", "--nproc_per_node", "2"]


def _full_batch_case() -> dict:
    doc = random_document(0)  # BatchNorm in the middle, augmentation noise
    doc["training"]["batch_size"] = None
    assert any(n["type"] == "BatchNorm" for n in doc["graph"]["nodes"])
    return doc


def _dropout_case() -> dict:
    doc = random_document(9)  # Dropout in the middle, L2
    doc["training"]["batch_size"] = None
    assert any(n["type"] == "Dropout" for n in doc["graph"]["nodes"])
    return doc


def _noise_case() -> dict:
    doc = random_document(13)  # GaussianNoise in the middle
    doc["training"]["batch_size"] = None
    assert any(n["type"] == "GaussianNoise" for n in doc["graph"]["nodes"])
    return doc


@pytest.mark.parametrize("make", [_full_batch_case, _dropout_case, _noise_case])
def test_two_processes_train_full_batch_as_one_does(tmp_path: Path, make) -> None:
    doc = make()
    script = _script(tmp_path, doc)
    one = _run([sys.executable, str(script), "--steps", str(STEPS), "--json"], tmp_path)
    two = _run([*_torchrun(), str(script), "--steps", str(STEPS), "--json"], tmp_path)
    assert max_relative_difference(two, one) <= 1e-9
    assert max_relative_difference(one, reference(Experiment.from_dict(doc), STEPS)) <= 1e-9


def test_two_processes_share_iris_mini_batches(tmp_path: Path) -> None:
    path = EXAMPLES / "iris_keras.dlsim"
    script = _script(tmp_path, path)
    two = _run([*_torchrun(), str(script), "--steps", "100", "--json"], tmp_path)
    want = reference(Experiment.load(path), 100)
    assert max_relative_difference(two, want) <= 1e-9
