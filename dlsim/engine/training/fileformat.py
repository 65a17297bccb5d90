"""Reading and writing `.dlsim` files: JSON, a format tag, a version with migrations, atomic saves.

Reading never changes the file; a failed save never damages the previous one (write a temporary
file beside it, flush it to disk, then rename it over the original).
"""

from __future__ import annotations

import copy
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError

FORMAT = "dlsim"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024


def _edges_as_objects(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0 wrote edges as two-element lists ["from", "to"]; version 1 writes objects."""
    graph = doc.get("graph")
    if isinstance(graph, dict) and isinstance(graph.get("edges"), list):
        graph["edges"] = [
            {"from": e[0], "to": e[1]} if isinstance(e, list) and len(e) == 2 else e
            for e in graph["edges"]
        ]
    return doc


MIGRATIONS = {0: _edges_as_objects}


def migrate(doc: Any) -> dict[str, Any]:
    """Check the format tag and bring an older version up to the current one."""
    if not isinstance(doc, dict):
        raise DlsimError("the file does not hold a JSON object")
    if doc.get("format") != FORMAT:
        raise DlsimError(f"this is not a dlsim file (its 'format' is {doc.get('format')!r})")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DlsimError(f"'version' must be a whole number, not {version!r}")
    if version > VERSION:
        raise DlsimError(
            f"the file is format version {version}, but this dlsim reads up to version {VERSION}; "
            "please update dlsim"
        )
    if version < 0:
        raise DlsimError(f"'version' {version} is not a dlsim format version")
    while version < VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["version"] = version
    return doc


def weights_to_lists(weights: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Weights as nested lists at full precision (float32 values widen exactly), as files hold."""
    return {
        nid: {name: np.asarray(a, dtype=np.float64).tolist() for name, a in values.items()}
        for nid, values in weights.items()
    }


def assemble(
    *,
    name: str,
    description: str,
    graph: dict[str, Any],
    weights: Mapping[str, Mapping[str, Any]] | None,
    training: dict[str, Any],
    view: dict[str, Any],
    extra: dict[str, Any],
) -> dict[str, Any]:
    """One document in the file's key order; the unknown keys of the loaded file go last."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "description": description,
        "graph": copy.deepcopy(graph),
    }
    if weights:
        doc["weights"] = weights_to_lists(weights)
    doc["training"] = copy.deepcopy(training)
    doc["view"] = copy.deepcopy(view)
    doc.update(copy.deepcopy(extra))
    return doc


def _refuse_constant(name: str) -> float:
    raise DlsimError(f"the file contains {name}, which is not a valid number in a dlsim file")


def parse(text: str) -> dict[str, Any]:
    """JSON text → migrated document dict; DlsimError (one sentence) on any problem."""
    try:
        doc = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise DlsimError(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise DlsimError("the JSON is nested too deeply") from None
    return migrate(doc)


def read_document(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and migrate a .dlsim file; errors name the file and the problem."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DlsimError(
                f"{p}: the file is {size // (1 << 20)} MiB; a dlsim file is at most 64 MiB"
            )
        data = p.read_bytes()
    except DlsimError:
        raise
    except FileNotFoundError:
        raise DlsimError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise DlsimError(f"{p}: is a folder, not a file") from None
    except OSError as exc:
        raise DlsimError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DlsimError(f"{p}: is not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        return parse(text)
    except DlsimError as exc:
        raise DlsimError(f"{p}: {exc}", node_id=exc.node_id) from None


def dumps(doc: dict[str, Any]) -> str:
    """Serialise with full float precision (repr round-trips exactly) and stable key order."""
    try:
        return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError:
        raise DlsimError("the document contains NaN or infinity and cannot be saved") from None


def write_document(path: str | os.PathLike[str], doc: dict[str, Any]) -> None:
    """Save atomically: temp file in the same folder, fsync, rename over the target."""
    write_text(path, dumps(doc))


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` atomically: temp file in the same folder, fsync, rename over the target.

    The file gets the permissions a plain write would give it (mkstemp's are owner-only): the
    mode of the file it replaces, or the user's umask for a new one.
    """
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    mode = _mode_for(p)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DlsimError(f"{p}: cannot be saved ({exc.strerror or exc})") from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DlsimError(f"{p}: cannot be saved ({exc.strerror or exc})") from None


def _mode_for(path: Path) -> int:
    """The permission bits a save should leave on `path`."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)  # reading the umask means setting it: put it straight back
        os.umask(umask)
        return 0o666 & ~umask
