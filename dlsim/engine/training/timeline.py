"""A run's timeline: checkpoints kept at intervals, so any past step can be rebuilt exactly.

A checkpoint is the whole training state after some step (weights, BatchNorm statistics,
optimizer moments, the training random stream, the shuffle order and position, the counts, the
settings in effect), pickled so its memory is exactly its length. `state_at(k)` restores the last
checkpoint at or before k and replays the steps (and any `set_training` calls) in between —
deterministic, so the result is bit-identical to the original run at k. When the checkpoints
outgrow the memory budget the spacing doubles and every other one is dropped, so memory stays
within budget and a lookup replays fewer than `spacing` steps.
"""

from __future__ import annotations

import bisect
import copy
import pickle
from typing import TYPE_CHECKING, Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training.doc_copy import copy_doc

if TYPE_CHECKING:
    from dlsim.engine.training.experiment import Experiment

DEFAULT_BUDGET = 200 * 2**20  # bytes of checkpoints a run may keep
MIN_SPACING = 8  # steps between checkpoints at first: snapshotting every step would slow training


def snapshot(exp: Experiment) -> bytes:
    """Everything that decides the run's future, as one bytes object."""
    t = exp.trainer
    state = {
        "training": exp.training,
        "weights": exp.network.get_weights(),
        "optimizer": exp.optimizer.state_dict(),
        "rng": t.rng.bit_generator.state,
        "order": t._order,
        "pos": t._pos,
        "step": t.step_count,
        "epoch": t.epoch,
    }
    return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def restore(exp: Experiment, blob: bytes) -> Experiment:
    """A new experiment like `exp` (graph, document weights, budget) in the snapshot's state."""
    state = pickle.loads(blob)
    doc = exp.to_dict(include_weights=False)
    doc["training"] = state["training"]
    doc["weights"] = copy_doc(exp.initial_weights)
    out = type(exp)(doc, exp.base_dir, history_bytes=exp.timeline.budget)
    net = out.network
    for nid, values in state["weights"].items():
        layer = net.layers[nid]
        targets = {**layer.weights, **layer.state}
        for name, arr in values.items():
            targets[name][...] = arr  # not set_weights: a diverged run's NaNs are its state too
    out.optimizer.load_state_dict(state["optimizer"])
    t = out.trainer
    t.rng.bit_generator.state = state["rng"]
    t._order, t._pos = state["order"], state["pos"]
    t.step_count, t.epoch = state["step"], state["epoch"]
    out.timeline = Timeline(out, exp.timeline.budget)  # its history starts here
    return out


class Timeline:
    """The checkpoints and settings changes of one experiment since its origin step."""

    def __init__(self, exp: Experiment, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = _checked(budget)
        self.spacing = MIN_SPACING
        self.origin = exp.step_count
        self._checkpoints: dict[int, bytes] = {}
        self._steps: list[int] = []  # the checkpoints' steps, sorted
        self._events: list[tuple[int, dict[str, Any]]] = []  # (step, set_training changes)
        self.nbytes = 0
        self._add(exp.step_count, snapshot(exp))

    def set_budget(self, budget: int) -> None:
        """A new memory budget; checkpoints are thinned at once if they no longer fit."""
        self.budget = _checked(budget)
        self._thin()

    def copy(self) -> Timeline:
        """An independent copy (checkpoints are immutable bytes, shared), for a thread that
        rebuilds past steps while the run goes on."""
        out = copy.copy(self)
        out._checkpoints = dict(self._checkpoints)
        out._steps = list(self._steps)
        out._events = list(self._events)
        return out

    @property
    def checkpoint_steps(self) -> list[int]:
        return list(self._steps)

    def _add(self, step: int, blob: bytes) -> None:
        old = self._checkpoints.get(step)
        if old is None:
            bisect.insort(self._steps, step)
        else:
            self.nbytes -= len(old)
        self._checkpoints[step] = blob
        self.nbytes += len(blob)
        self._thin()

    def _thin(self) -> None:
        """Double the spacing and drop every other checkpoint until they fit the budget (the
        origin is always kept: without it the steps before the first checkpoint are lost)."""
        while self.nbytes > self.budget and len(self._steps) > 1:
            self.spacing *= 2
            keep = [s for s in self._steps if s == self.origin or s % self.spacing == 0]
            for s in set(self._steps) - set(keep):
                self.nbytes -= len(self._checkpoints.pop(s))
            self._steps = keep

    def after_step(self, exp: Experiment) -> None:
        """Called by the experiment after every step: checkpoint it if it falls on the spacing."""
        if exp.step_count % self.spacing == 0:
            self._add(exp.step_count, snapshot(exp))

    def after_settings(self, exp: Experiment, changes: dict[str, Any]) -> None:
        """Called after `set_training`: remember the change so replay makes it at the same step,
        and refresh a checkpoint at this step so it holds the state after the change."""
        step = exp.step_count
        self._events.append((step, copy.deepcopy(changes)))
        if step in self._checkpoints:
            self._add(step, snapshot(exp))

    def changed_at(self, step: int) -> bool:
        """Whether the settings were changed after `step` steps (so they differ from the ones
        that made step `step`)."""
        return any(s == step for s, _changes in self._events)

    def state_at(self, exp: Experiment, step: int) -> Experiment:
        """A new experiment in `exp`'s state after `step` steps; `exp` is not touched."""
        current = exp.step_count
        if isinstance(step, bool) or not isinstance(step, int):
            raise DlsimError(
                translate(
                    "timeline", "the step to go back to must be a whole number, not {0!r}"
                ).format(step)
            )
        if step > current:
            raise DlsimError(
                translate(
                    "timeline", "step {0} is beyond this run, which has made {1} steps"
                ).format(step, current)
            )
        if step < self.origin:
            raise DlsimError(
                translate(
                    "timeline",
                    "step {0} is before step {1}, where this run's history starts (it was "
                    "reset, edited or branched there)",
                ).format(step, self.origin)
            )
        if step == current:
            return restore(exp, snapshot(exp))
        start = self._steps[bisect.bisect_right(self._steps, step) - 1]
        out = restore(exp, self._checkpoints[start])
        events = [(s, c) for s, c in self._events if start < s <= step]
        i = 0
        for pos in range(start, step + 1):
            while i < len(events) and events[i][0] == pos:
                out.set_training(events[i][1])
                i += 1
            if pos < step:
                out.trainer.step()
        out.timeline = Timeline(out, self.budget)
        return out


def _checked(budget: int) -> int:
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 0:
        raise DlsimError(
            translate(
                "timeline", "the history memory budget must be a whole number of bytes, not {0!r}"
            ).format(budget)
        )
    return budget
