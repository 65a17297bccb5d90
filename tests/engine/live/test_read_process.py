"""Reading a file in a child process gives what reading it here gives: the same document (its
weights as arrays), the same one-sentence errors in the GUI's language; a cancel ends the child."""

from __future__ import annotations

import multiprocessing as mp
import time
from pathlib import Path

import numpy as np
import pytest

from dlsim.engine import text
from dlsim.engine.errors import DlsimError
from dlsim.engine.live.read_process import read_document_apart, weights_as_arrays
from dlsim.engine.training.fileformat import read_document
from dlsim.resources import example_path


def _quiet(done: int, total: int) -> None:
    pass


def _lists(doc: dict) -> dict:
    weights = {
        nid: {name: np.asarray(v).tolist() for name, v in values.items()}
        for nid, values in doc.get("weights", {}).items()
    }
    return {**doc, "weights": weights}


def test_the_child_reads_the_same_document_with_its_weights_as_arrays() -> None:
    path = example_path("backprop_lecture")
    here = read_document(path)
    apart = read_document_apart(path, _quiet)
    assert here["weights"] and _lists(apart) == here
    arrays = [a for values in apart["weights"].values() for a in values.values()]
    assert all(isinstance(a, np.ndarray) and a.dtype == np.float64 for a in arrays)


@pytest.mark.parametrize(
    "content",
    [b'{"format": "dlsim", "version": 1, "graph": ', b"\xff\xfe not text", b"[1, NaN]"],
)
def test_a_bad_file_fails_with_the_same_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.dlsim"
    path.write_bytes(content)
    with pytest.raises(DlsimError) as here:
        read_document(path)
    with pytest.raises(DlsimError) as apart:
        read_document_apart(path, _quiet)
    assert str(apart.value) == str(here.value) and "\n" not in str(here.value)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DlsimError, match="no such file"):
        read_document_apart(tmp_path / "gone.dlsim", _quiet)


def test_the_childs_errors_read_in_the_language_of_the_gui(tmp_path: Path) -> None:
    path = tmp_path / "bad.dlsim"
    path.write_text('{"graph": ')
    text.set_translator(text.catalogue(text.engine_catalogue_path("ko")), "ko")
    try:
        with pytest.raises(DlsimError) as here:
            read_document(path)
        with pytest.raises(DlsimError) as apart:
            read_document_apart(path, _quiet)
    finally:
        text.set_translator(None)
    assert str(apart.value) == str(here.value) and "JSON" in str(here.value)
    assert str(here.value) != str(pytest.raises(DlsimError, read_document, path).value)


class Cancel(Exception):
    pass


def test_a_cancel_ends_the_child_at_once(tmp_path: Path) -> None:
    path = tmp_path / "long.dlsim"
    path.write_text('{"format": "dlsim", "version": 1, "x": [' + "1.5, " * 3_000_000 + "1]}")
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(time.monotonic())
        if len(calls) == 3:
            raise Cancel

    started = time.monotonic()
    with pytest.raises(Cancel):
        read_document_apart(path, progress)
    assert time.monotonic() - started < 5
    assert not [p for p in mp.active_children() if p.name == "dlsim-read"]


def test_only_numbers_become_arrays() -> None:
    doc = {"weights": {"h": {"W": [[1, 2.5]], "b": [True], "s": ["1.5"], "r": [[1], [2, 3]]}}}
    h = weights_as_arrays(doc)["weights"]["h"]
    assert h["W"].dtype == np.float64 and h["W"].tolist() == [[1.0, 2.5]]
    assert h["b"].tolist() == [1.0]  # as every reader of weights turns it into a float
    assert h["s"] == ["1.5"] and h["r"] == [[1], [2, 3]]  # left for the checks to name
    assert weights_as_arrays([1]) == [1] and weights_as_arrays({"weights": 3}) == {"weights": 3}
