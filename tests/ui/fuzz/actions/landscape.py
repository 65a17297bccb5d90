"""The Landscape dock: change a control, Compute, and maybe Cancel or Compute again at once."""

from __future__ import annotations

from tests.ui.fuzz.registry import action
from tests.ui.fuzz.widgets import settle, wait_until


@action(2)
def compute_landscape(d) -> str:
    controls = d.window.workbench.plots["landscape"].controls
    boxes = [
        box
        for box in (controls.plane, controls.resolution, controls.extent, controls.first)
        if box.isEnabled() and box.count()
    ]
    box = d.rng.choice(boxes)
    box.setCurrentIndex(d.rng.randrange(box.count()))
    controls.compute.click()
    settle()
    wait_until(lambda: not controls.cancel.isEnabled(), d.rng.choice([0.0, 0.05, 0.2]))
    then = d.rng.choice(["cancel", "compute", "leave"])
    if then == "cancel":
        controls.cancel.click()
    elif then == "compute" and controls.compute.isEnabled():
        controls.compute.click()
    return f"{box.currentText()}, compute, {then}"
