"""The run loop and its invariants: random actions on one window, checked as they go.

After every action (cheap): no exception escaped a slot or a timer and no Qt critical message
(both reach the `FailureReporter`), and the action returned having kept the GUI thread busy
for less than `ACTION_LIMIT_S` (CPU time: a loaded machine stretches wall time; a hang is
caught at `HANG_LIMIT_S` of wall time, see `watchdog`). Every
`ROUND_TRIP_EVERY` actions: save → open gives an equal document; every `UNDO_ALL_EVERY`: undoing
everything returns to the state after the last load or New (each redoes the whole stack, so it
is the dearest check); both once more at the end. A failure names its seed, how to replay it,
and the numbered action list (`Driver.replay` runs a list, shortened or not, with the same
choices inside each action).
"""

from __future__ import annotations

import random
import statistics
from pathlib import Path
from typing import Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.training.fileformat import write_document
from dlsim.ui.document import Document
from tests.ui.fuzz.dialogs import ScriptedDialogs
from tests.ui.fuzz.registry import Action, all_actions, by_name
from tests.ui.fuzz.watchdog import Watchdog
from tests.ui.fuzz.widgets import settle

ACTION_LIMIT_S = 5.0  # of the GUI thread's own CPU time: work that freezes the window
HANG_LIMIT_S = 60.0  # of wall time: an action that never returns (waiting burns no CPU)
ROUND_TRIP_EVERY = 25
UNDO_ALL_EVERY = 100
SHOWN_ACTIONS = 200


class FuzzFailure(AssertionError):
    pass


