"""How each layer type and activation is written in PyTorch and in Keras: declared once per type.

A layer type registered in the engine without an entry here is refused by the exporter with a
plain sentence, and tests/export/test_layers.py fails, so a new type cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Node:
    """What a layer's code needs: its id, attribute name, parameters, sizes and input variables."""

    id: str
    attr: str
    params: dict[str, Any]
    in_units: list[int]
    units: int
    inputs: list[str]
    logits: bool = False  # the output layer's activation is fused into the loss


@dataclass(frozen=True)
class LayerCode:
    """One layer type in PyTorch (module, forward expression, weight names) and in Keras.

    `torch_names` maps dlsim's weight names to (state_dict name, transposed); `torch_helper` is
    the source of a class the script needs for this type (written once per script).
    """

    torch_module: Callable[[Node], str | None]
    torch_forward: Callable[[Node], str]
    keras_layer: Callable[[Node], str]
    torch_names: dict[str, tuple[str, bool]] = field(default_factory=dict)
    keras_weights: tuple[str, ...] = ()
    torch_helper: str = ""


def _act_config(spec: Any) -> tuple[str, dict[str, Any]]:
    if isinstance(spec, dict):
        return spec["name"], {k: v for k, v in spec.items() if k != "name"}
    return str(spec), {}


TORCH_ACTIVATIONS: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "linear": lambda z, p: z,
    "step": lambda z, p: f"step_fn({z})",
    "sigmoid": lambda z, p: f"torch.sigmoid({z})",
    "tanh": lambda z, p: f"torch.tanh({z})",
    "relu": lambda z, p: f"torch.relu({z})",
    "leaky_relu": lambda z, p: f"F.leaky_relu({z}, {p.get('alpha', 0.1)!r})",
    "softmax": lambda z, p: f"torch.softmax({z}, dim=1)",
    "elu": lambda z, p: f"F.elu({z}, {p.get('alpha', 1.0)!r})",
}

KERAS_ACTIVATIONS: dict[str, Callable[[dict[str, Any]], str]] = {
    "linear": lambda p: '"linear"',
    "step": lambda p: "lambda z: keras.ops.cast(z > 0, z.dtype) + 0.0 * z",  # slope 0
    "sigmoid": lambda p: '"sigmoid"',
    "tanh": lambda p: '"tanh"',
    "relu": lambda p: '"relu"',
    "leaky_relu": lambda p: (
        f"lambda z: keras.activations.leaky_relu(z, negative_slope={p.get('alpha', 0.1)!r})"
    ),
    "softmax": lambda p: '"softmax"',
    "elu": lambda p: f"lambda z: keras.activations.elu(z, alpha={p.get('alpha', 1.0)!r})",
}


def torch_activation(spec: Any, z: str) -> str:
    """`z` put through the activation `spec` ("relu" or {"name": "leaky_relu", "alpha": …})."""
    name, params = _act_config(spec)
    return TORCH_ACTIVATIONS[name](z, params)


def keras_activation(spec: Any) -> str:
    name, params = _act_config(spec)
    return KERAS_ACTIVATIONS[name](params)


def activation_name(spec: Any) -> str:
    return _act_config(spec)[0]


def _dense_forward(n: Node) -> str:
    z = f"self.{n.attr}({n.inputs[0]})"
    return z if n.logits else torch_activation(n.params["activation"], z)


def _dense_keras(n: Node) -> str:
    p = n.params
    args = [str(n.units), f"activation={keras_activation(p['activation'])}"]
    if not p["use_bias"]:
        args.append("use_bias=False")
    reg = p.get("kernel_regularizer") or {}
    if reg:
        l1, l2 = reg.get("l1", 0.0), reg.get("l2", 0.0)
        args.append(f"kernel_regularizer=keras.regularizers.L1L2(l1={l1!r}, l2={l2!r})")
    return f"keras.layers.Dense({', '.join(args)}, name={n.attr!r})"


