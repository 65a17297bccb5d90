"""The banner that says "Something went wrong: <one sentence>" without stopping anyone.

A strip across the top of the diagram, shown when the `FailureReporter` announces a failure: Details
opens the traceback (with the log file's path), Copy puts it on the clipboard for a bug report,
× hides the strip. It never takes focus and never blocks: the work in the window goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.ui.failures import Failure, FailureReporter, log_path
from dlsim.ui.style import ERROR_COLOR

PREFIX = QT_TRANSLATE_NOOP("ErrorBanner", "Something went wrong: ")


class ErrorBanner(QWidget):
    """One line naming the latest failure, with Details / Copy / close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.failure: Failure | None = None
        self.count = 0
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = self._button(
            self.tr("Details"), self.tr("Show what happened, for a bug report")
        )
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.copy_button = self._button(
            self.tr("Copy"), self.tr("Copy the details to the clipboard")
        )
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = self._button(
            "×", self.tr("Hide this message (it stays in the log file)")
        )
        self.close_button.clicked.connect(self.dismiss)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(180)
        self.details.hide()
        row = QHBoxLayout()
        row.setContentsMargins(8, 2, 4, 2)
        row.addWidget(self.label, 1)
        for button in (self.details_button, self.copy_button, self.close_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.details)
        self.setStyleSheet(
            f"ErrorBanner {{ background: #fde8e8; border-bottom: 1px solid {ERROR_COLOR.name()}; }}"
            f"QLabel {{ color: #7f1d1d; }}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def show_failure(self, failure: Failure) -> None:
        self.failure = failure
        self.count += 1
        again = self.tr(" ({0} failures so far)").format(self.count) if self.count > 1 else ""
        self.label.setText(self.tr(PREFIX) + failure.summary + again)
        self.label.setToolTip(failure.summary)
        self.details.setPlainText(self.details_text())
        self.show()

    def details_text(self) -> str:
        if self.failure is None:
            return ""
        logged = self.tr("Logged to {0}").format(log_path())
        return f"{self.failure.details.rstrip()}\n\n{logged}\n"

    def text(self) -> str:
        return self.label.text()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())

    def _show_details(self, on: bool) -> None:
        self.details.setVisible(on)

    def dismiss(self) -> None:
        self.details_button.setChecked(False)
        self.count = 0
        self.hide()


class _FollowWidth(QObject):
    """Keeps the banner across the top of the widget it overlays, whatever its size."""

    def __init__(self, banner: ErrorBanner, host: QWidget) -> None:
        super().__init__(banner)
        self.banner = banner
        self.host = host
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        self.banner.setGeometry(0, 0, self.host.width(), self.banner.sizeHint().height())
        self.banner.raise_()


def install_error_banner(window: QMainWindow, reporter: FailureReporter) -> ErrorBanner:
    """Lay a (hidden) banner across the top of the window's diagram, fed by `reporter`.

    An overlay, not a toolbar or a dock: it never moves the window's other controls.
    """
    host = window.centralWidget()
    banner = ErrorBanner(host)
    banner.hide()
    follow = _FollowWidth(banner, host)

    def show(failure: Failure) -> None:
        banner.show_failure(failure)
        follow.place()

    reporter.failed.connect(show)
    banner.details_button.toggled.connect(lambda _on: follow.place())
    window.error_banner = banner
    return banner
