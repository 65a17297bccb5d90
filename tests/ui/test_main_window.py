"""The main window's contract: menus, docks, palette and examples from the engine, shortcuts,
selection signal, remembered layout and legible colours in light and dark themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMenu

from dlsim import resources
from dlsim.engine.nn.registry import layer_types
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.main_window import MainWindow
from dlsim.ui.style import _dark_palette, canvas_colors

EXAMPLES = resources.examples_dir()


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.remember_layout = False
    w.show()
    w.open_example("xor_learn")
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_menus_and_exposed_parts(window):
    assert menu_titles(window) == ["File", "Edit", "View", "Examples", "Lessons", "Help"]
    assert isinstance(window.lessons_menu, QMenu) and isinstance(window.view_menu, QMenu)
    assert window.lessons_menu.menuAction() in window.menuBar().actions()
    assert window.undo_stack is window.document.undo_stack


def test_standard_shortcuts(window):
    def keys(action: QAction) -> list[str]:
        return [k.toString() for k in action.shortcuts()]

    assert "Ctrl+N" in keys(window.new_action)
    assert "Ctrl+O" in keys(window.open_action)
    assert "Ctrl+S" in keys(window.save_action)
    assert "Ctrl+Shift+S" in keys(window.save_as_action)
    assert "Ctrl+Z" in keys(window.undo_action)
    assert "Ctrl+Shift+Z" in keys(window.redo_action)


def test_add_dock_lists_the_panel_in_the_view_menu(window, qtbot):
    dock = window.add_dock(QLabel("plots"), "Loss", Qt.DockWidgetArea.BottomDockWidgetArea, "loss")
    assert isinstance(dock, QDockWidget) and dock.objectName() == "loss"
    assert dock.toggleViewAction() in window.panels_menu.actions()
    tab = window.add_dock(
        QLabel("t"),
        "Training",
        Qt.DockWidgetArea.RightDockWidgetArea,
        "training",
        tabify_with="inspector",
    )
    qtbot.waitUntil(lambda: window.dock("inspector") in window.tabifiedDockWidgets(tab))


def test_palette_lists_every_registered_layer_with_its_help(window):
    palette = window.palette_panel
    assert palette.type_names() == [t.name for t in layer_types()]
    for ltype in layer_types():
        assert palette.item_for(ltype.name).toolTip(0) == ltype.help


def test_examples_list_and_menu_offer_every_example_with_its_description(window):
    files = {p.stem: read_document(p) for p in EXAMPLES.glob("*.dlsim")}
    assert set(window.examples_panel.keys()) == set(files)
    menu = {a.text(): a.toolTip() for a in window.examples_menu.actions()}
    assert menu == {doc["name"]: doc["description"] for doc in files.values()}
    window.examples_panel.activate("backprop_lecture")
    assert window.document.name == files["backprop_lecture"]["name"]


def test_selection_changed_reports_node_ids_and_status_shows_text(window, qtbot):
    with qtbot.waitSignal(window.selection_changed) as signal:
        window.scene.select_nodes(["h"])
    assert signal.args == [["h"]]
    assert window.selected_node_ids() == ["h"]
    assert window.inspector.title.text() == "Dense · h"
    window.status("hello")
    assert window.statusBar().currentMessage() == "hello"


def test_a_space_tap_on_the_canvas_still_reaches_the_window_action(window, qtbot):
    fired = []
    run = QAction("Run", window)
    run.setShortcut(QKeySequence(Qt.Key.Key_Space))
    run.triggered.connect(lambda: fired.append(True))
    window.addAction(run)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert fired == [True]


def test_the_layout_is_remembered(qtbot):
    first = MainWindow()
    first.extensions_installed()
    first.show()
    first.dock("examples").hide()
    first.close()
    second = MainWindow()
    second.extensions_installed()
    second.show()
    assert second.dock("examples").isHidden()
    second.reset_layout_action.trigger()
    assert not second.dock("examples").isHidden()
    second.close()


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 = none, 21 = black on white)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_diagram_text_is_legible_in_light_and_dark_themes(qapp, theme):
    palette = _dark_palette() if theme == "dark" else QApplication.style().standardPalette()
    colors = canvas_colors(palette)
    assert contrast(colors["text"], colors["node"]) >= 7  # node titles: WCAG AAA
    assert contrast(colors["subtext"], colors["node"]) >= 4.5  # ids and counts: AA
    assert contrast(colors["text"], colors["label_bg"]) >= 7  # edge shapes
    assert contrast(colors["edge"], colors["background"]) >= 2.5


def toolbar_positions(window: MainWindow) -> list[tuple[str, int, int]]:
    bar = window.toolbar
    return [
        (a.iconText(), bar.widgetForAction(a).x(), bar.widgetForAction(a).width())
        for a in bar.actions()
        if not a.isSeparator()
    ]


def test_an_edit_names_undo_in_its_tooltip_and_moves_no_toolbar_button(window, qtbot):
    before = toolbar_positions(window)
    window.view.add_layer_at_center("Dense")
    QApplication.processEvents()
    assert toolbar_positions(window) == before
    assert window.toolbar.widgetForAction(window.undo_action).text() == "Undo"
    tip = window.undo_action.toolTip()
    assert tip.startswith("Undo ") and tip != "Undo"
    assert window.undo_action.text().startswith("&Undo ")  # the Edit menu names the edit
