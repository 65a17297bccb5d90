"""Writing a plot's export (PNG or CSV) to the file the user chose: a failure is one sentence
naming the file and why (a missing folder, no permission, a full disk), never a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate


def write_export(path: str | Path, data: bytes) -> None:
    """Write an exported file; a failure is one sentence naming the file and why."""
    p = Path(path)
    try:
        p.write_bytes(data)
    except OSError as exc:
        why = _why_unwritable(p, exc)
        raise DlsimError(
            translate("PlotPanel", "{0}: cannot be written: {1}").format(p, why)
        ) from None


def _why_unwritable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return translate("PlotPanel", "the folder {0} does not exist").format(path.parent)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return translate("PlotPanel", "you do not have permission to write there")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return translate("PlotPanel", "the disk is full")
    if exc.errno == errno.EISDIR:
        return translate("PlotPanel", "that is a folder")
    return (exc.strerror or str(exc)).rstrip(".").lower()
