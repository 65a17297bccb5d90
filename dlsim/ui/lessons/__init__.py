"""The lessons: the perceptron lab, the backprop stepper, the activation explorer, the Lesson dock.

`install_lessons(window)` adds them to the main window: a Lessons menu opening each view in its
own window (a teacher maximises it on the projector), the lab under Examples too, and a "Lesson"
dock that shows the lesson of whatever diagram is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QWidget

from dlsim.engine.text import translate
from dlsim.ui.lessons.activation_explorer import ActivationExplorer
from dlsim.ui.lessons.backprop_stepper import BackpropStepper
from dlsim.ui.lessons.common import paper_palette
from dlsim.ui.lessons.lesson_pane import LessonPane, example_key
from dlsim.ui.lessons.perceptron_lab import PerceptronLab

__all__ = [
    "ActivationExplorer",
    "BackpropStepper",
    "LessonPane",
    "LessonsController",
    "PerceptronLab",
    "install_lessons",
    "place_on_screen",
]

VIEW_SIZE = (1280, 800)
FRAME_GUESS = (8, 36)


def place_on_screen(view: QWidget, window: QWidget) -> None:
    """Show a new lesson window at VIEW_SIZE, centred on the free area of the main window's
    screen, or maximised there when that size (with the title bar) does not fit: a lesson window
    is never larger than the screen, so its bottom row is never pushed off it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    if window.isVisible() and frame.height() > 0:
        extra_w, extra_h = frame.width(), frame.height()
    else:  # no frame to measure yet: allow for a typical title bar
        extra_w, extra_h = FRAME_GUESS
    width = min(VIEW_SIZE[0], free.width() - extra_w)
    height = min(VIEW_SIZE[1], free.height() - extra_h)
    view.resize(width, height)
    if (width, height) != VIEW_SIZE:
        view.showMaximized()
        return
    view.move(
        free.x() + (free.width() - width - extra_w) // 2,
        free.y() + (free.height() - height - extra_h) // 2,
    )
    view.show()


def _example_titles() -> dict[str, str]:
    """Shipped examples by title (title → key), to recognise an example opened as a copy."""
    try:
        from dlsim.ui.panels.examples import list_examples
    except ImportError:  # pragma: no cover - the editor's panel is optional here
        return {}
    return {info.title: info.key for info in list_examples()}


class LessonsController:
    """Owns the lesson windows of one main window, opening each at most once."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.views: dict[str, QWidget] = {}
        self.pane = LessonPane()
        self._titles = _example_titles()

    def open_view(self, key: str) -> QWidget:
        """Show (creating it the first time) one lesson view in its own window."""
        view = self.views.get(key)
        if view is None:
            view = self._make(key)
            view.setPalette(paper_palette())
            view.setAutoFillBackground(True)
            view.setParent(self.window, Qt.WindowType.Window)
            self.views[key] = view
            place_on_screen(view, self.window)
        else:
            view.show()
        view.raise_()
        view.activateWindow()
        return view

    def _make(self, key: str) -> QWidget:
        if key == "perceptron_lab":
            return PerceptronLab()
        if key == "activation_explorer":
            return ActivationExplorer()
        stepper = BackpropStepper()
        stepper.set_document_provider(self._document)
        return stepper

    def _document(self) -> tuple[dict[str, Any], Any]:
        document = self.window.document
        return document.to_dict(), document.base_dir

    def bring_lesson_forward(self, *_: object) -> None:
        """A newly opened example's lesson in front of the panels it shares a tab group with
        (the compact arrangement of a small screen), so what to look at is in view."""
        document = self.window.document
        dock = self.window.findChild(QDockWidget, "lesson")
        if dock is None or not self.window.tabifiedDockWidgets(dock):
            return
        if example_key(document.name, document.path, self._titles) is not None:
            dock.raise_()

    def refresh_lesson(self, *_: object) -> None:
        """Show the lesson of the document now open."""
        document = self.window.document
        key = example_key(document.name, document.path, self._titles)
        self.pane.show_lesson(key, document.name, document.description)


def install_lessons(window: Any) -> LessonsController:
    """Add the Lessons menu, the lab under Examples, and the Lesson dock to the main window."""
    controller = LessonsController(window)
    window.lessons_controller = controller
    entries = [
        (
            "perceptron_lab",
            translate("Lessons", "&Perceptron lab"),
            translate("Lessons", "Gates, decision lines, the perceptron rule"),
        ),
        (
            "backprop_stepper",
            translate("Lessons", "&Backprop stepper"),
            translate("Lessons", "The lecture's backpropagation, phase by phase"),
        ),
        (
            "activation_explorer",
            translate("Lessons", "&Activation explorer"),
            translate("Lessons", "Activations and their slopes"),
        ),
    ]
    window.lessons_actions = {}
    for key, text, tip in entries:
        action = window.lessons_menu.addAction(text)
        action.setStatusTip(tip)
        action.triggered.connect(_opener(controller, key))
        window.lessons_actions[key] = action
    examples_menu = getattr(window, "examples_menu", None)
    if examples_menu is not None:
        examples_menu.addSeparator()
        lab_action = examples_menu.addAction(
            translate("Lessons", "Perceptron lab (AND, NAND, OR, XOR)")
        )
        lab_action.triggered.connect(_opener(controller, "perceptron_lab"))
        window.lessons_actions["examples_perceptron_lab"] = lab_action
    window.add_dock(
        controller.pane,
        translate("Lessons", "Lesson"),
        Qt.DockWidgetArea.RightDockWidgetArea,
        "lesson",
    )
    document = window.document
    document.document_replaced.connect(controller.refresh_lesson)
    document.document_replaced.connect(controller.bring_lesson_forward)
    document.path_changed.connect(controller.refresh_lesson)
    controller.refresh_lesson()
    return controller


def _opener(controller: LessonsController, key: str) -> Callable[[], None]:
    return lambda *_: controller.open_view(key)
