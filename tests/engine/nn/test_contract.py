"""The registry-wide contract: every activation, loss, initializer, optimizer and layer type has
every piece the app shows or relies on. A new one that lacks a piece fails here, by name."""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import pytest

from dlsim.engine.nn import activations, initializers, losses, optimizers
from dlsim.engine.nn.params import Param
from dlsim.engine.nn.registry import REGISTRY
from dlsim.engine.teaching import explorer

ACTIVATIONS = list(activations.Activation.family.values())
LOSSES = list(losses.Loss.family.values())
INITIALIZERS = list(initializers.Initializer.family.values())
LAYERS = list(REGISTRY.values())
RNG = np.random.default_rng(3)
TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")


def _ids(items: list[Any]) -> list[str]:
    return [getattr(c, "name", str(c)) for c in items]


def check_params(params: tuple[Param, ...]) -> None:
    """Every parameter is a Param with help, a default its own check accepts, and a range."""
    for p in params:
        assert isinstance(p, Param), f"{p!r} is not a nn.params.Param"
        assert p.help, f"parameter {p.name} has no help"
        p.coerce(p.default)


def other_values(cls: type) -> dict[str, float]:
    """Each parameter moved off its default but inside its range (for round trips)."""
    out = {}
    for p in cls.params:
        lo = p.min if p.min is not None else p.default - 1.0
        hi = p.max if p.max is not None else p.default + 1.0
        out[p.name] = float(p.default + 0.37 * (hi - p.default or lo - p.default))
    return out


# --- activations ---------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", ACTIVATIONS, ids=_ids(ACTIVATIONS))
def test_an_activation_has_every_piece(cls: type[activations.Activation]) -> None:
    for piece in ("help", "label", "formula", "slope", "note"):
        assert getattr(cls, piece), f"{cls.name} has no {piece}"
    assert cls.step_formula is not None, f"{cls.name} has no stepper formula"
    if cls.elementwise:
        assert cls.step_slope is not None, f"{cls.name} has no stepper slope"
    check_params(cls.params)
    declared = {p.name for p in cls.params}
    templates = [cls.formula, cls.slope, *cls.step_formula, *(cls.step_slope or ())]
    for text in templates:
        unknown = set(TEMPLATE_FIELD.findall(text)) - declared - {
            "a", "z", "a_", "z_", "a_p", "z_p", "exp_sum"
        }  # fmt: skip
        assert not unknown, f"{cls.name}: {text!r} names {unknown}"


@pytest.mark.parametrize("cls", ACTIVATIONS, ids=_ids(ACTIVATIONS))
def test_an_activation_writes_its_own_formula_in_the_stepper(cls) -> None:
    act = cls(**other_values(cls))
    formula, numbers = act.value_text("h1", "z1", 0.25, [0.25, -0.5], 0.6)
    assert "z1" in formula
    if cls.step_formula[1]:
        assert "0.25000000" in numbers
    for p in cls.params:  # the parameter's value, not its name, is written in
        assert "{" not in formula + numbers
        assert p.name not in formula
    if cls.elementwise:
        slope, slope_numbers = act.slope_text("h1", "z1", 0.6, 0.25)
        assert slope and "{" not in slope + slope_numbers
    f, df = act.explorer_text()
    assert f.startswith("f(") and "{" not in f + df


@pytest.mark.parametrize("cls", ACTIVATIONS, ids=_ids(ACTIVATIONS))
def test_an_activation_round_trips_its_config(cls) -> None:
    for values in ({}, other_values(cls)):
        act = cls(**values)
        again = activations.get(json.loads(json.dumps(act.get_config())))
        assert again == act
        assert again.param_values() == act.param_values()


