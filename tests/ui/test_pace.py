"""The first Run is watchable: each example opens at the pace it asks for (its "view"), a new
diagram at DEFAULT_PACE, Max speed is one click on the toolbar, and the overfitting example opens
with a log step axis so its late validation climb is not squeezed into the first pixels."""

from __future__ import annotations

import pytest

from dlsim.ui.main_window import MainWindow
from dlsim.ui.panels.run_controls import DEFAULT_PACE
from dlsim.ui.workbench import install_workbench


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.remember_layout = False
    bench = install_workbench(w)
    w.extensions_installed()
    w.show()
    yield w
    w.document.undo_stack.setClean()
    bench.controller.shutdown()
    w.close()
    w.deleteLater()


def pace_shown(window) -> tuple[str, bool]:
    controls = window.workbench.run_controls
    return controls.speed_box.currentText(), controls.max_action.isChecked()


def test_small_examples_open_at_a_pace_to_watch_and_max_is_one_click(window):
    controls, controller = window.workbench.run_controls, window.workbench.controller
    window.open_example("xor_learn")
    assert pace_shown(window) == ("30/s", False)
    assert controller._speed == 30.0
    controls.max_action.trigger()  # one click
    assert controls.max_action.isChecked() and controller._speed is None
    controls.max_action.trigger()  # and back to the pace beside it
    assert controller._speed == 30.0
    controls.max_action.trigger()
    controls.speed_box.setCurrentIndex(controls.speed_box.findText("100/s"))
    assert pace_shown(window) == ("100/s", False) and controller._speed == 100.0
    window.open_example("and_gate")
    assert pace_shown(window) == ("10/s", False)
    window.new_document()
    assert controller._speed == DEFAULT_PACE


def test_the_overfitting_example_opens_flat_out_on_a_log_step_axis(window):
    loss = window.workbench.plots["loss"]
    window.open_example("overfitting")
    assert pace_shown(window)[1] is True
    assert window.workbench.controller._speed is None
    assert loss.log_steps_box.isChecked() and loss.loss_plot.ctrl.logXCheck.isChecked()
    window.open_example("xor_learn")
    assert not loss.log_steps_box.isChecked()
