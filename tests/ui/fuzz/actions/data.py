"""The data controls beside the decision boundary: pictures, samples / noise / split,
Regenerate, the view preferences and the column's Data button."""

from __future__ import annotations

from tests.ui.fuzz.registry import action
from tests.ui.fuzz.widgets import editors, name_of, poke, settle


@action(4)
def data_controls(d) -> str:
    """Bring the boundary dock forward (as a user would), then use one of its data controls."""
    bench = d.window.workbench
    dock = bench.docks["boundary"]
    dock.show()
    dock.raise_()
    plot = bench.plots["boundary"]
    controls = bench.data_controls
    if not plot.data_button.isChecked():
        plot.data_button.click()
    settle()
    choice = d.rng.choice(["picture", "picture", "number", "regenerate", "view", "column"])
    if choice == "picture":
        key = d.rng.choice(sorted(controls.picture_buttons))
        controls.picture_buttons[key].click()
        return f"picture {key}"
    if choice == "number":
        found = [w for w in editors(controls.form) if w.isVisible()]
        if not found:
            return "no numbers for this data set"
        editor = d.rng.choice(found)
        return f"{name_of(editor)}: {poke(editor, d.rng)}"
    if choice == "regenerate":
        controls.regenerate_button.click()
        return f"regenerate (enabled: {controls.regenerate_button.isEnabled()})"
    if choice == "view":
        box = d.rng.choice([controls.validation_box, controls.discrete_box])
        box.click()
        return f"{box.text()}: {box.isChecked()}"
    plot.data_button.click()
    return f"data column shown: {plot.data_button.isChecked()}"
