"""copy_doc: as deep as copy.deepcopy for what a document holds, rows of numbers sliced."""

from __future__ import annotations

import numpy as np

from dlsim.engine.training.doc_copy import copy_doc
from dlsim.engine.training.fileformat import read_document
from dlsim.resources import example_path


def test_a_copy_equals_the_document_and_shares_nothing_mutable():
    doc = read_document(example_path("backprop_lecture"))
    doc["weights"] = {"h": {"W": [[0.1, -0.2], [0.3, 0.4]], "b": [0.0, 1.5]}}
    doc["extra"] = {"nested": [[1, [2, 3]], {"k": None}], "t": (1, [2])}
    copied = copy_doc(doc)
    assert copied == doc
    copied["weights"]["h"]["W"][0][0] = 9.0
    copied["weights"]["h"]["b"].append(2.0)
    copied["extra"]["nested"][0][1].append(4)
    copied["extra"]["t"][1].append(3)
    copied["graph"]["nodes"][0]["params"]["units"] = 99
    assert doc["weights"]["h"]["W"][0][0] == 0.1 and doc["weights"]["h"]["b"] == [0.0, 1.5]
    assert doc["extra"]["nested"][0][1] == [2, 3] and doc["extra"]["t"] == (1, [2])
    assert doc["graph"]["nodes"][0]["params"]["units"] != 99


def test_what_is_not_json_is_deep_copied():
    arr = np.arange(4.0)
    copied = copy_doc({"w": arr, "rows": [arr]})
    copied["w"][0] = 7.0
    copied["rows"][0][1] = 7.0
    assert arr.tolist() == [0.0, 1.0, 2.0, 3.0]