@pytest.mark.parametrize("cls", ACTIVATIONS, ids=_ids(ACTIVATIONS))
def test_an_activation_derivative_is_the_slope_of_its_curve(cls) -> None:
    act = cls(**other_values(cls))
    z = np.concatenate([np.linspace(-3.0, -0.1, 15), np.linspace(0.1, 3.0, 15)])
    h = 1e-6
    numeric = (act.curve(z + h)[0] - act.curve(z - h)[0]) / (2 * h)
    np.testing.assert_allclose(act.curve(z)[1], numeric, atol=1e-6)
    if cls.output_range is not None:
        lo, hi = cls.output_range
        f = act.curve(np.linspace(-50, 50, 101))[0]
        assert f.min() >= lo and f.max() <= hi
    label = explorer.label(cls.name)
    assert label == cls.label
    curves = explorer.activation_curves(cls.name, act.param_values())
    assert curves.view[0] < curves.view[1]


# --- losses --------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", LOSSES, ids=_ids(LOSSES))
def test_a_loss_has_every_piece(cls: type[losses.Loss]) -> None:
    for piece in ("help", "intro", "step_value", "step_slope"):
        assert getattr(cls, piece), f"{cls.name} has no {piece}"
    if cls.fused_activation:
        assert cls.step_fused, f"{cls.name} is fused with {cls.fused_activation} but has no text"
        assert cls.fused_activation in activations.NAMES
    loss = cls()
    for text in (*loss.value_text("o1", 2, 0.3, 1.0), *loss.slope_text("o1", 2, 0.3, 1.0)):
        assert "{" not in text
    assert "o1" in loss.value_text("o1", 2, 0.3, 1.0)[0]
    assert losses.get(json.loads(json.dumps(loss.get_config()))) == loss


@pytest.mark.parametrize("cls", LOSSES, ids=_ids(LOSSES))
def test_a_loss_gradient_matches_finite_differences(cls) -> None:
    loss = cls()
    pred = RNG.uniform(0.1, 0.9, size=(3, 2))
    target = np.eye(2)[[0, 1, 1]]
    h = 1e-6
    numeric = np.zeros_like(pred)
    for index in np.ndindex(pred.shape):
        plus, minus = pred.copy(), pred.copy()
        plus[index] += h
        minus[index] -= h
        numeric[index] = (loss.value(plus, target) - loss.value(minus, target)) / (2 * h)
    np.testing.assert_allclose(loss.grad(pred, target), numeric, rtol=1e-5, atol=1e-8)


# --- initializers --------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", INITIALIZERS, ids=_ids(INITIALIZERS))
def test_an_initializer_has_every_piece(cls: type[initializers.Initializer]) -> None:
    assert cls.help, f"{cls.name} has no help"
    check_params(cls.params)
    for values in ({}, other_values(cls)):
        init = cls(**values)
        again = initializers.get(json.loads(json.dumps(init.get_config())))
        assert again == init
        drawn = again((4, 3), np.random.default_rng(0), np.float32)
        assert drawn.shape == (4, 3) and drawn.dtype == np.float32
        assert np.all(np.isfinite(drawn))


# --- optimizers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", optimizers.TYPES)
def test_an_optimizer_has_every_piece(kind: str) -> None:
    assert optimizers.HELP.get(kind), f"optimizer {kind} has no help"
    check_params(optimizers.SCHEMA[kind])
    opt = optimizers.get({"type": kind})
    config = opt.get_config()
    assert optimizers.get(json.loads(json.dumps(config))).get_config() == config


# --- layers --------------------------------------------------------------------------------------


def build(ltype, in_units: list[int]):
    layer = ltype.cls("n", ltype.normalize_params({}))
    layer.build(in_units, np.random.default_rng(0), np.dtype(np.float64))
    return layer


@pytest.mark.parametrize("ltype", LAYERS, ids=_ids(LAYERS))
def test_a_layer_type_has_every_piece(ltype) -> None:
    assert ltype.help and ltype.category, f"{ltype.name} has no help or category"
    check_params(ltype.params)
    params = ltype.normalize_params({})
    assert json.loads(json.dumps(params)) == params, "its config is plain JSON"
    assert ltype.normalize_params(json.loads(json.dumps(params))) == params
    assert ltype.title(params).startswith(ltype.name)
    for name in ltype.shown:
        assert ltype.param(name), f"{ltype.name} shows an unknown parameter {name}"


