"""View ▸ Language: English / 한국어. The choice is saved in the settings and takes effect at the
next start (every widget is built in one language); the confirmation offers to restart now, which
closes the window the usual way (the unsaved-changes prompt included) and starts dlsim again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from dlsim.ui import language


class LanguageMenu(QObject):
    """The Language submenu of a main window's View menu."""

    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = view_menu.addMenu(self.tr("&Language"))
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for code, name in language.LANGUAGES.items():
            action = self.menu.addAction(name)  # each in its own language: never translated
            action.setCheckable(True)
            action.setChecked(code == language.current())
            action.setData(code)
            self.group.addAction(action)
            self.actions[code] = action
        self.group.triggered.connect(lambda action: self.choose(action.data()))
        # Answers the confirmation without a dialog (tests); True means "restart now".
        self.ask_restart = self._ask_restart
        self.restart = self._restart

    def choose(self, code: str) -> None:
        """Save `code` as the language of the next start and offer to restart now."""
        language.save_language(code)
        if code == language.current():
            return
        if self.ask_restart(code):
            self.restart()

    def _ask_restart(self, code: str) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Language"))
        # Both languages: the user just asked for the other one.
        box.setText(
            self.tr("dlsim will be in {0} after a restart. Restart now?").format(
                language.LANGUAGES[code]
            )
            + "\n"
            + _in_language(code)
        )
        restart = box.addButton(self.tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is restart

    def _restart(self) -> None:
        """Close as the user would (unsaved changes are asked about), then start again."""
        if not self.window.close():
            return
        QProcess.startDetached(sys.executable, [*_program_args(), *without_lang(sys.argv[1:])])
        QCoreApplication.quit()


def _in_language(code: str) -> str:
    """The restart question in the chosen language itself."""
    return {
        "en": "dlsim will be in English after a restart.",
        "ko": "다시 시작하면 dlsim이 한국어로 표시됩니다.",
    }[code]


def without_lang(args: list[str]) -> list[str]:
    """The start's arguments minus `--lang X` (it would override the new choice)."""
    out: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            out.append(arg)
    return out


def _program_args() -> list[str]:
    """How this process was started: `python -m dlsim` or the `dlsim` script (sys.argv[0])."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name:
        return ["-m", spec.name.removesuffix(".__main__")]
    return [sys.argv[0]]
