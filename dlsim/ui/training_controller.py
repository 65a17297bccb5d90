"""The training controller: owns the training session (and a comparison's sessions) for one
Document, and the GUI timer that feeds the plots.

Data flow (STYLE.md): a click on Step asks the session for a step and returns at once; the
session trains in a process of its own (`ProcessSession`) and sends immutable snapshots back; a
GUI timer (~30 Hz) looks at the latest snapshot and, only if it changed, hands one `PlotFeed` to
each *visible* plot. Nothing on the GUI thread waits for training, training never waits for the
GUI, and plots cost nothing while hidden.

The controller follows the document, the one place graph and settings live, and keeps no copy of
either: a settings change sends the document's settings to the running session (it applies them at
the next step); a changed graph builds a new experiment from the document, which the session swaps
in keeping the weights of unchanged layers (a run pauses, and says so); a replaced document (New,
Open, an example) starts a fresh session and forgets everything shown about the last one — plots,
legends, comparison, counters. What the plots need besides the run (the data set, the boundary
grid, the layers) is derived in `training_view` and rebuilt, never patched.
"""

from __future__ import annotations

import copy
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.history import MetricsHistory
from dlsim.engine.live.interface import PackedExperiment
from dlsim.engine.live.process_session import ProcessSession
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.nn.graph_edits import same_structure
from dlsim.engine.nn.weight_carry import carry_weights
from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.training.doc_copy import copy_doc
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import weights_to_lists
from dlsim.engine.views.directions import WeightNames, weight_labels
from dlsim.ui.comparison import Comparison
from dlsim.ui.document import Document, runnable_dict
from dlsim.ui.plots.base import LayerInfo, PlotFeed, PlotPanel
from dlsim.ui.rewind_controller import Rewinder
from dlsim.ui.run_status import RunStatus
from dlsim.ui.training_view import DataView, data_view, layer_infos

TICK_MS = 33
FRAME_BUDGET_S = 0.020  # drawing time per tick; plots that do not fit wait for the next one
HISTORY_POINTS = 512  # points kept per plotted series: about one per pixel of a plot
METRICS_INTERVAL_S = 1 / 20  # full-data-set loss/accuracy this often while training
PUBLISH_INTERVAL_S = 1 / 30  # snapshots (with the boundary prediction) this often while running
EMPTY_NOTE = QT_TRANSLATE_NOOP(
    "TrainingController",
    "An empty diagram: add an Input layer and a Dense layer, connect them, then train.",
)
RESTARTED_NOTE = QT_TRANSLATE_NOOP(
    "TrainingController",
    "The training process had stopped, so a new one was started from the document "
    "(the weights trained since the last save were lost with it).",
)
_UNSENT = object()  # a new session has not been told about a boundary grid yet
GRAPH_EDIT_NOTE = QT_TRANSLATE_NOOP(
    "TrainingController",
    "The graph was edited: training paused and the network was rebuilt "
    "(layers you did not change kept their weights).",
)


