"""Exporters: a diagram as a PyTorch training script or as Keras code (torch and keras are not
dependencies of dlsim; only the written code needs them)."""

from __future__ import annotations

from dlsim.engine.training.experiment import Experiment

TARGETS = ("pytorch", "keras")


def export(exp: Experiment, to: str, source: str = "") -> str:
    """The code for `exp` (with its current weights) in the target framework."""
    if to == "pytorch":
        from dlsim.export.pytorch import export_pytorch

        return export_pytorch(exp, source)
    if to == "keras":
        from dlsim.export.keras import export_keras

        return export_keras(exp, source)
    raise ValueError(f"unknown export target {to!r}")
