"""The graph spec: connections refused with a reason, every problem listed on its node."""

from __future__ import annotations

import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.nn.registry import REGISTRY, layer_type


def chain() -> GraphSpec:
    return GraphSpec(
        [
            Node("in", "Input", {"units": 2}),
            Node("h", "Dense", {"units": 4, "activation": "tanh"}),
            Node("out", "Dense", {"units": 1, "activation": "sigmoid"}),
        ],
        [Edge("in", "h"), Edge("h", "out")],
    )


def messages(spec: GraphSpec) -> dict[str | None, list[str]]:
    out: dict[str | None, list[str]] = {}
    for p in spec.validate():
        out.setdefault(p.node_id, []).append(p.message)
    return out


def test_a_valid_chain_has_no_problems_and_known_shapes() -> None:
    spec = chain()
    assert spec.validate() == []
    assert spec.infer_shapes() == {"in": 2, "h": 4, "out": 1}
    assert spec.parameter_count("h") == 2 * 4 + 4
    assert spec.topological_order() == ["in", "h", "out"]


def test_the_registry_describes_every_required_layer_type() -> None:
    required = {
        "Input",
        "Dense",
        "Activation",
        "Dropout",
        "BatchNorm",
        "LayerNorm",
        "Add",
        "Concatenate",
    }
    assert required <= set(REGISTRY)
    for ltype in REGISTRY.values():
        assert ltype.help
        for p in ltype.params:
            assert p.help, f"{ltype.name}.{p.name} has no help"
            assert p.coerce(p.default) == p.default or p.kind in ("activation", "initializer")


def test_a_cycle_is_refused_with_a_reason() -> None:
    spec = chain()
    spec.add_node(Node("back", "Dense", {"units": 2}))
    spec.add_edge(Edge("out", "back"))
    spec.remove_edge(Edge("in", "h"))
    reason = spec.check_connect("back", "h")
    assert reason is not None and "cycle" in reason


def test_a_taken_input_port_is_refused() -> None:
    spec = chain()
    spec.add_node(Node("other", "Dense", {"units": 3}))
    reason = spec.check_connect("other", "out")
    assert reason is not None and "taken" in reason


def test_nothing_can_feed_an_input_layer() -> None:
    spec = chain()
    assert "Input" in spec.check_connect("h", "in")


def test_add_with_unequal_sizes_is_refused_at_connection_time() -> None:
    spec = chain()
    spec.add_node(Node("sum", "Add"))
    spec.add_edge(Edge("h", "sum"))
    reason = spec.check_connect("out", "sum")
    assert reason is not None and "equal" in reason


def test_validation_lists_every_problem_on_its_node() -> None:
    spec = GraphSpec(
        [
            Node("in", "Input", {"units": 2}),
            Node("a", "Dense", {"units": 0}),
            Node("b", "Dense", {"units": 3, "activation": "relux"}),
            Node("c", "Mystery"),
            Node("d", "Add"),
        ],
        [Edge("in", "a"), Edge("in", "d")],
    )
    found = messages(spec)
    assert any("at least 1" in m for m in found["a"])
    assert any("relux" in m for m in found["b"])
    assert any("unknown layer type 'Mystery'" in m for m in found["c"])
    assert any("at least 2 inputs" in m for m in found["d"])
    assert any("several outputs" in m for m in found["b"])


def test_a_cycle_marks_every_node_on_it() -> None:
    spec = GraphSpec(
        [Node("in", "Input"), Node("a", "Dense"), Node("b", "Dense"), Node("sum", "Add")],
        [Edge("in", "sum"), Edge("sum", "a"), Edge("a", "b"), Edge("b", "sum")],
    )
    found = messages(spec)
    for nid in ("sum", "a", "b"):
        assert any("cycle" in m for m in found[nid])
    with pytest.raises(DlsimError, match="cycle"):
        spec.topological_order()


def test_absurd_sizes_are_refused_before_allocating() -> None:
    spec = chain()
    spec.nodes["in"].params["units"] = 10000
    spec.nodes["h"].params["units"] = 4096
    spec.add_node(Node("big", "Dense", {"units": 4096}))
    spec.remove_edge(Edge("h", "out"))
    spec.add_edge(Edge("h", "big"))
    spec.add_edge(Edge("big", "out"))
    assert any("parameters" in p.message for p in spec.validate())


def test_dict_round_trip_keeps_order_positions_and_extras() -> None:
    spec = chain()
    spec.nodes["h"].pos = (120.5, -3.0)
    spec.nodes["h"].extra["note"] = "hello"
    again = GraphSpec.from_dict(spec.to_dict())
    assert again == spec
    assert again.nodes["h"].pos == (120.5, -3.0)
    assert again.nodes["h"].extra == {"note": "hello"}


@pytest.mark.parametrize(
    ("graph", "message"),
    [
        ([], "must be an object"),
        ({"nodes": "x"}, "must be a list"),
        ({"nodes": [{"type": "Input"}]}, "non-empty string 'id'"),
        ({"nodes": [{"id": "a", "type": "Input"}, {"id": "a", "type": "Dense"}]}, "share the id"),
        ({"nodes": [{"id": "a", "type": "Input"}], "edges": [{"from": "a", "to": "z"}]}, "'z'"),
        ({"nodes": [{"id": "a", "type": "Input", "pos": [1]}]}, "'pos'"),
    ],
)
def test_structural_errors_are_one_plain_sentence(graph: object, message: str) -> None:
    with pytest.raises(DlsimError, match=message):
        GraphSpec.from_dict(graph)


def test_new_ids_are_fresh() -> None:
    spec = chain()
    spec.add_node(Node("dense_1", "Dense"))
    assert spec.new_id("Dense") == "dense_2"


def test_parameters_are_normalised_with_defaults() -> None:
    params = layer_type("Dense").normalize_params({"units": 3})
    assert params["activation"] == "linear"
    assert params["kernel_initializer"] == "glorot_uniform"
    with pytest.raises(DlsimError, match="has no parameter 'unitz'"):
        layer_type("Dense").normalize_params({"unitz": 3})


def test_an_unpickled_network_still_sees_its_own_weights_in_the_flat_buffer():
    import pickle

    from dlsim.engine.training.experiment import Experiment
    from dlsim.resources import example_path

    net = pickle.loads(pickle.dumps(Experiment.load(example_path("xor_learn")).network))
    for array in net.parameters().values():
        array[...] = 7.0
    assert net.weight_range() == (7.0, 7.0)
    assert all(
        layer.weights[name] is net.parameters()[(nid, name)]
        for nid, layer in net.layers.items()
        for name in layer.weights
    )
