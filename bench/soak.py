"""Soak: a million training steps with every plot on screen — does anything grow or slow down?

Offscreen, the real window with the training workbench, every plot dock floating so all six are
visible and fed; `xor_learn` (or --example) trains flat out until --steps. Every --every seconds
it samples the step, the resident memory of the window's process and of the training process,
and the plot refreshes since the last sample. Printed as one JSON object on the last line:
memory at the start (after --warmup steps), at the end, the growth and the largest value of
each process; plot refreshes per second (median, min and max of the samples, first and last
quarter); steps per second. Flat means growth < 50 MB and the last quarter's refresh rate like
the first's. Not a test.

The training process keeps, by design, the run's checkpoints for `Experiment.state_at` (the
timeline, dlsim/engine/training/timeline.py) within a history budget (200 MiB by default): they
grow with the run until the budget thins them. The training process does not report their size,
so the soak works it out with the real `Timeline` fed checkpoints of the real size (this net,
optimizer and data order) for the same number of steps, and reports the training process's
growth beyond them separately: that is what must stay under 50 MB.

    .venv/bin/python bench/soak.py [--steps 1000000] [--example xor_learn] [--every 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.ui_responsiveness import checkpoint_mb, open_window, rss_mb, spin  # noqa: E402
from dlsim.engine.training import timeline as timeline_module  # noqa: E402


def soak(name: str, steps: int, every: float, warmup: int) -> dict:
    window, bench = open_window(name)
    controller = bench.controller
    controller.set_speed(None)
    controller.run()
    started = time.perf_counter()
    while (snap := controller.session.snapshot()) is None or snap.step < warmup:
        spin(0.2)
    pid = controller.session.pid
    samples = []
    refresh0, t0, step0 = controller.refresh_count, time.perf_counter(), snap.step
    first = {"gui_mb": rss_mb(), "training_mb": rss_mb(pid), "step": snap.step}
    while snap.step < steps and controller.state == "running":
        spin(every)
        snap = controller.session.snapshot()
        now = time.perf_counter()
        samples.append(
            {
                "t": now - started,
                "step": snap.step,
                "gui_mb": rss_mb(),
                "training_mb": rss_mb(pid),
                "refresh_hz": (controller.refresh_count - refresh0) / (now - t0),
                "steps_per_s": (snap.step - step0) / (now - t0),
            }
        )
        refresh0, t0, step0 = controller.refresh_count, now, snap.step
    controller.pause()
    state = controller.state
    every_plot_drawn = {k: p.refresh_count for k, p in bench.plots.items()}
    window.document.undo_stack.setClean()
    controller.shutdown()
    window.close()
    last = samples[-1] if samples else first
    kept_start, kept_end = checkpoint_mb(name, [first["step"], last["step"]])
    beyond = (last["training_mb"] - kept_end) - (first["training_mb"] - kept_start)
    hz = [s["refresh_hz"] for s in samples]
    quarter = max(len(hz) // 4, 1)
    return {
        "example": name,
        "steps": last["step"],
        "seconds": round(time.perf_counter() - started, 1),
        "state_at_end": state,
        "samples": len(samples),
        "gui_mb_start": round(first["gui_mb"], 1),
        "gui_mb_end": round(last["gui_mb"], 1),
        "gui_mb_max": round(max([s["gui_mb"] for s in samples] or [first["gui_mb"]]), 1),
        "gui_growth_mb": round(last["gui_mb"] - first["gui_mb"], 1),
        "training_mb_start": round(first["training_mb"], 1),
        "training_mb_end": round(last["training_mb"], 1),
        "training_mb_max": round(
            max([s["training_mb"] for s in samples] or [first["training_mb"]]), 1
        ),
        "training_growth_mb": round(last["training_mb"] - first["training_mb"], 1),
        "history_budget_mb": round(timeline_module.DEFAULT_BUDGET / 2**20, 1),
        "training_checkpoints_mb_start": round(kept_start, 1),
        "training_checkpoints_mb_end": round(kept_end, 1),
        "training_growth_beyond_checkpoints_mb": round(beyond, 1),
        "refresh_hz_median": round(statistics.median(hz), 1) if hz else None,
        "refresh_hz_min": round(min(hz), 1) if hz else None,
        "refresh_hz_max": round(max(hz), 1) if hz else None,
        "refresh_hz_first_quarter": round(statistics.median(hz[:quarter]), 1) if hz else None,
        "refresh_hz_last_quarter": round(statistics.median(hz[-quarter:]), 1) if hz else None,
        "steps_per_s_median": round(statistics.median(s["steps_per_s"] for s in samples), 0)
        if samples
        else None,
        "plot_redraws": every_plot_drawn,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--example", default="xor_learn")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--warmup", type=int, default=20_000, help="steps before the start")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    result = soak(args.example, args.steps, args.every, args.warmup)
    del app
    print(json.dumps(result))


if __name__ == "__main__":
    main()
