"""Run as a script (tests/ui/test_lag_probes.py): the real window on an example, a lag probe
around each Compare runs preset, each code export and each plot's PNG and CSV export; prints
one RESULT line of JSON (the GUI thread's worst work and wall gap per operation, in ms).

    python tests/ui/lag_ops_probe.py REPO_ROOT OUT_FOLDER [EXAMPLE]
"""

from __future__ import annotations

import json
import sys
import time


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    app = QApplication([])  # noqa: F841 (kept alive for the run)
    from dlsim.engine.teaching.comparisons import COMPARISONS
    from dlsim.ui.app import _install_extensions
    from dlsim.ui.main_window import MainWindow
    from tests.ui.lag_probe import LagProbe

    out, example = sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else "iris_keras")
    errors: list[str] = []

    def wait(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)

    def answer_save(name: str) -> None:
        QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (f"{out}/{name}", ""))

    QMessageBox.critical = staticmethod(lambda _p, title, text, *a, **k: errors.append(text))
    window = MainWindow()
    window.remember_layout = False
    _install_extensions(window)
    window.resize(1280, 800)
    window.show()
    window.open_example(example)
    controller = window.workbench.controller
    controller.step(200)  # trained weights and a history for the plots
    wait(2.0)
    results: dict[str, dict[str, float]] = {}

    def probe(name: str, action, settle_s: float = 0.5) -> None:
        with LagProbe() as lag:
            action()
            wait(settle_s)
        results[name] = {"work_ms": lag.worst_work_ms, "wall_ms": lag.worst_ms}

    for key in COMPARISONS:
        probe(f"compare {key}", lambda key=key: controller.start_comparison(key, 300), 1.0)
        controller.stop_comparison()
        wait(0.3)
    for target in ("pytorch", "keras"):
        answer_save(f"net_{target}.py")
        probe(f"export {target}", lambda t=target: window.exports.export(t))
    for key, plot in sorted(window.workbench.plots.items()):
        for kind, action in (("png", plot.png_action), ("csv", plot.csv_action)):
            answer_save(f"{key}.{kind}")
            probe(f"{key} {kind}", action.trigger)
    window.document.undo_stack.setClean()
    controller.shutdown()
    print("RESULT", json.dumps({"probes": results, "errors": errors}), flush=True)


if __name__ == "__main__":
    main()
