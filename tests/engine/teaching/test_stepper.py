"""The backprop stepper's phases: the lecture's worked example, written out the lecture's way."""

import copy
import math

import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.teaching.stepper import BackpropWalk, f8, given
from dlsim.engine.training.fileformat import read_document

EXAMPLES = resources.examples_dir()


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def lecture_by_hand():
    """The lecture's example computed from its formulas, independently of the engine."""
    x1, x2, t1, t2, lr = 0.1, 0.2, 0.4, 0.6, 0.5
    w = {1: 0.3, 2: 0.25, 3: 0.4, 4: 0.35, 5: 0.45, 6: 0.4, 7: 0.7, 8: 0.6}
    v = {}
    v["z1"] = w[1] * x1 + w[2] * x2
    v["z2"] = w[3] * x1 + w[4] * x2
    v["h1"], v["h2"] = sigmoid(v["z1"]), sigmoid(v["z2"])
    v["z3"] = w[5] * v["h1"] + w[6] * v["h2"]
    v["z4"] = w[7] * v["h1"] + w[8] * v["h2"]
    v["o1"], v["o2"] = sigmoid(v["z3"]), sigmoid(v["z4"])
    v["E_o1"] = 0.5 * (t1 - v["o1"]) ** 2
    v["E_o2"] = 0.5 * (t2 - v["o2"]) ** 2
    v["E_total"] = v["E_o1"] + v["E_o2"]
    v["dE/do1"] = -(t1 - v["o1"])
    v["dE/do2"] = -(t2 - v["o2"])
    v["do1/dz3"] = v["o1"] * (1 - v["o1"])
    v["do2/dz4"] = v["o2"] * (1 - v["o2"])
    d3 = v["dE/do1"] * v["do1/dz3"]
    d4 = v["dE/do2"] * v["do2/dz4"]
    v["dE/dW5"], v["dE/dW6"] = d3 * v["h1"], d3 * v["h2"]
    v["dE/dW7"], v["dE/dW8"] = d4 * v["h1"], d4 * v["h2"]
    v["dE/dh1"] = d3 * w[5] + d4 * w[7]
    v["dE/dh2"] = d3 * w[6] + d4 * w[8]
    d1 = v["dE/dh1"] * v["h1"] * (1 - v["h1"])
    d2 = v["dE/dh2"] * v["h2"] * (1 - v["h2"])
    v["dE/dW1"], v["dE/dW2"] = d1 * x1, d1 * x2
    v["dE/dW3"], v["dE/dW4"] = d2 * x1, d2 * x2
    for k in range(1, 9):
        v[f"W{k}+"] = w[k] - lr * v[f"dE/dW{k}"]
    return v


@pytest.fixture(scope="module")
def lecture():
    return BackpropWalk(read_document(EXAMPLES / "backprop_lecture.dlsim"))


def line_value(phase, lhs):
    return next(line.value_text for line in phase.lines if line.lhs == lhs)


def test_weights_are_numbered_in_the_lectures_order(lecture):
    names = [(w.name, w.src, w.dst, w.i, w.j) for w in lecture.layout.weights]
    assert names == [
        ("W1", "x1", "h1", 0, 0),
        ("W2", "x2", "h1", 1, 0),
        ("W3", "x1", "h2", 0, 1),
        ("W4", "x2", "h2", 1, 1),
        ("W5", "h1", "o1", 0, 0),
        ("W6", "h2", "o1", 1, 0),
        ("W7", "h1", "o2", 0, 1),
        ("W8", "h2", "o2", 1, 1),
    ]
    assert [u.z_name for u in lecture.layout.all_units()] == [None, None, "z1", "z2", "z3", "z4"]


def test_phases_go_forward_loss_backward_update_after(lecture):
    phases = lecture.phases(1)
    assert [(p.kind, p.layer) for p in phases] == [
        ("start", None),
        ("forward", "h"),
        ("forward", "o"),
        ("loss", "o"),
        ("backward", "o"),
        ("backward", "h"),
        ("update", None),
        ("after", None),
    ]


def test_every_number_of_the_lecture_to_8_decimals(lecture):
    v = lecture_by_hand()
    start, fwd_h, fwd_o, loss, back_o, back_h, update, after = lecture.phases(1)
    for key in ("z1", "h1", "z2", "h2"):
        assert line_value(fwd_h, key) == f8(v[key])
    for key in ("z3", "o1", "z4", "o2"):
        assert line_value(fwd_o, key) == f8(v[key])
    for key in ("E_o1", "E_o2", "E_total"):
        assert line_value(loss, key) == f8(v[key])
    for k in (1, 2):
        assert line_value(back_o, f"∂E/∂o{k}") == f8(v[f"dE/do{k}"])
    assert line_value(back_o, "∂o1/∂z3") == f8(v["do1/dz3"])
    for k in (5, 6, 7, 8):
        assert line_value(back_o, f"∂E/∂W{k}") == f8(v[f"dE/dW{k}"])
    for k in (1, 2, 3, 4):
        assert line_value(back_h, f"∂E/∂W{k}") == f8(v[f"dE/dW{k}"])
    assert line_value(back_h, "∂E/∂h1") == f8(v["dE/dh1"])
    for k in range(1, 9):
        assert line_value(update, f"W{k}⁺") == f8(v[f"W{k}+"])


