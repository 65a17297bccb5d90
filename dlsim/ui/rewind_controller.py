"""Time travel for one training controller: what showing a past step and branching from it ask
of the training process, and what the plots are fed meanwhile.

Showing step k pauses training and asks the training process for step k (`view_step`, rebuilt
there with `Experiment.state_at`; a drag's requests collapse to the newest). Until the user goes
back to now, every plot is fed that past snapshot and the history as it stood then
(`PastHistory`), and the loss plot the run's later steps and the kept branches besides. Run or
Step while a past step is shown asks whether to branch: Branch keeps the current run's curve as
a branch and has the training process go on from step k with the document's settings — so a
learning rate changed while looking at step k is the new branch's rate.
"""

from __future__ import annotations

import copy
import itertools
import time
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dlsim.engine.live.rewind import PastHistory
from dlsim.ui.plots.base import PlotFeed
from dlsim.ui.time_travel import TimeTravel


def ask_branch(parent: QWidget | None, step: int) -> bool:
    """Ask whether training from past step `step` should start a branch (True: Branch)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QApplication.translate("Rewinder", "Train from step {0}?").format(step))
    box.setText(
        QApplication.translate(
            "Rewinder",
            "You are looking at step {0}. Training from here starts a new branch: the current "
            "run stays in the loss plot as a faded curve, and the new one goes on from step {0} "
            "with the settings as they are now.",
        ).format(step)
    )
    branch = box.addButton(
        QApplication.translate("Rewinder", "Branch"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(branch)
    box.exec()
    return box.clickedButton() is branch


class Rewinder(QObject):
    """Connects the `TimeTravel` model to the controller's session and plot feed."""

    def __init__(self, controller: Any) -> None:
        super().__init__(controller)
        self.controller = controller
        self.model = TimeTravel(controller.document, self)
        self.model.viewed_changed.connect(self._on_model_viewed_changed)
        self.latencies: list[float] = []  # seconds from a request to its past step arriving
        self._asked_at: dict[int, float] = {}
        self._first_command = 0  # pasts older than this answer an earlier look at the past
        self._session: Any = None
        self._versions = itertools.count(-2, -1)  # a past history's version: never a live one's
        self._version_key: tuple = ()
        self._version = -2
        self._serial = -1

    # --- following the model ------------------------------------------------------------------

    def _on_model_viewed_changed(self, step: int | None) -> None:
        c = self.controller
        for panel in c.panels:  # in or out of the past: every plot redraws in full
            panel.mark_stale()
        if step is None:
            self._session = None
            return
        session = c.session
        if session is None or c.build_error is not None:
            self.model.back_to_now()
            return
        if c.state == "running":
            c.pause()
        if self._session is not session:  # a new look at the past: older answers are stale
            self._first_command = session.commands_sent + 1
            self._asked_at = {}
        self._session = session
        session.view_step(step)
        self._asked_at.setdefault(step, time.perf_counter())

    def past(self) -> Any:
        """The past snapshot to show, or None (the run now)."""
        session = self.controller.session
        if self.model.viewed is None or session is None:
            return None
        if session is not self._session:  # a new training process: its past is not this one
            self.model.back_to_now()
            return None
        past = session.past()
        if past is None or past.commands < self._first_command:
            return None
        if past.serial != self._serial:
            self._serial = past.serial
            asked = self._asked_at.pop(past.step, None)
            if asked is not None:
                self.latencies.append(time.perf_counter() - asked)
        return past

    # --- the feed -----------------------------------------------------------------------------

    def key(self) -> tuple:
        """Changes whenever the feed below would."""
        past = self.past()
        return (self.model.version, self.model.viewed, past.serial if past is not None else -1)

    def feed(self, feed: PlotFeed) -> PlotFeed:
        """`feed` with the branches, and the past step in place of now while one is shown."""
        model = self.model
        branches = tuple(b for b in model.branches if b.shown)
        past = self.past()
        if past is None:
            return replace(feed, branches=branches, branches_version=model.version)
        key = (past.serial, feed.history_version)
        if key != self._version_key:
            self._version_key, self._version = key, next(self._versions)
        return replace(
            feed,
            snapshot=past,
            history=PastHistory(feed.history, past, self._version),
            history_version=self._version,
            view_step=past.step,
            latest=feed.history,
            branches=branches,
            branches_version=model.version,
        )

    # --- training from the past ---------------------------------------------------------------

    def may_train(self) -> bool:
        """Before Run or Step: from a past step, ask whether to branch (False: Cancel)."""
        step = self.model.viewed
        if step is None:
            return True
        session = self.controller.session
        snap = session.snapshot() if session is not None else None
        if session is None or snap is None or step >= snap.step:
            self.model.back_to_now()  # the last step is now: nothing to branch from
            return True
        if not ask_branch(QApplication.activeWindow(), step):
            return False
        self.branch(step)
        return True

    def branch(self, step: int) -> None:
        """Keep the current run's curve as a branch; train on from `step` with the document's
        settings."""
        session = self.controller.session
        history = session.history
        name = "train_loss" if history.last("train_loss") is not None else "loss"
        x, y = history.series(name)
        self.model.branch(step, x, y)
        session.branch(step, copy.deepcopy(self.controller.document.training))
        self.controller._sent("paused")  # no longer diverged: older snapshots must not say so
        self.controller.status_message.emit(
            self.tr("Branched at step {0}: {1} goes on from there.").format(
                step, self.model.current
            )
        )
