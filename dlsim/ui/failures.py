"""Never crash, never hide a failure: every exception that escapes a slot, a timer or a thread,
and every critical message from Qt, is written to a log file and announced, and the app goes on.

PySide hands an exception raised in a slot to `sys.excepthook` and carries on with the event
loop; Qt's own critical messages go to the message handler. The `FailureReporter` installs both
(and `threading.excepthook`), appends the full traceback to `dlsim.log` in the user's data folder
(`QStandardPaths.AppDataLocation`), and emits `failed` with a one-sentence summary for the
window's banner (`dlsim.ui.errors_banner`).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QtMsgType, Signal, qInstallMessageHandler

LOG_NAME = "dlsim.log"
LOG_BYTES = 1 << 20  # one MiB, then dlsim.log.1 takes the old lines
KEPT = 50  # failures remembered in memory (the banner shows the latest)
# Notes from the offscreen platform about window features it lacks: not a failure.
QUIET = ("This plugin does not support",)


def data_dir() -> Path:
    """The user's data folder for dlsim (log file, autosaves); created on demand."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not folder:  # no application name set (a script, a test): a folder of our own
        generic = QStandardPaths.StandardLocation.GenericDataLocation
        folder = str(Path(QStandardPaths.writableLocation(generic)) / "dlsim")
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return data_dir() / LOG_NAME


@dataclass(frozen=True)
class Failure:
    """One failure as the user sees it: a sentence, and the details for a bug report."""

    summary: str
    details: str
    when: float


def one_sentence(exc: BaseException, tb: Any = None) -> str:
    """ "ValueError in draw (gradients.py): x must be finite." — type, where, first line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    frames = traceback.extract_tb(tb) if tb is not None else []
    where = f" in {frames[-1].name} ({Path(frames[-1].filename).name})" if frames else ""
    sentence = f"{type(exc).__name__}{where}" + (f": {text}" if text else "")
    if len(sentence) > 200:
        sentence = sentence[:199] + "…"
    return sentence if sentence.endswith((".", "…")) else sentence + "."


class FailureReporter(QObject):
    """Logs and announces failures; `install()` makes it the process's hooks."""

    failed = Signal(object)  # Failure, delivered on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.failures: list[Failure] = []
        self._installed = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._lock = threading.Lock()
        self._logger: logging.Logger | None = None
        self._log_note: str | None = None

    # --- hooks --------------------------------------------------------------------------------

    def install(self) -> FailureReporter:
        if not self._installed:
            self._previous_hook = sys.excepthook
            self._previous_thread_hook = threading.excepthook
            sys.excepthook = self.report_exception
            threading.excepthook = self._on_thread_exception
            qInstallMessageHandler(self.report_qt_message)
            self._installed = True
        return self

    def uninstall(self) -> None:
        if self._installed:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            qInstallMessageHandler(None)
            self._installed = False

    def report_exception(self, exc_type: type, exc: BaseException, tb: Any) -> None:
        """sys.excepthook: log the traceback, announce one sentence, let the app carry on."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self._record(one_sentence(exc, tb), details)
        print(details, file=sys.stderr, end="")

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def report_qt_message(self, mode: QtMsgType, context: Any, message: str) -> None:
        """Qt's message handler: critical and fatal messages are failures, the rest notes."""
        if any(quiet in message for quiet in QUIET):
            return
        print(message, file=sys.stderr)
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            first = message.strip().splitlines()[0] if message.strip() else "(no text)"
            where = getattr(context, "function", None) or getattr(context, "category", "")
            self._record(f"Qt reported: {first}", f"Qt critical message ({where}):\n{message}")
        else:
            self._write_log(logging.WARNING, f"Qt: {message}")

    # --- recording ----------------------------------------------------------------------------

    def _record(self, summary: str, details: str) -> None:
        failure = Failure(summary, details, time.time())
        with self._lock:
            self.failures.append(failure)
            del self.failures[:-KEPT]
        self._write_log(logging.ERROR, f"{summary}\n{details}")
        self.failed.emit(failure)  # queued to the GUI thread when raised elsewhere

    def _write_log(self, level: int, text: str) -> None:
        try:
            logger = self._logger or self._open_log()
            logger.log(level, text)
        except Exception as exc:  # a log that cannot be written must not become a failure
            self._log_note = f"the log file cannot be written ({exc})"

    def _open_log(self) -> logging.Logger:
        logger = logging.getLogger("dlsim.failures")
        logger.propagate = False
        logger.setLevel(logging.INFO)
        handler = RotatingFileHandler(log_path(), maxBytes=LOG_BYTES, backupCount=1)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        logger.addHandler(handler)
        self._logger = logger
        return logger

    @property
    def log_note(self) -> str | None:
        """Why the log could not be written, if it could not."""
        return self._log_note

    def close_log(self) -> None:
        if self._logger is not None:
            for handler in list(self._logger.handlers):
                self._logger.removeHandler(handler)
                handler.close()
            self._logger = None


_reporter: FailureReporter | None = None


def reporter() -> FailureReporter:
    """The process's one reporter (created on first use, installed by the app)."""
    global _reporter
    if _reporter is None:
        _reporter = FailureReporter()
    return _reporter
