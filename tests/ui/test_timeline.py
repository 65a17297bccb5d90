"""Time travel in the window: the timeline shows every plot as it was at step k (the engine's
`state_at(k)` numbers), Run from the past asks to branch, a branch keeps the old curve, branches
are named, hidden and deleted, the current branch is what gets saved, a drag stays responsive,
and a new document forgets it all."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine import Experiment
from dlsim.engine.views.boundary import boundary_image
from dlsim.engine.views.tables import histogram_rows, table_csv, weight_rows
from dlsim.ui import rewind_controller
from tests.ui.lag_probe import LagProbe

TIMEOUT_MS = 20_000
PLOTS = ("loss", "boundary", "weights", "gradients", "activations")


@pytest.fixture
def window(user_window):
    return user_window


@pytest.fixture
def answer(monkeypatch):
    """Script the branch question: answer(True) is Branch, answer(False) Cancel."""
    asked: list[int] = []
    reply = {"branch": True}

    def ask(_parent, step):
        asked.append(step)
        return reply["branch"]

    monkeypatch.setattr(rewind_controller, "ask_branch", ask)

    def set_reply(branch: bool) -> list[int]:
        reply["branch"] = branch
        return asked

    return set_reply


def xor_doc() -> dict:
    return json.loads(resources.example_path("xor_learn").read_text())


def fresh(doc: dict, steps: int, lr_from: tuple[int, float] | None = None):
    exp = Experiment(doc)
    record = None
    for k in range(steps):
        if lr_from is not None and k == lr_from[0]:
            exp.set_training({"optimizer": {"lr": lr_from[1]}})
        record = exp.step()
    return exp, record


def train(qtbot, window, steps: int) -> None:
    controller = window.workbench.controller
    before = controller.session.snapshot().step if controller.session.snapshot() else 0
    controller.step(steps)
    qtbot.waitUntil(
        lambda: (
            (snap := controller.session.snapshot()) is not None
            and snap.step == before + steps
            and snap.boundary is not None
            and controller.state == "paused"
        ),
        timeout=TIMEOUT_MS,
    )


def show_plots(qtbot, window) -> None:
    bench = window.workbench
    for key in PLOTS:
        bench.docks[key].show()
        bench.docks[key].raise_()
        qtbot.waitUntil(bench.plots[key].isVisible, timeout=TIMEOUT_MS)
        bench.controller.flush()


def view(qtbot, window, step: int) -> None:
    """Drag the timeline to `step` and wait for every plot to be fed that step."""
    bench = window.workbench
    bench.timeline.slider.setValue(step)
    qtbot.waitUntil(
        lambda: (past := bench.controller.rewind.past()) is not None and past.step == step,
        timeout=TIMEOUT_MS,
    )
    bench.controller.flush()


def test_the_timeline_shows_every_plot_as_the_engine_has_step_k(qtbot, window):
    bench = window.workbench
    train(qtbot, window, 80)
    show_plots(qtbot, window)
    doc = xor_doc()
    for k in (33, 5):
        view(qtbot, window, k)
        show_plots(qtbot, window)
        want, record = fresh(doc, k)
        plots = bench.plots
        assert plots["weights"].csv_text() == table_csv(weight_rows(want.params()))
        grid = bench.controller.data.grid
        image, _levels = boundary_image(want.predict(grid.points), grid.resolution)
        assert np.array_equal(plots["boundary"].image.image, image)
        assert plots["activations"].csv_text() == table_csv(
            histogram_rows(record.activation_stats())
        )
        x, y = plots["loss"].curves["train_loss"].getOriginalDataset()
        assert x[-1] == k and y[-1] == want.metrics()["loss"] and x.max() == k
        x, y = plots["loss"].curves["loss"].getOriginalDataset()
        assert (x[-1], y[-1]) == (k - 1, record.loss)
        grads = plots["gradients"].feed.history
        for nid, norm in record.grad_norms().items():
            assert grads.last("grad_norm/" + nid) == (k - 1, norm)
        assert f"Viewing step {k}" in window.viewing_banner.text()
        assert window.viewing_banner.isVisible()
        assert bench.timeline.step_label.text() == f"step {k} of 80"
    # the run itself is untouched: back to now shows step 80 again
    bench.timeline.now_button.click()
    bench.controller.flush()
    assert not window.viewing_banner.isVisible()
    assert plots["weights"].csv_text() == table_csv(weight_rows(fresh(doc, 80)[0].params()))
    assert bench.timeline.slider.value() == 80


def test_run_from_the_past_asks_and_cancel_changes_nothing(qtbot, window, answer):
    bench = window.workbench
    controller = bench.controller
    train(qtbot, window, 40)
    view(qtbot, window, 10)
    asked = answer(False)
    controller.step(5)
    assert asked == [10]
    assert controller.rewind.model.viewed == 10 and controller.rewind.model.branches == []
    assert controller.session.snapshot().step == 40


def test_branching_with_a_new_rate_keeps_both_curves(qtbot, window, answer):
    bench = window.workbench
    controller = bench.controller
    model = controller.rewind.model
    train(qtbot, window, 60)
    old_x, old_y = controller.session.history.series("train_loss")
    view(qtbot, window, 20)
    # the learner changes the learning rate while looking at step 20, then trains on
    window.document.set_training({"optimizer": {"lr": 2.0}}, "Learning rate")
    answer(True)
    controller.step(30)
    qtbot.waitUntil(
        lambda: controller.session.snapshot().step == 50 and controller.state == "paused",
        timeout=TIMEOUT_MS,
    )
    assert model.viewed is None and [b.step for b in model.branches] == [20]
    assert np.array_equal(model.branches[0].x, old_x)
    assert np.array_equal(model.branches[0].y, old_y)
    want, _ = fresh(xor_doc(), 50, lr_from=(20, 2.0))
    params = controller.session.snapshot().params
    assert all(np.array_equal(params[n][w], want.params()[n][w]) for n in params for w in params[n])
    show_plots(qtbot, window)
    loss = bench.plots["loss"]
    curve = loss.overlay.curves[0]
    assert curve.isVisible() and np.array_equal(curve.getOriginalDataset()[1], old_y)
    assert "Run 1" in loss.readout and bench.timeline.run_label.text() == "Run 2"
    x, _y = loss.curves["loss"].getOriginalDataset()
    assert x.max() == 49  # the new branch's steps, not the old run's 50..59
    # named, hidden, deleted
    model.rename(0, "slow rate")
    controller.flush()
    assert "slow rate" in loss.readout
    model.set_shown(0, False)
    controller.flush()
    assert not curve.isVisible() and "slow rate" not in loss.readout
    model.delete(0)
    controller.flush()
    assert model.branches == [] and bench.timeline.branches_button.text() == "Branches"


def test_saving_after_a_branch_saves_the_current_branch(qtbot, window, answer, tmp_path):
    controller = window.workbench.controller
    train(qtbot, window, 30)
    view(qtbot, window, 12)
    answer(True)
    controller.step(3)
    qtbot.waitUntil(
        lambda: controller.session.snapshot().step == 15 and controller.state == "paused",
        timeout=TIMEOUT_MS,
    )
    path = tmp_path / "branched.dlsim"
    window.document.save(path)
    saved = Experiment.load(path).params()
    want = fresh(xor_doc(), 15)[0].params()
    assert all(np.array_equal(saved[n][w], want[n][w]) for n in want for w in want[n])


def test_a_new_document_forgets_the_past_and_the_branches(qtbot, window, answer):
    bench = window.workbench
    model = bench.controller.rewind.model
    train(qtbot, window, 20)
    view(qtbot, window, 5)
    answer(True)
    bench.controller.step(1)
    qtbot.waitUntil(lambda: bench.controller.state == "paused", timeout=TIMEOUT_MS)
    view(qtbot, window, 3)
    assert model.branches and model.viewed == 3
    assert window.open_example("and_gate")
    assert model.viewed is None and model.branches == [] and model.current == "Run 1"
    assert not window.viewing_banner.isVisible()
    assert bench.timeline.slider.value() == 0


def test_dragging_the_timeline_keeps_the_window_responsive(qtbot, window):
    bench = window.workbench
    train(qtbot, window, 400)
    show_plots(qtbot, window)
    rewind = bench.controller.rewind
    with LagProbe() as probe:
        for k in range(399, 0, -8):  # about a drag across the whole run
            bench.timeline.slider.setValue(k)
            qtbot.wait(15)
        qtbot.waitUntil(
            lambda: (past := rewind.past()) is not None and past.step == 7, timeout=TIMEOUT_MS
        )
    assert probe.worst_work_ms < 100, probe.worst_work_ms
    assert rewind.latencies
