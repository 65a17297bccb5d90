"""The edits of a document's data set, as the Training panel and the data controls beside the
decision boundary both make them: each one undoable `Document.set_training` call on the one
"dataset" object, so the two places can never disagree.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication

from dlsim.engine.nn.params import Param
from dlsim.engine.training import datasets
from dlsim.engine.training.datasets import MAX_DATA_SEED
from dlsim.ui.panels.param_form import edit_text


def choose_dataset(document: Any, spec: dict[str, Any]) -> None:
    """Use the data set `spec` names (a type, and for function data its curve), its other
    parameters at their defaults — as choosing a type in the Training panel does."""
    current = document.training["dataset"]
    if all(current.get(key) == value for key, value in spec.items()) and len(current) == len(spec):
        return
    text = QCoreApplication.translate("DataEdits", "Use the {0} data set").format(spec["type"])
    document.set_training({"dataset": copy.deepcopy(spec)}, text)


def set_dataset_value(document: Any, param: Param, value: Any, merge_key: object = None) -> None:
    """Set one parameter of the current data set (a spin box gesture merges into one entry)."""
    data = {**copy.deepcopy(document.training["dataset"]), param.name: value}
    key = ("training", *merge_key) if merge_key is not None else None
    document.set_training({"dataset": data}, edit_text(param, value), merge_key=key)


def has_data_seed(document: Any) -> bool:
    kind = document.training["dataset"].get("type")
    return any(p.name == "seed" for p in datasets.SCHEMA.get(kind, ()))


def regenerate(document: Any) -> int | None:
    """Draw the data set again with the next data seed (the weights' seed stays): one undoable
    edit, saved in the file. Returns the new data seed (None: this data set has none)."""
    if not has_data_seed(document):
        return None
    data = copy.deepcopy(document.training["dataset"])
    seed = (int(data.get("seed", 0)) + 1) % (MAX_DATA_SEED + 1)
    data["seed"] = seed
    text = QCoreApplication.translate("DataEdits", "Regenerate the data (data seed {0})").format(
        seed
    )
    document.set_training({"dataset": data}, text)
    return seed
