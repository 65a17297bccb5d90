"""Reading a big .dlsim file in a child process: `json.loads` of a 64 MiB file holds the
interpreter lock in C for a second, so parsed in a thread it froze the window (no repaint, no
Cancel). The child reads and parses the file and sends the document back with each weight list
as a float64 array, which unpickles as one copy: the GUI process never walks the numbers."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

import numpy as np

from dlsim.engine import text
from dlsim.engine.errors import DlsimError
from dlsim.engine.live.process_session import child_context
from dlsim.engine.training.fileformat import read_document

POLL_S = 0.05  # how often the waiting thread reports progress (its Cancel acts within this)


def read_document_apart(
    path: str | os.PathLike[str], progress: Callable[[int, int], None]
) -> dict[str, Any]:
    """`read_document(path, progress)` done in a child process: the same document (its weight
    lists as arrays), the same one-sentence DlsimErrors. `progress` is also called while the
    child parses; an exception it raises (a cancel) kills the child at once. If the child
    cannot start or dies, the file is read here instead."""
    ctx = child_context()
    receiver, sender = ctx.Pipe(duplex=False)
    try:
        process = ctx.Process(
            target=_child_main,
            args=(sender, os.fspath(path), text.language()),
            name="dlsim-read",
            daemon=True,
        )
        process.start()
    except Exception:  # no child processes here (a sandbox, a frozen app): read in this thread
        receiver.close()
        sender.close()
        return read_document(path, progress)
    sender.close()
    shown = (0, 0)
    try:
        while process.is_alive() or receiver.poll():
            if receiver.poll(POLL_S):
                try:
                    message = receiver.recv()
                except EOFError:
                    break
                if message[0] == "progress":
                    shown = message[1:]
                elif message[0] == "done":
                    return message[1]
                elif message[0] == "error":
                    raise DlsimError(message[1], node_id=message[2])
                else:
                    raise message[1]
            progress(*shown)
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    return read_document(path, progress)  # the child died without an answer: read it here


def weights_as_arrays(doc: Any) -> Any:
    """`doc` with each weight that is a list of numbers as a float64 array (what every reader of
    weights makes of it anyway); anything else is left for the document's checks to name."""
    weights = doc.get("weights") if isinstance(doc, dict) else None
    if not isinstance(weights, dict):
        return doc
    for values in weights.values():
        if not isinstance(values, dict):
            continue
        for name, value in values.items():
            if not isinstance(value, list):
                continue
            try:
                arr = np.array(value)
            except (TypeError, ValueError):  # ragged
                continue
            if arr.dtype.kind in "biuf":
                values[name] = arr.astype(np.float64)
    return doc


def _child_main(conn: Any, path: str, language: str) -> None:
    """The child: read, parse and send the document (or the one-sentence error), then end. Its
    errors are translated into the GUI's `language` here (this process has no Qt translator)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the parent
    text.use_language(language)
    try:
        doc = read_document(path, lambda done, total: conn.send(("progress", done, total)))
        message: tuple[Any, ...] = ("done", weights_as_arrays(doc))
    except DlsimError as exc:
        message = ("error", str(exc), exc.node_id)
    except Exception as exc:  # not a file problem: the parent raises it for the failure banner
        message = ("failed", exc)
    try:
        conn.send(message)
    except Exception as exc:  # an exception that does not pickle
        conn.send(("failed", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()
