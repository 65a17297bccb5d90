"""What the application-wide wheel guard costs: microseconds it adds to each Qt event, and the
share of the window's time that is at the event rate of a training run.

Posted events are delivered to a bare QObject in blocks, alternately with and without the guard
installed as the application's event filter; the figure is the median over blocks of the
difference per event. The event rate is counted in the main window while XOR trains.
Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/wheel_guard.py`.
"""

from __future__ import annotations

import json
import statistics
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication

APP = QApplication.instance() or QApplication([])

from dlsim.ui import app as app_module  # noqa: E402
from dlsim.ui.main_window import MainWindow  # noqa: E402
from dlsim.ui.wheel_guard import WheelGuard  # noqa: E402

EVENTS = 50_000
BLOCKS = 7


class Counter(QObject):
    count = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        Counter.count += 1
        return False


def seconds_per_event(sink: QObject) -> float:
    for _ in range(EVENTS):
        QCoreApplication.postEvent(sink, QEvent(QEvent.Type.User))
    start = time.perf_counter()
    QCoreApplication.sendPostedEvents(sink, QEvent.Type.User)
    return (time.perf_counter() - start) / EVENTS


def filter_cost_us() -> tuple[float, float]:
    sink = QObject()
    guard = WheelGuard()
    without, extra = [], []
    for _ in range(BLOCKS):
        bare = seconds_per_event(sink)
        APP.installEventFilter(guard)
        guarded = seconds_per_event(sink)
        APP.removeEventFilter(guard)
        without.append(bare * 1e6)
        extra.append((guarded - bare) * 1e6)
    return statistics.median(without), statistics.median(extra)


def events_per_second_while_training(seconds: float = 4.0) -> float:
    window = MainWindow()
    app_module._install_extensions(window, True)
    window.resize(1280, 800)
    window.show()
    window.open_example("xor_learn")
    counter = Counter()
    APP.installEventFilter(counter)
    window.workbench.controller.run()
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        APP.processEvents()
        time.sleep(0.005)
    APP.removeEventFilter(counter)
    window.workbench.controller.pause()
    window.close()
    return Counter.count / seconds


def main() -> None:
    bare_us, extra_us = filter_cost_us()
    rate = events_per_second_while_training()
    print(
        json.dumps(
            {
                "event_us_without_guard": round(bare_us, 2),
                "guard_extra_us_per_event": round(extra_us, 2),
                "events_per_s_training": round(rate),
                "guard_share_of_gui_thread": round(rate * extra_us * 1e-6, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
