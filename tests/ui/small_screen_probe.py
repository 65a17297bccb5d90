"""Measure the real start-up window on a screen of a given size; print one JSON object.

Run by tests/ui/test_small_screen.py in a subprocess: Qt's offscreen platform takes its screen
size from a config file, and that must be set before QApplication starts.
    python small_screen_probe.py WIDTH HEIGHT SETTINGS_DIR [remembered-too-big|reset|ko]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def _configure(width: int, height: int) -> None:
    screens = {
        "screens": [
            {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
        ]
    }
    path = Path(tempfile.mkdtemp()) / "screens.json"
    path.write_text(json.dumps(screens))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


def main() -> None:
    width, height, settings_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    _configure(width, height)
    from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, QSettings
    from PySide6.QtWidgets import (
        QApplication,
        QDockWidget,
        QMainWindow,
        QMenuBar,
        QScrollArea,
        QTabBar,
        QToolBar,
    )

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication([])
    from dlsim.ui.app import start_window
    from dlsim.ui.style import apply_theme

    apply_theme(app, "system")

    def settle() -> None:
        for _ in range(20):
            QCoreApplication.processEvents()

    mode = sys.argv[4] if len(sys.argv) > 4 else ""
    if mode == "ko":  # Korean labels are often wider
        from dlsim.ui import language

        language.install("ko")
    if mode == "remembered-too-big":  # a layout saved on a big screen, and a corrupt dock state
        from dlsim.ui.dock_layout import app_settings

        big = QMainWindow()
        big.setGeometry(0, 0, 2400, 1500)
        app_settings().setValue("window/geometry", big.saveGeometry())
        app_settings().setValue("window/state", QByteArray(b"not a dock state"))
        app_settings().sync()
    window = start_window([])
    settle()
    if mode == "reset":
        window.reset_layout_action.trigger()
        settle()
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    shown = [d for d in docks if not d.visibleRegion().isEmpty()]
    out: dict = {"available": _rect(window.screen().availableGeometry())}
    out["docks_in_front"] = sorted(d.objectName() for d in shown)
    out["dock_sizes"] = {d.objectName(): [d.width(), d.height()] for d in shown}
    out["maximized"] = window.isMaximized()
    out["tab_titles"] = [
        (bar.tabText(i), _shown_tab_text(bar, i))
        for bar in window.findChildren(QTabBar)
        if bar.isVisible()
        for i in range(bar.count())
    ]
    out["tab_bars"] = [  # each tab group's bar: the room its whole titles need, and its width
        {
            "titles": [bar.tabText(i) for i in range(bar.count())],
            "needed": sum(bar.tabSizeHint(i).width() for i in range(bar.count())),
            "width": bar.width(),
        }
        for bar in window.findChildren(QTabBar)
        if bar.isVisible()
    ]
    out["frame"] = _rect(window.frameGeometry())
    out["minimum"] = [window.minimumSizeHint().width(), window.minimumSizeHint().height()]
    bar = window.menuBar()
    out["menu_hits"] = {}
    for action in bar.actions():
        centre = bar.actionGeometry(action).center()
        hit = app.widgetAt(bar.mapToGlobal(centre))
        out["menu_hits"][action.text().replace("&", "")] = isinstance(hit, QMenuBar)
    out["toolbars"] = {}
    for toolbar in window.findChildren(QToolBar):
        hidden = [
            a.iconText()
            for a in toolbar.actions()
            if not a.isSeparator() and not toolbar.widgetForAction(a).isVisible()
        ]
        right = toolbar.mapTo(window, QPoint(toolbar.width(), 0)).x()
        needed = toolbar.sizeHint().width()
        area = window.toolBarArea(toolbar).name
        out["toolbars"][toolbar.objectName()] = {
            "hidden": hidden,
            "right": right,
            "needed": needed,
            "area": area,
        }
    out["window_width"] = window.width()
    out["scrolled_sideways"] = []  # each panel brought to the front of its tab group in turn
    for dock in docks:
        dock.raise_()
        settle()
        if any(
            area.isVisible() and area.horizontalScrollBar().isVisible()
            for area in dock.findChildren(QScrollArea)
        ):
            out["scrolled_sideways"].append(dock.objectName())
    for dock in shown:
        dock.raise_()
    settle()
    out["plots"] = {}  # each plot's dock and the room its plot (or hint) gets, tab in front
    for dock in window.findChildren(QDockWidget):
        stack = getattr(dock.widget(), "stack", None)
        if not dock.objectName().startswith("dock_plot_") or stack is None or dock.isHidden():
            continue
        dock.raise_()
        settle()
        out["plots"][dock.objectName()] = {
            "dock": [dock.width(), dock.height()],
            "plot": [stack.width(), stack.height()],
        }
    window.dock("examples").raise_()
    settle()
    titles = window.examples_panel.list
    out["examples_in_view"] = sum(
        titles.viewport().rect().contains(titles.visualItemRect(titles.item(i)))
        for i in range(titles.count())
    )
    window.dock("inspector").raise_()  # as selecting a layer does
    settle()
    window.open_example("iris_keras")
    settle()
    out["lesson_in_front_after_example"] = not window.dock("lesson").visibleRegion().isEmpty()
    out["examples"] = {}
    from dlsim.ui.panels.examples import list_examples

    for info in list_examples():
        window.open_example(info.key)
        settle()
        view = window.view
        visible = view.visible_scene_rect()
        items = window.scene.node_items()
        minimap = view.minimap.geometry() if view.minimap.isVisible() else None
        sources = {e.dst for e in window.document.graph.edges}
        out["examples"][info.key] = {
            "layers": len(items),
            "zoom": view.zoom(),
            "minimap": view.minimap.isVisible(),
            "inputs_outside": [
                i.node_id
                for i in items
                if i.node_id not in sources and not visible.contains(i.sceneBoundingRect())
            ],
            "outside": [i.node_id for i in items if not visible.contains(i.sceneBoundingRect())],
            "under_minimap": [
                i.node_id
                for i in items
                if minimap is not None
                and view.mapFromScene(i.sceneBoundingRect()).boundingRect().intersects(minimap)
            ],
        }
    print(json.dumps(out))
    window.document.undo_stack.setClean()
    window.close()


def _shown_tab_text(bar, index: int) -> str:
    """The tab's title as drawn: elided when its tab is narrower than the whole title."""
    from PySide6.QtCore import Qt

    if bar.elideMode() == Qt.TextElideMode.ElideNone:
        return bar.tabText(index)
    room = bar.tabRect(index).width() - 16
    return bar.fontMetrics().elidedText(bar.tabText(index), bar.elideMode(), room)


def _rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


if __name__ == "__main__":
    main()
