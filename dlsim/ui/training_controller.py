"""The training controller: owns the training session (and a comparison's sessions) for one
Document, and the GUI timer that feeds the plots.

Data flow (STYLE.md): a click on Step asks the session for a step and returns at once; the
session trains in a process of its own (`ProcessSession`) and sends immutable snapshots back; a
GUI timer (~30 Hz) looks at the latest snapshot and, only if it changed, hands one `PlotFeed` to
each *visible* plot. Nothing on the GUI thread waits for training, training never waits for the
GUI, and plots cost nothing while hidden.

The controller follows the document: a changed hyper-parameter goes to the running session (it
applies at the next step); a changed graph pauses, rebuilds the network keeping the weights of
unchanged layers, and says so; a replaced document starts a fresh session.
"""

from __future__ import annotations

import contextlib
import copy
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.process_session import ProcessSession
from dlsim.engine.live.stall import chance_accuracy, stall_advice
from dlsim.engine.nn.graph_edits import same_structure
from dlsim.engine.nn.weight_carry import carry_weights
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import weights_to_lists
from dlsim.engine.views.boundary import BoundaryGrid, boundary_grid
from dlsim.ui.comparison import Comparison
from dlsim.ui.plots.base import LayerInfo, PlotFeed, PlotPanel

TICK_MS = 33
FRAME_BUDGET_S = 0.020  # drawing time per tick; plots that do not fit wait for the next one
COUNTERS_HZ = 10
HISTORY_POINTS = 512  # points kept per plotted series: about one per pixel of a plot
METRICS_INTERVAL_S = 1 / 20  # full-data-set loss/accuracy this often while training
BOUNDARY_RESOLUTION = 40  # grid points a side: 1600 predictions per publish
PUBLISH_INTERVAL_S = 1 / 30  # snapshots (with the boundary prediction) this often while running
EMPTY_NOTE = "An empty diagram: add an Input layer and a Dense layer, connect them, then train."
RESTARTED_NOTE = (
    "The training process had stopped, so a new one was started from the document "
    "(the weights trained since the last save were lost with it)."
)
GRAPH_EDIT_NOTE = (
    "The graph was edited: training paused and the network was rebuilt "
    "(layers you did not change kept their weights)."
)


