"""The command line: headless training with JSON output, validation, and bad input → exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dlsim import resources

EXAMPLES = resources.examples_dir()


def dlsim(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dlsim", *args], capture_output=True, text=True, timeout=120
    )


def test_run_json_prints_the_lecture_numbers() -> None:
    proc = dlsim("run", str(EXAMPLES / "backprop_lecture.dlsim"), "--steps", "1", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["steps"] == 1
    assert out["history"][0]["step"] == 0
    assert round(out["history"][0]["loss"], 8) == 0.02397190
    assert round(out["params"]["o"]["W"][0][0], 8) == 0.43703857
    assert out["final_loss"] < out["history"][0]["loss"]


def test_run_history_is_the_loss_before_each_update() -> None:
    proc = dlsim("run", str(EXAMPLES / "xor_learn.dlsim"), "--steps", "3", "--json")
    out = json.loads(proc.stdout)
    assert [h["step"] for h in out["history"]] == [0, 1, 2]
    losses = [h["loss"] for h in out["history"]]
    assert losses[0] > losses[2] > out["final_loss"]


def test_seed_option_changes_the_start() -> None:
    a = json.loads(dlsim("run", str(EXAMPLES / "xor_learn.dlsim"), "--steps", "1", "--json").stdout)
    b = json.loads(
        dlsim(
            "run", str(EXAMPLES / "xor_learn.dlsim"), "--steps", "1", "--json", "--seed", "9"
        ).stdout
    )
    assert a["history"][0]["loss"] != b["history"][0]["loss"]


def test_validate_accepts_every_example() -> None:
    for path in sorted(EXAMPLES.glob("*.dlsim")):
        proc = dlsim("validate", str(path))
        assert proc.returncode == 0, proc.stdout + proc.stderr


def lecture_doc() -> dict:
    return json.loads((EXAMPLES / "backprop_lecture.dlsim").read_text())


def mutate(change) -> str:
    doc = lecture_doc()
    change(doc)
    return json.dumps(doc)


BAD_FILES = {
    "invalid_json": ("{ not json", "invalid JSON"),
    "not_utf8": (b"\xff\xfe\x00garbage", "not UTF-8"),
    "wrong_format": ('{"format": "other", "version": 1}', "not a dlsim file"),
    "newer_version": ('{"format": "dlsim", "version": 99}', "please update dlsim"),
    "unknown_type": (
        mutate(lambda d: d["graph"]["nodes"][1].update(type="Conv9D")),
        "unknown layer type 'Conv9D'",
    ),
    "bad_value": (
        mutate(lambda d: d["graph"]["nodes"][1]["params"].update(units=-3)),
        "'units' must be at least 1",
    ),
    "bad_optimizer": (
        mutate(lambda d: d["training"]["optimizer"].update(lr="fast")),
        "lr",
    ),
    "shape_mismatch": (
        mutate(lambda d: d["weights"]["o"].update(W=[[1.0, 2.0, 3.0]])),
        "shape 1×3",
    ),
    "cycle": (
        mutate(lambda d: d["graph"]["edges"].append({"from": "o", "to": "h"})),
        "cycle",
    ),
    "absurd_size": (
        mutate(lambda d: d["training"].update(dataset={"type": "spiral", "n": 10**12})),
        "n",
    ),
    "absurd_units": (
        mutate(lambda d: d["graph"]["nodes"][1]["params"].update(units=10**9)),
        "'units' must be at most",
    ),
    "nan_weights": (
        '{"format": "dlsim", "version": 1, "weights": {"o": {"W": [[NaN]]}}}',
        "NaN",
    ),
    "not_an_object": ("[]", "does not hold a JSON object"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("command", ["run", "validate"])
def test_bad_input_is_one_line_exit_2_and_the_file_is_untouched(
    tmp_path: Path, case: str, command: str
) -> None:
    content, expected = BAD_FILES[case]
    path = tmp_path / f"{case}.dlsim"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    args = [command, str(path)] + (["--steps", "2"] if command == "run" else [])
    proc = dlsim(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    text = proc.stderr if command == "run" else proc.stderr + proc.stdout
    assert expected in text
    assert str(path) in text
    if command == "run":
        assert len(proc.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_a_missing_file_is_named() -> None:
    proc = dlsim("run", "/nonexistent/x.dlsim", "--steps", "1")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "dlsim: /nonexistent/x.dlsim: no such file"


def test_validate_lists_every_problem_with_its_node(tmp_path: Path) -> None:
    doc = lecture_doc()
    doc["graph"]["nodes"][1]["params"]["units"] = 0
    doc["graph"]["nodes"][2]["params"]["activation"] = "sigmoidal"
    path = tmp_path / "two.dlsim"
    path.write_text(json.dumps(doc))
    proc = dlsim("validate", str(path))
    assert proc.returncode == 2
    assert "node 'h'" in proc.stdout and "node 'o'" in proc.stdout


def test_bad_steps_are_refused() -> None:
    proc = dlsim("run", str(EXAMPLES / "xor_learn.dlsim"), "--steps", "-1")
    assert proc.returncode == 2
    assert "--steps" in proc.stderr


def test_a_diverging_run_says_so_in_one_line_without_numpy_warnings() -> None:
    proc = dlsim("run", str(EXAMPLES / "exploding_gradients.dlsim"), "--steps", "10")
    assert proc.returncode == 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "the loss became nan at step" in lines[0].lower()
    assert "RuntimeWarning" not in proc.stderr


def test_an_example_runs_by_name_from_any_folder_like_its_path(tmp_path: Path) -> None:
    by_path = dlsim("run", str(EXAMPLES / "xor_learn.dlsim"), "--steps", "10", "--json")
    by_name = subprocess.run(
        [sys.executable, "-m", "dlsim", "run", "xor_learn", "--steps", "10", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert by_name.returncode == 0, by_name.stderr
    assert json.loads(by_name.stdout) == json.loads(by_path.stdout)
    assert len(json.loads(by_name.stdout)["history"]) == 10


def test_validate_by_name() -> None:
    proc = dlsim("validate", "backprop_lecture")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("backprop_lecture.dlsim: valid")


@pytest.mark.parametrize("command", ["run", "validate"])
def test_a_name_that_is_neither_file_nor_example_lists_the_examples(command: str) -> None:
    args = [command, "xor_lern"] + (["--steps", "1"] if command == "run" else [])
    proc = dlsim(*args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0].startswith("dlsim: xor_lern: no such file or example (examples: ")
    assert all(name in lines[0] for name in resources.example_names())


def test_a_file_of_that_name_wins_over_the_example(tmp_path: Path) -> None:
    doc = lecture_doc()
    (tmp_path / "xor_learn").write_text(json.dumps(doc))
    proc = subprocess.run(
        [sys.executable, "-m", "dlsim", "run", "xor_learn", "--steps", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert round(json.loads(proc.stdout)["history"][0]["loss"], 8) == 0.02397190


def test_examples_lists_every_name_with_its_title_default_first() -> None:
    proc = dlsim("examples")
    assert proc.returncode == 0, proc.stderr
    rows = [line.split(None, 1) for line in proc.stdout.strip().splitlines()]
    assert sorted(name for name, _ in rows) == resources.example_names()
    assert rows[0] == ["xor_learn", "XOR by backpropagation"]
    titles = dict(rows)
    assert titles["backprop_lecture"] == "Backpropagation, the lecture's worked example"


def test_version() -> None:
    proc = dlsim("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"dlsim {dlsim_version()}"


def dlsim_version() -> str:
    from importlib.metadata import version

    return version("dlsim")


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "dlsim", "run", "xor_learn", "--steps", "20000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        proc.stdout.close()  # like `| head` exiting before dlsim writes
        err = proc.stderr.read().decode()
        proc.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err
