"""Rewinding a run: the whole picture of any past step, and branching from one.

A session's `rewind` takes two commands, applied by the worker in order with the others:
- `view(k)`: a `Snapshot` of the run as it was after step k — weights and running statistics,
  step k's record (activation statistics, gradient norms), the metrics, the confusion matrices,
  the decision boundary — rebuilt with `Experiment.state_at`, so it is bit for bit what the run
  showed at k. A drag sends many; when several are queued only the newest is computed.
- `branch(k, settings)`: the run goes on from step k, with `settings` (the document's) where they
  differ from the ones in effect at k; the history after k is dropped. The experiments it
  branched from are kept, so the steps before the branch point can still be viewed and branched
  from. A reset or a new experiment (graph edit) starts the chain again.

`PastHistory` is what the plots read while step k is shown: the history before k, ending in
step k's exact values (a history keeps decimated means; the snapshot has the numbers).
"""

from __future__ import annotations

import copy
import time
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.snapshot import Snapshot, freeze_params
from dlsim.engine.live.step_log import METRIC_NAMES
from dlsim.engine.text import translate
from dlsim.engine.training.settings import merge_training, normalize_training

PER_STEP = ("loss", "grad_norm/")  # logged at x = the step's index (its loss before its update)


def checked_step(step: Any) -> int:
    """`step` as a step of the run to go back to; DlsimError unless a whole number ≥ 0."""
    if isinstance(step, bool) or not isinstance(step, int | np.integer) or step < 0:
        raise DlsimError(
            translate(
                "rewind", "the step to go back to must be a whole number ≥ 0, not {0!r}"
            ).format(step)
        )
    return int(step)


