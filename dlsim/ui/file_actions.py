"""File ▸ New, Open, Open Recent, Save, Save As, the examples, and the unsaved-changes prompt.

A file is read once: its text is parsed and checked, then either refused with the command line's
own one-line reason, offered to be opened anyway (an unfinished diagram the editor can show), or
loaded into the document. A refused file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.dock_layout import app_settings
from dlsim.ui.example_texts import example_text
from dlsim.ui.file_open import BackgroundOpen, ReadFile, is_big, read_file
from dlsim.ui.panels.examples import example_path
from dlsim.ui.settings_check import RECENT_NOTE, recent_paths

if TYPE_CHECKING:
    from dlsim.ui.main_window import MainWindow

FILE_FILTER = QT_TRANSLATE_NOOP("FileActions", "dlsim diagrams (*.dlsim);;All files (*)")
MAX_RECENT = 8


class FileActions(QObject):
    """What the File menu does to the window's document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        # Dialogs by default; `dlsim --screenshot` prints instead (and opens unfinished files).
        self.report_error: Callable[[str, str], None] = self._error_dialog
        self.confirm_open_anyway: Callable[[str], bool] = self._open_anyway_dialog
        self.opening: BackgroundOpen | None = None  # a big file being read

    def open_path(self, path: str | Path, ask_to_save: bool = True) -> bool:
        """Open a .dlsim file; a bad file shows its one-line reason and changes nothing.

        The reason is the command line's own sentence (`Experiment.load`). A file the editor can
        still show — an unfinished diagram with an unconnected layer, say — may be opened anyway
        to fix it; one it cannot show (bad JSON, unknown layer type, bad value) is refused.
        A file over `file_open.INLINE_BYTES` is read off the GUI thread with a progress dialog
        (`opening` holds it): then True means its reading has started, and a second open waits.
        """
        path = Path(path)
        if self.opening is not None:
            return False
        if is_big(path):
            opening = BackgroundOpen(path, _why_it_cannot_run, self.window)
            opening.read.connect(lambda result: self._open_read(result, ask_to_save))
            opening.failed.connect(lambda reason: self._error(self.tr("Cannot open file"), reason))
            opening.ended.connect(self._opening_ended)
            self.opening = opening
            opening.start()
            return True
        try:
            result = read_file(path, _why_it_cannot_run)
        except DlsimError as exc:
            self._error(self.tr("Cannot open file"), str(exc))
            return False
        return self._open_read(result, ask_to_save)

    def _opening_ended(self) -> None:
        self.opening = None

    def _open_read(self, result: ReadFile, ask_to_save: bool) -> bool:
        path, reason = result.path, result.reason
        if result.content is None:
            self._error(self.tr("Cannot open file"), reason or result.error or str(path))
            return False
        if reason is not None and not self.confirm_open_anyway(reason):
            return False
        if ask_to_save and not self.maybe_save():
            return False
        self.document.load_content(result.content, path)
        self.window.examples_panel.show_current(None)
        if reason is not None:  # opened to be fixed: what to fix comes to the front
            self.window.show_problems_panel()
        self._add_recent(path)
        self.window.status(self.tr("Opened {0}").format(path.name))
        return True

    def _open_anyway_dialog(self, reason: str) -> bool:
        answer = QMessageBox.warning(
            self.window,
            self.tr("Problem in file"),
            self.tr("{0}\n\nOpen it anyway, to fix it in the editor?").format(reason),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    def open_example(self, name: str) -> bool:
        """Open a shipped example (e.g. "xor_learn") as an untitled copy (Save asks for a name)."""
        if not self.maybe_save():
            return False
        try:
            path = example_path(name)
            self.document.load_dict(read_document(path), path=None, base_dir=path.parent)
        except DlsimError as exc:
            self._error(self.tr("Cannot open example"), str(exc))
            return False
        self.window.examples_panel.show_current(name)
        self.window.status(self.tr("Opened example: {0}").format(example_text(self.document.name)))
        return True

    def new_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.new()
        self.window.examples_panel.show_current(None)
        self.window.status(self.tr("New diagram: drag layers in from the Layers palette"))
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = str(self.document.path.parent) if self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open diagram"), start, self.tr(FILE_FILTER)
        )
        return bool(path) and self.open_path(path, ask_to_save=False)

    def save(self) -> bool:
        """Save to the current file (Save As when there is none); True when saved."""
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        suggested = str(doc.path) if doc.path else f"{_file_stem(doc.name)}.dlsim"
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save diagram as"), suggested, self.tr(FILE_FILTER)
        )
        if not path:
            return False
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".dlsim")
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except DlsimError as exc:
            self._error(self.tr("Cannot save file"), str(exc))
            return False
        self._add_recent(path)
        self.window.status(self.tr("Saved {0}").format(path.name))
        return True

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True to go ahead."""
        if not self.document.is_dirty:
            return True
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to {0}?").format(self.document.display_name),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _error(self, title: str, message: str) -> None:
        self.window.status(message)
        self.report_error(title, message)

    def _error_dialog(self, title: str, message: str) -> None:
        QMessageBox.critical(self.window, title, message)

    # --- recent files --------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """The remembered files, newest first; a damaged list is ignored with a note."""
        files, damaged = recent_paths(app_settings().value("recent_files", []))
        if damaged:
            self.window.status(QCoreApplication.translate("SettingsCheck", RECENT_NOTE))
        return files

    def _add_recent(self, path: Path) -> None:
        if not self.window.remember_layout:
            return
        text = str(path.resolve())
        files = [text, *[f for f in self.recent_files() if f != text]][:MAX_RECENT]
        app_settings().setValue("recent_files", files)

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = self.recent_files()
        for i, file in enumerate(files, start=1):
            action = menu.addAction(f"&{i} {Path(file).name}")
            action.setToolTip(file)
            action.setStatusTip(file)
            action.triggered.connect(lambda _=False, f=file: self.open_path(f))
        if not files:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        else:
            menu.addSeparator()
            clear = menu.addAction(self.tr("Clear Recent Files"))
            clear.triggered.connect(lambda: app_settings().setValue("recent_files", []))


def _why_it_cannot_run(raw: dict[str, Any], path: str | Path) -> str | None:
    """The command line's one-line reason a document cannot run, or None when it can."""
    try:
        Experiment(raw, Path(path).resolve().parent)
    except DlsimError as exc:
        return f"{path}: {exc}"
    return None


def _file_stem(name: str) -> str:
    """A file name suggested from the document's name ("XOR by backprop" → "xor_by_backprop")."""
    stem = "".join(c if c.isalnum() else "_" for c in name.lower()).strip("_")
    return "_".join(part for part in stem.split("_") if part) or "untitled"
