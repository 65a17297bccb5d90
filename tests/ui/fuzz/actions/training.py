"""The training workbench: every setting (extremes included) and Run/Pause/Step/Reset/speed."""

from __future__ import annotations

from tests.ui.fuzz.registry import action
from tests.ui.fuzz.widgets import editors, name_of, poke, wait_until

FRAME_WAIT_S = 2.0


@action(8)
def training_setting(d) -> str:
    found = editors(d.window.workbench.training_panel)
    if not found:
        return "no editors"
    editor = d.rng.choice(found)
    return f"{name_of(editor)}: {poke(editor, d.rng)}"


@action(5)
def run_controls(d) -> str:
    """A press, no waiting: training goes on in its process while the next actions happen."""
    controls = d.window.workbench.run_controls
    choice = d.rng.choice(["run", "pause", "step", "step10", "step100", "reset", "speed"])
    if choice == "speed":
        box = controls.speed_box
        box.setCurrentIndex(d.rng.randrange(box.count()))
    elif choice == "pause":
        d.window.workbench.controller.pause()
    else:
        getattr(controls, f"{choice}_action").trigger()
    return choice


@action(3)
def watch_training(d) -> str:
    """Look at the plots: while running, until two new frames are drawn; else every plot now."""
    controller = d.window.workbench.controller
    if controller.state == "running":
        start = controller.refresh_count
        drew = wait_until(lambda: controller.refresh_count >= start + 2, FRAME_WAIT_S)
        return "two frames" if drew else f"no new frame in {FRAME_WAIT_S:.0f} s"
    controller.flush()
    return f"{controller.state}: every plot drawn"
