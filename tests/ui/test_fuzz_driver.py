"""The fuzzer's own behaviour: a failure names its seed and a replay list that reproduces it,
an overrunning action is caught with where the GUI thread was, every action area is found."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from tests.ui.fuzz import Driver, FuzzFailure
from tests.ui.fuzz import driver as driver_module
from tests.ui.fuzz.registry import Action, all_actions
from tests.ui.test_fuzz import fuzz_window  # noqa: F401 (the fixture)

pytestmark = pytest.mark.qt_no_exception_capture


def _boom() -> None:
    raise ValueError("a slot broke")


def test_every_area_registers_its_actions():
    names = {a.name for a in all_actions()}
    assert {"open_example", "add_layer", "training_setting", "lesson", "export"} <= names
    assert "data_controls" in names


def test_a_failure_names_its_seed_and_replays_from_the_list(fuzz_window, tmp_path):  # noqa: F811
    window, reporter = fuzz_window
    calls: list[int] = []

    def move_or_break(d) -> str:
        value = d.rng.randrange(10)  # the action's own stream: the same in a replay
        calls.append(value)
        if len(calls) == 7:
            QTimer.singleShot(0, _boom)  # an exception escaping a slot, as the app's would
        return f"value {value}"

    actions = [Action("move_or_break", 1, move_or_break)]
    driver = Driver(window, reporter, 5, tmp_path, actions=actions)
    with pytest.raises(FuzzFailure) as failed:
        driver.run(20)
    message = str(failed.value)
    assert "fuzz seed 5 failed after 7 actions" in message and "a slot broke" in message
    replay = (tmp_path / "fuzz-seed5.replay").read_text().strip().split(",")
    assert replay[-1] == "6:move_or_break" and len(replay) == 7
    first_values = list(calls)
    calls.clear()
    again = Driver(window, reporter, 5, tmp_path, actions=actions)
    with pytest.raises(FuzzFailure):
        again.replay(replay)
    assert calls == first_values


def test_an_action_that_keeps_the_gui_thread_busy_shows_where_it_was(
    fuzz_window,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    window, reporter = fuzz_window
    monkeypatch.setattr(driver_module, "ACTION_LIMIT_S", 0.3)

    def busy_action(d) -> str:
        end = time.thread_time() + 0.8
        while time.thread_time() < end:
            pass
        return "worked"

    driver = Driver(window, reporter, 0, tmp_path, actions=[Action("busy", 1, busy_action)])
    driver.watchdog.poll_s = 0.05
    with pytest.raises(FuzzFailure) as failed:
        driver.run(1)
    assert "busy took" in str(failed.value) and "busy_action" in str(failed.value)


def test_waiting_is_not_work_but_a_hang_is_caught(fuzz_window, tmp_path, monkeypatch):  # noqa: F811
    window, reporter = fuzz_window
    monkeypatch.setattr(driver_module, "ACTION_LIMIT_S", 0.3)

    def sleepy_action(d) -> str:
        time.sleep(0.6)  # a machine busy with other work looks like this from the inside
        return "slept"

    driver = Driver(window, reporter, 0, tmp_path, actions=[Action("sleepy", 1, sleepy_action)])
    driver.run(2)
    monkeypatch.setattr(driver_module, "HANG_LIMIT_S", 0.3)
    hung = Driver(window, reporter, 0, tmp_path, actions=[Action("sleepy", 1, sleepy_action)])
    hung.watchdog.poll_s = 0.05
    with pytest.raises(FuzzFailure) as failed:
        hung.run(1)
    assert "sleepy took" in str(failed.value) and "sleepy_action" in str(failed.value)
