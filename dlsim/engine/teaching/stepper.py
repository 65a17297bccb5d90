"""The backprop stepper's walk: a document stepped one sample at a time, its phases kept.

The phases themselves are built in `backprop_script` from the names in `backprop_names`; this
module runs the experiment (batch size 1, replaying when the learner goes back), knows the
lecture's worked example, and notes the slides' typos where the stepper shows the right values.
"""

from __future__ import annotations

import copy
import os
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.notation import f8, given
from dlsim.engine.teaching.backprop_names import (
    MAX_LAYERS,
    MAX_UNITS,
    NetLayout,
    UnitInfo,
    WeightInfo,
    check_supported,
    layout,
)
from dlsim.engine.teaching.backprop_phase import Line, Phase
from dlsim.engine.teaching.backprop_script import build_phases
from dlsim.engine.text import translate
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.trainer import StepTrace

__all__ = [
    "MAX_ITERATION",
    "MAX_LAYERS",
    "MAX_UNITS",
    "BackpropWalk",
    "Line",
    "NetLayout",
    "Phase",
    "UnitInfo",
    "WeightInfo",
    "build_phases",
    "check_supported",
    "f8",
    "given",
    "layout",
]

MAX_ITERATION = 100_000


# --- the lecture's example ----------------------------------------------------------------------

_LECTURE = {
    "x": [[0.1, 0.2]],
    "y": [[0.4, 0.6]],
    "h": [[0.3, 0.4], [0.25, 0.35]],
    "o": [[0.45, 0.7], [0.4, 0.6]],
}


def is_lecture_example(experiment: Experiment) -> bool:
    """True for the lecture's 2-2-2 worked example as it starts (so its slide typos are noted)."""
    try:
        data = experiment.dataset
        w = experiment.initial_weights
        return (
            np.array_equal(data.x_train, _LECTURE["x"])
            and np.array_equal(data.y_train, _LECTURE["y"])
            and np.array_equal(np.asarray(w["h"]["W"]), _LECTURE["h"])
            and np.array_equal(np.asarray(w["o"]["W"]), _LECTURE["o"])
            and experiment.training["loss"] == "half_sse"
        )
    except (KeyError, TypeError, ValueError):
        return False


def lecture_notes(trace: StepTrace) -> dict[str, tuple[str, ...]]:
    """The slides' typos, noted where the stepper shows the right values."""
    o2 = float(trace.layers["o"].values["a"][0, 1])
    z4 = float(trace.layers["o"].values["z"][0, 1])
    w1 = trace.layers["h"]
    return {
        "forward:o": (
            translate(
                "Stepper",
                "Note: the slides print 0.68047 for o2 \u2014 that is z4 ({0}). "
                "The output is o2 = \u03c3(z4) = {1} (\u2248 0.66384).",
            ).format(f8(z4), f8(o2)),
        ),
        "update": (
            translate(
                "Stepper",
                "Note: the slides write W1\u207a = 0.1 \u2212 0.5 \u00d7 \u2026 \u2014 a typo: "
                "W1 is {0}, so W1\u207a = {0} \u2212 0.5 \u00d7 {1} = {2}.",
            ).format(
                given(float(w1.before["W"][0, 0])),
                f8(float(w1.grads["W"][0, 0])),
                f8(float(w1.after["W"][0, 0])),
            ),
        ),
    }


# --- walking through iterations -----------------------------------------------------------------


def _iteration(n: Any) -> int:
    if isinstance(n, bool) or int(n) != n or not 1 <= n <= MAX_ITERATION:
        raise DlsimError(
            translate("stepper", "the iteration must be a whole number from 1 to {0}").format(
                MAX_ITERATION
            )
        )
    return int(n)


class BackpropWalk:
    """One document stepped one sample at a time, with each visited iteration's phases kept.

    The stepper works on its own copy of the document with batch size 1, so every chain-rule
    product can be written out for a single input. Iterations are numbered from 1; going back to
    an iteration that was skipped over replays the run from the start (runs are deterministic).
    """

    def __init__(
        self,
        doc: dict[str, Any],
        base_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        doc = copy.deepcopy(doc)
        training = doc.setdefault("training", {}) or {}
        doc["training"] = training
        original_batch = training.get("batch_size")
        training["batch_size"] = 1
        self.experiment = Experiment(doc, base_dir)
        self.layout = layout(self.experiment)
        self.name = self.experiment.name
        self.n_samples = self.experiment.dataset.n_train
        self.lecture = is_lecture_example(self.experiment)
        self.start_notes: tuple[str, ...] = ()
        if self.n_samples > 1 and original_batch != 1:
            self.start_notes = (
                translate(
                    "Stepper",
                    "The data set has {0} samples; the stepper shows one sample per "
                    "iteration (batch size 1) so that every product can be written out.",
                ).format(self.n_samples),
            )
        self._traces: dict[int, StepTrace] = {}
        self._phases: dict[int, list[Phase]] = {}
        self.losses: list[float] = []

    @property
    def done(self) -> int:
        """How many iterations (steps) have been run so far."""
        return self.experiment.step_count

    def _replay_to(self, n: int) -> None:
        self.experiment.reset()
        self.losses = []
        while self.done < n:
            self._advance(trace=self.done + 1 == n or self.done + 1 in self._traces)

    def _advance(self, trace: bool) -> None:
        record = self.experiment.step(trace=trace)
        self.losses.append(record.loss)
        if record.trace is not None:
            self._traces[self.done] = record.trace

    def steps_to(self, n: int) -> int:
        """How many training steps reaching iteration n costs (0 when its trace is kept), so a
        caller can run a long way off the GUI thread; DlsimError for an iteration out of range."""
        n = _iteration(n)
        if n in self._traces:
            return 0
        return n if n <= self.done else n - self.done

    def trace(self, n: int) -> StepTrace:
        """The trace of iteration n (1-based), running or replaying the experiment as needed."""
        n = _iteration(n)
        if n in self._traces:
            return self._traces[n]
        if n <= self.done:
            self._replay_to(n)
        while self.done < n:
            self._advance(trace=self.done + 1 == n)
        return self._traces[n]

    def phases(self, n: int) -> list[Phase]:
        """The phases of iteration n, built once from its trace."""
        if n not in self._phases:
            trace = self.trace(n)
            notes = lecture_notes(trace) if self.lecture and n == 1 else None
            self._phases[n] = build_phases(trace, self.layout, n, notes, self.start_notes)
        return self._phases[n]

    def loss_history(self, upto: int) -> list[float]:
        """E_total of iterations 1..upto, each before its own update."""
        self.trace(upto)
        return self.losses[:upto]
