"""The .dlsim loader fuzzed over mutations of the shipped examples: whatever the bytes, loading
gives a document (and an experiment, or the one-line reason it cannot run) or the documented
one-line DlsimError — never another exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.training.experiment import Experiment, check_document
from dlsim.engine.training.fileformat import read_document

EXAMPLES = sorted(resources.examples_dir().glob("*.dlsim"))
BASE = resources.examples_dir()

# values a careless hand or a broken program puts into a file
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from([0, -1, 1e9, 1e308, -1e308, 1e-320, 0.5, 2**63, "", "nan", "relu", "Dense"]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.lists(st.integers(min_value=-3, max_value=5), max_size=4),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=3),
)


def _paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every (container path) in a JSON value, so a mutation can land anywhere."""
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc[:6]):
            found += _paths(value, (*prefix, i))
    return found


def _get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def mutated_documents(draw) -> bytes:
    doc = json.loads(draw(st.sampled_from(EXAMPLES)).read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(_paths(doc)))
        if not path:
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        kind = draw(st.sampled_from(["replace", "delete", "duplicate", "wrap"]))
        if kind == "replace":
            parent[key] = draw(HOSTILE)
        elif kind == "delete":
            del parent[key]
        elif kind == "duplicate" and isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[key])))
        else:
            parent[key] = [parent[key]]
    data = json.dumps(doc).encode("utf-8")
    cut = draw(st.sampled_from([None, None, None, "truncate", "insert"]))
    if cut == "truncate":
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    elif cut == "insert":
        at = draw(st.integers(min_value=0, max_value=len(data)))
        junk = draw(st.sampled_from([b"\x00", b"}", b"]", b"NaN", b"\xff\xfe", "€".encode()]))
        data = data[:at] + junk + data[at:]
    return data


def _load(path: Path) -> None:
    """What `dlsim run` and the window do with a file: read it, check it, build it."""
    doc = read_document(path)
    check_document(doc, BASE)
    Experiment.from_dict(doc, BASE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated_documents())
def test_any_mutation_loads_or_gives_one_line_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "mutant.dlsim"
    path.write_bytes(data)
    try:
        _load(path)
    except DlsimError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message


def test_the_shipped_examples_load(tmp_path):
    for example in EXAMPLES:
        _load(example)


def test_an_edge_end_that_is_not_a_string_is_refused_in_one_line(tmp_path):
    """Found by the fuzzer: a list as an edge's 'from' raised TypeError (unhashable type)."""
    doc = json.loads((BASE / "and_gate.dlsim").read_text(encoding="utf-8"))
    doc["graph"]["edges"][0]["from"] = ["x"]
    path = tmp_path / "bad.dlsim"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DlsimError, match="edge 0: 'from' and 'to' must be node ids"):
        _load(path)


def test_an_optimizer_type_that_is_not_a_string_is_refused_in_one_line(tmp_path):
    """Found by the fuzzer: a list as the optimizer's type raised TypeError (unhashable)."""
    doc = json.loads((BASE / "iris_keras.dlsim").read_text(encoding="utf-8"))
    doc["training"]["optimizer"]["type"] = ["adam"]
    path = tmp_path / "bad.dlsim"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DlsimError, match="unknown optimizer type"):
        _load(path)
