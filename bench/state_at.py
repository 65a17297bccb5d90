"""Time travel's costs for the teaching examples: lookup time of `Experiment.state_at` at 10^5
steps, checkpoint memory, and what keeping the history adds to a training step.

The checkpoint spacing a 10^5-step run ends with is found by counting 10^5 steps through a real
timeline (the counter is advanced without the arithmetic; checkpoints are real snapshots). A real
run is then given that spacing and timed looking up the worst step (one before a checkpoint:
restore + spacing − 1 replayed steps) and a checkpoint step. Figures are medians of 5 lookups.
Run: `.venv/bin/python bench/state_at.py`.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from dlsim import resources
from dlsim.engine import Experiment
from dlsim.engine.training.timeline import snapshot

STEPS = 10**5
REPEATS = 5


def spacing_at(name: str, steps: int) -> tuple[int, int, int]:
    """(spacing, checkpoints, bytes) of the timeline after `steps` counted steps."""
    exp = Experiment.load(resources.example_path(name))
    timeline = exp.timeline
    for n in range(1, steps + 1):
        exp.trainer.step_count = n
        timeline.after_step(exp)
    return timeline.spacing, len(timeline.checkpoint_steps), timeline.nbytes


def lookup_ms(exp: Experiment, step: int) -> float:
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        exp.state_at(step)
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def timed(fn, n: int) -> float:
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return time.perf_counter() - t0


def step_overhead(name: str, blocks: int = 8, per_block: int = 40) -> float:
    """Median ratio of a step with the history kept to one without (blocks timed side by side)."""
    exp = Experiment.load(resources.example_path(name))
    ratios = []
    for block in range(blocks):
        kept, plain = timed(exp.step, per_block), timed(exp.trainer.step, per_block)
        if block % 2:  # the other order too, so neither side always runs first
            plain, kept = timed(exp.trainer.step, per_block), timed(exp.step, per_block)
        ratios.append(kept / plain)
    return statistics.median(ratios)


def main() -> None:
    np.seterr(all="ignore")
    print(
        f"{'example':22} {'ckpt B':>7} {'spacing':>7} {'ckpts':>6} {'MB':>6} "
        f"{'worst ms':>8} {'ckpt ms':>8} {'step ×':>7}"
    )
    for name in resources.example_names():
        spacing, count, nbytes = spacing_at(name, STEPS)
        exp = Experiment.load(resources.example_path(name))
        exp.timeline.spacing = spacing
        for _ in range(2 * spacing):
            exp.step()
        worst = lookup_ms(exp, 2 * spacing - 1)
        at_ckpt = lookup_ms(exp, spacing)
        size = len(snapshot(exp))
        ratio = step_overhead(name)
        print(
            f"{name:22} {size:7d} {spacing:7d} {count:6d} {nbytes / 2**20:6.1f} "
            f"{worst:8.1f} {at_ckpt:8.1f} {ratio:7.2f}"
        )


if __name__ == "__main__":
    main()