def test_the_slides_published_values_appear(lecture):
    text = "\n".join(p.text() for p in lecture.phases(1))
    for published in (
        "E_total = E_o1 + E_o2 = 0.02193381 + 0.00203809 = 0.02397190",
        "∂E/∂o1 = −(target_o1 − o1) = −(0.4 − 0.60944600) = 0.20944600",
        "∂o1/∂z3 = o1(1 − o1) = 0.60944600 × (1 − 0.60944600) = 0.23802157",
        "∂E/∂W5 = ∂E/∂o1·∂o1/∂z3·∂z3/∂W5 = 0.20944600 × 0.23802157 × 0.51998934 = 0.02592286",
        "W5⁺ = W5 − α·∂E/∂W5 = 0.45 − 0.5 × 0.02592286 = 0.43703857",
        "∂E/∂W1 = ∂E/∂h1·∂h1/∂z1·∂z1/∂W1 = 0.03240681 × 0.24960043 × 0.1 = 0.00080888",
        "z1 = W1·x1 + W2·x2 = 0.3 × 0.1 + 0.25 × 0.2 = 0.08000000",
    ):
        assert published in text


def test_the_o2_typo_and_the_w1_typo_are_noted(lecture):
    phases = lecture.phases(1)
    assert "o2 = σ(z4) = 0.66384491" in phases[2].notes[0]
    assert "0.68047" in phases[2].notes[0]
    assert "W1 is 0.3" in phases[6].notes[0]
    assert not lecture.phases(2)[2].notes


def test_the_loss_falls_after_the_update(lecture):
    after = lecture.phases(1)[-1]
    e_after = float(line_value(after, "E_total⁺").replace("−", "-"))
    assert e_after < 0.02397190
    assert line_value(after, "change").startswith("−")


def test_after_the_update_every_unit_shows_its_new_value(lecture):
    # The same input through W1+ … W8+, computed from the lecture's formulas by hand.
    v = lecture_by_hand()
    w = {k: v[f"W{k}+"] for k in range(1, 9)}
    h1 = sigmoid(w[1] * 0.1 + w[2] * 0.2)
    h2 = sigmoid(w[3] * 0.1 + w[4] * 0.2)
    o1 = sigmoid(w[5] * h1 + w[6] * h2)
    o2 = sigmoid(w[7] * h1 + w[8] * h2)
    after = lecture.phases(1)[-1]
    assert after.short == "After"
    for name, value in {"h1": h1, "h2": h2, "o1": o1, "o2": o2}.items():
        assert line_value(after, f"{name}⁺") == f8(value)
        assert after.unit_values[name] == f8(value)
    e_after = 0.5 * (0.4 - o1) ** 2 + 0.5 * (0.6 - o2) ** 2
    assert line_value(after, "E_total⁺") == f8(e_after)


def test_the_diagram_follows_the_phases(lecture):
    start, fwd_h, *_, update, after = lecture.phases(1)
    assert start.unit_values == {"x1": "0.1", "x2": "0.2"}
    assert start.edge_labels["W5"] == "W5\n0.45"
    assert fwd_h.unit_values["h1"] == f8(lecture_by_hand()["h1"])
    assert fwd_h.active_edges == {"W1", "W2", "W3", "W4"}
    assert update.edge_labels["W5"] == "W5⁺\n0.43703857"
    assert after.edge_values["W5"] == pytest.approx(lecture_by_hand()["W5+"])


def test_the_next_iteration_starts_from_the_updated_weights(lecture):
    first_update = lecture.phases(1)[6]
    second_start = lecture.phases(2)[0]
    assert second_start.title.startswith("Iteration 2")
    for k in range(1, 9):
        assert line_value(
            second_start,
            f"W{k} ({lecture.layout.weights[k - 1].src}→{lecture.layout.weights[k - 1].dst})",
        ) == line_value(first_update, f"W{k}⁺")


def test_jumping_and_going_back_replay_the_same_numbers():
    doc = read_document(EXAMPLES / "backprop_lecture.dlsim")
    walk = BackpropWalk(doc)
    late = [p.text() for p in walk.phases(7)]
    losses = walk.loss_history(7)
    assert len(losses) == 7 and all(b < a for a, b in zip(losses, losses[1:], strict=False))
    early = [p.text() for p in walk.phases(3)]  # never traced: replayed from the start
    fresh = BackpropWalk(doc)
    assert early == [p.text() for p in fresh.phases(3)]
    assert late == [p.text() for p in fresh.phases(7)]
    with pytest.raises(DlsimError, match="iteration"):
        walk.phases(0)


