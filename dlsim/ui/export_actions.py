"""File ▸ Export: the open diagram, with its current (trained) weights, as a PyTorch script or
Keras code. The code is written by dlsim.export; this module only asks where and reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.training.fileformat import write_text
from dlsim.export import export

if TYPE_CHECKING:
    from dlsim.ui.main_window import MainWindow

# target → (menu text, what the dialogs call it, suffix of the suggested file name)
TARGETS = {
    "pytorch": (
        QT_TRANSLATE_NOOP("ExportActions", "&PyTorch Script…"),
        QT_TRANSLATE_NOOP("ExportActions", "PyTorch script"),
        "",
    ),
    "keras": (
        QT_TRANSLATE_NOOP("ExportActions", "&Keras Code…"),
        QT_TRANSLATE_NOOP("ExportActions", "Keras code"),
        "_keras",
    ),
}


class ExportActions:
    """The Export submenu and what its entries do."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def add_menu(self, parent: QMenu) -> QMenu:
        menu = parent.addMenu(QCoreApplication.translate("ExportActions", "&Export"))
        for target, (text, what, _suffix) in TARGETS.items():
            action = menu.addAction(
                translate("ExportActions", text), lambda t=target: self.export(t)
            )
            action.setStatusTip(
                QCoreApplication.translate(
                    "ExportActions", "Write the diagram with its current weights as a {0}"
                ).format(translate("ExportActions", what))
            )
        return menu

    def export(self, target: str) -> bool:
        """Write the open document as `target` code to a file the user picks; True when written."""
        doc = self.window.document
        what = translate("ExportActions", TARGETS[target][1])
        cannot = QCoreApplication.translate("ExportActions", "Cannot export a {0}").format(what)
        source = doc.path.name if doc.path else (doc.name or "Untitled")  # the same in any language
        try:
            code = export(doc.experiment(), target, source=source)
        except DlsimError as exc:
            return self._error(cannot, str(exc))
        folder = doc.path.parent if doc.path else Path.cwd()
        stem = (doc.path.stem if doc.path else _stem(doc.name)) + TARGETS[target][2]
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("ExportActions", "Export {0}").format(what),
            str(folder / f"{stem}.py"),
            QCoreApplication.translate("ExportActions", "Python script (*.py)"),
        )
        if not path:
            return False
        target_path = Path(path) if Path(path).suffix else Path(path).with_suffix(".py")
        try:
            write_text(target_path, code)
        except DlsimError as exc:
            return self._error(cannot, str(exc))
        self.window.status(
            QCoreApplication.translate("ExportActions", "Exported {0}").format(target_path.name)
        )
        return True

    def _error(self, title: str, message: str) -> bool:
        self.window.status(message)
        QMessageBox.critical(self.window, title, message)
        return False


def _stem(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name).strip("_").lower() or "network"
