"""The confusion-matrix plot: Iris's counts as the training process measured them, written in
their cells, per-class accuracy in the caption, the validation split on request; a reason
instead of a matrix for data that is not multi-class."""

from __future__ import annotations

import csv
import io

import numpy as np

from dlsim import resources
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.document import Document
from dlsim.ui.plots.confusion import QtConfusionPlot
from dlsim.ui.training_controller import TrainingController

EXAMPLES = resources.examples_dir()
TIMEOUT_MS = 10_000


def controller_with_plot(qtbot, name: str) -> tuple[TrainingController, QtConfusionPlot]:
    doc = Document()
    doc.load_dict(read_document(EXAMPLES / f"{name}.dlsim"), base_dir=EXAMPLES)
    controller = TrainingController(doc)
    plot = QtConfusionPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 400)
    plot.show()
    controller.add_panel(plot)
    return controller, plot


def written(plot: QtConfusionPlot) -> list[int]:
    return [int(cell.textItem.toPlainText()) for cell in plot.cells]


def test_iris_counts_are_drawn_cell_by_cell_for_either_split(qtbot, tmp_path):
    controller, plot = controller_with_plot(qtbot, "iris_keras")
    try:
        controller.step(20)

        def measured() -> bool:
            snap = controller.session.snapshot()
            return snap is not None and snap.step == 20 and bool(snap.confusion)

        qtbot.waitUntil(measured, timeout=TIMEOUT_MS)
        controller.flush()
        snap = controller.session.snapshot()
        train = snap.confusion["train"]
        assert train.counts.shape == (3, 3) and train.counts.sum() == 120
        assert train.accuracy == snap.metrics["accuracy"]
        assert not plot.hint_visible
        assert written(plot) == train.counts.ravel().tolist()
        assert [t[1] for t in plot.plot.getAxis("left")._tickLevels[0]] == list(train.classes)
        for name, share in zip(train.classes, train.per_class_accuracy, strict=True):
            assert f"{name} {100 * share:.0f} %" in plot.caption.text()
        plot.split.setCurrentIndex(1)
        controller.flush()
        assert written(plot) == snap.confusion["val"].counts.ravel().tolist()
        rows = list(csv.DictReader(io.StringIO(plot.csv_text())))
        assert len(rows) == 18 and {r["split"] for r in rows} == {"train", "val"}
        counted = np.zeros((3, 3), dtype=int)
        for r in rows:
            if r["split"] == "train":
                counted[train.classes.index(r["true"]), train.classes.index(r["predicted"])] = int(
                    r["count"]
                )
        np.testing.assert_array_equal(counted, train.counts)
        plot.export_png(tmp_path / "confusion.png")
        assert (tmp_path / "confusion.png").stat().st_size > 0
    finally:
        controller.shutdown()


def test_a_binary_problem_gets_a_reason_instead(qtbot):
    controller, plot = controller_with_plot(qtbot, "xor_learn")
    try:
        controller.step(3)

        def stepped() -> bool:
            snap = controller.session.snapshot()
            return snap is not None and snap.step == 3

        qtbot.waitUntil(stepped, timeout=TIMEOUT_MS)
        controller.flush()
        assert plot.hint_visible and "more than two classes" in plot.hint.text()
        assert controller.session.snapshot().confusion in (None, {})
    finally:
        controller.shutdown()


def test_the_class_names_under_the_matrix_do_not_run_together(qtbot):
    """In a dock as wide as a 1280×800 window gives it, each predicted class's column is wider
    than its name (square cells left "setosaversicolorvirginica")."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFontMetrics

    controller, plot = controller_with_plot(qtbot, "iris_keras")
    try:
        plot.resize(340, 260)
        controller.step(5)
        qtbot.waitUntil(lambda: not plot.hint_visible and bool(plot.cells), timeout=TIMEOUT_MS)
        view = plot.plot.vb
        column = view.mapViewToScene(QPointF(1, 0)).x() - view.mapViewToScene(QPointF(0, 0)).x()
        axis = plot.plot.getAxis("bottom")
        metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
        names = [name for _, name in axis._tickLevels[0]]
        assert len(names) == 3
        assert all(metrics.horizontalAdvance(name) + 8 < column for name in names), column
    finally:
        controller.shutdown()
