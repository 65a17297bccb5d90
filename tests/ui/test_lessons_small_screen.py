"""Every Lessons-menu window on a 1024 × 640 laptop screen: it fits, and nothing in it is cut off.

Qt's offscreen platform takes its screen size from a file, read when the QApplication starts, so
each check runs the real main window in a child process with that screen and reports back.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

SCREEN = {"name": "s", "x": 0, "y": 0, "width": 1024, "height": 640, "logicalDpi": 96}

CHILD = textwrap.dedent(
    """
    import json
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

    app = QApplication([])
    from dlsim.ui.lessons import install_lessons
    from dlsim.ui.lessons.common import ElidedLabel
    from dlsim.ui.main_window import MainWindow

    window = MainWindow()
    window.remember_layout = False
    controller = install_lessons(window)
    window.show()
    app.processEvents()
    free = window.screen().availableGeometry()
    problems, report = [], {}

    def settle():
        for _ in range(5):
            app.processEvents()

    def clipped(view, where):
        # every visible button and one-line label inside its window, at least its minimum width
        for widget in view.findChildren(QWidget):
            if not widget.isVisibleTo(view) or not isinstance(widget, (QAbstractButton, QLabel)):
                continue
            if isinstance(widget, ElidedLabel) or getattr(widget, "wordWrap", lambda: 0)():
                continue
            rect = widget.rect().translated(widget.mapTo(view, widget.rect().topLeft()))
            text = widget.text() if hasattr(widget, "text") else ""
            if not view.rect().contains(rect):
                problems.append(f"{where}: {text!r} lies outside the window")
            elif widget.width() < widget.minimumSizeHint().width():
                problems.append(f"{where}: {text!r} is narrower than its text")

    for key in ("perceptron_lab", "backprop_stepper", "activation_explorer"):
        window.lessons_actions[key].trigger()
        view = controller.views[key]
        settle()
        frame, hint = view.frameGeometry(), view.minimumSizeHint()
        report[key] = [frame.getRect(), [hint.width(), hint.height()]]
        if not free.contains(frame):
            problems.append(f"{key}: window {frame.getRect()} is larger than the screen {free}")
        if hint.width() > free.width() or hint.height() > free.height():
            problems.append(f"{key}: minimum size {hint.toTuple()} does not fit {free}")
        clipped(view, key)
        if key == "backprop_stepper":
            for index in range(len(view.phases)):
                view.go_to_phase(index)
                settle()
                if view.formulas.horizontalScrollBar().maximum() > 0:
                    problems.append(f"stepper phase {index + 1}: the formulas scroll sideways")
                if view.chips.horizontalScrollBar().maximum() > 0:
                    problems.append(f"stepper phase {index + 1}: the phase chips scroll")
                clipped(view, f"stepper phase {index + 1}")
        if key == "perceptron_lab":
            for action in ("view.gate_buttons['xor'].click()", "view.randomize(seed=0)",
                           "view.run_button.click()", "view.two_layer_button.click()"):
                exec(action)
                settle()
                clipped(view, f"lab after {action}")
                header = view.table.horizontalHeader()
                for row in view.table_rows():
                    for col, text in enumerate(row):
                        need = view.table.fontMetrics().horizontalAdvance(text)
                        if need > header.sectionSize(col):
                            problems.append(f"lab after {action}: cell {text!r} is cut off")
    print(json.dumps({"problems": problems, "report": report}))
    """
)


def run_on_screen(folder, width, height):
    """The check above in a child process whose one screen is width × height."""
    screens = folder / "screens.json"
    screens.write_text(json.dumps({"screens": [dict(SCREEN, width=width, height=height)]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
    env["XDG_CONFIG_HOME"] = str(folder)
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def small_screen(tmp_path_factory):
    return run_on_screen(tmp_path_factory.mktemp("screen"), 1024, 640)


def test_every_lesson_window_opens_inside_a_1024_by_640_screen(small_screen):
    assert set(small_screen["report"]) == {
        "perceptron_lab",
        "backprop_stepper",
        "activation_explorer",
    }
    for frame, (min_w, min_h) in small_screen["report"].values():
        x, y, w, h = frame
        assert x >= 0 and y >= 0 and x + w <= 1024 and y + h <= 640
        assert min_w <= 1024 and min_h <= 640


def test_nothing_in_a_lesson_window_is_cut_off_at_1024_by_640(small_screen):
    assert small_screen["problems"] == []


def test_on_a_large_screen_a_lesson_window_opens_at_1280_by_800_in_the_middle(tmp_path):
    report = run_on_screen(tmp_path, 1920, 1080)["report"]
    for frame, _hint in report.values():
        x, y, w, h = frame
        assert (w, h) == (1284, 804)  # 1280 × 800 inside the offscreen platform's 2-px frame
        assert (x, y) == ((1920 - w) // 2, (1080 - h) // 2)
