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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training.doc_copy import copy_doc

FORMAT = "dlsim"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
READ_CHUNK_BYTES = 1 << 20


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
        raise DlsimError(translate("fileformat", "the file does not hold a JSON object"))
    if doc.get("format") != FORMAT:
        raise DlsimError(
            translate("fileformat", "this is not a dlsim file (its 'format' is {0!r})").format(
                doc.get("format")
            )
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DlsimError(
            translate("fileformat", "'version' must be a whole number, not {0!r}").format(version)
        )
    if version > VERSION:
        raise DlsimError(
            translate(
                "fileformat",
                "the file is format version {0}, but this dlsim reads up to version {1}; "
                "please update dlsim",
            ).format(version, VERSION)
        )
    if version < 0:
        raise DlsimError(
            translate("fileformat", "'version' {0} is not a dlsim format version").format(version)
        )
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
    lists: bool = True,
) -> dict[str, Any]:
    """One document in the file's key order; the unknown keys of the loaded file go last. With
    `lists=False` its weights stay the arrays given (to build an experiment from, not to write:
    turning two million weights into lists and back held the interpreter lock for 0.1 s)."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "description": description,
        "graph": copy.deepcopy(graph),
    }
    if weights:
        doc["weights"] = weights_to_lists(weights) if lists else copy_doc(dict(weights))
    doc["training"] = copy.deepcopy(training)
    doc["view"] = copy.deepcopy(view)
    doc.update(copy.deepcopy(extra))
    return doc


def _refuse_constant(name: str) -> float:
    raise DlsimError(
        translate(
            "fileformat", "the file contains {0}, which is not a valid number in a dlsim file"
        ).format(name)
    )


def parse(text: str) -> dict[str, Any]:
    """JSON text → migrated document dict; DlsimError (one sentence) on any problem."""
    try:
        doc = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise DlsimError(
            translate("fileformat", "invalid JSON at line {0}, column {1}: {2}").format(
                exc.lineno, exc.colno, exc.msg
            )
        ) from None
    except RecursionError:
        raise DlsimError(translate("fileformat", "the JSON is nested too deeply")) from None
    return migrate(doc)


def read_document(
    path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """Read and migrate a .dlsim file; errors name the file and the problem.

    `progress(bytes_read, size)` is called as the file is read, a chunk at a time (a reader off
    the GUI thread shows it; an exception it raises, such as a cancel, stops the read)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DlsimError(
                translate(
                    "fileformat", "{0}: the file is {1} MiB; a dlsim file is at most 64 MiB"
                ).format(p, size // (1 << 20))
            )
        data = p.read_bytes() if progress is None else _read_in_chunks(p, size, progress)
    except DlsimError:
        raise
    except FileNotFoundError:
        raise DlsimError(translate("fileformat", "{0}: no such file").format(p)) from None
    except IsADirectoryError:
        raise DlsimError(
            translate("fileformat", "{0}: is a folder, not a file").format(p)
        ) from None
    except OSError as exc:
        raise DlsimError(
            translate("fileformat", "{0}: cannot be read ({1})").format(p, exc.strerror or exc)
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DlsimError(
            translate("fileformat", "{0}: is not UTF-8 text (bad byte at offset {1})").format(
                p, exc.start
            )
        ) from None
    try:
        return parse(text)
    except DlsimError as exc:
        raise DlsimError(
            translate("fileformat", "{0}: {1}").format(p, exc), node_id=exc.node_id
        ) from None


def _read_in_chunks(p: Path, size: int, progress: Callable[[int, int], None]) -> bytes:
    chunks = []
    done = 0
    with p.open("rb") as fh:
        while chunk := fh.read(READ_CHUNK_BYTES):
            chunks.append(chunk)
            done += len(chunk)
            progress(done, max(size, done))
    return b"".join(chunks)


def dumps(doc: dict[str, Any]) -> str:
    """Serialise with full float precision (repr round-trips exactly) and stable key order."""
    try:
        return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError:
        raise DlsimError(
            translate("fileformat", "the document contains NaN or infinity and cannot be saved")
        ) from None


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
        raise DlsimError(
            translate("fileformat", "{0}: cannot be saved ({1})").format(p, exc.strerror or exc)
        ) from None
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
        raise DlsimError(
            translate("fileformat", "{0}: cannot be saved ({1})").format(p, exc.strerror or exc)
        ) from None


def _mode_for(path: Path) -> int:
    """The permission bits a save should leave on `path`."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)  # reading the umask means setting it: put it straight back
        os.umask(umask)
        return 0o666 & ~umask
