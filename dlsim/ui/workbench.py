"""The training workbench: what training adds to the editor's window — the Training dock, the
plot docks, the run toolbar and the Training menu — around one `TrainingController`.

Where the docks go is `DockLayout`'s business (dock_layout.py); what happens on Run is the
controller's (training_controller.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu

from dlsim.ui.panels.run_controls import DEFAULT_PACE
from dlsim.ui.plots.base import PlotPanel
from dlsim.ui.timeline_bar import install_timeline
from dlsim.ui.training_controller import TrainingController


class _WindowWatcher(QObject):
    """Arranges the plot docks when the window first shows; stops the workers once the window
    has really closed.

    The window may refuse a close (unsaved changes, Cancel), so a Close event alone proves
    nothing; the Hide that follows an accepted close does.
    """

    def __init__(self, controller: TrainingController, parent: QObject) -> None:
        super().__init__(parent)
        self.controller = controller
        self._close_requested = False
        self.on_first_show = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.Close:
            self._close_requested = True
        elif kind == QEvent.Type.Hide and self._close_requested and not watched.isMinimized():
            self.controller.shutdown()
        elif kind == QEvent.Type.Show:
            self._close_requested = False
            if self.on_first_show is not None:
                QTimer.singleShot(0, self.on_first_show)
                self.on_first_show = None
        return False


class Workbench(QObject):
    """Everything install_workbench adds to a window, kept together so tests can reach it."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        from dlsim.ui.panels.data_controls import DataControls
        from dlsim.ui.panels.run_controls import RunControls
        from dlsim.ui.panels.training_panel import TrainingPanel
        from dlsim.ui.plots.activations import QtActivationsPlot
        from dlsim.ui.plots.boundary import QtBoundaryPlot
        from dlsim.ui.plots.compare import QtComparePlot
        from dlsim.ui.plots.confusion import QtConfusionPlot
        from dlsim.ui.plots.gradients import QtGradientsPlot
        from dlsim.ui.plots.landscape import QtLandscapePlot
        from dlsim.ui.plots.loss import QtLossPlot
        from dlsim.ui.plots.neurons import QtNeuronPlot
        from dlsim.ui.plots.weights import QtWeightsPlot

        self.window = window
        self.controller = TrainingController(window.document, self)
        self.training_panel = TrainingPanel(window.document, self.controller)
        self.run_controls = RunControls(self.controller, window)
        self.plots: dict[str, PlotPanel] = {
            "loss": QtLossPlot(),
            "compare": QtComparePlot(),
            "boundary": QtBoundaryPlot(),
            "neurons": QtNeuronPlot(),
            "weights": QtWeightsPlot(),
            "landscape": QtLandscapePlot(),
            "gradients": QtGradientsPlot(),
            "activations": QtActivationsPlot(),
            "confusion": QtConfusionPlot(),
        }
        for plot in self.plots.values():
            self.controller.add_panel(plot)
        inspector = getattr(window, "inspector", None)
        if inspector is not None:  # the selected layer's weights, fed like a plot
            self.controller.add_panel(inspector.weights)
        self.plots["landscape"].attach(self.controller)
        self.plots["neurons"].document = window.document
        boundary = self.plots["boundary"]
        self.data_controls = DataControls(window.document, boundary.prefs)
        boundary.add_controls(self.data_controls)
        compare = self.plots["compare"]
        compare.comparison_requested.connect(self.controller.start_comparison)
        compare.stop_requested.connect(self.controller.stop_comparison)
        self.docks: dict[str, QDockWidget] = {}
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks["training"] = window.add_dock(
            self.training_panel,
            self.tr("Training"),
            right,
            "dock_training",
            tabify_with="inspector",
        )
        for key, plot in self.plots.items():
            self.docks[key] = window.add_dock(plot, plot.dock_title(), bottom, f"dock_plot_{key}")
            self.docks[key].hide()  # shown by arrange(): the docks abreast would widen the window
        self.docks["training"].raise_()
        self._arranged = False
        window.addToolBar(self.run_controls.toolbar)
        self.timeline = install_timeline(window, self.controller)  # time travel, under the plots
        window.document.document_replaced.connect(self.follow_document_view)
        self.follow_document_view()
        # after the controller's own slots (connected first), so its data view is the new one
        window.document.document_replaced.connect(self.follow_data_shape)
        window.document.training_changed.connect(self.follow_data_shape)
        if hasattr(window, "reset_layout_action"):
            window.reset_layout_action.triggered.connect(self.follow_data_shape)
        self.controller.status_message.connect(window.status)
        if hasattr(window, "focus_node"):
            self.training_panel.banner.node_requested.connect(window.focus_node)
        self.training_menu = self._build_menu(window)
        window.document.set_weights_provider(self.controller.current_weights)
        self._watcher = _WindowWatcher(self.controller, self)
        self._watcher.on_first_show = self.arrange
        window.installEventFilter(self._watcher)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.controller.shutdown)

    def _build_menu(self, window: QMainWindow) -> QMenu:
        """A Training menu with the run actions (their shortcuts live here too) and the plots."""
        menu = QMenu(self.tr("&Training"), window)
        rc = self.run_controls
        menu.addActions(
            [rc.run_action, rc.step_action, rc.step10_action, rc.step100_action, rc.reset_action]
        )
        menu.addSeparator()
        compare = menu.addAction(self.tr("Run a &Comparison…"))
        compare.setStatusTip(
            self.tr("Train copies of the network under several settings, side by side")
        )
        compare.triggered.connect(self.show_comparison)
        before = getattr(window, "lessons_menu", None)
        bar = window.menuBar()
        if before is not None:
            bar.insertMenu(before.menuAction(), menu)
        else:
            bar.addMenu(menu)
        return menu

    def follow_document_view(self) -> None:
        """The pace and loss axis the open document asks for in its "view" (an example that
        finishes in a second at full speed names a pace to watch it at; one whose point is
        late, overfitting, asks for Max and a log step axis)."""
        view = getattr(self.window.document, "view", None) or {}
        pace = view.get("speed", DEFAULT_PACE)
        valid = pace is None or (type(pace) in (int, float) and pace > 0)
        self.run_controls.set_pace(pace if valid else DEFAULT_PACE)
        self.plots["loss"].log_steps_box.setChecked(view.get("log_steps") is True)

    def follow_data_shape(self, *_: object) -> None:
        """Bring forward the plot that can show the open data set: the Confusion tab for more
        than two classes and more than two inputs (the boundary there is only a note), the
        Decision boundary for anything else (2-D data, a curve; the confusion matrix is only a
        note there). Only between these two: another tab the learner chose stays in front."""
        data = self.controller.data.dataset
        boundary, confusion = self.docks["boundary"], self.docks["confusion"]
        if data is None or confusion not in self.window.tabifiedDockWidgets(boundary):
            return
        if data.task == "multiclass" and data.x_train.shape[1] != 2:
            if in_front(boundary):
                confusion.raise_()
        elif in_front(confusion):
            boundary.raise_()

    def show_comparison(self) -> None:
        """Bring the Compare runs dock forward, ready to start one."""
        dock = self.docks["compare"]
        dock.show()
        dock.raise_()
        self.plots["compare"].choice.setFocus()

    def arrange(self) -> None:
        """Group the plots in tabs, once, after the window is first shown (`DockLayout`)."""
        if self._arranged:
            return
        self._arranged = True
        self.window.dock_layout.arrange_plots(self.docks)
        self.follow_data_shape()


def in_front(dock: QDockWidget) -> bool:
    """Whether a dock is on screen: not behind another tab of its group, not hidden."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def install_workbench(window: QMainWindow) -> Workbench:
    """Add the training dock, the plot docks and the run toolbar to the editor's main window."""
    bench = Workbench(window)
    window.workbench = bench
    return bench
