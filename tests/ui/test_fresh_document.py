"""What the window shows is the open document: File ▸ New, Open and an example leave nothing of
the previous run on screen (plots, legends, comparison, counters), and the Examples list follows
the open example."""

from __future__ import annotations

import pytest

from dlsim import resources
from dlsim.ui.main_window import MainWindow
from dlsim.ui.panels.examples import NO_EXAMPLE, list_examples
from dlsim.ui.panels.run_controls import format_elapsed

EXAMPLES = resources.examples_dir()


@pytest.fixture
def editor(qtbot):
    """The editor window alone (no training workbench)."""
    w = MainWindow()
    w.remember_layout = False
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def highlighted(window: MainWindow) -> str | None:
    items = window.examples_panel.list.selectedItems()
    return items[0].text() if items else None


def test_the_examples_list_follows_the_open_example(editor):
    titles = {e.key: e for e in list_examples()}
    panel = editor.examples_panel
    assert editor.open_example("iris_keras")
    assert highlighted(editor) == titles["iris_keras"].title
    assert panel.about.text() == titles["iris_keras"].description
    assert editor.open_example("and_gate")
    assert highlighted(editor) == titles["and_gate"].title
    assert panel.about.text() == titles["and_gate"].description
    assert editor.new_document()
    assert highlighted(editor) is None and panel.about.text() == NO_EXAMPLE
    assert editor.open_example("xor_learn")
    assert editor.open_path(EXAMPLES / "or_gate.dlsim")  # a file, even one shipped as an example
    assert highlighted(editor) is None and panel.about.text() == NO_EXAMPLE


def test_every_example_title_is_shown_whole_at_a_small_screens_width(qtbot):
    """At 1024 × 640 the Examples dock is ~170 px wide: each title wraps onto as many lines as
    it needs and its entry is that tall (it showed "XOR by …" over a blank line)."""
    from PySide6.QtCore import QRect, Qt

    from dlsim.ui.panels.examples import ExamplesPanel

    panel = ExamplesPanel()
    qtbot.addWidget(panel)
    panel.resize(170, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_current("xor_learn")
    view = panel.list
    metrics = view.fontMetrics()
    flags = Qt.TextFlag.TextWordWrap
    for width in (170, 240, 150):
        panel.resize(width, 400)
        qtbot.waitUntil(lambda w=width: panel.width() == w)
        view.doItemsLayout()
        room = panel.text_width()
        assert room >= metrics.horizontalAdvance("backpropagation")
        for i in range(view.count()):
            item = view.item(i)
            rect = view.visualItemRect(item)
            needed = metrics.boundingRect(QRect(0, 0, room, 10_000), flags, item.text())
            assert rect.height() >= needed.height(), (width, item.text())
            assert rect.width() <= view.viewport().width()
            assert needed.width() <= room, (width, item.text())


# --- plots, legends, comparison and counters after New / another example -----------------------

TIMEOUT_MS = 15_000
PLOTS = ("loss", "compare", "boundary", "weights", "gradients", "activations", "neurons")


@pytest.fixture
def window(user_window):
    return user_window


def show_everything(qtbot, window) -> None:
    """Bring every plot to the front once (tabs hide half of them) and draw it."""
    bench = window.workbench
    for key in PLOTS:
        bench.docks[key].show()
        bench.docks[key].raise_()
        qtbot.waitUntil(bench.plots[key].isVisible, timeout=TIMEOUT_MS)
        bench.controller.flush()


def train_and_compare(qtbot, window) -> None:
    """Train 60 steps and run a short comparison: every plot then shows this run."""
    bench = window.workbench
    controller = bench.controller
    controller.step(60)
    qtbot.waitUntil(
        lambda: (
            controller.session.snapshot() is not None
            and controller.session.snapshot().step == 60
            and controller.session.snapshot().boundary is not None
            and controller.state == "paused"
        ),
        timeout=TIMEOUT_MS,
    )
    controller.start_comparison("optimizers", 30)
    qtbot.waitUntil(
        lambda: all(
            s.snapshot() is not None and s.snapshot().step == 30
            for _label, s in controller.comparison_sessions
        ),
        timeout=TIMEOUT_MS,
    )
    show_everything(qtbot, window)
    plots = bench.plots
    assert not plots["loss"].hint_visible and plots["loss"].readout
    assert plots["boundary"].image.image is not None
    assert len(plots["compare"].curves) == 3 and plots["compare"].status.text()
    assert not plots["gradients"].hint_visible and not plots["weights"].hint_visible
    assert not plots["activations"].hint_visible
    assert plots["neurons"].images["h"].image is not None
    assert window.workbench.run_controls.step_label.text() == "step 60"


def assert_nothing_of_the_last_run(window) -> None:
    bench = window.workbench
    plots = bench.plots
    controls = bench.run_controls
    loss = plots["loss"]
    assert loss.hint_visible and loss.readout == ""
    assert all(len(curve.getOriginalDataset()[0]) == 0 for curve in loss.curves.values())
    assert plots["boundary"].image.image is None, "no decision map of the last run"
    compare = plots["compare"]
    assert compare.curves == [] and compare.status.text() == "" and compare.hint_visible
    for key in ("gradients", "activations"):
        assert plots[key].hint_visible, key
    weights = plots["weights"]  # the new network's starting weights may show, nothing older
    assert weights.hint_visible or set(weights.boxes) <= set(window.document.graph.nodes)
    neurons = plots["neurons"]  # the new network's units may show, no map of the last run
    assert neurons.hint_visible or set(neurons.images) <= set(window.document.graph.nodes)
    assert all(image.image is None for image in neurons.images.values())
    assert controls.step_label.text() == "step 0"
    assert controls.epoch_label.text() == "epoch 0"
    assert controls.time_label.text() == format_elapsed(0.0)
    assert bench.controller.comparison_sessions == []


def test_file_new_after_training_leaves_nothing_of_the_old_run(qtbot, window):
    train_and_compare(qtbot, window)
    assert window.new_document()
    show_everything(qtbot, window)
    assert_nothing_of_the_last_run(window)
    plots = window.workbench.plots
    assert plots["weights"].hint_visible and plots["boundary"].caption.text() != ""
    assert plots["gradients"].curves == {} and plots["gradients"].bar_labels == []


def test_another_example_starts_with_empty_plots_and_its_own_legend(qtbot, window):
    from dlsim.engine.training.experiment import training_data

    train_and_compare(qtbot, window)
    assert window.open_example("iris_keras")
    show_everything(qtbot, window)
    assert_nothing_of_the_last_run(window)
    iris = training_data(window.document.training, window.document.base_dir)
    caption = window.workbench.plots["boundary"].caption.text().replace("\u00a0", " ")
    assert f"training ({iris.x_train.shape[0]})" in caption
    assert f"validation ({iris.x_val.shape[0]})" in caption
    gradients = window.workbench.plots["gradients"]
    document_layers = {nid for nid, n in window.document.graph.nodes.items() if n.type == "Dense"}
    assert set(gradients.curves) == document_layers, "curves of the open document's layers only"