def _activation_keras(n: Node) -> str:
    name, params = _act_config(n.params["activation"])
    if name == "leaky_relu":
        return (
            f"keras.layers.LeakyReLU(negative_slope={params.get('alpha', 0.1)!r}, name={n.attr!r})"
        )
    return f"keras.layers.Activation({keras_activation(n.params['activation'])}, name={n.attr!r})"


DROPOUT_HELPER = '''
class Dropout(nn.Module):
    """Dropout whose masks come from dlsim's training stream (not torch's generator): while
    training, each unit is kept with probability 1 − rate and scaled by 1/(1 − rate)."""

    def __init__(self, rate: float, stream: TrainingStream) -> None:
        super().__init__()
        self.rate, self.stream = rate, stream

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.rate == 0.0:
            return x
        keep = 1.0 - self.rate
        dtype = numpy_dtype(x.dtype)
        mask = (self.stream.uniform(x.shape[1]) < keep).astype(dtype) / dtype.type(keep)
        return x * torch.from_numpy(mask).to(x.device)
'''

GAUSSIAN_NOISE_HELPER = '''
class GaussianNoise(nn.Module):
    """Adds N(0, σ²) noise to every value while training, drawn from dlsim's training stream;
    nothing at prediction."""

    def __init__(self, stddev: float, stream: TrainingStream) -> None:
        super().__init__()
        self.stddev, self.stream = stddev, stream

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.stddev == 0.0:
            return x
        noise = self.stream.normal(x.shape[1], self.stddev).astype(numpy_dtype(x.dtype))
        return x + torch.from_numpy(noise).to(x.device)
'''

BATCHNORM_HELPER = '''
class BatchNorm(nn.BatchNorm1d):
    """BatchNorm1d computed as dlsim computes it: in training, each feature is normalized by the
    mean and (biased) variance of the whole batch — over all processes under torchrun, so K
    processes normalize exactly as one does — and the running averages learn from it (the
    unbiased variance; a batch of one sample leaves the running variance alone). At prediction
    the running averages are used (PyTorch's own BatchNorm1d)."""

    def __init__(self, units: int, eps: float, momentum: float, stream: TrainingStream) -> None:
        super().__init__(units, eps=eps, momentum=momentum)
        self.stream = stream

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training:
            return super().forward(x)
        n, team = self.stream.batch_rows, self.stream.team
        mean = team.sum(x.sum(dim=0)) / n
        centred = x - mean
        var = team.sum((centred * centred).sum(dim=0)) / n
        with torch.no_grad():
            m = self.momentum
            self.running_mean.mul_(1.0 - m).add_(m * mean)
            if n > 1:
                self.running_var.mul_(1.0 - m).add_(m * var * (n / (n - 1)))
        return self.weight * (centred * (1.0 / torch.sqrt(var + self.eps))) + self.bias
'''


def _term(text: str, v: str, ops: str) -> str:
    """One Features term of the input `v` as code (`ops` is torch or keras.ops)."""
    from dlsim.engine.nn.features import parse_term

    t = parse_term(text)
    col = f"{v}[:, {t.i}]"
    return {
        "x": col,
        "square": f"{col} ** 2",
        "product": f"{col} * {v}[:, {t.j}]",
        "sin": f"{ops}.sin({col})",
        "cos": f"{ops}.cos({col})",
    }[t.kind]


def _features_torch(n: Node) -> str:
    cols = ", ".join(_term(t, n.inputs[0], "torch") for t in n.params["terms"])
    return f"torch.stack([{cols}], dim=1)"


def _features_keras(n: Node) -> str:
    cols = ", ".join(_term(t, "v", "keras.ops") for t in n.params["terms"])
    return f"keras.layers.Lambda(lambda v: keras.ops.stack([{cols}], axis=1), name={n.attr!r})"


def _plus(n: Node) -> str:
    return " + ".join(n.inputs)


