"""The main window: palette and examples left, the diagram centre, inspector right, problems below.

It wires the panels to one Document and holds the edit/view actions, the menus and the status
bar; the File menu's work is `FileActions` (file_actions.py) and where docks go is `DockLayout`
(dock_layout.py). Other parts of the program extend it through `add_dock`, `view_menu`,
`lessons_menu` and `toolbar` (see `dlsim/ui/app.py`: the training workbench and the lessons
install themselves after it is built).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from dlsim import resources
from dlsim.ui.about import about_box
from dlsim.ui.dock_layout import DockLayout
from dlsim.ui.document import Document
from dlsim.ui.example_texts import example_text
from dlsim.ui.export_actions import ExportActions
from dlsim.ui.file_actions import FileActions
from dlsim.ui.graph_editor.scene import GraphScene
from dlsim.ui.graph_editor.view import GraphView
from dlsim.ui.language_menu import LanguageMenu
from dlsim.ui.panels.examples import ExamplesPanel, list_examples
from dlsim.ui.panels.inspector import Inspector
from dlsim.ui.panels.palette import LayerPalette
from dlsim.ui.panels.problems import ProblemsPanel, dot_icon, summary
from dlsim.ui.style import ERROR_COLOR, OK_COLOR, WARNING_COLOR

Area = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    """The dlsim editor window around one Document."""

    selection_changed = Signal(list)

    def __init__(self, document: Document | None = None) -> None:
        super().__init__()
        self.document = document or Document(self)
        self.undo_stack = self.document.undo_stack
        self.remember_layout = True  # False for --screenshot: neither read nor write settings
        self._shown_once = False
        self.scene = GraphScene(self.document, self)
        self.view = GraphView(self.scene)
        self.setCentralWidget(self.view)
        # Side panels run the full height; Problems (and plots) sit under the canvas only.
        self.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.palette_panel = LayerPalette()
        self.examples_panel = ExamplesPanel()
        self.inspector = Inspector(self.document)
        self.problems_panel = ProblemsPanel(self.document)
        self.files = FileActions(self)
        self.exports = ExportActions(self)
        self._build_actions()
        self._build_menus()
        self.dock_layout = DockLayout(self, self.panels_menu)
        self.dock_layout.split_column = self._split_left_column
        self._build_toolbar()
        self.add_dock(self.palette_panel, self.tr("Layers"), Area.LeftDockWidgetArea, "layers")
        self.add_dock(self.examples_panel, self.tr("Examples"), Area.LeftDockWidgetArea, "examples")
        self.add_dock(self.inspector, self.tr("Inspector"), Area.RightDockWidgetArea, "inspector")
        self.add_dock(
            self.problems_panel, self.tr("Problems"), Area.BottomDockWidgetArea, "problems"
        )
        self.resizeDocks(
            [self.dock("layers"), self.dock("inspector")], [220, 300], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.dock("problems")], [110], Qt.Orientation.Vertical)
        self._build_status_bar()
        self._connect_signals()
        self._update_title()
        self._update_edit_actions()

    def show_fitted(self) -> None:
        """Show the window inside its screen's available area (DockLayout.show_fitted)."""
        self.dock_layout.show_fitted()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Once laid out for the first time, split the left column (unless a remembered layout
        was restored)."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self.dock_layout.restored:
                QTimer.singleShot(0, self._split_left_column)

    def _split_left_column(self) -> None:
        self.dock_layout.split_left_column(self.palette_panel, self.palette_panel.fitting_height())

    # --- contract: extension points ------------------------------------------------------------

    def add_dock(
        self,
        widget: QWidget,
        title: str,
        area: Qt.DockWidgetArea = Area.RightDockWidgetArea,
        object_name: str | None = None,
        tabify_with: str | None = None,
    ) -> QDockWidget:
        """Dock a panel, list it under View ▸ Panels and include it in the saved layout
        (`DockLayout.add_dock`)."""
        return self.dock_layout.add_dock(widget, title, area, object_name, tabify_with)

    def dock(self, object_name: str) -> QDockWidget:
        return self.dock_layout.docks[object_name]

    def status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def selected_node_ids(self) -> list[str]:
        return self.scene.selected_node_ids()

    def extensions_installed(self) -> None:
        """Called once the workbench and lessons have added their parts: fill empty menus and
        restore the remembered layout (which needs every dock to exist)."""
        if not self.lessons_menu.actions():
            placeholder = self.lessons_menu.addAction(self.tr("No lessons installed"))
            placeholder.setEnabled(False)
        self.dock_layout.restore(self.remember_layout)

    # --- contract: files (see FileActions) -----------------------------------------------------

    def open_path(self, path: str | Path, ask_to_save: bool = True) -> bool:
        return self.files.open_path(path, ask_to_save)

    def open_example(self, name: str) -> bool:
        return self.files.open_example(name)

    def new_document(self) -> bool:
        return self.files.new_document()

    def open_dialog(self) -> bool:
        return self.files.open_dialog()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def recent_files(self) -> list[str]:
        return self.files.recent_files()

    # --- actions and menus ---------------------------------------------------------------------

    def _action(
        self, text: str, slot, shortcut=None, tip: str = "", on_view: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _=False: slot())
        if on_view:  # editing keys act on the canvas only, so text fields keep Delete/Ctrl+C
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New"), self.new_document, key.New, self.tr("Start an empty diagram")
        )
        self.open_action = self._action(
            self.tr("&Open…"), self.open_dialog, key.Open, self.tr("Open a .dlsim file")
        )
        self.save_action = self._action(
            self.tr("&Save"), self.save, key.Save, self.tr("Save the diagram")
        )
        self.save_as_action = self._action(
            self.tr("Save &As…"), self.save_as, "Ctrl+Shift+S", self.tr("Save under a new name")
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(key.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        s = self.scene
        self.cut_action = self._action(self.tr("Cu&t"), self._cut, key.Cut, on_view=True)
        self.copy_action = self._action(self.tr("&Copy"), s.copy_selection, key.Copy, on_view=True)
        self.paste_action = self._action(self.tr("&Paste"), s.paste, key.Paste, on_view=True)
        self.duplicate_action = self._action(
            self.tr("D&uplicate"), s.duplicate_selection, "Ctrl+D", on_view=True
        )
        self.delete_action = self._action(
            self.tr("&Delete"),
            s.delete_selection,
            [key.Delete, "Backspace"],
            self.tr("Delete the selection"),
            True,
        )
        self.select_all_action = self._action(
            self.tr("Select &All"), s.select_all, key.SelectAll, on_view=True
        )
        self.arrange_action = self._action(
            self.tr("Auto-&Arrange"),
            self.document.arrange,
            "Ctrl+L",
            self.tr("Lay the layers out left to right"),
        )
        v = self.view
        self.zoom_in_action = self._action(self.tr("Zoom &In"), v.zoom_in, [key.ZoomIn, "Ctrl+="])
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), v.zoom_out, key.ZoomOut)
        self.reset_zoom_action = self._action(self.tr("&Actual Size"), v.reset_zoom, "Ctrl+1")
        self.fit_action = self._action(
            self.tr("&Fit to View"),
            lambda: v.fit_to_view(),
            "Ctrl+0",
            self.tr("Show the whole diagram"),
        )
        self.minimap_action = self._action(
            self.tr("&Minimap"),
            lambda: v.minimap.set_enabled(self.minimap_action.isChecked()),
            tip=self.tr("Show an overview when the diagram does not fit in the window"),
        )
        self.minimap_action.setCheckable(True)
        self.minimap_action.setChecked(True)
        self.reset_layout_action = self._action(self.tr("&Reset Layout"), self.reset_layout)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        self.export_menu = self.exports.add_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(
            [self.cut_action, self.copy_action, self.paste_action, self.duplicate_action]
        )
        self.edit_menu.addActions([self.delete_action, self.select_all_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.arrange_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions(
            [self.zoom_in_action, self.zoom_out_action, self.reset_zoom_action, self.fit_action]
        )
        self.view_menu.addAction(self.minimap_action)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu(self.tr("&Panels"))
        self.view_menu.addAction(self.reset_layout_action)
        self.language_menu = LanguageMenu(self, self.view_menu)
        self.examples_menu = bar.addMenu(self.tr("E&xamples"))
        self.examples_menu.setToolTipsVisible(True)
        for info in list_examples():
            action = self.examples_menu.addAction(example_text(info.title))
            action.setToolTip(example_text(info.description))
            action.setStatusTip(example_text(info.description))
            action.triggered.connect(lambda _=False, k=info.key: self.open_example(k))
        self.lessons_menu = bar.addMenu(self.tr("&Lessons"))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&User Guide"), self._open_user_guide)
        help_menu.addAction(self.tr("&Keyboard Shortcuts"), self._show_shortcuts)
        help_menu.addAction(self.tr("&About dlsim"), self._show_about)

    def _build_toolbar(self) -> None:
        """Short, fixed labels: the Edit menu says "Undo Connect input_1 → dense_1", the toolbar
        says "Undo" (the name is in its tooltip), so no button moves when the name changes."""
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        for action, label in (
            (self.new_action, self.tr("New")),
            (self.open_action, self.tr("Open")),
            (self.save_action, self.tr("Save")),
            (self.undo_action, self.tr("Undo")),
            (self.redo_action, self.tr("Redo")),
            (self.fit_action, self.tr("Fit")),
            (self.arrange_action, self.tr("Arrange")),
        ):
            action.setIconText(label)
        self.toolbar.addActions([self.new_action, self.open_action, self.save_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.fit_action, self.arrange_action])
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        """Messages on the left; the problem count (click: show the list) and zoom on the right."""
        self._problems_button = QToolButton()
        self._problems_button.setAutoRaise(True)
        self._problems_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._problems_button.setToolTip(
            self.tr("Problems in the diagram (click to show the list)")
        )
        self._problems_button.clicked.connect(self.show_problems_panel)
        self.statusBar().addPermanentWidget(self._problems_button)
        self._zoom_label = QLabel("100%")
        self._zoom_label.setToolTip(self.tr("Zoom (wheel; Ctrl+0 fits the diagram)"))
        self.statusBar().addPermanentWidget(self._zoom_label)

    def _connect_signals(self) -> None:
        doc = self.document
        doc.dirty_changed.connect(self._update_title)
        doc.path_changed.connect(self._update_title)
        doc.document_replaced.connect(self._update_title)
        # after the scene has drawn the new graph (graph_changed follows document_replaced)
        doc.document_replaced.connect(
            lambda: QTimer.singleShot(0, lambda: self.view.fit_to_view(readable=True))
        )
        self.scene.selected_ids_changed.connect(self._on_scene_selection)
        QGuiApplication.clipboard().dataChanged.connect(self._update_edit_actions)
        self.scene.message.connect(self.status)
        self.scene.node_activated.connect(self._on_node_activated)
        self.inspector.message.connect(self.status)
        self.palette_panel.layer_activated.connect(self.view.add_layer_at_center)
        self.examples_panel.example_activated.connect(self.open_example)
        self.problems_panel.problem_activated.connect(self.focus_node)
        self.problems_panel.count_changed.connect(self._on_problem_count)
        self.view.files_dropped.connect(self._open_dropped)
        self.view.space_tapped.connect(self._forward_space)
        self.view.zoom_changed.connect(lambda z: self._zoom_label.setText(f"{z:.0%}"))
        self.problems_panel.show_problems(doc.problems())

    # --- reactions -----------------------------------------------------------------------------

    def _update_title(self, *_: object) -> None:
        star = "*" if self.document.is_dirty else ""
        self.setWindowTitle(f"{self.document.display_name}{star} — dlsim")

    def _on_scene_selection(self, ids: list[str]) -> None:
        self.inspector.show_selection(ids)
        if len(ids) == 1:  # a layer was picked: its parameters come to the front
            self.dock("inspector").raise_()
        self._update_edit_actions()
        self.selection_changed.emit(ids)

    def _update_edit_actions(self) -> None:
        has_nodes = bool(self.scene.selected_node_ids())
        for action in (self.cut_action, self.copy_action, self.duplicate_action):
            action.setEnabled(has_nodes)
        self.delete_action.setEnabled(has_nodes or bool(self.scene.selected_edges()))
        self.paste_action.setEnabled(self.scene.can_paste())

    def _on_problem_count(self, errors: int, warnings: int) -> None:
        dock = self.dock_layout.docks.get("problems")
        if dock is not None:
            dock.setWindowTitle(
                self.tr("Problems ({0})").format(errors + warnings)
                if errors + warnings
                else self.tr("Problems")
            )
        text = summary(self.document.problems())
        self._problems_button.setText(text)
        colour = ERROR_COLOR if errors else WARNING_COLOR if warnings else OK_COLOR
        self._problems_button.setIcon(dot_icon(colour))

    def show_problems_panel(self) -> None:
        dock = self.dock("problems")
        dock.show()
        dock.raise_()

    def _on_node_activated(self, node_id: str) -> None:
        self.dock("inspector").show()
        self.dock("inspector").raise_()
        self.inspector.setFocus()

    def focus_node(self, node_id: str) -> None:
        """Select a node and bring it into view (a double-clicked problem)."""
        if node_id in self.document.graph.nodes:
            self.scene.select_nodes([node_id])
            self.view.centerOn(self.scene.node_item(node_id))

    def _cut(self) -> None:
        if self.scene.copy_selection() is not None:
            self.scene.delete_selection()

    def _forward_space(self) -> None:
        """The canvas kept Space for panning; a tap still triggers the window's Space action."""
        space = QKeySequence(Qt.Key.Key_Space)
        for action in self.findChildren(QAction):
            if action.isEnabled() and space in action.shortcuts():
                action.trigger()
                return

    def reset_layout(self) -> None:
        self.dock_layout.reset()

    def _open_user_guide(self) -> None:
        guide = resources.user_guide_path()
        if guide is None:
            QMessageBox.information(
                self,
                self.tr("User guide"),
                self.tr("The user guide is not installed with this dlsim."),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide)))

    def _show_shortcuts(self) -> None:
        rows = [
            (
                a.text().replace("&", ""),
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            )
            for a in self.findChildren(QAction)
            if not a.shortcut().isEmpty()
        ]
        rows += [
            (self.tr("Pan"), self.tr("Middle mouse or Space + drag")),
            (self.tr("Zoom"), self.tr("Mouse wheel")),
        ]
        text = "".join(f"<tr><td>{name}</td><td><b>{keys}</b></td></tr>" for name, keys in rows)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{text}</table>")

    def _show_about(self) -> None:
        about_box(self).open()

    # --- window events -------------------------------------------------------------------------

    def _open_dropped(self, paths: list[str]) -> None:
        if paths:
            self.open_path(paths[0])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        self._open_dropped(paths)
        event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.remember_layout:
            self.dock_layout.save()
        event.accept()
