"""The GUI fuzzer: a seeded random-action driver over the real main window.

`driver.Driver` picks an action by weight, runs it, lets the event loop turn and checks the cheap
invariants after every action (no exception escaped a slot, no Qt critical message, the action
returned within 5 s); the expensive ones (save → open gives an equal document, undoing everything
returns to the state after the last load or New) run every few dozen actions and at the end.

Adding a feature's actions: write `tests/ui/fuzz/actions/<feature>.py` with functions
decorated `@action(weight)` that take the `Driver` and return one line saying what they did
(the failure report's action list). The module is found by itself; use `d.rng` for every random
choice (each action has its own stream, so a replay of a shortened action list still gets the
same choices), `d.window` for the window and `widgets` for settling, waiting and hostile input.
"""

from tests.ui.fuzz.dialogs import ScriptedDialogs
from tests.ui.fuzz.driver import Driver, FuzzFailure
from tests.ui.fuzz.registry import action

__all__ = ["Driver", "FuzzFailure", "ScriptedDialogs", "action"]
