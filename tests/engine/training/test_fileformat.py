"""The .dlsim format: versions, migration, and saves that never damage a file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.training.fileformat import VERSION, parse, read_document, write_document


def test_a_newer_version_is_refused_clearly() -> None:
    with pytest.raises(DlsimError, match="please update dlsim"):
        parse(json.dumps({"format": "dlsim", "version": VERSION + 1}))


def test_version_0_edges_are_migrated() -> None:
    doc = parse(json.dumps({"format": "dlsim", "version": 0, "graph": {"edges": [["a", "b"]]}}))
    assert doc["version"] == VERSION
    assert doc["graph"]["edges"] == [{"from": "a", "to": "b"}]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "invalid JSON at line 1"),
        ("[1, 2]", "does not hold a JSON object"),
        ('{"format": "keras", "version": 1}', "not a dlsim file"),
        ('{"format": "dlsim", "version": "one"}', "'version' must be a whole number"),
        ('{"format": "dlsim", "version": 1, "x": NaN}', "NaN"),
    ],
)
def test_bad_text_gives_one_sentence(text: str, message: str) -> None:
    with pytest.raises(DlsimError, match=message):
        parse(text)


def test_read_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(DlsimError, match="no such file"):
        read_document(tmp_path / "missing.dlsim")
    bad = tmp_path / "latin1.dlsim"
    bad.write_bytes(b'{"name": "caf\xe9"}')
    with pytest.raises(DlsimError, match=r"latin1\.dlsim: is not UTF-8"):
        read_document(bad)
    with pytest.raises(DlsimError, match="is a folder"):
        read_document(tmp_path)


def test_save_is_atomic_and_a_failed_save_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.dlsim"
    write_document(path, {"format": "dlsim", "version": 1, "name": "first"})
    before = path.read_bytes()
    with pytest.raises(DlsimError, match="NaN"):
        write_document(path, {"format": "dlsim", "version": 1, "x": float("nan")})
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["doc.dlsim"]


def test_saving_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(DlsimError, match="cannot be saved"):
        write_document(tmp_path / "nope" / "doc.dlsim", {"format": "dlsim", "version": 1})


def test_floats_are_written_with_full_precision(tmp_path: Path) -> None:
    value = 0.1 + 0.2
    write_document(tmp_path / "f.dlsim", {"format": "dlsim", "version": 1, "v": value})
    assert read_document(tmp_path / "f.dlsim")["v"] == value
