"""The Inspector shows the selected layer's weights: the engine's numbers after some steps,
`state_at(k)`'s while the timeline shows step k, a summary for a big layer, the document's before
any training, and nothing at all while it is hidden."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine import Experiment
from dlsim.engine.views.weight_table import WeightSummary, cell

TIMEOUT_MS = 20_000


@pytest.fixture
def window(user_window):
    return user_window


def example(name: str) -> dict:
    return json.loads(resources.example_path(name).read_text())


def select(qtbot, window, node_id: str):
    """Click a layer in the diagram: the Inspector comes to the front with its weights."""
    window.scene.select_nodes([node_id])
    weights = window.inspector.weights
    qtbot.waitUntil(lambda: window.inspector.isVisible(), timeout=TIMEOUT_MS)
    window.workbench.controller.flush()
    return weights


def train(qtbot, window, steps: int) -> None:
    controller = window.workbench.controller
    controller.step(steps)
    qtbot.waitUntil(
        lambda: (
            (snap := controller.session.snapshot()) is not None
            and snap.step == steps
            and controller.state == "paused"
        ),
        timeout=TIMEOUT_MS,
    )
    controller.flush()


def shown_equals(weights, params: dict) -> None:
    """The cells hold exactly the engine's W (inputs × units) then b, as the lessons print them."""
    want = np.vstack([params["W"], params["b"][None, :]])
    assert np.array_equal(weights.values(), want)
    assert weights.cell_texts() == [[cell(v) for v in row] for row in want]


def test_the_inspector_shows_the_engines_weights_after_some_steps(qtbot, window):
    weights = select(qtbot, window, "h")
    assert weights.isVisible()
    train(qtbot, window, 25)
    want = Experiment(example("xor_learn"))
    for _ in range(25):
        want.step()
    shown_equals(weights, want.params()["h"])
    assert weights.caption.text() == "Weights at step 25"
    table = weights.table
    assert [table.verticalHeaderItem(i).text() for i in range(3)] == ["x1", "x2", "b"]
    assert [table.horizontalHeaderItem(j).text() for j in range(4)] == ["h1", "h2", "h3", "h4"]
    # the output layer: rows are the hidden units
    weights = select(qtbot, window, "y")
    shown_equals(weights, want.params()["y"])
    assert weights.table.verticalHeaderItem(0).text() == "h1"


def test_while_the_timeline_shows_step_k_the_inspector_shows_state_at_k(qtbot, window):
    bench = window.workbench
    train(qtbot, window, 60)
    weights = select(qtbot, window, "h")
    run = Experiment(example("xor_learn"))
    for _ in range(60):
        run.step()
    for k in (37, 4):
        bench.timeline.slider.setValue(k)
        qtbot.waitUntil(
            lambda k=k: (past := bench.controller.rewind.past()) is not None and past.step == k,
            timeout=TIMEOUT_MS,
        )
        bench.controller.flush()
        shown_equals(weights, run.state_at(k).params()["h"])
        assert weights.caption.text() == f"Weights at step {k} (the timeline's step)"
        assert weights.shown_step == k
    bench.timeline.now_button.click()
    bench.controller.flush()
    shown_equals(weights, run.params()["h"])
    assert weights.caption.text() == "Weights at step 60"


def test_a_big_layer_is_summarised_and_says_where_every_value_is(qtbot, window):
    assert window.open_example("overfitting")
    train(qtbot, window, 3)
    weights = select(qtbot, window, "h1")
    assert isinstance(weights.shown, WeightSummary)
    params = window.workbench.controller.session.snapshot().params["h1"]
    texts = weights.cell_texts()
    assert texts[0][0] == cell(params["W"].min()) and texts[1][0] == cell(params["W"].max())
    assert texts[2][1] == cell(params["b"].mean()) and texts[3][0] == cell(params["W"].std())
    assert weights.table.horizontalHeaderItem(0).text() == "W (2 × 64)"
    assert "Weights plot" in weights.note.text() and weights.note.isVisible()
    # readable in the dock: the table scrolls inside, the form stays where it was
    assert weights.table.height() < 300


def test_before_training_it_shows_the_documents_weights(qtbot, window):
    assert window.open_example("backprop_lecture")
    saved = window.document.weights["h"]
    weights = select(qtbot, window, "h")
    qtbot.waitUntil(lambda: weights.caption.text() != "", timeout=TIMEOUT_MS)
    window.workbench.controller.flush()
    assert np.array_equal(weights.values()[:2], np.array(saved["W"]))
    assert weights.caption.text() in (
        "Starting weights (step 0), as the document gives them",
        "Weights from the document (not trained yet)",
    )


def test_a_layer_without_weights_or_a_hidden_inspector_shows_and_costs_nothing(qtbot, window):
    nid = window.document.add_node("Activation", pos=(0.0, 0.0))
    weights = select(qtbot, window, nid)
    assert not weights.isVisible()
    window.document.undo_stack.undo()
    weights = select(qtbot, window, "h")
    window.dock("inspector").hide()  # closed (or behind another tab)
    qtbot.waitUntil(lambda: not window.inspector.isVisible(), timeout=TIMEOUT_MS)
    drawn = weights.refresh_count
    train(qtbot, window, 10)
    assert weights.refresh_count == drawn and not weights.pending()


def test_without_a_training_process_it_shows_the_files_weights(qtbot):
    from dlsim.ui.document import Document
    from dlsim.ui.panels.inspector import Inspector

    doc = Document()
    doc.open(resources.example_path("backprop_lecture"))
    inspector = Inspector(doc)
    qtbot.addWidget(inspector)
    inspector.show()
    qtbot.waitExposed(inspector)
    inspector.show_selection(["o"])
    weights = inspector.weights
    assert weights.caption.text() == "Weights from the document (not trained yet)"
    assert np.array_equal(weights.values(), np.array(doc.weights["o"]["W"]))
    assert weights.table.verticalHeaderItem(0).text() == "h1"


def test_a_weight_typed_in_the_neuron_view_shows_in_the_inspector_at_once(qtbot, window):
    weights = select(qtbot, window, "h")
    train(qtbot, window, 5)
    controller = window.workbench.controller
    seen = controller.session.snapshot().params
    window.document.set_weight(seen, ("h", "W", (0, 1), 0.5))
    qtbot.waitUntil(
        lambda: (
            (snap := controller.session.snapshot()) is not None
            and snap.params["h"]["W"][0, 1] == 0.5
        ),
        timeout=TIMEOUT_MS,
    )
    controller.flush()  # at once: not held back as a run's next numbers would be
    assert weights.values()[0, 1] == 0.5
    assert weights.caption.text() == "Weights at step 5"