class Driver:
    """Random actions on one window, with the invariants checked after each."""

    def __init__(
        self,
        window: Any,
        reporter: Any,
        seed: int,
        folder: Path,
        monkeypatch: Any = None,
        actions: list[Action] | None = None,
    ) -> None:
        self.window = window
        self.reporter = reporter
        self.seed = seed
        self.folder = folder
        self.chooser = random.Random(seed)  # picks the actions
        self.rng = random.Random(f"{seed}:start")  # the running action's own choices
        self.dialogs = ScriptedDialogs(self.rng, folder)
        if monkeypatch is not None:
            self.dialogs.install(monkeypatch)
        self.actions = actions if actions is not None else all_actions()
        self.log: list[str] = []
        self.done: list[str] = []  # "index:name", the replay list
        self.durations: list[float] = []
        self.busy: list[float] = []  # each action's GUI-thread CPU time
        self.baseline = self._state()
        self._failures_seen = len(reporter.failures)
        self.watchdog = Watchdog(ACTION_LIMIT_S, HANG_LIMIT_S)
        window.document.document_replaced.connect(self._on_replaced)

    # --- the run ------------------------------------------------------------------------------

    def run(self, n: int) -> None:
        weights = [a.weight for a in self.actions]
        with self.watchdog:
            for i in range(n):
                chosen = self.chooser.choices(self.actions, weights)[0]
                self.step(i, chosen)
                if (i + 1) % ROUND_TRIP_EVERY == 0:
                    self.check_round_trip()
                if (i + 1) % UNDO_ALL_EVERY == 0:
                    self.check_undo_all()
        self.check_round_trip()
        self.check_undo_all()

    def replay(self, steps: list[str]) -> None:
        """Run "index:name" steps (from a failure's list), every check after each."""
        with self.watchdog:
            for entry in steps:
                index, name = entry.split(":", 1)
                self.step(int(index), self._named(name))
                self.check_round_trip()
                self.check_undo_all()

    def _named(self, name: str) -> Action:
        return next((a for a in self.actions if a.name == name), None) or by_name(name)

    def step(self, index: int, chosen: Action) -> None:
        self.rng = random.Random(f"{self.seed}:{index}")
        self.dialogs.rng = self.rng
        self.done.append(f"{index}:{chosen.name}")
        what = "?"
        self.watchdog.begin()
        try:
            what = chosen.run(self)
            settle()
        except Exception as exc:
            self.log.append(f"{index}: {chosen.name}: raised")
            self.fail(f"{chosen.name} raised {type(exc).__name__}: {exc}")
        finally:
            took, busy = self.watchdog.end()
        self.durations.append(took)
        self.busy.append(busy)
        self.log.append(f"{index}: {chosen.name}: {what} ({took:.2f} s, GUI thread {busy:.2f} s)")
        if self.watchdog.overran(took, busy):
            stack = self.watchdog.stack[-4000:]
            self.fail(
                f"{chosen.name} took {took:.1f} s, {busy:.1f} s of it GUI-thread work; "
                f"the GUI thread was in:\n{stack}"
            )
        self.check_failures()

    def summary(self) -> str:
        durations = self.durations or [0.0]
        return (
            f"fuzz seed {self.seed}: {len(self.durations)} actions in {sum(durations):.1f} s, "
            f"median {1000 * statistics.median(durations):.1f} ms, "
            f"max {1000 * max(durations):.0f} ms; GUI-thread CPU median "
            f"{1000 * statistics.median(self.busy or [0.0]):.1f} ms, "
            f"max {1000 * max(self.busy or [0.0]):.0f} ms; costliest: {self.costliest()}"
        )

    def costliest(self, n: int = 5) -> str:
        """The actions that kept the GUI thread busiest, "index:name ms" (where to look first)."""
        worst = sorted(zip(self.busy, self.done, strict=False), reverse=True)[:n]
        return ", ".join(f"{entry} {1000 * busy:.0f} ms" for busy, entry in worst)

    def fail(self, why: str) -> None:
        replay_file = self.folder / f"fuzz-seed{self.seed}.replay"
        replay_file.write_text(",".join(self.done) + "\n")
        actions = "\n".join(self.log[-SHOWN_ACTIONS:])
        raise FuzzFailure(
            f"fuzz seed {self.seed} failed after {len(self.done)} actions: {why}\n"
            f"replay: DLSIM_FUZZ_SEEDS={self.seed} DLSIM_FUZZ_ACTIONS={len(self.done)} "
            f"pytest tests/ui/test_fuzz.py\n"
            f"or only the listed actions: DLSIM_FUZZ_SEEDS={self.seed} "
            f"DLSIM_FUZZ_REPLAY={replay_file} pytest tests/ui/test_fuzz.py\n"
            f"last actions:\n{actions}"
        )

    # --- invariants ---------------------------------------------------------------------------

    def check_failures(self) -> None:
        failures = self.reporter.failures
        if len(failures) > self._failures_seen:
            first = failures[self._failures_seen]
            self._failures_seen = len(failures)
            self.fail(f"{first.summary}\n{first.details}")

    def _state(self) -> tuple[dict, dict]:
        doc = self.window.document
        return doc.graph.to_dict(), dict(doc.training)

    def _on_replaced(self) -> None:
        self.baseline = self._state()

    def check_round_trip(self) -> None:
        doc = self.window.document
        try:
            saved = doc.to_dict()
        except DlsimError:
            return
        path = self.folder / "round_trip.dlsim"
        try:
            write_document(path, saved)
        except DlsimError as exc:  # NaN weights after a divergence are refused: documented
            if "NaN" not in str(exc):
                self.fail(f"save failed: {exc}")
            return
        reopened = Document()
        reopened.open(path)
        if reopened.to_dict() != saved:
            self.fail("save → open gave a different document")

    def check_undo_all(self) -> None:
        stack = self.window.document.undo_stack
        top = stack.index()
        stack.setIndex(0)
        settle()
        state = self._state()
        stack.setIndex(top)
        settle()
        self.check_failures()
        if state != self.baseline:
            self.fail("undoing everything did not return to the state after the last load/New")

    # --- what actions share -------------------------------------------------------------------

    def nodes(self) -> list[str]:
        return list(self.window.document.graph.nodes)

    def select_some(self) -> list[str]:
        nodes = self.nodes()
        chosen = self.rng.sample(nodes, self.rng.randint(1, len(nodes))) if nodes else []
        self.window.scene.select_nodes(chosen)
        return chosen
