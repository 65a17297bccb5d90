"""Compare runs: copies of the document's network trained side by side, one training process each.

The training controller starts and stops a comparison; the compare plot draws `runs()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dlsim.engine.live.process_session import ProcessSession
from dlsim.engine.teaching.comparisons import comparison_documents
from dlsim.engine.training.experiment import Experiment
from dlsim.ui.plots.base import ComparisonRun

PUBLISH_INTERVAL_S = 0.2


class Comparison:
    """The sessions of the comparison on screen (none before the first one is started)."""

    def __init__(self, history_points: int) -> None:
        self.history_points = history_points
        self.sessions: list[tuple[str, ProcessSession]] = []
        self.version = 0  # changes whenever what the compare plot shows changes
        self._key: tuple = ()

    def start(self, doc: dict[str, Any], base_dir: Path | None, key: str, steps: int) -> None:
        """Train one copy of `doc` per setting of comparison `key`, from the same initial weights;
        DlsimError (and nothing started) when a variant cannot be built."""
        self.stop()
        start = Experiment(doc, base_dir).params()
        variants = comparison_documents(doc, key, start)
        runs = [(label, Experiment(d, base_dir)) for label, d in variants]
        for label, exp in runs:
            session = ProcessSession(
                exp,
                name=f"compare-{label}",
                publish_interval_s=PUBLISH_INTERVAL_S,
                history_capacity=self.history_points,
            )
            session.step(int(steps))
            self.sessions.append((label, session))
        self.version += 1

    def stop(self) -> None:
        """Close every run: the compare plot empties."""
        for _label, session in self.sessions:
            session.close(wait=False)
        if self.sessions:
            self.version += 1
        self.sessions = []

    def runs(self) -> tuple[ComparisonRun, ...]:
        """Each run as the compare plot draws it; `version` moves when any of them moved."""
        runs = []
        for label, session in self.sessions:
            snap = session.snapshot()
            state = snap.state if snap is not None else "running"
            if state == "idle":
                state = "running"  # its step command is queued
            step = snap.step if snap is not None else 0
            message = snap.message if snap is not None else None
            runs.append(ComparisonRun(label, session.history, state, step, message))
        key = tuple((r.state, r.step, r.history.version) for r in runs)
        if key != self._key:
            self._key = key
            self.version += 1
        return tuple(runs)
