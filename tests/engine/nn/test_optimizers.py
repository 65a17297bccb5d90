"""Optimizers follow PyTorch's documented update rules; clipping follows Keras' definitions.

Every expected value below is computed from the formula written out in this file with plain
NumPy (the algorithm boxes of the torch.optim documentation), never from dlsim's own output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import optimizers

W, B = ("h", "W"), ("h", "b")
TOL = {"rtol": 1e-12, "atol": 1e-12}


def make_problem(seed: int = 0, steps: int = 3, dtype=np.float64):
    """Params for a 3×4 matrix and a 4-vector, and a different gradient for each step."""
    rng = np.random.default_rng(seed)
    params = {W: rng.normal(size=(3, 4)).astype(dtype), B: rng.normal(size=4).astype(dtype)}
    grads = [
        {k: rng.normal(size=v.shape).astype(dtype) for k, v in params.items()} for _ in range(steps)
    ]
    return params, grads


# --- the documented algorithms, one tensor at a time, written out plainly -------------------


def ref_sgd(theta, grads, lr, momentum=0.0, nesterov=False):
    """torch.optim.SGD (dampening 0, no weight decay): b_1 = g_1, b_t = μ b_{t−1} + g_t."""
    out, b = [], None
    for t, g in enumerate(grads, start=1):
        if momentum != 0:
            b = g.copy() if t == 1 else momentum * b + g
            g = g + momentum * b if nesterov else b
        theta = theta - lr * g
        out.append(theta)
    return out


def ref_adagrad(theta, grads, lr, epsilon):
    """torch.optim.Adagrad (no lr decay, accumulator starting at 0)."""
    out, state_sum = [], np.zeros_like(theta)
    for g in grads:
        state_sum = state_sum + g**2
        theta = theta - lr * g / (np.sqrt(state_sum) + epsilon)
        out.append(theta)
    return out


def ref_rmsprop(theta, grads, lr, rho, epsilon):
    """torch.optim.RMSprop (alpha = rho, not centered, no momentum), v starting at 0."""
    out, v = [], np.zeros_like(theta)
    for g in grads:
        v = rho * v + (1 - rho) * g**2
        theta = theta - lr * g / (np.sqrt(v) + epsilon)
        out.append(theta)
    return out


def ref_adam(theta, grads, lr, beta_1, beta_2, epsilon, amsgrad=False):
    """torch.optim.Adam (no weight decay); `lr` may be a list giving each step's learning rate."""
    lrs = lr if isinstance(lr, list) else [lr] * len(grads)
    out = []
    m, v, v_max = np.zeros_like(theta), np.zeros_like(theta), np.zeros_like(theta)
    for t, (g, lr_t) in enumerate(zip(grads, lrs, strict=True), start=1):
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        m_hat = m / (1 - beta_1**t)
        if amsgrad:
            v_max = np.maximum(v_max, v)
            v_hat = v_max / (1 - beta_2**t)
        else:
            v_hat = v / (1 - beta_2**t)
        theta = theta - lr_t * m_hat / (np.sqrt(v_hat) + epsilon)
        out.append(theta)
    return out


