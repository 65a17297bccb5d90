"""Where the window's docks go: adding them, their first arrangement, the remembered layout, and
View ▸ Reset Layout.

The main window and the training workbench both dock panels through `DockLayout.add_dock`, so
every dock is listed under View ▸ Panels and takes part in the saved layout. The arrangement is
decided here and nowhere else: the left column split after the first show, the right column
(Inspector/Training above the Lesson) running the full height, the plots in two tab groups under
the canvas, and the sizes they start with. A window narrower than COMPACT_WIDTH (a 1024 px
laptop) gets the compact arrangement instead: the plots' two groups run the window's whole width
under the canvas and both side columns, each column a tab group above them (Layers | Examples,
Inspector | Training | Lesson), so every plot is readable when its tab is chosen. The window
opens inside its screen's available area, and a remembered layout that cannot fit that screen,
or cannot be read, is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStyle,
    QTabBar,
    QWidget,
)

from dlsim.engine.text import translate
from dlsim.ui.settings_check import LAYOUT_NOTE, file_note

Area = Qt.DockWidgetArea
DEFAULT_SIZE = (1280, 800)
FRAME_ALLOWANCE = (16, 48)  # a window manager's borders and title bar, roughly
PLOT_HEIGHT = 300  # at most; never more than PLOT_SHARE of the window's height
PLOT_SHARE = 0.4
PANEL_WIDTH = 330  # at most; never more than PANEL_SHARE of the window's width
PANEL_SHARE = 0.27
LEFT_WIDTH = 210  # at most; never more than LEFT_SHARE of the window's width
LEFT_SHARE = 0.17
LEFT_MINIMUM = 120  # the examples' titles still wrap onto two or three lines
COMPACT_WIDTH = 1200  # a narrower window gets the compact arrangement
COMPACT_PLOT_SHARE = 0.5  # of the window's height, for the plots across its whole width
# The compact arrangement's side columns as tab groups (the first tab in front).
COMPACT_COLUMNS = (("layers", "examples"), ("dock_training", "lesson"))
COMPACT_FRONT = ("layers", "lesson")
# The plots as two tab groups under the canvas sharing its width (the first is shown), five
# tabs each so both groups' titles fit unscrolled at 1280 px. Problems sits with the loss: the
# status bar's problem count brings it forward.
TAB_GROUPS = (
    ("loss", "neurons", "compare", "weights", "problems"),
    ("boundary", "activations", "gradients", "landscape", "confusion"),
)


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
        self.geometry_restored = False
        self.plot_docks: dict[str, QDockWidget] | None = None  # given by arrange_plots
        self.split_column = None  # the main window's left-column split, for Reset Layout
        self.settings_note: str | None = None  # why remembered settings were not used

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

    # --- the window on its screen and the remembered layout -----------------------------------

    def restore(self, remember: bool) -> None:
        """Keep the built layout as the default (Reset Layout) and, if `remember`, restore the
        one saved at the last close (it needs every dock to exist) — unless it cannot fit this
        screen or cannot be read, when the built one stays."""
        window = self.window
        self.default_state = window.saveState()
        if not remember:
            return
        settings = app_settings()
        note = file_note(settings)
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        available = window.screen().availableGeometry()
        unusable = any(v is not None and not isinstance(v, QByteArray) for v in (geometry, state))
        if isinstance(geometry, QByteArray):
            before = window.saveGeometry()
            restored = window.restoreGeometry(geometry)
            unusable |= not restored
            if restored and fits(window.geometry().size(), available):
                self.geometry_restored = True
            else:
                window.restoreGeometry(before)
        if isinstance(state, QByteArray):
            self.restored = window.restoreState(state)
            unusable |= not self.restored
            if self.restored and not fits(window.minimumSizeHint(), available):
                window.restoreState(self.default_state)
                self.restored = False
        if note or unusable:
            self.settings_note = note or translate("SettingsCheck", LAYOUT_NOTE)
            window.status(self.settings_note, 15000)

    def show_fitted(self) -> None:
        """Show the window inside its screen's available area: the remembered size if it fits,
        else DEFAULT_SIZE centred, maximised on a screen too small for that."""
        window = self.window
        available = window.screen().availableGeometry()
        if self.geometry_restored:
            window.show()
            return
        if not fits(QSize(*DEFAULT_SIZE), available):
            window.resize(available.size() - QSize(*FRAME_ALLOWANCE))
            window.showMaximized()
            return
        window.resize(*DEFAULT_SIZE)
        window.move(available.center() - window.rect().center())
        window.show()

    def save(self) -> None:
        """Remember the window for the next start; a layout too big for this screen is not kept."""
        window = self.window
        if not fits(window.minimumSizeHint(), window.screen().availableGeometry()):
            return
        settings = app_settings()
        settings.setValue("window/geometry", window.saveGeometry())
        settings.setValue("window/state", window.saveState())

    def reset(self) -> None:
        """View ▸ Reset Layout: the arrangement a first start gives, at the window's size."""
        window = self.window
        size = window.size()
        if self.default_state is not None:
            window.restoreState(self.default_state)
        grouped = {key for group in TAB_GROUPS for key in group}
        for name, dock in self.docks.items():
            if self._key(name) not in grouped or self.plot_docks is None:
                dock.show()
        if self.plot_docks is not None:
            # back to how they were added (abreast, hidden, untabbed), so arrange_plots groups
            # them anew with the first tab of each group in front, whatever was raised or
            # dragged out since
            for dock in self.plot_docks.values():
                if self._key(dock.objectName()) in grouped:
                    window.removeDockWidget(dock)
                    window.addDockWidget(Area.BottomDockWidgetArea, dock)
                    dock.setFloating(False)
                    dock.hide()
            self.arrange_plots(self.plot_docks)
        window.resize(size)
        if self.split_column is not None:
            QTimer.singleShot(0, self.split_column)

    def _key(self, name: str) -> str:
        """A dock's key in TAB_GROUPS ("dock_plot_loss" → "loss")."""
        return name.removeprefix("dock_plot_")

    # --- the first arrangement ------------------------------------------------------------------

    def split_left_column(self, palette: QWidget, fitting_height: int) -> None:
        """The layer list is short and fixed: show all of it, and give the rest of the column to
        the examples (whose titles wrap onto two lines). resizeDocks scales the sizes to the
        column's height, so they are computed from the laid-out column, after the first show."""
        layers, examples = self.docks["layers"], self.docks["examples"]
        if layers.isFloating() or examples.isFloating() or self.window.tabifiedDockWidgets(layers):
            return
        column = layers.height() + examples.height()
        title = layers.height() - palette.height()  # the dock's title bar
        wanted = fitting_height + max(title, 0)
        if column > wanted:
            self.window.resizeDocks(
                [layers, examples], [wanted, column - wanted], Qt.Orientation.Vertical
            )

    def arrange_plots(self, docks: dict[str, QDockWidget]) -> None:
        """Group the plot docks (by plot key, with the "training" dock) in TAB_GROUPS under the
        canvas and give them room — only if they still sit side by side as added (a remembered
        layout wins). Call it after the window is first shown: tabifying before that leaves
        stray tab bars on screen in Qt 6.12."""
        window = self.window
        self.plot_docks = docks
        groups = [[self._group_dock(key, docks) for key in group] for group in TAB_GROUPS]
        groups = [[dock for dock in group if dock is not None] for group in groups]
        plots = [dock for key, dock in docks.items() if key != "training"]
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
        self._set_corners(self.compact())
        if self.compact():
            self._tab_columns()
        for group in groups:
            first = group[0]
            first.show()
            for dock in group[1:]:
                window.tabifyDockWidget(first, dock)
                dock.show()
            first.raise_()
        window.resize(size)
        QTimer.singleShot(0, lambda: self._size_docks(docks, [group[0] for group in groups]))

    def compact(self) -> bool:
        """Whether the window is too narrow for the side columns beside two readable plots."""
        return self.window.width() < COMPACT_WIDTH

    def _set_corners(self, compact: bool) -> None:
        """The bottom corners: the plots' (compact) or the side columns' (running full height)."""
        bottom = Area.BottomDockWidgetArea
        left = bottom if compact else Area.LeftDockWidgetArea
        right = bottom if compact else Area.RightDockWidgetArea
        self.window.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.window.setCorner(Qt.Corner.BottomRightCorner, right)

    def _tab_columns(self) -> None:
        """Each side column one tab group (COMPACT_COLUMNS), COMPACT_FRONT in front."""
        docks = self.docks
        for first, *rest in COMPACT_COLUMNS:
            if first not in docks or docks[first].isFloating():
                continue
            for name in rest:
                if name in docks and not docks[name].isFloating():
                    self.window.tabifyDockWidget(docks[first], docks[name])
        for name in COMPACT_FRONT:
            if name in docks:
                docks[name].raise_()

    def _group_dock(self, key: str, docks: dict[str, QDockWidget]) -> QDockWidget | None:
        return docks.get(key) or self.docks.get(key)

    def _size_docks(self, docks: dict[str, QDockWidget], fronts: list[QDockWidget]) -> None:
        """Plots at most PLOT_HEIGHT (and PLOT_SHARE of the window) tall, the two groups sharing
        the canvas's width; the right column PANEL_WIDTH wide, split between Inspector/Training
        and the Lesson; the left column LEFT_WIDTH wide."""
        window = self.window
        for bar in window.findChildren(QTabBar):  # whole tab titles, scrolled when many
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
        width, height = window.width(), window.height()
        compact = self.compact()
        share = COMPACT_PLOT_SHARE if compact else PLOT_SHARE
        window.resizeDocks(
            fronts[:1], [min(PLOT_HEIGHT, int(height * share))], Qt.Orientation.Vertical
        )
        panel = min(PANEL_WIDTH, int(width * PANEL_SHARE))
        right = [
            d for d in self.docks.values() if window.dockWidgetArea(d) == Area.RightDockWidgetArea
        ]
        panel = max([panel, *(unscrolled_width(d) for d in right if not d.isFloating())])
        # compact: the column's width is the canvas's alone to give (the plots run beneath)
        left = LEFT_WIDTH if compact else min(LEFT_WIDTH, int(width * LEFT_SHARE))
        # the plot groups cannot be narrower than their widest dock: the left column gives way
        groups = [[self._group_dock(k, docks) for k in group] for group in TAB_GROUPS]
        plots = sum(max((d.minimumSizeHint().width() for d in g if d), default=0) for g in groups)
        gap = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
        if not compact:  # the plots sit between the columns
            left = max(LEFT_MINIMUM, min(left, width - panel - plots - 4 * gap))
        # resizeDocks sizes a column through the dock in front of its tab group
        column = (self.docks.get("lesson") if compact else None) or docks.get("training")
        sides = [(self.docks.get("layers"), left), (column, panel)]
        sides = [(dock, size) for dock, size in sides if dock is not None]
        window.resizeDocks(
            [dock for dock, _ in sides], [size for _, size in sides], Qt.Orientation.Horizontal
        )
        middle = width if compact else max(width - panel - left, 200)
        window.resizeDocks(fronts, split(middle, tab_widths(groups)), Qt.Orientation.Horizontal)
        lesson, training = self.docks.get("lesson"), docks.get("training")
        if compact:
            return
        if lesson is not None and training is not None and not lesson.isFloating():
            column = training.height() + lesson.height()
            window.resizeDocks(
                [training, lesson], [column // 2, column - column // 2], Qt.Orientation.Vertical
            )


def tab_widths(groups: list[list[QDockWidget | None]]) -> list[int]:
    """How wide each group's tab bar is with every title whole (what its tabs need)."""
    widths = []
    for group in groups:
        docks = [dock for dock in group if dock is not None]
        bar = QTabBar()
        for dock in docks:
            bar.addTab(dock.windowTitle())
        bar.setFont(docks[0].font() if docks else bar.font())
        widths.append(sum(bar.tabSizeHint(i).width() for i in range(bar.count())))
    return widths


def split(room: int, needs: list[int]) -> list[int]:
    """Share `room` evenly between the groups, unless a group's tabs need more than an even
    share: then each its tabs' need first and what is left evenly."""
    even = room // max(len(needs), 1)
    spare = room - sum(needs)
    if spare < 0 or max(needs, default=0) <= even:
        return [even] * len(needs)
    return [need + spare // len(needs) for need in needs]


def unscrolled_width(dock: QDockWidget) -> int:
    """How wide `dock` must be for none of its scroll areas to scroll sideways (the Training
    panel's rows are wider than PANEL_SHARE of a 1024 px window)."""
    needed = 0
    for area in dock.findChildren(QScrollArea):
        body = area.widget()
        if (
            body is None
            or area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        ):
            continue
        bar = area.verticalScrollBar()
        around = (
            dock.width()
            - area.viewport().width()
            + (0 if bar.isVisible() else bar.sizeHint().width())
        )
        needed = max(needed, body.minimumSizeHint().width() + around)
    return needed


def fits(size: QSize, available: QRect) -> bool:
    """Whether a window of `size` (plus its frame) fits a screen's available area."""
    return (
        size.width() + FRAME_ALLOWANCE[0] <= available.width()
        and size.height() + FRAME_ALLOWANCE[1] <= available.height()
    )
