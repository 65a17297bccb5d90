"""What the window says about the main run: the step/epoch/time counters, the run's state, the
banner's message (a divergence, an error, the "still at chance" advice). A part of
`TrainingController`, kept apart because it only reads snapshots and emits the controller's
signals; it never touches the session or the plots' data.
"""

from __future__ import annotations

import time

from dlsim.engine.live.stall import stall_advice

COUNTERS_HZ = 10  # the counters are text: repainting them 30 times a second costs


class RunStatus:
    """Mixed into `TrainingController`, whose signals and fields (`_state`, `_message`, `_level`,
    `_counters`, `_counters_at`, `_awaited`, `_stall_said`) it keeps up to date."""

    def _follow_snapshot(self, snap) -> None:
        # snap.epoch is the 0-based epoch of the latest step; show it counted from 1
        epoch = snap.epoch + 1 if snap.record is not None else 0
        counters = (snap.step, epoch, snap.elapsed_s)
        now = time.perf_counter()
        if snap.state == "running" and now - self._counters_at < 1.0 / COUNTERS_HZ:
            counters = self._counters  # labels are text: repainting them 30 times a second costs
        else:
            self._counters_at = now
        counters_moved = counters != self._counters
        if counters_moved:
            self._counters = counters
            self.counters_changed.emit(*counters)
        previous = self._state
        if snap.commands >= self._awaited:
            self._set_state(snap.state)
        if snap.state in ("diverged", "error") and snap.message:
            self._set_message(snap.message, snap.node_id, level=snap.state)
            if previous != snap.state:
                self.status_message.emit(snap.message.split(". ")[0] + ".")
        elif snap.state == "running" and self._message[0] and self._level != "info":
            self._set_message(None, None)
        if counters_moved and snap.state == "running":
            self._say_if_stalled(snap.step)

    def _say_if_stalled(self, step: int) -> None:
        """A classifier still at chance after many steps: say so, once, with what to try."""
        if self._stall_said or self._message[0]:
            return
        hidden = [i.activation for i in self.layers if not i.is_output and i.type != "Input"]
        accuracies = self.session.history.series("accuracy")[1]
        advice = stall_advice(step, accuracies, self.data.chance, hidden)
        if advice is not None:
            self._stall_said = True
            self._set_message(advice, None, level="info")

    def _set_state(self, state: str) -> None:
        if state != self._state:
            was_running = self._state == "running"
            self._state = state
            self.state_changed.emit(state)
            if was_running:
                for panel in self.panels:  # the final picture, readouts included, in full
                    panel.mark_stale()

    def _set_message(self, text: str | None, node_id: str | None, level: str = "error") -> None:
        if (text, node_id) != self._message:
            self._message = (text, node_id)
            self._level = level
            self.message_changed.emit(text, node_id, level)

    @property
    def message(self) -> str | None:
        return self._message[0]
