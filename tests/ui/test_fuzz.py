"""The GUI fuzzer: seeded random actions over the real main window (see tests/ui/fuzz/).

`make test` runs a short run over a few seeds; `make fuzz` the long one. A failure prints its
seed and the actions that led to it; the same seed and count replay it, and
DLSIM_FUZZ_REPLAY=<file or "i:name,i:name,…"> replays only the listed actions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dlsim.ui.app import _install_extensions
from dlsim.ui.errors_banner import install_error_banner
from dlsim.ui.failures import FailureReporter
from dlsim.ui.main_window import MainWindow
from tests.ui.fuzz import Driver

SEEDS = [int(s) for s in os.environ.get("DLSIM_FUZZ_SEEDS", "1,2,3").split(",")]
ACTIONS = int(os.environ.get("DLSIM_FUZZ_ACTIONS", "80"))
REPLAY = os.environ.get("DLSIM_FUZZ_REPLAY", "")

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


def _replay_list(text: str) -> list[str]:
    """The actions to replay: a replay file's, or the list itself (too long to be a file name)."""
    try:
        if Path(text).is_file():
            text = Path(text).read_text()
    except OSError:  # ENAMETOOLONG: a long list given inline
        pass
    return [entry for entry in text.strip().split(",") if entry]


@pytest.mark.parametrize("seed", SEEDS)
def test_random_use_breaks_nothing(fuzz_window, seed, tmp_path, monkeypatch):
    window, reporter = fuzz_window
    driver = Driver(window, reporter, seed, tmp_path, monkeypatch)
    if REPLAY:
        driver.replay(_replay_list(REPLAY))
    else:
        driver.run(ACTIONS)
    print(driver.summary())
