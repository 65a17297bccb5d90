"""Plots under conditions that used to break them: every gradient norm zero, and an export to a
place that cannot be written (each says what is wrong in one sentence)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.document import Document
from dlsim.ui.plots.gradients import QtGradientsPlot
from dlsim.ui.plots.loss import QtLossPlot
from dlsim.ui.workbench import TrainingController

EXAMPLES = resources.examples_dir()
TIMEOUT_MS = 20_000


def _controller_with(qtbot, example: str, *plots):
    doc = Document()
    doc.load_dict(read_document(EXAMPLES / f"{example}.dlsim"), base_dir=EXAMPLES)
    controller = TrainingController(doc)
    for plot in plots:
        qtbot.addWidget(plot)
        plot.resize(500, 350)
        plot.show()
        controller.add_panel(plot)
    return controller


def _step(controller) -> int:
    snap = controller.session.snapshot()
    return snap.step if snap is not None else -1


def test_gradients_plot_draws_when_every_norm_is_zero(qtbot):
    """OR gate, 100 steps: the perceptron has converged and every gradient norm is 0. The plot
    used to raise UnboundLocalError inside pyqtgraph's BarGraphItem on every redraw."""
    plot = QtGradientsPlot()
    controller = _controller_with(qtbot, "or_gate", plot)
    try:
        controller.step(100)
        qtbot.waitUntil(lambda: _step(controller) == 100, timeout=TIMEOUT_MS)
        qtbot.waitUntil(lambda: controller.state == "paused", timeout=TIMEOUT_MS)
        controller.flush()
        history = controller.session.history
        trainable = [layer.node_id for layer in controller.layers if layer.trainable]
        latest = [history.last("grad_norm/" + nid)[1] for nid in trainable]
        assert latest and all(v == 0 for v in latest), "the example converged to zero gradients"
        assert not plot.hint_visible
        assert all(label.endswith("\n0") or "\n" not in label for label in plot.bar_labels)
        assert len(plot.bars.opts["x"]) == 0, "no bar for a zero norm on a log axis"
        controller.flush()  # and again: every redraw used to fail
    finally:
        controller.shutdown()


@pytest.fixture
def loss_plot(qtbot):
    plot = QtLossPlot()
    controller = _controller_with(qtbot, "xor_learn", plot)
    controller.step(5)
    qtbot.waitUntil(lambda: _step(controller) == 5, timeout=TIMEOUT_MS)
    controller.flush()
    yield plot
    controller.shutdown()


def _unwritable_targets(tmp_path: Path) -> list[tuple[Path, str]]:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    targets = [(tmp_path / "missing" / "plot", "does not exist")]
    if os.geteuid() != 0:  # root writes anywhere
        targets.append((locked / "plot", "permission"))
    if Path("/dev/full").exists():
        targets.append((Path("/dev/full"), "disk is full"))
    return targets


def test_exports_to_an_unwritable_place_raise_one_sentence(loss_plot, tmp_path):
    for target, why in _unwritable_targets(tmp_path):
        for export in (loss_plot.export_csv, loss_plot.export_png):
            with pytest.raises(DlsimError) as info:
                export(target)
            message = str(info.value)
            assert str(target) in message and why in message
            assert "\n" not in message


def test_export_menu_says_why_it_could_not_write(loss_plot, tmp_path, monkeypatch):
    """Export ▸ CSV / PNG from the menu: a warning with the sentence, nothing raised."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: shown.append(text))
    )
    target = str(tmp_path / "missing" / "loss")
    monkeypatch.setattr(
        "dlsim.ui.plots.base.QFileDialog.getSaveFileName", lambda *a, **k: (target, "")
    )
    loss_plot.csv_action.trigger()
    loss_plot.png_action.trigger()
    assert len(shown) == 2
    assert all(target in text and "does not exist" in text for text in shown)