class Rewind:
    """The past of a `TrainingSession`'s run: its `view` and `branch` commands (see above)."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.snapshot: Snapshot | None = None  # the latest past step asked for
        self.seconds = 0.0  # what computing it cost
        self.error: str | None = None  # why the latest view could not be made
        self._ancestors: list[Any] = []  # what the current run branched from, oldest first
        self._for: tuple = ()  # the (experiment, timeline) those ancestors lead to

    # --- caller side (any thread) -----------------------------------------------------------

    def view(self, step: int) -> None:
        """Publish `snapshot`, the run after `step` steps (between or after other commands)."""
        self.session._send("view", checked_step(step))

    def branch(self, step: int, settings: dict | None = None) -> None:
        """Go on from step `step` with `settings` (a whole training dict); the later steps go."""
        self.session._send("branch", (checked_step(step), copy.deepcopy(settings)))

    # --- worker side ------------------------------------------------------------------------

    def origin(self) -> int:
        """The earliest step that can be viewed or branched from."""
        return min(_origin(exp) for exp in self._chain())

    def _chain(self) -> list[Any]:
        """The current experiment, then those it branched from, newest first."""
        exp = self.session._exp
        key = (exp, getattr(exp, "timeline", None))
        if key != self._for:  # reset, or replaced: its past starts with it
            self._ancestors, self._for = [], key
        return [exp, *reversed(self._ancestors)]

    def _source(self, step: int) -> Any:
        """The experiment whose timeline holds `step` (a newer one shadows an older one)."""
        top = None
        for exp in self._chain():
            count = exp.step_count if top is None else min(exp.step_count, top)
            if _origin(exp) <= step <= count:
                return exp
            top = _origin(exp)
        raise DlsimError(
            translate("rewind", "step {0} is not part of this run (steps {1} to {2} are)").format(
                step, self.origin(), self.session._exp.step_count
            )
        )

    def cmd_view(self, step: int) -> None:
        if any(kind == "view" for kind, _payload in self.session._pending):
            return  # a newer one is queued: only the latest matters during a drag
        started = time.perf_counter()
        try:
            snap = self._past_snapshot(step)
        except DlsimError as exc:
            self.error = str(exc)
            return
        self.error = None
        self.snapshot = snap
        self.seconds = time.perf_counter() - started

    def _past_snapshot(self, step: int) -> Snapshot:
        s = self.session
        source = self._source(step)
        before = self._source(step - 1) if step > self.origin() else None
        record = None
        if before is source and not source.timeline.changed_at(step):
            past = source.state_at(step - 1)  # one step on gives step `step` and its record
            record = past.trainer.step()
        else:
            past = source.state_at(step)
            if before is not None:
                record = before.state_at(step - 1).trainer.step()
        if record is not None:
            record.activation_stats()
            record.grad_norms()
        job = s._boundary  # the live snapshots' grid, and what they carry from it
        views = job.predict(past, job.grid) if job.grid is not None else None  # unit_maps.GridViews
        s._serial += 1  # one counter with the live snapshots: a plot sees every change
        return Snapshot(
            step=step,
            epoch=int(record.epoch) if record is not None else 0,
            elapsed_s=0.0,
            state=s._state,
            loss=float(record.loss) if record is not None else None,
            metrics={k: float(v) for k, v in past.metrics().items()},
            record=record,
            params=freeze_params(past.params()),
            boundary=views[0] if views else None,
            units=views[1] if views else None,
            message=None,
            node_id=None,
            serial=s._serial,
            commands=s._applied,
            confusion=past.confusions(),
            origin=self.origin(),
        )

    def cmd_branch(self, payload: tuple[int, dict | None]) -> None:
        step, settings = payload
        s = self.session
        chain = self._chain()
        new = self._source(step).state_at(step)
        if settings is not None:
            wanted = normalize_training(merge_training(new.training, settings))
            if wanted != new.training:  # an unchanged setting would still restart the shuffle
                new.set_training(settings)
        self._ancestors = [exp for exp in reversed(chain) if _origin(exp) < step]
        s._exp = new
        self._for = (new, new.timeline)
        self.snapshot = None
        s.history.truncate(step)
        s._restart("idle" if step == 0 else "paused", clear=False)


def _origin(exp: Any) -> int:
    timeline = getattr(exp, "timeline", None)
    return timeline.origin if timeline is not None else 0


class PastHistory:
    """A `MetricsHistory` as it stood after step `snapshot.step`, read-only: each series stops
    before that step and ends in the snapshot's exact value. `version` is the caller's."""

    def __init__(self, history: Any, snapshot: Snapshot, version: int) -> None:
        self.history = history
        self.step = snapshot.step
        self.version = version
        exact: dict[str, tuple[float, float]] = {}
        record = snapshot.record
        if record is not None:
            exact["loss"] = (float(record.step), float(record.loss))
            for node_id, norm in record.grad_norms().items():
                exact["grad_norm/" + node_id] = (float(record.step), float(norm))
        for name, value in snapshot.metrics.items():
            exact[METRIC_NAMES.get(name, name)] = (float(self.step), float(value))
        self._exact = exact

    def _limit(self, name: str) -> float:
        if name in self._exact:
            return self._exact[name][0]
        return self.step - 1 if name.startswith(PER_STEP) else self.step

    def series(self, name: str, finite_only: bool = True) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.history.series(name, finite_only)
        keep = x < self._limit(name)
        x, y = x[keep], y[keep]
        if name in self._exact:
            ex, ey = self._exact[name]
            if np.isfinite(ey) or not finite_only:
                x, y = np.append(x, ex), np.append(y, ey)
        return x, y

    def envelope(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x, lo, hi = self.history.envelope(name)
        keep = x < self._limit(name)
        return x[keep], lo[keep], hi[keep]

    def nonfinite_x(self, name: str) -> np.ndarray:
        x = self.history.nonfinite_x(name)
        return x[x <= self._limit(name)]

    def last(self, name: str) -> tuple[float, float] | None:
        if name in self._exact:
            return self._exact[name]
        x, y = self.series(name)
        return (float(x[-1]), float(y[-1])) if len(x) else None

    def events(self) -> list[tuple[float, str]]:
        return [e for e in self.history.events() if e[0] <= self.step]

    def names(self) -> list[str]:
        return self.history.names()
