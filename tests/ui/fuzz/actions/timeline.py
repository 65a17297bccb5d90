"""Time travel: drag the timeline (a burst of positions, as a drag sends), back to now, and the
Branches menu's renames, hiding and deletes; Run/Step from the past is run_controls' (its
branch question is answered by script)."""

from __future__ import annotations

from tests.ui.fuzz.registry import action


@action(3)
def timeline_drag(d) -> str:
    slider = d.window.workbench.timeline.slider
    if not slider.isEnabled():
        return "nothing run yet"
    lo, hi = slider.minimum(), slider.maximum()
    stops = [d.rng.randint(lo, hi) for _ in range(d.rng.randint(1, 12))]
    for value in stops:
        slider.setValue(value)
    return f"dragged to {stops[-1]} of {hi}"


@action(2)
def timeline_branches(d) -> str:
    bar = d.window.workbench.timeline
    model = bar.model
    choice = d.rng.choice(["now", "rename", "rename current", "hide", "delete", "menu"])
    if choice == "now":
        bar.now_button.click()
    elif choice == "rename current":
        bar._rename(None)
    elif choice == "menu":
        bar._fill_menu()
    elif not model.branches:
        return f"{choice}: no branches"
    else:
        i = d.rng.randrange(len(model.branches))
        if choice == "rename":
            bar._rename(i)
        elif choice == "hide":
            model.set_shown(i, not model.branches[i].shown)
        else:
            model.delete(i)
    return choice