CASES = {
    "sgd": ({"type": "sgd", "lr": 0.1}, lambda th, gs: ref_sgd(th, gs, 0.1)),
    "momentum": (
        {"type": "sgd", "lr": 0.1, "momentum": 0.9},
        lambda th, gs: ref_sgd(th, gs, 0.1, momentum=0.9),
    ),
    "nesterov": (
        {"type": "sgd", "lr": 0.1, "momentum": 0.8, "nesterov": True},
        lambda th, gs: ref_sgd(th, gs, 0.1, momentum=0.8, nesterov=True),
    ),
    "adagrad": (
        {"type": "adagrad", "lr": 0.05, "epsilon": 1e-3},
        lambda th, gs: ref_adagrad(th, gs, 0.05, 1e-3),
    ),
    "rmsprop": (
        {"type": "rmsprop", "lr": 0.01, "rho": 0.8, "epsilon": 1e-3},
        lambda th, gs: ref_rmsprop(th, gs, 0.01, 0.8, 1e-3),
    ),
    "adam": (
        {"type": "adam", "lr": 0.01, "beta_1": 0.8, "beta_2": 0.9, "epsilon": 1e-3},
        lambda th, gs: ref_adam(th, gs, 0.01, 0.8, 0.9, 1e-3),
    ),
    "amsgrad": (
        {
            "type": "adam",
            "lr": 0.01,
            "beta_1": 0.8,
            "beta_2": 0.5,
            "epsilon": 1e-3,
            "amsgrad": True,
        },
        lambda th, gs: ref_adam(th, gs, 0.01, 0.8, 0.5, 1e-3, amsgrad=True),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_first_three_steps_follow_the_documented_formula(case):
    config, reference = CASES[case]
    params, grads = make_problem()
    expected = {k: reference(params[k].copy(), [g[k] for g in grads]) for k in params}
    opt = optimizers.get(config)
    for step, g in enumerate(grads):
        opt.step(params, g)
        for k in params:
            np.testing.assert_allclose(params[k], expected[k][step], **TOL)
    assert opt.iterations == 3


def test_amsgrad_takes_the_maximum_of_the_uncorrected_second_moment():
    # A large gradient, then small ones: v shrinks, so AMSGrad's max matters. With beta_2 = 0.5
    # the maximum of v (then bias-corrected) differs from the maximum of the corrected v̂.
    theta = np.array([1.0])
    grads = [np.array([1.0]), np.array([0.1]), np.array([0.1])]
    opt = optimizers.get({"type": "adam", "lr": 0.1, "beta_2": 0.5, "amsgrad": True})
    params = {W: theta.copy()}
    for g in grads:
        opt.step(params, {W: g})
    b1, b2, eps = 0.9, 0.5, 1e-7
    m = v = v_max = 0.0
    th = 1.0
    for t, g in enumerate([1.0, 0.1, 0.1], start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        v_max = max(v_max, v)
        th -= 0.1 * (m / (1 - b1**t)) / (math.sqrt(v_max / (1 - b2**t)) + eps)
    assert params[W][0] == pytest.approx(th, rel=1e-12)
    plain = ref_adam(theta, grads, 0.1, b1, b2, eps)[-1]
    assert abs(params[W][0] - plain[0]) > 1e-3  # the maximum really changed the result


def test_first_momentum_step_is_plain_sgd():
    # PyTorch starts the momentum buffer at g (not at (1 − dampening)·g or 0).
    params = {W: np.array([1.0, 2.0])}
    optimizers.get({"type": "sgd", "lr": 0.5, "momentum": 0.9}).step(
        params, {W: np.array([2.0, -4.0])}
    )
    np.testing.assert_allclose(params[W], [1.0 - 0.5 * 2.0, 2.0 + 0.5 * 4.0])


def test_lecture_backprop_example_weight_update():
    # Lecture Part 3: W5 = 0.45, dE/dW5 = 0.02592286, α = 0.5 → W5⁺ = 0.43703857.
    params = {("o1", "W"): np.array([[0.45]])}
    optimizers.get({"type": "sgd", "lr": 0.5}).step(params, {("o1", "W"): np.array([[0.02592286]])})
    assert params[("o1", "W")][0, 0] == pytest.approx(0.43703857, abs=1e-12)


def test_parameters_without_gradient_are_left_alone():
    params, grads = make_problem()
    before = params[B].copy()
    optimizers.get({"type": "adam"}).step(params, {W: grads[0][W]})
    np.testing.assert_array_equal(params[B], before)


# --- clipping --------------------------------------------------------------------------------


def test_clipnorm_scales_each_tensor_to_the_threshold():
    big, small = np.array([3.0, 4.0]), np.array([0.3, 0.4])  # norms 5 and 0.5
    out = optimizers.clip_gradients({W: big, B: small}, clipnorm=1.0)
    np.testing.assert_allclose(out[W], big * (1.0 / 5.0), **TOL)
    np.testing.assert_array_equal(out[B], small)  # under the threshold: unchanged


def test_global_clipnorm_scales_all_tensors_by_the_joint_norm():
    g = {W: np.array([3.0, 4.0]), B: np.array([12.0])}  # joint norm √(9 + 16 + 144) = 13
    out = optimizers.clip_gradients(g, global_clipnorm=6.5)
    np.testing.assert_allclose(out[W], g[W] * 6.5 / 13.0, **TOL)
    np.testing.assert_allclose(out[B], g[B] * 6.5 / 13.0, **TOL)
    same = optimizers.clip_gradients(g, global_clipnorm=13.5)
    for k in g:
        np.testing.assert_array_equal(same[k], g[k])


def test_clipvalue_clips_each_entry():
    g = {W: np.array([-3.0, -0.2, 0.0, 0.7, 5.0])}
    out = optimizers.clip_gradients(g, clipvalue=0.5)
    np.testing.assert_array_equal(out[W], [-0.5, -0.2, 0.0, 0.5, 0.5])
    np.testing.assert_array_equal(optimizers.clip_gradients(g, clipvalue=10.0)[W], g[W])


def test_clipping_order_is_clipnorm_then_global_then_value():
    g = {W: np.array([3.0, 4.0]), B: np.array([0.0, 0.6])}
    out = optimizers.clip_gradients(g, clipnorm=2.0, global_clipnorm=1.0, clipvalue=0.5)
    w = g[W] * (2.0 / 5.0)  # clipnorm: ‖W‖ = 5 → 2; ‖b‖ = 0.6 stays
    joint = math.sqrt(np.sum(w**2) + np.sum(g[B] ** 2))
    w, b = w / joint, g[B] / joint  # global: joint norm → 1
    np.testing.assert_allclose(out[W], np.clip(w, -0.5, 0.5), **TOL)
    np.testing.assert_allclose(out[B], np.clip(b, -0.5, 0.5), **TOL)


def test_step_clips_before_updating_and_keeps_callers_grads():
    params = {W: np.array([1.0, 1.0]), B: np.array([0.0])}
    grads = {W: np.array([3.0, 4.0]), B: np.array([2.0])}
    copies = {k: v.copy() for k, v in grads.items()}
    opt = optimizers.get({"type": "sgd", "lr": 1.0, "clipnorm": 1.0, "clipvalue": 0.7})
    opt.step(params, grads)
    np.testing.assert_allclose(params[W], [1.0 - 0.6, 1.0 - 0.7], **TOL)  # (0.6, 0.8) → (0.6, 0.7)
    np.testing.assert_allclose(params[B], [-0.7], **TOL)  # 2 → 1 (clipnorm) → 0.7 (clipvalue)
    for k in grads:
        np.testing.assert_array_equal(grads[k], copies[k])
    assert opt.last_grad_norm == pytest.approx(math.sqrt(9 + 16 + 4), rel=1e-12)


@pytest.mark.parametrize("case", list(CASES))
def test_no_optimizer_modifies_the_callers_gradients(case):
    params, grads = make_problem()
    copies = [{k: v.copy() for k, v in g.items()} for g in grads]
    opt = optimizers.get(CASES[case][0])
    for g, c in zip(grads, copies, strict=True):
        opt.step(params, g)
        for k in g:
            np.testing.assert_array_equal(g[k], c[k])


def test_last_grad_norm_is_the_global_norm_before_clipping():
    params, grads = make_problem()
    opt = optimizers.get({"type": "adam"})
    assert math.isnan(opt.last_grad_norm)
    opt.step(params, grads[0])
    expected = math.sqrt(sum(np.sum(g**2) for g in grads[0].values()))
    assert opt.last_grad_norm == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("key", ["clipnorm", "global_clipnorm", "clipvalue"])
@pytest.mark.parametrize("value", [0.0, -1.0])
def test_clip_thresholds_must_be_positive(key, value):
    with pytest.raises(DlsimError, match=f"'{key}'"):
        optimizers.get({"type": "adam", key: value})
    with pytest.raises(DlsimError, match=f"'{key}'"):
        optimizers.clip_gradients({W: np.ones(2)}, **{key: value})


# --- changing and resetting ------------------------------------------------------------------


def test_set_hyperparameter_changes_lr_and_keeps_the_moments():
    params, grads = make_problem()
    expected = {
        k: ref_adam(params[k].copy(), [g[k] for g in grads], [0.01, 0.01, 0.1], 0.9, 0.999, 1e-7)
        for k in params
    }
    opt = optimizers.get({"type": "adam", "lr": 0.01})
    opt.step(params, grads[0])
    opt.step(params, grads[1])
    opt.set_hyperparameter("lr", 0.1)
    opt.step(params, grads[2])
    for k in params:
        np.testing.assert_allclose(params[k], expected[k][-1], **TOL)
    assert opt.get_config()["lr"] == 0.1


def test_set_hyperparameter_refuses_unknown_names_and_bad_values():
    opt = optimizers.get({"type": "sgd", "momentum": 0.9, "nesterov": True})
    with pytest.raises(DlsimError, match="'beta_1'"):
        opt.set_hyperparameter("beta_1", 0.9)
    with pytest.raises(DlsimError, match="'lr'"):
        opt.set_hyperparameter("lr", -1.0)
    with pytest.raises(DlsimError, match="'nesterov'"):
        opt.set_hyperparameter("momentum", 0.0)
    assert opt.get_config()["momentum"] == 0.9  # a refused change leaves the old value


def test_set_hyperparameters_checks_the_new_values_together():
    opt = optimizers.get({"type": "sgd", "momentum": 0.9, "nesterov": True})
    opt.set_hyperparameters({"momentum": 0.0, "nesterov": False})  # valid only as a pair
    assert opt.get_config() == {"type": "sgd", "lr": 0.01, "momentum": 0.0, "nesterov": False}
    with pytest.raises(DlsimError, match="'rho'"):
        opt.set_hyperparameters({"lr": 0.5, "rho": 0.9})
    assert opt.get_config()["lr"] == 0.01  # nothing changed when one value was refused


def test_set_hyperparameter_turns_clipping_on_and_off():
    opt = optimizers.get({"type": "sgd", "lr": 1.0})
    opt.set_hyperparameter("clipvalue", 0.5)
    params = {W: np.zeros(2)}
    opt.step(params, {W: np.array([2.0, -0.25])})
    np.testing.assert_allclose(params[W], [-0.5, 0.25])
    opt.set_hyperparameter("clipvalue", None)
    assert "clipvalue" not in opt.get_config()
    opt.step(params, {W: np.array([2.0, 0.0])})
    np.testing.assert_allclose(params[W], [-2.5, 0.25])


def test_reset_state_restarts_bias_correction():
    params, grads = make_problem()
    opt = optimizers.get({"type": "adam", "lr": 0.01})
    opt.step(params, grads[0])
    opt.step(params, grads[1])
    opt.reset_state()
    assert opt.iterations == 0
    before = {k: v.copy() for k, v in params.items()}
    opt.step(params, grads[2])
    for k in params:
        # A first Adam step: m̂ = g and v̂ = g², so θ moves by lr·g/(|g| + ε).
        g = grads[2][k]
        np.testing.assert_allclose(params[k], before[k] - 0.01 * g / (np.abs(g) + 1e-7), **TOL)
    assert opt.iterations == 1


def test_state_dict_round_trip_continues_identically():
    params, grads = make_problem()
    opt = optimizers.get({"type": "adam", "amsgrad": True})
    opt.step(params, grads[0])
    saved, params_saved = opt.state_dict(), {k: v.copy() for k, v in params.items()}
    assert saved["iterations"] == 1 and saved["slots"][W]["step"] == 1
    opt.step(params, grads[1])
    other = optimizers.get(opt.get_config())
    other.load_state_dict(saved)
    other.step(params_saved, grads[1])
    for k in params:
        np.testing.assert_array_equal(params[k], params_saved[k])


# --- configs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(CASES))
def test_get_config_round_trip_gives_identical_updates(case):
    config = dict(CASES[case][0], clipnorm=1.5)
    a = optimizers.get(config)
    b = optimizers.get(a.get_config())
    pa, grads = make_problem()
    pb = {k: v.copy() for k, v in pa.items()}
    for g in grads:
        a.step(pa, g)
        b.step(pb, g)
    for k in pa:
        np.testing.assert_array_equal(pa[k], pb[k])
    assert b.get_config() == a.get_config()


def test_defaults_are_the_lectures_keras_values():
    assert optimizers.get({"type": "sgd"}).get_config() == {
        "type": "sgd",
        "lr": 0.01,
        "momentum": 0.0,
        "nesterov": False,
    }
    assert optimizers.get({"type": "adagrad"}).get_config() == {
        "type": "adagrad",
        "lr": 0.01,
        "epsilon": 1e-6,
    }
    assert optimizers.get({"type": "rmsprop"}).get_config() == {
        "type": "rmsprop",
        "lr": 0.001,
        "rho": 0.9,
        "epsilon": 1e-6,
    }
    assert optimizers.get({"type": "adam"}).get_config() == {
        "type": "adam",
        "lr": 0.001,
        "beta_1": 0.9,
        "beta_2": 0.999,
        "epsilon": 1e-7,
        "amsgrad": False,
    }


def test_lecture_gradient_clipping_example():
    # Lecture Part 5: optimizers.Adam(lr=0.0001, clipnorm=1.)
    opt = optimizers.get({"type": "adam", "lr": 0.0001, "clipnorm": 1.0})
    assert opt.get_config()["clipnorm"] == 1.0
    assert optimizers.Adam(lr=0.0001, clipnorm=1.0).get_config() == opt.get_config()


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"type": "adamw"}, "adamw"),
        ({"lr": 0.1}, "type"),
        ({"type": "sgd", "lr": -0.1}, "lr"),
        ({"type": "sgd", "lr": "fast"}, "lr"),
        ({"type": "sgd", "lr": float("nan")}, "lr"),
        ({"type": "sgd", "lr": None}, "lr"),
        ({"type": "sgd", "momentum": 1.0}, "momentum"),
        ({"type": "sgd", "momentum": -0.1}, "momentum"),
        ({"type": "sgd", "nesterov": True}, "nesterov"),
        ({"type": "sgd", "nesterov": 1}, "nesterov"),
        ({"type": "sgd", "beta_1": 0.9}, "beta_1"),
        ({"type": "adam", "beta_1": 1.0}, "beta_1"),
        ({"type": "adam", "beta_2": -0.5}, "beta_2"),
        ({"type": "adam", "epsilon": 0.0}, "epsilon"),
        ({"type": "adam", "amsgrad": "yes"}, "amsgrad"),
        ({"type": "rmsprop", "rho": 1.0}, "rho"),
        ({"type": "adagrad", "epsilon": -1e-6}, "epsilon"),
        ({"type": "adagrad", "momentum": 0.9}, "momentum"),
    ],
)
def test_bad_configs_raise_an_error_naming_the_key(config, key):
    with pytest.raises(DlsimError, match=f"'{key}'"):
        optimizers.get(config)