class TrainingController(QObject):
    """Owns the main training session (and a comparison's sessions) for one Document."""

    state_changed = Signal(str)
    counters_changed = Signal(int, int, float)  # step, epoch, elapsed seconds
    message_changed = Signal(object, object, str)  # text or None, node id or None, level
    status_message = Signal(str)
    network_rebuilt = Signal()

    def __init__(self, document: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session: ProcessSession | None = None
        self.panels: list[PlotPanel] = []
        self.refresh_count = 0  # ticks that fed the plots (the benchmark counts them)
        self.experiment: Experiment | None = None
        self.layers: tuple[LayerInfo, ...] = ()
        self.structure = 0
        self.build_error: DlsimError | None = None
        self._graph = None
        self._training: dict[str, Any] = {}
        self._dataset = None
        self._grid: BoundaryGrid | None = None
        self._last_key: tuple | None = None
        self._state = "idle"
        self._counters = (-1, -1, -1.0)
        self._message: tuple[str | None, str | None] = (None, None)
        self.comparison = Comparison(HISTORY_POINTS)
        self._closed = False
        self._speed: float | None = None
        self._level = "info"
        self._awaited = 0  # snapshots that applied fewer commands predate the last one
        self._counters_at = -1.0
        self._drawing = False  # draw_pending lets the event loop run between plots: no re-entry
        self._grid_sent: bool | None = None  # whether the session predicts the boundary grid
        self._chance: float | None = None  # the data set's most common class share
        self._stall_said = False  # the "still at chance" advice was given for this run
        document.graph_changed.connect(self._on_document_graph_changed)
        document.training_changed.connect(self._on_document_training_changed)
        document.document_replaced.connect(self._on_document_document_replaced)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self._rebuild(fresh=True)
        self.timer.start()

    # --- commands (each returns at once) --------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    def run(self) -> None:
        """Train until paused; after a divergence, start again from the initial weights."""
        if not self._usable():
            return
        if self._state == "diverged":
            self.session.reset()
            self.status_message.emit("Restarted from the initial weights after the divergence.")
        if self._level == "info" or self._state == "diverged":
            self._set_message(None, None)
        self.session.run()
        self._sent("running")

    def pause(self) -> None:
        if self.session is not None:
            self.session.pause()
            if self._state == "running":
                self._sent("paused")

    def toggle_run(self) -> None:
        if self._state == "running":
            self.pause()
        else:
            self.run()

    def step(self, n: int = 1) -> None:
        """Exactly n more steps, then pause."""
        if not self._usable():
            return
        if self._state == "diverged":
            self.session.reset()
            self._set_message(None, None)
        self.session.step(n)
        self._sent("running")

    def reset(self) -> None:
        """Back to the initial weights of the current seed, step 0, history cleared."""
        self._stall_said = False
        if self.session is not None:
            self.session.reset()
            self._set_message(None, None)
            self._sent("idle")

    def set_speed(self, steps_per_second: float | None) -> None:
        """Steps per second, or None for as fast as possible."""
        self._speed = steps_per_second
        if self.session is not None:
            self.session.set_speed(steps_per_second)

    def _sent(self, expected: str) -> None:
        """Show the state a command leads to now; older snapshots must not undo it."""
        self._awaited = self.session.commands_sent
        self._set_state(expected)

    def _usable(self) -> bool:
        if self.session is None or self.build_error is not None:
            err = self.build_error
            text = f"The network cannot be trained yet: {err}" if err else "Nothing to train."
            self.status_message.emit(text)
            return False
        if not self.session.alive:  # the training process died: start again from the document
            self._rebuild(fresh=True)
            self.status_message.emit(RESTARTED_NOTE)
        return self.session is not None and self.session.alive

    # --- following the document -----------------------------------------------------------------

    def _document_dict(self) -> dict[str, Any]:
        """The document as the engine reads it, with the document's own (initial) weights."""
        doc = self.document
        graph = doc.graph
        return {
            "format": "dlsim",
            "version": 1,
            "name": getattr(doc, "name", ""),
            "graph": graph.to_dict(),
            "weights": weights_to_lists(carry_weights(graph, doc.weights or {})),
            "training": copy.deepcopy(doc.training),
        }

    def _base_dir(self) -> Path | None:
        base = getattr(self.document, "base_dir", None)
        if base is not None:
            return Path(base)
        path = getattr(self.document, "path", None)
        return Path(path).resolve().parent if path else None

    def _rebuild(self, fresh: bool, announce: bool = False) -> None:
        """Build an experiment from the document and hand it to the session.

        Unless `fresh`, the session swaps it in at its next step boundary (pausing a run), and
        layers the edit left alone keep their trained weights there, so they are exactly the
        last step's; the step count goes on.
        """
        self._graph = self.document.graph.copy()
        self._training = copy.deepcopy(self.document.training)
        try:
            exp = Experiment(self._document_dict(), self._base_dir())
        except DlsimError as exc:
            self.build_error = exc
            if fresh and self.session is not None:
                self.session.close()
                self.session = None
                self.experiment = None
            elif self.session is not None:
                self.pause()
            if not self._graph.nodes:
                self._set_message(EMPTY_NOTE, None, level="info")
            else:
                self._set_message(f"The network cannot be built: {exc}", exc.node_id)
            return
        self.build_error = None
        self._set_message(None, None)
        self.experiment = exp
        self.layers = _layer_infos(exp)
        self.structure += 1
        self._dataset = None
        if fresh or self.session is None:
            self._new_session(exp)
        else:
            self.session.replace_experiment(exp, carry=True)
            self._sent("paused")
        if announce:
            self.status_message.emit(GRAPH_EDIT_NOTE)
            self._set_message(GRAPH_EDIT_NOTE, None, level="info")
        self.network_rebuilt.emit()

    def _new_session(self, exp: Experiment) -> None:
        if self.session is not None:
            self.session.close()
        self.session = ProcessSession(
            exp,
            name="main",
            publish_interval_s=PUBLISH_INTERVAL_S,
            metrics_interval_s=METRICS_INTERVAL_S,
            history_capacity=HISTORY_POINTS,
        )
        if self._speed is not None:
            self.session.set_speed(self._speed)
        self.session.start()
        self._last_key = None
        self._awaited = 0
        self._set_state(self.session.state)

    def _on_document_graph_changed(self) -> None:
        """A structural edit rebuilds the network; a run in progress pauses, and says so."""
        if self._graph is not None and same_structure(self._graph, self.document.graph):
            return
        self._rebuild(fresh=False, announce=self._state == "running")

    def _on_document_training_changed(self) -> None:
        new = self.document.training
        changes = {k: copy.deepcopy(v) for k, v in new.items() if self._training.get(k) != v}
        if not changes:
            return
        self._training = copy.deepcopy(new)
        self._stall_said = False  # new settings deserve a new look
        if self.build_error is not None or self.session is None:
            self._rebuild(fresh=True)
            return
        self.session.set_training(changes)
        snap = self.session.snapshot()
        reset = "seed" in changes and (snap is None or snap.step == 0)
        if reset:
            self.session.reset()  # nothing trained yet: show the new seed's starting point
        # The plots read the data from this side's copy of the experiment: let it follow (a bad
        # value fails in the session too, which reports it).
        with contextlib.suppress(DlsimError):
            self.experiment.set_training(changes)
            if reset:
                self.experiment.reset()

    def _on_document_document_replaced(self) -> None:
        self._stall_said = False
        self.stop_comparison()
        self._rebuild(fresh=True)

    # --- the GUI tick ---------------------------------------------------------------------------

    def add_panel(self, panel: PlotPanel) -> None:
        self.panels.append(panel)

    def tick(self) -> None:
        """Feed the visible plots from the latest snapshot, if anything changed since last time."""
        session, exp = self.session, self.experiment
        if session is None or exp is None or self._closed:
            return
        snap = session.snapshot()
        dataset = exp.dataset
        if dataset is not self._dataset:
            self._on_dataset_changed(dataset)
        self._follow_boundary_visibility()
        comparison = self.comparison.runs()
        version = session.history.version
        key = (snap.serial if snap else -1, version, self.structure, self.comparison.version)
        if key == self._last_key:
            self.draw_pending()  # what the last tick's budget left over
            return
        self._last_key = key
        if snap is not None:
            self._follow_snapshot(snap)
        feed = PlotFeed(
            snapshot=snap,
            history=session.history,
            history_version=version,
            dataset=dataset,
            layers=self.layers,
            structure=self.structure,
            boundary_grid=self._grid,
            comparison=comparison,
            comparison_version=self.comparison.version,
        )
        for panel in self.panels:
            panel.offer(feed)
        self.draw_pending()

    def flush(self) -> None:
        """Bring every visible plot up to date now, whatever the budget (tests, screenshots)."""
        self._last_key = None
        self.tick()
        for panel in self.panels:
            if panel.pending():
                panel.refresh(panel.feed)
        QCoreApplication.sendPostedEvents()

    def draw_pending(self) -> None:
        """Draw the visible plots that are behind, oldest first, within a time budget per tick.

        Each plot is painted as soon as it is drawn, and pending events (timers, input) are
        handled before the next one, so the window never waits for more than one plot. What
        does not fit in the budget is drawn on the next tick: a slow machine shows slower
        plots, never a stalled window.
        """
        pending = [panel for panel in self.panels if panel.pending()]
        if not pending or self._drawing:
            return
        self.refresh_count += 1
        pending.sort(key=lambda panel: panel.last_drawn)
        deadline = time.perf_counter() + FRAME_BUDGET_S
        failed: list[Exception] = []
        self._drawing = True
        try:
            for i, panel in enumerate(pending):
                if i:  # timers and input between two plots: the window never waits for all
                    QCoreApplication.processEvents()
                    if self._closed or time.perf_counter() >= deadline:
                        break
                try:
                    panel.refresh(panel.feed)
                except Exception as exc:  # raised below: one broken plot must not starve the rest
                    failed.append(exc)
                QCoreApplication.sendPostedEvents()  # paint it now, not with all the others
        finally:
            self._drawing = False
        if failed:
            raise failed[0]

    def _on_dataset_changed(self, dataset) -> None:
        self._dataset = dataset
        self._chance = chance_accuracy(dataset.y_train, dataset.task)
        if dataset.x_train.shape[1] == 2:
            self._grid = boundary_grid([dataset.x_train, dataset.x_val], BOUNDARY_RESOLUTION)
        else:
            self._grid = None
        self._grid_sent = None  # unknown to this data set: tell the session either way
        self._follow_boundary_visibility()

    def _follow_boundary_visibility(self) -> None:
        """Have the training process predict the boundary grid only while a plot shows it: at
        each snapshot it costs as much as a few training steps."""
        wanted = self._grid is not None and any(
            panel.uses_boundary and panel.isVisible() for panel in self.panels
        )
        if wanted != self._grid_sent:
            self._grid_sent = wanted
            self.session.set_boundary_grid(self._grid.points if wanted else None)

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
        advice = stall_advice(step, accuracies, self._chance, hidden)
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

    # --- comparisons --------------------------------------------------------------------------

    def start_comparison(self, key: str, steps: int) -> None:
        """Train one copy of the current network per setting of comparison `key`, in parallel."""
        try:
            self.comparison.start(self._document_dict(), self._base_dir(), key, steps)
        except DlsimError as exc:
            self.status_message.emit(f"The comparison cannot start: {exc}")
            return
        if self._state == "running":
            self.pause()
            self.status_message.emit("Training paused while the comparison runs.")

    def stop_comparison(self) -> None:
        self.comparison.stop()

    @property
    def comparison_sessions(self) -> list[tuple[str, ProcessSession]]:
        return list(self.comparison.sessions)

    # --- saving and closing -------------------------------------------------------------------

    def current_weights(self) -> dict[str, Any]:
        """The weights to save: the trained ones for the current graph, or the document's own
        before any training (so an untrained file keeps following its seed)."""
        snap = self.session.snapshot() if self.session is not None else None
        if snap is None or snap.params is None or snap.step == 0:
            return copy.deepcopy(dict(self.document.weights or {}))
        kept = carry_weights(self.document.graph, snap.params, self._graph)
        return weights_to_lists(kept)

    def shutdown(self) -> None:
        """Stop the timer and every worker (each joins within its close timeout)."""
        if self._closed:
            return
        self._closed = True
        self.timer.stop()
        self.stop_comparison()
        if self.session is not None:
            self.session.close()


def _layer_infos(exp: Experiment) -> tuple[LayerInfo, ...]:
    net = exp.network
    out = []
    for nid in net.order:
        layer = net.layers[nid]
        act = layer.activation
        out.append(
            LayerInfo(
                node_id=nid,
                type=type(layer).type_name,
                activation=act.name if act is not None else None,
                units=net.units[nid],
                is_output=nid == net.output_id,
                trainable=bool(layer.weights),
                inputs=sum(net.units[s] for s in net.sources[nid]),
            )
        )
    return tuple(out)
