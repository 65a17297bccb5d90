"""Nothing lost: a document with unsaved changes is written every 30 s (and before training
starts) to the user's data folder — never over the user's own file — and after a crash or a
kill the next start offers it back (name, time, Restore / Discard).

Each running dlsim writes `autosave/autosave-<pid>.json` under `QStandardPaths.AppDataLocation`:
the document as `Document.to_dict()` gives it, with where it came from and when it was written.
A save (the document becomes clean), a clean exit, or Discard removes it; a file whose process
is gone is what the next start offers. `DLSIM_AUTOSAVE_SECONDS` sets the interval (tests).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training.fileformat import write_document
from dlsim.ui.failures import data_dir

INTERVAL_ENV = "DLSIM_AUTOSAVE_SECONDS"
DEFAULT_INTERVAL_S = 30.0
PREFIX = "autosave-"


def autosave_dir() -> Path:
    folder = data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def interval_s() -> float:
    try:
        value = float(os.environ.get(INTERVAL_ENV, DEFAULT_INTERVAL_S))
    except ValueError:
        return DEFAULT_INTERVAL_S
    return value if value > 0 else DEFAULT_INTERVAL_S


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process with that id
        return True
    return True


@dataclass(frozen=True)
class Recovery:
    """An autosave left behind by a dlsim that did not exit cleanly."""

    file: Path
    name: str
    saved_at: float
    original: str | None  # the file the document was opened from, if any
    base_dir: str | None
    document: dict[str, Any]

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        if self.original:
            return translate("Autosave", "“{0}” (from {1}), autosaved {2}").format(
                self.name, self.original, when
            )
        return translate("Autosave", "“{0}”, autosaved {1}").format(self.name, when)


def pending_recoveries() -> list[Recovery]:
    """Autosaves whose dlsim is gone, newest first; unreadable ones are skipped."""
    found = []
    for file in autosave_dir().glob(f"{PREFIX}*.json"):
        try:
            pid = int(file.stem[len(PREFIX) :])
            if _alive(pid):
                continue
            data = json.loads(file.read_text(encoding="utf-8"))
            meta, document = data["autosave"], data["document"]
            found.append(
                Recovery(
                    file,
                    str(meta.get("name") or translate("Autosave", "Untitled")),
                    float(meta["saved_at"]),
                    meta.get("original"),
                    meta.get("base_dir"),
                    document,
                )
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    """Writes the document's unsaved state to this process's autosave file, on a timer."""

    def __init__(self, document: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.file = autosave_dir() / f"{PREFIX}{os.getpid()}.json"
        self.note: str | None = None  # why the last autosave could not be written
        self._written_at = -1  # the undo index last written (-1: nothing written)
        self.closed = False  # after a clean exit began: never written again
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_s() * 1000))
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        document.dirty_changed.connect(self._on_dirty_changed)
        document.document_replaced.connect(self._on_document_replaced)

    def save_now(self) -> bool:
        """Write the document if it has changes not yet autosaved; True when written."""
        doc = self.document
        if self.closed or not doc.is_dirty:
            return False
        index = doc.undo_stack.index()
        if index == self._written_at and self.file.exists():
            return False
        meta = {
            "name": doc.display_name,
            "saved_at": time.time(),
            "original": str(doc.path) if doc.path else None,
            "base_dir": str(doc.base_dir) if doc.base_dir else None,
        }
        try:
            write_document(self.file, {"autosave": meta, "document": doc.to_dict()})
        except DlsimError as exc:  # NaN weights after a divergence, a full disk: try again later
            self.note = str(exc)
            return False
        self.note = None
        self._written_at = index
        return True

    def close(self) -> None:
        """A clean exit: stop autosaving and remove the file."""
        self.closed = True
        self.timer.stop()
        self.discard()

    def discard(self) -> None:
        """No unsaved work to keep (saved, reverted, or a clean exit)."""
        self._written_at = -1
        with contextlib.suppress(OSError):
            self.file.unlink(missing_ok=True)

    def _on_dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            self.discard()

    def _on_document_replaced(self) -> None:
        self._written_at = -1
        if not self.document.is_dirty:
            self.discard()


def offer_recovery(window: Any, parent: QWidget | None = None) -> bool:
    """At start-up: offer the newest autosave left by a crash; True when it was restored.

    Discard removes it; Restore opens it as unsaved changes (to the original file if there was
    one, so Save writes there). Older leftovers are removed either way.
    """
    found = pending_recoveries()
    if not found:
        return False
    newest, older = found[0], found[1:]
    for stale in older:
        with contextlib.suppress(OSError):
            stale.file.unlink()
    box = QMessageBox(parent or window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Autosave", "Restore unsaved work?"))
    box.setText(
        translate("Autosave", "dlsim did not close normally. Restore {0}?").format(
            newest.describe()
        )
    )
    box.setInformativeText(
        translate("Autosave", "Discard deletes this copy; your own files are not touched.")
    )
    restore = box.addButton(translate("Autosave", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Autosave", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    restored = False
    if box.clickedButton() is restore:
        try:
            window.document.load_dict(
                newest.document, path=newest.original, base_dir=newest.base_dir
            )
        except DlsimError as exc:
            window.status(
                translate("Autosave", "The autosaved copy could not be restored: {0}").format(exc)
            )
        else:
            window.document.undo_stack.resetClean()  # unsaved changes, not the file's content
            window.status(translate("Autosave", "Restored {0}.").format(newest.describe()))
            restored = True
    with contextlib.suppress(OSError):
        newest.file.unlink()
    return restored


def install_autosave(window: Any) -> Autosaver:
    """Autosave the window's document; before training starts too; nothing left at a clean exit."""
    from PySide6.QtWidgets import QApplication

    saver = Autosaver(window.document, window)
    window.autosaver = saver
    bench = getattr(window, "workbench", None)
    if bench is not None:
        bench.controller.state_changed.connect(
            lambda state: saver.save_now() if state == "running" else None
        )
    app = QApplication.instance()
    if app is not None:  # a plain function: the window (and the saver with it) may be gone first
        app.aboutToQuit.connect(functools.partial(_at_quit, saver, saver.file))
    return saver


def _at_quit(saver: Autosaver, file: Path) -> None:
    """A clean exit: no more autosaves (events still run after aboutToQuit), and none left."""
    with contextlib.suppress(RuntimeError):  # the saver went with its window
        saver.close()
    with contextlib.suppress(OSError):
        file.unlink(missing_ok=True)
