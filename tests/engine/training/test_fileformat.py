"""The .dlsim format: versions, migration, and saves that never damage a file."""

from __future__ import annotations

import json
import os
import stat
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


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_users_normal_permissions(tmp_path: Path, umask, expected) -> None:
    old = os.umask(umask)
    try:
        write_document(tmp_path / "new.dlsim", {"format": "dlsim", "version": 1})
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.dlsim").stat().st_mode) == expected


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_saving_over_a_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "shared.dlsim"
    write_document(path, {"format": "dlsim", "version": 1, "name": "first"})
    path.chmod(0o640)
    write_document(path, {"format": "dlsim", "version": 1, "name": "second"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert read_document(path)["name"] == "second"