def small_doc(units=(2, 2, 1), activation="sigmoid", use_bias=True, loss="half_sse", **training):
    nodes = [{"id": "x", "type": "Input", "params": {"units": units[0]}}]
    edges = []
    prev = "x"
    for k, n in enumerate(units[1:]):
        nid = f"l{k}"
        nodes.append(
            {
                "id": nid,
                "type": "Dense",
                "params": {"units": n, "activation": activation, "use_bias": use_bias},
            }
        )
        edges.append({"from": prev, "to": nid})
        prev = nid
    return {
        "format": "dlsim",
        "version": 1,
        "name": "small",
        "graph": {"nodes": nodes, "edges": edges},
        "training": {
            "dataset": {
                "type": "inline",
                "x": [[0.5] * units[0], [1.0] * units[0]],
                "y": [[1.0] * units[-1], [0.0] * units[-1]],
            },
            "loss": loss,
            "optimizer": {"type": "sgd", "lr": 0.1},
            "shuffle": False,
            **training,
        },
    }


def test_biases_appear_in_the_sums_the_gradients_and_the_update():
    walk = BackpropWalk(small_doc())
    start, fwd0, fwd1, loss, back1, back0, update, after = walk.phases(1)
    assert "z1 = W1·l01 + W2·l02 + b_l01" not in fwd0.text()  # names of long layers get a '_'
    assert fwd0.lines[0].formula == "W1·x1 + W2·x2 + b_l0_1"
    trace = walk.trace(1)
    delta = trace.layers["l1"].values["delta"][0, 0]
    assert line_value(back1, "∂E/∂b_l1_1") == f8(delta)
    b_before = trace.layers["l1"].before["b"][0]
    assert line_value(update, "b_l1_1⁺") == f8(b_before - 0.1 * delta)


def test_a_data_set_of_several_samples_is_shown_one_sample_at_a_time():
    walk = BackpropWalk(small_doc(batch_size=None))
    assert walk.trace(1).x.shape == (1, 2)
    assert "one sample per iteration" in walk.phases(1)[0].text()
    # Samples come in order: iteration 2 is the second row.
    assert walk.trace(2).x.tolist() == [[1.0, 1.0]]


def test_sigmoid_with_cross_entropy_is_taken_in_one_go():
    walk = BackpropWalk(small_doc(loss="binary_crossentropy"))
    back = walk.phases(1)[4]
    trace = walk.trace(1)
    o = trace.layers["l1"].values["a"][0, 0]
    # d/dz of −[t log σ(z) + (1 − t) log(1 − σ(z))] is σ(z) − t, here with t = 1.
    assert line_value(back, "∂E/∂z3") == f8(o - 1.0)
    assert "combined" in back.lines[0].formula


def test_other_optimizers_show_before_and_after_without_claiming_plain_sgd():
    doc = small_doc()
    doc["training"]["optimizer"] = {"type": "adam", "lr": 0.01}
    update = BackpropWalk(doc).phases(1)[6]
    assert "adam step" in update.lines[0].formula
    assert "α·∂E/∂W" not in update.text()


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["graph"]["nodes"][1]["params"].update(units=9), "at most 8 units"),
        (lambda d: d["graph"]["nodes"][0]["params"].update(units=9), "at most 8 units"),
        (lambda d: d["training"].update(rule="perceptron"), "perceptron rule"),
    ],
)
def test_networks_the_stepper_cannot_show_are_refused(change, message):
    doc = small_doc(activation="step", units=(2, 1)) if "perceptron" in message else small_doc()
    doc = copy.deepcopy(doc)
    change(doc)
    if "units" in message and doc["graph"]["nodes"][0]["params"]["units"] == 9:
        doc["training"]["dataset"]["x"] = [[0.5] * 9, [1.0] * 9]
    with pytest.raises(DlsimError, match=message):
        BackpropWalk(doc)


def test_more_than_four_layers_is_refused():
    with pytest.raises(DlsimError, match="at most 4 Dense layers"):
        BackpropWalk(small_doc(units=(2, 2, 2, 2, 2, 1)))


def test_four_layers_of_eight_units_are_fine():
    walk = BackpropWalk(small_doc(units=(8, 8, 8, 8, 8)))
    assert len(walk.layout.weights) == 4 * 64
    assert [p.kind for p in walk.phases(1)].count("backward") == 4


def test_layers_other_than_dense_are_refused():
    doc = small_doc()
    doc["graph"]["nodes"].insert(2, {"id": "bn", "type": "BatchNorm", "params": {}})
    doc["graph"]["edges"] = [
        {"from": "x", "to": "l0"},
        {"from": "l0", "to": "bn"},
        {"from": "bn", "to": "l1"},
    ]
    with pytest.raises(DlsimError, match="'bn' is a BatchNorm layer"):
        BackpropWalk(doc)


def test_number_formats():
    assert given(0.45) == "0.45"
    assert given(0.43703857123) == "0.43703857"
    assert f8(-0.000735) == "−0.00073500"
    assert f8(-1e-12) == "0.00000000"
