"""`dlsim --screenshot OUT.png [FILE]` renders the main window offscreen and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from dlsim import resources
from dlsim.ui.app import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = resources.examples_dir()


def distinct_colours(image: QImage) -> int:
    step = 16
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_screenshot_of_the_default_example_is_a_1280x800_png(qapp, tmp_path):
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--editor-only"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert distinct_colours(image) > 20  # a real picture, not a blank window


def test_screenshot_of_a_file_at_another_size(qapp, tmp_path):
    out = tmp_path / "iris.png"
    args = ["--screenshot", str(out), "--size", "1024x700", "--editor-only"]
    assert main([*args, str(EXAMPLES / "iris_keras.dlsim")]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)


def test_a_bad_file_gives_status_2_one_line_and_no_png(qapp, tmp_path, capsys):
    bad = tmp_path / "bad.dlsim"
    bad.write_text("{")
    out = tmp_path / "never.png"
    assert main(["--screenshot", str(out), "--editor-only", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dlsim: ") and "bad.dlsim" in err and "\n" not in err
    assert not out.exists()


def test_the_full_app_renders_from_a_fresh_process(tmp_path):
    """The real launch path, with whatever the workbench and lessons add, in its own process."""
    out = tmp_path / "full.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    code = "import sys; from dlsim.ui.app import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", code, "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert out.stat().st_size > 10_000


def test_a_trained_screenshot_and_a_lesson_screenshot(qapp, tmp_path):
    trained = tmp_path / "trained.png"
    assert main(["--screenshot", str(trained), "--train", "50"]) == 0
    assert distinct_colours(QImage(str(trained))) > 20
    stepper = tmp_path / "stepper.png"
    args = ["--screenshot", str(stepper), "--lesson", "backprop_stepper", "--phase", "4"]
    assert main(args) == 0
    image = QImage(str(stepper))
    assert (image.width(), image.height()) == (1280, 800)
    assert distinct_colours(image) > 20


def test_train_on_a_diagram_that_cannot_train_is_one_line_and_status_2(qapp, tmp_path, capsys):
    """It crashed with "'NoneType' object has no attribute 'wait_idle'" (issue 11)."""
    out = tmp_path / "never.png"
    unfinished = ROOT / "docs" / "images" / "unfinished_xor.dlsim"
    assert main(["--screenshot", str(out), "--train", "20", str(unfinished)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dlsim: --train 20: the network cannot be trained") and "\n" not in err
    assert "'y'" in err, "names the layer that stops it"
    assert not out.exists()


def test_a_screenshot_starts_the_way_a_user_starts(qapp, tmp_path, monkeypatch):
    """The window is opened by the actions a user's start-up takes (the example or the file
    through the File actions, every extension installed), not by a path of its own."""
    from dlsim.ui.main_window import MainWindow

    opened = []
    for name in ("open_example", "open_path"):
        real = getattr(MainWindow, name)

        def spy(self, *args, _real=real, _name=name, **kwargs):
            opened.append((_name, self.examples_panel.current_key, hasattr(self, "workbench")))
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(MainWindow, name, spy)
    assert main(["--screenshot", str(tmp_path / "a.png"), "--example", "and_gate"]) == 0
    assert opened == [("open_example", None, True)]
    unfinished = ROOT / "docs" / "images" / "unfinished_xor.dlsim"
    assert main(["--screenshot", str(tmp_path / "b.png"), str(unfinished)]) == 0
    assert opened[1:] == [("open_path", None, True)]
