"""The lecture's seven optimizers as choices over the engine's four types."""

from __future__ import annotations

import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.optimizer_choices import (
    check_choice,
    choice_params,
    optimizer_choice,
    switch_optimizer,
)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("sgd", {"type": "sgd", "momentum": 0.0, "nesterov": False}),
        ("momentum", {"type": "sgd", "momentum": 0.9, "nesterov": False}),
        ("nesterov", {"type": "sgd", "momentum": 0.9, "nesterov": True}),
        ("adagrad", {"type": "adagrad", "lr": 0.01, "epsilon": 1e-6}),
        ("rmsprop", {"type": "rmsprop", "lr": 0.001, "rho": 0.9, "epsilon": 1e-6}),
        ("adam", {"type": "adam", "lr": 0.001, "beta_1": 0.9, "beta_2": 0.999, "amsgrad": False}),
        ("amsgrad", {"type": "adam", "amsgrad": True}),
    ],
)
def test_the_seven_lecture_optimizers_map_to_engine_configs(choice, expected):
    config = switch_optimizer({"type": "sgd", "lr": 0.5, "clipnorm": 1.0}, choice)
    assert {k: config[k] for k in expected} == expected
    assert optimizer_choice(config) == choice
    assert config["clipnorm"] == 1.0, "clipping carries over to any optimizer"


def test_switching_within_a_type_keeps_the_learning_rate():
    assert switch_optimizer({"type": "sgd", "lr": 0.5}, "momentum")["lr"] == 0.5


def test_plain_sgd_form_does_not_offer_momentum_but_momentum_does():
    assert "momentum" not in [p.name for p in choice_params("sgd")]
    assert "momentum" in [p.name for p in choice_params("momentum")]
    assert "amsgrad" not in [p.name for p in choice_params("amsgrad")]


@pytest.mark.parametrize("mu", [0.0, -0.0])
def test_momentum_and_nesterov_refuse_a_momentum_of_zero_so_the_choice_stays(mu):
    (momentum,) = [p for p in choice_params("momentum") if p.name == "momentum"]
    with pytest.raises(DlsimError, match="'momentum' must be greater than 0"):
        momentum.coerce(mu)
    for choice in ("momentum", "nesterov"):
        with pytest.raises(DlsimError, match="choose SGD"):
            check_choice(choice, {"type": "sgd", "momentum": mu})
    check_choice("momentum", {"type": "sgd", "momentum": 0.5})
    check_choice("sgd", {"type": "sgd", "momentum": 0.0})
