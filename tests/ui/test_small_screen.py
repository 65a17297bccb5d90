"""On a 1024×640 laptop the start-up window fits, the menu bar answers clicks everywhere, and the
toolbar keeps every control and counter in view (measured in a subprocess: the offscreen
platform's screen size must be set before Qt starts)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("small_screen_probe.py")


def probe(tmp_path: Path, width: int, height: int, *extra: str) -> dict:
    settings = tmp_path / "settings"
    settings.mkdir(exist_ok=True)
    done = subprocess.run(
        [sys.executable, str(PROBE), str(width), str(height), str(settings), *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> dict:
    return probe(tmp_path_factory.mktemp("small"), 1024, 640)


def inside(rect: list[int], area: list[int]) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


def test_the_window_fits_the_screen(small):
    assert inside(small["frame"], small["available"])
    width, height = small["minimum"]
    assert width <= 1024 and height <= 640


def test_every_menu_title_answers_a_click(small):
    assert small["menu_hits"] and all(small["menu_hits"].values()), small["menu_hits"]


def test_the_toolbars_do_not_overflow(small):
    bars = small["toolbars"]
    assert all(not bar["hidden"] for bar in bars.values()), bars
    assert sum(bar["needed"] for bar in bars.values()) <= small["window_width"]
