"""The GUI fuzzer: seeded random actions over the real main window (see fuzz_driver.py).

`make test` runs a short run over a few seeds; `make fuzz` a long one
(DLSIM_FUZZ_ACTIONS=10000 DLSIM_FUZZ_SEEDS=0,1,2,3,4). A failure prints its seed and the
actions that led to it; the same seed and count replay it."""

from __future__ import annotations

import os

import pytest

from dlsim.ui.app import _install_extensions
from dlsim.ui.errors_banner import install_error_banner
from dlsim.ui.failures import FailureReporter
from dlsim.ui.main_window import MainWindow
from tests.ui.fuzz_driver import Driver, ScriptedDialogs

SEEDS = [int(s) for s in os.environ.get("DLSIM_FUZZ_SEEDS", "1,2,3").split(",")]
ACTIONS = int(os.environ.get("DLSIM_FUZZ_ACTIONS", "80"))

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def fuzz_window(qtbot, tmp_path, monkeypatch):
    reporter = FailureReporter().install()
    window = MainWindow()
    window.remember_layout = False
    _install_extensions(window)
    install_error_banner(window, reporter)
    window.resize(1280, 800)
    window.show()
    window.open_example("xor_learn")
    yield window, reporter
    window.document.undo_stack.setClean()
    for view in window.lessons_controller.views.values():
        runner = getattr(view, "runner", None)
        if runner is not None:
            runner.abandon()
    window.workbench.controller.shutdown()
    window.close()
    window.deleteLater()
    reporter.uninstall()
    reporter.close_log()


@pytest.mark.parametrize("seed", SEEDS)
def test_random_use_breaks_nothing(fuzz_window, seed, tmp_path, monkeypatch):
    window, reporter = fuzz_window
    driver = Driver(window, reporter, seed, tmp_path)
    ScriptedDialogs(driver.rng, tmp_path).install(monkeypatch)
    driver.run(ACTIONS)
