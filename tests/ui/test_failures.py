"""Never crash, never hide a failure: an exception escaping a slot, a timer or a thread, and a
critical message from Qt, each show the banner, land in the log file, and the window goes on."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer, qCritical
from PySide6.QtGui import QGuiApplication

from dlsim.ui.errors_banner import install_error_banner
from dlsim.ui.failures import FailureReporter, log_path, one_sentence
from dlsim.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def window(qtbot):
    reporter = FailureReporter().install()
    window = MainWindow()
    banner = install_error_banner(window, reporter)
    window.show()
    yield window, banner, reporter
    window.document.undo_stack.setClean()  # no "Save the changes?" dialog at teardown
    window.close()
    window.deleteLater()
    reporter.uninstall()
    reporter.close_log()


def _raise_in_a_timer() -> None:
    def broken_slot() -> None:
        raise ValueError("the plot's range is inverted")

    QTimer.singleShot(0, broken_slot)


def test_an_exception_in_a_slot_shows_the_banner_and_is_logged(qtbot, window):
    window, banner, reporter = window
    assert not banner.isVisible()
    _raise_in_a_timer()
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert banner.text() == (
        "Something went wrong: ValueError in broken_slot (test_failures.py): "
        "the plot's range is inverted."
    )
    log = log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "the plot's range is inverted" in log
    assert "XDG" not in str(log_path()) and str(log_path()).endswith("dlsim.log")
    # the window carries on: an edit still goes through the undo stack
    window.document.add_node("Input", pos=(0.0, 0.0))
    assert len(window.document.graph.nodes) == 1 and window.isVisible()


def test_details_and_copy_give_the_traceback_and_the_log_path(qtbot, window):
    window, banner, _reporter = window
    _raise_in_a_timer()
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    banner.details_button.click()
    assert banner.details.isVisible()
    assert "Traceback" in banner.details.toPlainText()
    banner.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "broken_slot" in copied and str(log_path()) in copied
    banner.close_button.click()
    assert not banner.isVisible()


def test_a_second_failure_is_counted(qtbot, window):
    window, banner, reporter = window
    _raise_in_a_timer()
    qtbot.waitUntil(lambda: len(reporter.failures) == 1, timeout=5000)
    _raise_in_a_timer()
    qtbot.waitUntil(lambda: len(reporter.failures) == 2, timeout=5000)
    assert banner.text().endswith("(2 failures so far)")


def test_a_qt_critical_message_is_a_failure(qtbot, window):
    window, banner, reporter = window
    qCritical("QPainter::begin: Paint device returned engine == 0")
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert banner.text().startswith("Something went wrong: Qt reported: QPainter::begin")
    assert "Paint device returned engine" in log_path().read_text(encoding="utf-8")


def test_an_exception_in_a_worker_thread_reaches_the_banner(qtbot, window):
    window, banner, reporter = window

    def work() -> None:
        raise RuntimeError("the worker lost its data")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert "RuntimeError in work" in banner.text()


def test_one_sentence_is_one_line_even_for_long_multi_line_messages():
    try:
        raise KeyError("first line\nsecond line " + "x" * 500)
    except KeyError as exc:
        sentence = one_sentence(exc, exc.__traceback__)
    assert "\n" not in sentence and len(sentence) <= 200
    assert sentence.startswith("KeyError in test_one_sentence")
