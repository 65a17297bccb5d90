"""The shipped examples as a catalogue: name, title and description, in teaching order.

Shared by the Examples menu and list and by `dlsim examples`; pure Python (no Qt). Where the
files are is `dlsim.resources`' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.training.fileformat import read_document

DEFAULT_EXAMPLE = "xor_learn"
# Teaching order (the lecture's path); examples not named here follow by title.
ORDER = (
    "xor_learn",
    "and_gate",
    "or_gate",
    "nand_gate",
    "xor_gates",
    "features_xor",
    "backprop_lecture",
    "iris_keras",
)


@dataclass(frozen=True)
class ExampleInfo:
    """One shipped example: its key (the file stem), title, description and file."""

    key: str
    title: str
    description: str
    path: Path


def list_examples() -> list[ExampleInfo]:
    """Every readable example, in teaching order (the default one first)."""
    found = []
    for key in resources.example_names():
        path = resources.example_path(key)
        try:
            doc = read_document(path)
        except DlsimError:
            continue
        title = str(doc.get("name") or key)
        found.append(ExampleInfo(key, title, str(doc.get("description", "")), path))
    rank = {key: i for i, key in enumerate(ORDER)}
    found.sort(key=lambda e: (rank.get(e.key, len(ORDER)), e.title.lower()))
    return found