def test_schema_and_help_describe_every_type():
    assert set(optimizers.SCHEMA) == set(optimizers.TYPES) == set(optimizers.HELP)
    for kind in optimizers.TYPES:
        names = [p.name for p in optimizers.SCHEMA[kind]]
        assert names[0] == "lr"
        defaults = {p.name: p.default for p in optimizers.SCHEMA[kind]}
        assert optimizers.get({"type": kind}).get_config() == {"type": kind, **defaults}
        for p in optimizers.SCHEMA[kind] + optimizers.CLIP_SCHEMA:
            assert p.kind in ("float", "bool") and p.help and p.title


# --- dtype -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(CASES))
def test_float32_parameters_stay_float32(case):
    params, grads = make_problem(dtype=np.float32)
    opt = optimizers.get(CASES[case][0])
    for g in grads:
        opt.step(params, g)
    assert all(p.dtype == np.float32 for p in params.values())
    for entry in opt.state_dict()["slots"].values():
        arrays = [v for v in entry.values() if isinstance(v, np.ndarray)]
        assert all(a.dtype == np.float32 for a in arrays)
    # float64 gradients do not promote float32 parameters either
    opt.step(params, {k: v.astype(np.float64) for k, v in grads[0].items()})
    assert all(p.dtype == np.float32 for p in params.values())


