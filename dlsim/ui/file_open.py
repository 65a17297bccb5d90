"""Opening a big .dlsim file off the GUI thread: the file is read and parsed in a child process
(`read_document_apart`: `json.loads` in a thread held the interpreter lock for a second, freezing
the window) and checked in a worker thread, behind a progress dialog with Cancel; the document
is untouched until all of that has succeeded, and a bad file ends in the same one-sentence
dialog as a small one.

Files up to `INLINE_BYTES` are read on the spot (tens of milliseconds; the File menu's callers
and tests get their answer at once); a file up to the 64 MiB limit takes seconds to parse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.read_process import read_document_apart
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.background import BackgroundTask, Cancelled
from dlsim.ui.document import DocumentContent, parse_content, prepare_run

INLINE_BYTES = 1 << 20


@dataclass
class ReadFile:
    """A file read and checked: what the document will load, and why it cannot run (or None)."""

    path: Path
    content: DocumentContent | None  # None: the editor cannot show it either
    reason: str | None
    error: str | None = None  # the parse error, when content is None


def read_file(
    path: Path,
    why_it_cannot_run: Callable[[dict[str, Any], Path], str | None],
    progress: Callable[[int, int], None] | None = None,
) -> ReadFile:
    """Read, parse and check `path` and prepare its run (any thread); DlsimError when it cannot
    be read at all. With `progress` (a reading thread) it is read and parsed in a child process
    and its weights arrive as arrays."""
    raw = read_document(path) if progress is None else read_document_apart(path, progress)
    reason = why_it_cannot_run(raw, path)
    try:
        content = parse_content(raw)
    except DlsimError as exc:
        return ReadFile(path, None, reason, f"{path}: {exc}")
    content.prepared = prepare_run(content, path.resolve().parent)
    return ReadFile(path, content, reason)


def is_big(path: Path) -> bool:
    try:
        return path.stat().st_size > INLINE_BYTES
    except OSError:
        return False  # the inline read says what is wrong with it


class BackgroundOpen(QObject):
    """One big file being read in a worker thread, with a progress dialog and Cancel."""

    read = Signal(object)  # ReadFile
    failed = Signal(str)  # the one-line reason
    ended = Signal()  # after any outcome, including Cancel

    def __init__(
        self,
        path: Path,
        why_it_cannot_run: Callable[[dict[str, Any], Path], str | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.path = path

        def work(report, cancelled) -> ReadFile:
            def progress(done: int, total: int) -> None:
                if cancelled():
                    raise Cancelled
                report(done, total)

            result = read_file(path, why_it_cannot_run, progress)
            if cancelled():
                raise Cancelled
            return result

        self.task = BackgroundTask(work, self)
        self.dialog = QProgressDialog(
            self.tr("Opening {0}…").format(path.name), self.tr("Cancel"), 0, 100, parent
        )
        self.dialog.setWindowTitle(self.tr("Opening file"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancel)
        self._cancelled = False
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._end)

    @property
    def running(self) -> bool:
        return self.task.running

    def start(self) -> None:
        self.task.start()

    def cancel(self) -> None:
        """Stop reading; once asked, the file is not opened even if its reading has just ended."""
        self._cancelled = True
        self.task.cancel()

    def _progress(self, done: int, total: int) -> None:
        if total and done >= total:  # read: parsing and checking show as a busy bar
            self.dialog.setRange(0, 0)
            self.dialog.setLabelText(self.tr("Checking {0}…").format(self.path.name))
        elif total:
            self.dialog.setValue(int(100 * done / total))

    def _finished(self, result: ReadFile) -> None:
        self._end()
        if not self._cancelled:
            self.read.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, DlsimError):
            self.failed.emit(str(exc))
        else:
            raise exc  # not a file problem: the failure banner shows it

    def _end(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.ended.emit()
        self.deleteLater()
