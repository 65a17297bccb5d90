"""Files: Save As and reopen (dialogs answered by script), plot exports to good and bad paths."""

from __future__ import annotations

from tests.ui.fuzz.registry import action


@action(1)
def save_and_reopen(d) -> str:
    saved = d.window.save_as()
    path = d.window.document.path
    if saved and path is not None and d.rng.random() < 0.7:
        d.window.open_path(path)
        return f"saved and reopened {path.name}"
    return f"save_as → {saved}"


@action(1)
def export(d) -> str:
    plots = d.window.workbench.plots
    key = d.rng.choice(sorted(plots))
    plot = plots[key]
    chosen = d.rng.choice([plot.png_action, plot.csv_action])
    chosen.trigger()
    return f"{key}: {chosen.text()}"