@pytest.mark.parametrize(
    "ltype", [t for t in LAYERS if t.min_inputs > 0], ids=_ids([t for t in LAYERS if t.min_inputs])
)
def test_a_layer_keeps_the_forward_and_backward_contract(ltype) -> None:
    n_in = max(ltype.min_inputs, 1)
    in_units = [3] * n_in
    layer = build(ltype, in_units)
    assert layer.units == ltype.cls.output_units(layer.config, in_units)
    inputs = [RNG.normal(size=(5, 3)) for _ in range(n_in)]
    for training in (True, False):
        out = layer.forward(inputs, training, np.random.default_rng(1))
        assert out.shape == (5, layer.units)
        assert layer.a is out or np.array_equal(layer.a, out), "forward must set self.a"
    grads_in = layer.backward(np.ones_like(out))
    assert len(grads_in) == n_in
    for g, x in zip(grads_in, inputs, strict=True):
        assert g is None or g.shape == x.shape
    assert set(layer.grads) == set(layer.weights)
    for name, w in layer.weights.items():
        assert layer.grads[name].shape == w.shape
    assert isinstance(layer.trace(), dict)


@pytest.mark.parametrize("ltype", LAYERS, ids=_ids(LAYERS))
def test_a_layer_is_deterministic_at_inference(ltype) -> None:
    if ltype.min_inputs == 0:
        return
    layer = build(ltype, [3] * ltype.min_inputs)
    inputs = [RNG.normal(size=(4, 3)) for _ in range(ltype.min_inputs)]
    first = layer.forward(inputs, False, np.random.default_rng(1)).copy()
    again = layer.forward(inputs, False, np.random.default_rng(2))
    np.testing.assert_array_equal(first, again)


# --- a function that lacks a piece ---------------------------------------------------------------


@pytest.fixture
def unfinished_activation():
    """An activation registered with value and derivative only (no texts), removed afterwards."""

    class Unfinished(activations.Activation):
        name = "unfinished"

        def forward(self, z):
            return np.asarray(z, dtype=float) ** 3

        def derivative(self, z):
            return 3 * np.asarray(z, dtype=float) ** 2

    yield Unfinished
    del activations.Activation.family["unfinished"]


def test_the_contract_names_a_missing_piece(unfinished_activation) -> None:
    with pytest.raises(AssertionError, match="unfinished has no help"):
        test_an_activation_has_every_piece(unfinished_activation)


def test_the_stepper_never_writes_another_functions_formula(unfinished_activation) -> None:
    from dlsim import resources
    from dlsim.engine.teaching.stepper import BackpropWalk
    from dlsim.engine.training.fileformat import read_document

    doc = read_document(resources.examples_dir() / "backprop_lecture.dlsim")
    for node in doc["graph"]["nodes"]:
        if node["id"] == "h":
            node["params"]["activation"] = "unfinished"
    phases = BackpropWalk(doc).phases(1)
    forward_h = next(p for p in phases if p.kind == "forward" and p.layer == "h")
    h1 = next(line for line in forward_h.lines if line.lhs == "h1")
    assert h1.formula == "unfinished(z1)"
    assert h1.numbers.startswith("unfinished(0.")
    z1 = next(line for line in forward_h.lines if line.lhs == "z1").value
    assert h1.value == pytest.approx(z1**3)
    backward_h = next(p for p in phases if p.kind == "backward" and p.layer == "h")
    slope = next(line for line in backward_h.lines if line.lhs == "∂h1/∂z1")
    assert slope.formula == "unfinished′(z1)" and slope.value == pytest.approx(3 * z1**2)
