"""Write a diagram as a standalone PyTorch training script that trains exactly like dlsim.

The script is three parts: the fixed runtime (torch_runtime.py's text: randomness, batches, loss,
clipping, the training loop, the command line), the generated `Net` module mirroring the graph,
and the document's settings, current weights and data as exact literals.
"""

from __future__ import annotations

from importlib import resources

from dlsim.engine.training.experiment import Experiment
from dlsim.export.common import check_exportable, data_block, layer_nodes, plain, weights_block
from dlsim.export.layers import LAYERS, activation_name, torch_activation

DEFAULT_STEPS = 100
MARKER = "# --- script text starts here ---\n"


def runtime_source() -> str:
    """The fixed part of every script (the text of torch_runtime.py below its marker line)."""
    text = resources.files("dlsim.export").joinpath("torch_runtime.py").read_text("utf-8")
    return text.split(MARKER, 1)[1]


def export_pytorch(exp: Experiment, source: str = "", steps: int = DEFAULT_STEPS) -> str:
    """The script's text for `exp` with its current weights; DlsimError if it cannot be written."""
    check_exportable(exp)
    nodes = layer_nodes(exp)
    helpers = []
    for kind, _node in nodes:
        helper = LAYERS[kind].torch_helper
        if helper and helper not in helpers:
            helpers.append(helper)
    parts = [
        _docstring(exp, source),
        runtime_source(),
        *("\n" + h for h in helpers),
        "\n\n" + _net_class(exp, nodes),
        "\n\n" + _settings(exp, nodes, steps),
        "\n\n" + _names(exp, nodes),
        "\n\n" + weights_block(exp),
        "\n\n" + data_block(exp),
        '\n\nif __name__ == "__main__":\n    main(Net, SETTINGS, DATA, WEIGHTS, NAMES)\n',
    ]
    return "".join(parts)


def _docstring(exp: Experiment, source: str) -> str:
    title = plain(exp.name or "A dlsim network")
    origin = f" from {plain(source)}" if source else ""
    return f'''#!/usr/bin/env python3
"""{title} — a PyTorch script exported by dlsim{origin}.

It needs only torch and numpy. It starts from the diagram's current weights and trains the way
dlsim does, number for number (the same shuffles, dropout masks and noise, drawn from NumPy
generators seeded as dlsim seeds them):

    python THIS.py --steps 100 --json          what `dlsim run FILE --steps 100 --json` prints
    torchrun --nproc_per_node 2 THIS.py        the same training, data-parallel (each process
                                               takes its share of every batch)
    python THIS.py --device cuda --save out.pt on a GPU; save the trained state_dict

The parts: the runtime (randomness, batches, loss, clipping, the training loop), the network
(class Net), then the settings, the weights and the data.
"""

'''


def _net_class(exp: Experiment, nodes: list) -> str:
    net = exp.network
    init_lines, forward_lines = [], []
    for kind, node in nodes:
        code = LAYERS[kind]
        module = code.torch_module(node)
        if module is not None:
            init_lines.append(f"        self.{node.attr} = {module}  # {kind} '{node.id}'")
        if kind == "Input":
            continue
        forward_lines.append(f"        {node.attr} = {code.torch_forward(node)}")
    by_id = {node.id: node for _kind, node in nodes}
    first = by_id[net.input_id].attr
    last = by_id[net.output_id].attr
    out_act = net.layers[net.output_id].config.get("activation", "linear")
    if exp.trainer.fused:
        ret = (
            f"        return {last}  # the output layer's z: its "
            f"{activation_name(out_act)} is part of the loss"
        )
        predict = torch_activation(out_act, "self(x)")
    else:
        ret = f"        return {last}"
        predict = "self(x)"
    lines = [
        "class Net(nn.Module):",
        '    """The diagram: one attribute per layer with weights; forward runs the layers in',
        '    graph order (Dense: Y = f(X·W + b), with nn.Linear holding Wᵀ)."""',
        "",
        f"    n_inputs = {net.n_inputs}",
        f"    n_outputs = {net.n_outputs}",
        "",
        "    def __init__(self, stream: TrainingStream) -> None:",
        "        super().__init__()",
        *init_lines,
        "",
        f"    def forward(self, {first}: torch.Tensor) -> torch.Tensor:",
        *forward_lines,
        ret,
        "",
        "    def predict(self, x: torch.Tensor) -> torch.Tensor:",
        '        """The network\'s output, as dlsim shows it."""',
        f"        return {predict}",
        "",
    ]
    return "\n".join(lines)


def _settings(exp: Experiment, nodes: list, steps: int) -> str:
    cfg = exp.training
    regs = {}
    for _kind, node in nodes:
        reg = node.params.get("kernel_regularizer") or {}
        if reg:
            regs[node.attr] = (reg.get("l1", 0.0), reg.get("l2", 0.0))
    settings = {
        "name": exp.name,
        "steps": steps,
        "dtype": cfg["dtype"],
        "seed": cfg["seed"],
        "loss": cfg["loss"],
        "logits": exp.trainer.fused,
        "optimizer": cfg["optimizer"],
        "batch_size": cfg["batch_size"],
        "shuffle": cfg["shuffle"],
        "augment_noise": cfg["augment_noise"],
        "regularizers": regs,
    }
    comments = {
        "steps": "training steps when --steps is not given",
        "seed": "the training stream is SeedSequence(seed).spawn(3)[2]",
        "logits": "Net returns the output layer's z; the loss applies its activation",
        "batch_size": "None: the whole training set every step",
        "augment_noise": "std of the Gaussian noise added to each input value while training",
        "regularizers": "attribute: (λ1, λ2) for λ1·Σ|W| + λ2·ΣW²",
    }
    rows = []
    for key, value in settings.items():
        note = f"  # {comments[key]}" if key in comments else ""
        rows.append(f"    {key!r}: {value!r},{note}")
    return "SETTINGS = {\n" + "\n".join(rows) + "\n}"


def _names(exp: Experiment, nodes: list) -> str:
    """NAMES[node][dlsim weight name] = (state_dict key, transposed)."""
    params = exp.params()
    by_id = {node.id: (kind, node) for kind, node in nodes}
    rows = []
    for nid, values in params.items():
        kind, node = by_id[nid]
        table = LAYERS[kind].torch_names
        entries = ", ".join(
            f"{name!r}: ({node.attr + '.' + table[name][0]!r}, {table[name][1]!r})"
            for name in values
        )
        rows.append(f"    {nid!r}: {{{entries}}},")
    head = "# dlsim's name of each weight → (its name in Net's state_dict, stored transposed?)\n"
    return head + "NAMES = {\n" + "\n".join(rows) + "\n}"
