"""What both exporters read from an experiment: the layers in graph order with their code names,
whether the output's activation is fused into the loss, and numbers written as exact literals."""

from __future__ import annotations

import keyword
import re
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training.experiment import Experiment
from dlsim.export.layers import LAYERS, TORCH_ACTIVATIONS, Node, activation_name

# Names a layer attribute or variable must not take in the script: nn.Module's own attributes
# (tests/export/test_layers.py checks this against torch) and the script's own globals.
_RESERVED_TEXT = """
    T_destination add_module apply bfloat16 buffers call_super_init children compile cpu cuda
    double dump_patches eval extra_repr float forward get_buffer get_extra_state get_parameter
    get_submodule half ipu load_state_dict modules mtia named_buffers named_children
    named_modules named_parameters parameters register_backward_hook register_buffer
    register_forward_hook register_forward_pre_hook register_full_backward_hook
    register_full_backward_pre_hook register_load_state_dict_post_hook
    register_load_state_dict_pre_hook register_module register_parameter
    register_state_dict_post_hook register_state_dict_pre_hook requires_grad_ set_extra_state
    set_submodule share_memory state_dict to to_empty train type xpu zero_grad training
    self torch nn F np math json os sys dist keras x predict n_inputs n_outputs stream model
    inputs outputs"""
RESERVED = frozenset(_RESERVED_TEXT.split())


def attribute_names(node_ids: list[str]) -> dict[str, str]:
    """A distinct Python identifier for every node id ("hidden 1" → hidden_1, "in" → in_)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for nid in node_ids:
        name = re.sub(r"\W", "_", nid, flags=re.ASCII).strip("_") or "node"
        if name[0].isdigit():
            name = "n" + name
        base, k = name, 1
        while name in taken or name in RESERVED or keyword.iskeyword(name):
            name = f"{base}_" if k == 1 else f"{base}_{k}"
            k += 1
        taken.add(name)
        out[nid] = name
    return out


def check_exportable(exp: Experiment) -> None:
    """Raise DlsimError (one sentence) for what the exporters cannot write."""
    if exp.training["rule"] != "backprop":
        raise DlsimError(
            translate(
                "common",
                "only networks trained by backprop can be exported; this one uses the "
                "perceptron rule",
            )
        )
    for nid in exp.network.order:
        kind = exp.graph.nodes[nid].type
        if kind not in LAYERS:
            raise DlsimError(
                translate("common", "layer '{0}' is a {1}, which cannot be exported yet").format(
                    nid, kind
                ),
                node_id=nid,
            )
        act = exp.network.layers[nid].config.get("activation")
        if act is not None and activation_name(act) not in TORCH_ACTIVATIONS:
            raise DlsimError(
                translate(
                    "common", "layer '{0}' uses the activation {1}, which cannot be exported yet"
                ).format(nid, activation_name(act)),
                node_id=nid,
            )


def layer_nodes(exp: Experiment) -> list[tuple[str, Node]]:
    """(type, Node) for every layer in graph order, inputs named by their variables."""
    net = exp.network
    attrs = attribute_names(net.order)
    fused = exp.trainer.fused
    out = []
    for nid in net.order:
        sources = net.sources[nid]
        node = Node(
            id=nid,
            attr=attrs[nid],
            params=net.layers[nid].config,
            in_units=[net.units[s] for s in sources] or [net.units[nid]],
            units=net.units[nid],
            inputs=[attrs[s] for s in sources] or [attrs[nid]],
            logits=fused and nid == net.output_id,
        )
        out.append((exp.graph.nodes[nid].type, node))
    return out


def literal(value: Any, indent: int = 4) -> str:
    """A Python literal of numbers that reads back exactly (floats by their shortest repr)."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            pad = " " * indent
            rows = ",\n".join(pad + literal(row, indent + 4) for row in value)
            return "[\n" + rows + ",\n" + " " * (indent - 4) + "]"
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, float):
        return repr(value)
    return repr(value)


def plain(text: str) -> str:
    """Text safe inside a docstring of the written code (no quotes, backslashes, line breaks)."""
    return " ".join(text.replace('"', "'").replace("\\", "/").split())


def weights_block(exp: Experiment) -> str:
    """`WEIGHTS = {node: {name: nested lists}}`: the current weights in dlsim's layout."""
    rows = []
    for nid, values in exp.params().items():
        rows.append(f"    {nid!r}: {{")
        for name, arr in values.items():
            rows.append(f"        {name!r}: {literal(arr, 12)},")
        rows.append("    },")
    head = "# The diagram's current weights in dlsim's layout (a Dense W is inputs × units).\n"
    return head + "WEIGHTS = {\n" + "\n".join(rows) + "\n}"


def data_block(exp: Experiment) -> str:
    """`DATA = {x_train, y_train, x_val, y_val}` exactly as dlsim made the data set."""
    rows = []
    for name in ("x_train", "y_train", "x_val", "y_val"):
        rows.append(f"    {name!r}: {literal(getattr(exp.dataset, name), 8)},")
    head = f"# The data set ({exp.training['dataset'].get('type', '?')}), as dlsim made it.\n"
    return head + "DATA = {\n" + "\n".join(rows) + "\n}"
