"""Where the window's docks go: adding them, their first arrangement, the remembered layout, and
View ▸ Reset Layout.

The main window and the training workbench both dock panels through `DockLayout.add_dock`, so
every dock is listed under View ▸ Panels and takes part in the saved layout. The arrangement is
decided here and nowhere else: the left column split after the first show, the plots grouped as
three pairs of tabs, and the sizes they start with.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

Area = Qt.DockWidgetArea
PLOT_HEIGHT = 300
PANEL_WIDTH = 330
# The plot docks as three tab groups, side by side: (shown first, behind it).
TAB_PAIRS = (("loss", "compare"), ("boundary", "weights"), ("gradients", "activations"))


def app_settings() -> QSettings:
    """Where recent files and the window layout live (organization and application "dlsim").

    An INI file in the user's config folder, so tests can redirect it with `QSettings.setPath`.
    """
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "dlsim", "dlsim")


class DockLayout(QObject):
    """The docks of one main window, by object name, and how they are laid out."""

    def __init__(self, window: QMainWindow, panels_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.panels_menu = panels_menu
        self.docks: dict[str, QDockWidget] = {}
        self.default_state: QByteArray | None = None
        self.restored = False  # a remembered layout was restored: do not arrange over it

    def add_dock(
        self,
        widget: QWidget,
        title: str,
        area: Qt.DockWidgetArea = Area.RightDockWidgetArea,
        object_name: str | None = None,
        tabify_with: str | None = None,
    ) -> QDockWidget:
        """Dock a panel, list it under View ▸ Panels and include it in the saved layout.

        `tabify_with` (an object name given earlier, e.g. "inspector") stacks it as a tab there.
        """
        name = object_name or title.lower().replace(" ", "_")
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        if tabify_with in self.docks:
            self.window.tabifyDockWidget(self.docks[tabify_with], dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        self.docks[name] = dock
        return dock

    # --- the remembered layout ------------------------------------------------------------------

    def restore(self, remember: bool) -> None:
        """Keep the built layout as the default (Reset Layout) and, if `remember`, restore the
        one saved at the last close (it needs every dock to exist)."""
        window = self.window
        self.default_state = window.saveState()
        if not remember:
            return
        settings = app_settings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restored = window.restoreState(state)

    def save(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/state", self.window.saveState())

    def reset(self) -> None:
        """View ▸ Reset Layout: the layout as built, every dock shown."""
        if self.default_state is not None:
            self.window.restoreState(self.default_state)
        for dock in self.docks.values():
            dock.show()

    # --- the first arrangement ------------------------------------------------------------------

    def split_left_column(self, palette: QWidget, fitting_height: int) -> None:
        """The layer list is short and fixed: show all of it, and give the rest of the column to
        the examples (whose titles wrap onto two lines). resizeDocks scales the sizes to the
        column's height, so they are computed from the laid-out column, after the first show."""
        layers, examples = self.docks["layers"], self.docks["examples"]
        if layers.isFloating() or examples.isFloating():
            return
        column = layers.height() + examples.height()
        title = layers.height() - palette.height()  # the dock's title bar
        wanted = fitting_height + max(title, 0)
        if column > wanted:
            self.window.resizeDocks(
                [layers, examples], [wanted, column - wanted], Qt.Orientation.Vertical
            )

    def arrange_plots(self, docks: dict[str, QDockWidget]) -> None:
        """Group the plot docks (by plot key, with the "training" dock) as three pairs of tabs
        and give them room — only if they still sit side by side as added (a remembered layout
        wins). Call it after the window is first shown: tabifying before that leaves stray tab
        bars on screen in Qt 6.12."""
        window, d = self.window, docks
        plots = [d[first] for pair in TAB_PAIRS for first in pair]
        untouched = all(
            dock.isHidden()
            and window.dockWidgetArea(dock) == Area.BottomDockWidgetArea
            and not dock.isFloating()
            and not window.tabifiedDockWidgets(dock)
            for dock in plots
        )
        if not untouched:
            return
        size = window.size()
        for first, second in TAB_PAIRS:
            d[first].show()
            window.tabifyDockWidget(d[first], d[second])
            d[second].show()
            d[first].raise_()
        window.resize(size)
        QTimer.singleShot(0, lambda: self._size_plot_docks(d))

    def _size_plot_docks(self, d: dict[str, QDockWidget]) -> None:
        """Plots about PLOT_HEIGHT tall, loss widest, the training panel PANEL_WIDTH wide."""
        window = self.window
        window.resizeDocks([d["loss"]], [PLOT_HEIGHT], Qt.Orientation.Vertical)
        row = [d["loss"], d["boundary"], d["gradients"]]
        sizes = [430, 280, 370]
        problems = self.docks.get("problems")
        if problems is not None and window.dockWidgetArea(problems) == Area.BottomDockWidgetArea:
            row.insert(0, problems)
            sizes.insert(0, 200)
        window.resizeDocks(row, sizes, Qt.Orientation.Horizontal)
        window.resizeDocks([d["training"]], [PANEL_WIDTH], Qt.Orientation.Horizontal)