def test_float32_updates_match_the_float64_formula_to_float32_precision():
    params64, grads64 = make_problem()
    params32 = {k: v.astype(np.float32) for k, v in params64.items()}
    config, reference = CASES["adam"]
    opt = optimizers.get(config)
    for g in grads64:
        opt.step(params32, {k: v.astype(np.float32) for k, v in g.items()})
    for k in params64:
        expected = reference(params64[k], [g[k] for g in grads64])[-1]
        np.testing.assert_allclose(params32[k], expected, rtol=1e-5, atol=1e-6)


# --- against PyTorch itself (skipped unless torch is installed) -----------------------------


def _torch_optimizer(torch, config, tensors):
    kind = config["type"]
    if kind == "sgd":
        return torch.optim.SGD(
            tensors, lr=config["lr"], momentum=config["momentum"], nesterov=config["nesterov"]
        )
    if kind == "adagrad":
        return torch.optim.Adagrad(tensors, lr=config["lr"], eps=config["epsilon"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(
            tensors, lr=config["lr"], alpha=config["rho"], eps=config["epsilon"]
        )
    return torch.optim.Adam(
        tensors,
        lr=config["lr"],
        betas=(config["beta_1"], config["beta_2"]),
        eps=config["epsilon"],
        amsgrad=config["amsgrad"],
    )


@pytest.mark.parametrize("case", list(CASES))
def test_five_steps_match_torch_optim(case):
    torch = pytest.importorskip("torch")
    params, grads = make_problem(seed=3, steps=5)
    opt = optimizers.get(CASES[case][0])
    config = opt.get_config()
    tensors = {
        k: torch.tensor(v.copy(), dtype=torch.float64, requires_grad=True)
        for k, v in params.items()
    }
    reference = _torch_optimizer(torch, config, list(tensors.values()))
    for g in grads:
        opt.step(params, g)
        for k, t in tensors.items():
            t.grad = torch.tensor(g[k], dtype=torch.float64)
        reference.step()
        for k, t in tensors.items():
            np.testing.assert_allclose(params[k], t.detach().numpy(), rtol=1e-10, atol=1e-12)
