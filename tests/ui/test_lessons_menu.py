"""The lessons inside the main window: the Lessons menu, the lab under Examples, the Lesson dock."""

import pytest

from dlsim.engine.teaching.topics import lesson_text
from dlsim.ui.lessons import (
    ActivationExplorer,
    BackpropStepper,
    PerceptronLab,
    install_lessons,
)
from dlsim.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.remember_layout = False
    qtbot.addWidget(w)
    controller = install_lessons(w)
    yield w
    for view in controller.views.values():
        view.close()


def test_the_lessons_menu_opens_each_view_once(window):
    titles = [a.text().replace("&", "") for a in window.lessons_menu.actions()]
    assert titles == ["Perceptron lab", "Backprop stepper", "Activation explorer"]
    kinds = {
        "perceptron_lab": PerceptronLab,
        "backprop_stepper": BackpropStepper,
        "activation_explorer": ActivationExplorer,
    }
    for key, kind in kinds.items():
        window.lessons_actions[key].trigger()
        view = window.lessons_controller.views[key]
        assert isinstance(view, kind) and view.isVisible()
        window.lessons_actions[key].trigger()
        assert window.lessons_controller.views[key] is view


def test_the_perceptron_lab_is_under_examples_too(window):
    texts = [a.text() for a in window.examples_menu.actions()]
    assert any("Perceptron lab" in t for t in texts)
    window.lessons_actions["examples_perceptron_lab"].trigger()
    assert window.lessons_controller.views["perceptron_lab"].isVisible()


def test_the_stepper_opens_on_the_lecture_and_can_step_through_the_open_diagram(window):
    window.open_example("xor_learn")
    window.lessons_actions["backprop_stepper"].trigger()
    stepper = window.lessons_controller.views["backprop_stepper"]
    assert "lecture" in stepper.title.text()
    assert not stepper.current_button.isHidden()
    stepper.current_button.click()
    assert "XOR" in stepper.title.text()
    assert stepper.error_text() == ""


def test_the_lesson_dock_follows_the_open_example(window):
    dock = window.dock("lesson")
    pane = window.lessons_controller.pane
    assert dock.widget() is pane
    window.open_example("backprop_lecture")
    assert pane.key == "backprop_lecture"
    first_line = lesson_text("backprop_lecture").splitlines()[0].lstrip("# ")
    assert first_line in pane.text()
    window.open_example("and_gate")
    assert pane.key == "and_gate"
    assert lesson_text("and_gate").splitlines()[0].lstrip("# ") in pane.text()


def test_a_diagram_without_a_lesson_shows_its_description(window):
    doc = window.document.to_dict()
    doc["name"] = "My own network"
    doc["description"] = "Two layers I drew myself."
    window.document.load_dict(doc)
    pane = window.lessons_controller.pane
    assert pane.key is None
    assert "My own network" in pane.text() and "Two layers I drew myself." in pane.text()