LAYERS: dict[str, LayerCode] = {
    "Input": LayerCode(
        torch_module=lambda n: None,
        torch_forward=lambda n: n.inputs[0],
        keras_layer=lambda n: f"keras.Input(shape=({n.units},), name={n.attr!r})",
    ),
    "Dense": LayerCode(
        torch_module=lambda n: (
            f"nn.Linear({n.in_units[0]}, {n.units}"
            + ("" if n.params["use_bias"] else ", bias=False")
            + ")"
        ),
        torch_forward=_dense_forward,
        keras_layer=_dense_keras,
        torch_names={"W": ("weight", True), "b": ("bias", False)},
        keras_weights=("W", "b"),
    ),
    "Activation": LayerCode(
        torch_module=lambda n: None,
        torch_forward=lambda n: (
            n.inputs[0] if n.logits else torch_activation(n.params["activation"], n.inputs[0])
        ),
        keras_layer=_activation_keras,
    ),
    "Dropout": LayerCode(
        torch_module=lambda n: f"Dropout({n.params['rate']!r}, stream)",
        torch_forward=lambda n: f"self.{n.attr}({n.inputs[0]})",
        keras_layer=lambda n: f"keras.layers.Dropout({n.params['rate']!r}, name={n.attr!r})",
        torch_helper=DROPOUT_HELPER,
    ),
    "GaussianNoise": LayerCode(
        torch_module=lambda n: f"GaussianNoise({n.params['stddev']!r}, stream)",
        torch_forward=lambda n: f"self.{n.attr}({n.inputs[0]})",
        keras_layer=lambda n: (
            f"keras.layers.GaussianNoise({n.params['stddev']!r}, name={n.attr!r})"
        ),
        torch_helper=GAUSSIAN_NOISE_HELPER,
    ),
    "BatchNorm": LayerCode(
        torch_module=lambda n: (
            f"BatchNorm({n.units}, eps={n.params['epsilon']!r}, "
            f"momentum={n.params['momentum']!r}, stream=stream)"
        ),
        torch_forward=lambda n: f"self.{n.attr}({n.inputs[0]})",
        # Keras' momentum is the weight of the OLD running average: 1 − dlsim's
        keras_layer=lambda n: (
            f"keras.layers.BatchNormalization(momentum={1.0 - n.params['momentum']!r}, "
            f"epsilon={n.params['epsilon']!r}, name={n.attr!r})"
        ),
        torch_names={
            "gamma": ("weight", False),
            "beta": ("bias", False),
            "running_mean": ("running_mean", False),
            "running_var": ("running_var", False),
        },
        keras_weights=("gamma", "beta", "running_mean", "running_var"),
        torch_helper=BATCHNORM_HELPER,
    ),
    "LayerNorm": LayerCode(
        torch_module=lambda n: f"nn.LayerNorm({n.units}, eps={n.params['epsilon']!r})",
        torch_forward=lambda n: f"self.{n.attr}({n.inputs[0]})",
        keras_layer=lambda n: (
            f"keras.layers.LayerNormalization(epsilon={n.params['epsilon']!r}, name={n.attr!r})"
        ),
        torch_names={"gamma": ("weight", False), "beta": ("bias", False)},
        keras_weights=("gamma", "beta"),
    ),
    "Features": LayerCode(
        torch_module=lambda n: None,
        torch_forward=_features_torch,
        keras_layer=_features_keras,
    ),
    "Add": LayerCode(
        torch_module=lambda n: None,
        torch_forward=_plus,
        keras_layer=lambda n: f"keras.layers.Add(name={n.attr!r})",
    ),
    "Concatenate": LayerCode(
        torch_module=lambda n: None,
        torch_forward=lambda n: f"torch.cat([{', '.join(n.inputs)}], dim=1)",
        keras_layer=lambda n: f"keras.layers.Concatenate(name={n.attr!r})",
    ),
}