class TrainingController(RunStatus, QObject):
    """Owns the main training session (and a comparison's sessions) for one Document."""

    state_changed = Signal(str)
    counters_changed = Signal(int, int, float)  # step, epoch, elapsed seconds
    message_changed = Signal(object, object, str)  # text or None, node id or None, level
    status_message = Signal(str)
    network_rebuilt = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session: ProcessSession | None = None
        self.panels: list[PlotPanel] = []
        self.refresh_count = 0  # ticks that fed the plots (the benchmark counts them)
        self.layers: tuple[LayerInfo, ...] = ()  # the network the session was last given
        self.weight_labels: WeightNames | tuple[()] = ()  # its trainable scalars' names
        self.structure = 0  # changes whenever `layers` may have changed
        self.build_error: DlsimError | None = None
        self.data: DataView = data_view(document)
        self._session_graph: GraphSpec | None = None  # what the session's weights belong to
        self._no_history = MetricsHistory(HISTORY_POINTS)  # what the plots show without a session
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
        self._grid_sent: Any = (_UNSENT, False)  # the grid the session predicts on, unit maps
        self._stall_said = False  # the "still at chance" advice was given for this run
        self.rewind = Rewinder(self)  # time travel: a past step on view, branches
        document.structure_changed.connect(self._on_document_structure_changed)
        document.training_changed.connect(self._on_document_training_changed)
        document.document_replaced.connect(self._on_document_document_replaced)
        document.weights_set.connect(self._on_document_weights_set)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self._start()
        self.timer.start()

    # --- commands (each returns at once) --------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    def run(self) -> None:
        """Train until paused; after a divergence, start again from the initial weights."""
        if not self._usable() or not self.rewind.may_train():
            return
        if self._state == "diverged":
            self.session.reset()
            self.status_message.emit(
                self.tr("Restarted from the initial weights after the divergence.")
            )
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
        if not self._usable() or not self.rewind.may_train():
            return
        if self._state == "diverged":
            self.session.reset()
            self._set_message(None, None)
        self.session.step(n)
        self._sent("running")

    def reset(self) -> None:
        """Back to the initial weights of the current seed, step 0, history cleared."""
        self._stall_said = False
        self.rewind.model.back_to_now()
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
            text = (
                self.tr("The network cannot be trained yet: {0}").format(err)
                if err
                else self.tr("Nothing to train.")
            )
            self.status_message.emit(text)
            return False
        if not self.session.alive:  # the training process died: start again from the document
            self._start()
            self.status_message.emit(self.tr(RESTARTED_NOTE))
        return self.session is not None and self.session.alive

    # --- following the document -----------------------------------------------------------------

    def _document_dict(self) -> dict[str, Any]:
        """The document as the engine reads it, with the document's own (initial) weights."""
        return runnable_dict(self.document)

    def _start(self) -> None:
        """A fresh session for the document, with nothing left on screen of the last one."""
        self.data = data_view(self.document)
        self._counters = (0, 0, 0.0)
        self.counters_changed.emit(*self._counters)
        self._set_message(None, None)
        self._rebuild(fresh=True)
        self._last_key = None
        for panel in self.panels:
            panel.mark_stale()

    def _rebuild(self, fresh: bool, announce: bool = False) -> None:
        """Build an experiment from the document and hand it to the session.

        Unless `fresh`, the session swaps it in at its next step boundary (pausing a run), and
        layers the edit left alone keep their trained weights there, so they are exactly the
        last step's; the step count goes on.
        """
        prepared = self.document.take_prepared_run() if fresh else None
        if prepared is not None and prepared.experiment is None:
            prepared = None
        try:
            exp = prepared.experiment if prepared else self._new_experiment()
        except DlsimError as exc:
            self.build_error = exc
            if fresh or self.session is None:
                self._close_session()
            else:
                self.pause()
            if not self.document.graph.nodes:
                self._set_message(self.tr(EMPTY_NOTE), None, level="info")
            else:
                self._set_message(
                    self.tr("The network cannot be built: {0}").format(exc), exc.node_id
                )
            return
        self.build_error = None
        self._set_message(None, None)
        self.layers = layer_infos(exp)
        self.weight_labels = weight_labels(exp.network)
        self.structure += 1
        self._session_graph = exp.graph
        if fresh or self.session is None:
            self._new_session(prepared.packed if prepared else exp)
        else:
            self.session.replace_experiment(exp, carry=True)
            self._sent("paused")
        if announce:
            self.status_message.emit(self.tr(GRAPH_EDIT_NOTE))
            self._set_message(self.tr(GRAPH_EDIT_NOTE), None, level="info")
        self.network_rebuilt.emit()

    def _new_experiment(self) -> Experiment:
        return Experiment(self._document_dict(), self.document.base_dir)

    def _close_session(self) -> None:
        """No session (nothing to train): the plots go blank, the counters read zero."""
        if self.session is not None:
            self.session.close(wait=False)  # the GUI never waits for a training process
        self.session = None
        self._session_graph = None
        self.layers = ()
        self.weight_labels = ()
        self.structure += 1
        self._set_state("idle")

    def _new_session(self, exp: Experiment | PackedExperiment) -> None:
        if self.session is not None:
            self.session.close(wait=False)  # the GUI never waits for a training process
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
        self._grid_sent = (_UNSENT, False)
        self._set_state(self.session.state)

    def _on_document_structure_changed(self) -> None:
        """A structural edit rebuilds the network; a run in progress pauses, and says so."""
        graph = self._session_graph
        unchanged = graph is not None and same_structure(graph, self.document.graph)
        if unchanged and self.build_error is None:
            return  # e.g. the graph a replaced document was just started with
        self._rebuild(fresh=False, announce=self._state == "running")

    def _on_document_training_changed(self) -> None:
        """Send the document's settings to the session (it applies what differs) and draw the
        data set they name."""
        before = self.data
        self.data = data_view(self.document, before)
        self._stall_said = False  # new settings deserve a new look
        if self.build_error is not None or self.session is None:
            self._rebuild(fresh=False)
            return
        self.session.set_training(copy.deepcopy(self.document.training))
        if self.data.seed != before.seed:
            snap = self.session.snapshot()
            if snap is None or snap.step == 0:
                self.session.reset()  # nothing trained yet: show the new seed's starting point

    def _on_document_weights_set(self, entries: list) -> None:
        """Weights typed by hand: the session goes on from its weights with just those set."""
        if self.session is None or self.build_error is not None:
            return
        exp = Experiment(self._document_dict(), self.document.base_dir)
        exp.hand_set = list(entries)
        running = self._state == "running"
        self.session.replace_experiment(exp, carry=True)
        self.session.run() if running else None
        self._sent(self._state)

    def _on_document_document_replaced(self) -> None:
        self._stall_said = False
        self.stop_comparison()
        self._start()

    # --- the GUI tick ---------------------------------------------------------------------------

    def add_panel(self, panel: PlotPanel) -> None:
        self.panels.append(panel)

    def tick(self) -> None:
        """Feed the visible plots from the latest snapshot, if anything changed since last time."""
        if self._closed:
            return
        session = self.session
        snap = session.snapshot() if session is not None else None
        history = session.history if session is not None else self._no_history
        data = self.data
        self._follow_boundary_visibility()
        comparison = self.comparison.runs()
        version = history.version
        serial = snap.serial if snap is not None else -1
        key = (session, serial, version, self.structure, data, self.comparison.version)
        key += self.rewind.key()
        if key == self._last_key:
            self.draw_pending()  # what the last tick's budget left over
            return
        self._last_key = key
        if snap is not None:
            self._follow_snapshot(snap)
        feed = self.rewind.feed(
            PlotFeed(
                snapshot=snap,
                history=history,
                history_version=version,
                dataset=data.dataset,
                layers=self.layers,
                structure=self.structure,
                boundary_grid=data.grid,
                comparison=comparison,
                comparison_version=self.comparison.version,
                graph=self._session_graph,
            )
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

    def _follow_boundary_visibility(self) -> None:
        """Have the training process predict the boundary grid only while a plot shows it: at
        each snapshot it costs as much as a few training steps."""
        if self.session is None:
            return
        shown = [panel for panel in self.panels if panel.uses_boundary and panel.isVisible()]
        grid = self.data.grid if shown else None
        wanted = (grid, grid is not None and any(panel.uses_units for panel in shown))
        if wanted[0] is not self._grid_sent[0] or wanted[1] != self._grid_sent[1]:
            self._grid_sent = wanted
            self.session.set_boundary_grid(grid.points if grid is not None else None, wanted[1])

    # --- comparisons --------------------------------------------------------------------------

    def start_comparison(self, key: str, steps: int) -> None:
        """Train one copy of the current network per setting of comparison `key`, in parallel."""
        try:
            self.comparison.start(self._document_dict(), self.document.base_dir, key, steps)
        except DlsimError as exc:
            self.status_message.emit(self.tr("The comparison cannot start: {0}").format(exc))
            return
        if self._state == "running":
            self.pause()
            self.status_message.emit(self.tr("Training paused while the comparison runs."))

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
            return copy_doc(self.document.weights)
        kept = carry_weights(self.document.graph, snap.params, self._session_graph)
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
