"""How long does the timeline take to show a past step, per teaching example?

For each example, a `ProcessSession` (as the window uses) trains `--steps` steps with the
example's boundary grid set when its data are 2-D; then `--views` random past steps are asked
for one at a time (`view_step`, waiting for each answer) and timed twice: inside the training
process (`rewind.seconds`: `state_at`, one step, metrics, confusion, boundary) and from the
request to the answer arriving in this process (what the window waits). Medians and maxima in
ms are printed, one line per example, then one JSON object. Not a test.

    .venv/bin/python bench/rewind_view.py [--steps 10000] [--views 30] [--examples a,b]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dlsim.engine.live.process_session import ProcessSession  # noqa: E402
from dlsim.engine.live.session import TrainingSession  # noqa: E402
from dlsim.engine.training.experiment import Experiment  # noqa: E402
from dlsim.engine.views.boundary import boundary_grid  # noqa: E402
from dlsim.examples import list_examples  # noqa: E402
from dlsim.resources import example_path  # noqa: E402


def grid_of(exp: Experiment):
    data = exp.dataset
    return boundary_grid(data.x_train).points if data.n_features == 2 else None


def measure(name: str, steps: int, views: int, rng: random.Random) -> dict:
    exp = Experiment.load(example_path(name))
    grid = grid_of(exp)
    inner = TrainingSession(Experiment.load(example_path(name)))  # the engine side, in-process
    inner.set_boundary_grid(grid)
    inner.step(steps)
    outer = ProcessSession(exp)
    outer.set_boundary_grid(grid)
    outer.step(steps)
    if not (inner.wait_idle(600) and outer.wait_idle(600)):
        raise SystemExit(f"{name}: training {steps} steps did not finish")
    engine, round_trip = [], []
    for _ in range(views):
        k = rng.randrange(0, steps)
        inner.rewind.view(k)
        inner.wait_idle(60)
        engine.append(1000 * inner.rewind.seconds)
        asked = time.perf_counter()
        outer.view_step(k)
        while (past := outer.past()) is None or past.step != k:
            time.sleep(0.0005)
        round_trip.append(1000 * (time.perf_counter() - asked))
    inner.close()
    outer.close()
    return {
        "steps": steps,
        "engine_p50_ms": round(statistics.median(engine), 1),
        "engine_max_ms": round(max(engine), 1),
        "round_trip_p50_ms": round(statistics.median(round_trip), 1),
        "round_trip_max_ms": round(max(round_trip), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--views", type=int, default=30)
    parser.add_argument("--examples", default=",".join(e.key for e in list_examples()))
    args = parser.parse_args(argv)
    rng = random.Random(0)
    results = {}
    for name in args.examples.split(","):
        results[name] = measure(name, args.steps, args.views, rng)
        print(name, json.dumps(results[name]), flush=True)
    print(json.dumps({"views": args.views, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
