"""The lesson windows: their buttons and editors, the stepper's long walks and their Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from tests.ui.fuzz.registry import action
from tests.ui.fuzz.widgets import editors, poke, settle, wait_until

CANCEL_WAIT_S = 30.0
LESSONS = ("perceptron_lab", "backprop_stepper", "activation_explorer")


def _walk(d, view) -> str:
    n = d.rng.choice([1, 2, 5, 50, 300, 5000, 100000])
    view.go_to_iteration(n)
    if view.busy:
        if d.rng.random() < 0.5:  # let it get going first
            bar = view.runner.progress_bar
            start = bar.value()
            wait_until(lambda: not view.busy or bar.value() > start, 1.0)
        view.runner.cancel()
        if not wait_until(lambda: not view.busy, CANCEL_WAIT_S):
            return f"iteration {n}: still busy after Cancel"
    return f"iteration {n}"


@action(3)
def lesson(d) -> str:
    key = d.rng.choice(LESSONS)
    view = d.window.lessons_controller.open_view(key)
    settle()
    if key == "backprop_stepper" and d.rng.random() < 0.3:
        return f"{key}: {_walk(d, view)}"
    buttons = [
        b for b in view.findChildren(QAbstractButton) if b.isVisibleTo(view) and b.isEnabled()
    ]
    found = editors(view)
    if found and d.rng.random() < 0.4:
        return f"{key}: {poke(d.rng.choice(found), d.rng)}"
    if not buttons:
        return f"{key}: no buttons"
    button = d.rng.choice(buttons)
    label = button.text()
    if button.isCheckable() and label.startswith(("Play", "Pause")):
        return f"{key}: not playing"  # Play would run by itself past the action
    button.click()
    if d.rng.random() < 0.3:
        view.close()
    return f"{key}: {label!r}"
