"""A seeded random-action driver over the real main window: what a learner's hands do.

Each action is a small function of the window and a `random.Random`; the driver picks one by
weight, runs it, lets the event loop turn, and checks the invariants: no exception escaped a
slot and no Qt critical message (both reach the `FailureReporter`), the action returned within
5 s. Every `CHECK_EVERY` actions it also checks that save → open gives an equal document and
that undoing everything returns to the state after the last load or New. Dialogs are answered
by script (`ScriptedDialogs`). A failure names its seed and the actions so far, for a replay.
"""

from __future__ import annotations

import faulthandler
import math
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.registry import layer_types
from dlsim.examples import list_examples
from dlsim.ui.document import Document

ACTION_LIMIT_S = 5.0
CHECK_EVERY = 25
HOSTILE_TEXT = ("0", "-0", "-1", "1e9", "1e-9", "nan", "NaN", "inf", "", "abc", "0.5", "3")
HOSTILE_NUMBERS = (0.0, -1.0, 1e9, -1e9, float("nan"), 1e-12, 0.5, 2.0, 100.0)
LESSONS = ("perceptron_lab", "backprop_stepper", "activation_explorer")
Button = QMessageBox.StandardButton


class FuzzFailure(AssertionError):
    pass


class ScriptedDialogs:
    """Modal dialogs answered at random, as a hurried user would (installed with monkeypatch)."""

    def __init__(self, rng: random.Random, folder: Path) -> None:
        self.rng = rng
        self.folder = folder
        self.saved: list[Path] = []
        self.asked: list[str] = []

    def install(self, monkeypatch) -> None:
        def question(_parent, title, text, *_a, **_k):
            self.asked.append(f"question: {title}")
            return self.rng.choice([Button.Save, Button.Discard, Button.Discard, Button.Cancel])

        def warning(_parent, title, text, *_a, **_k):
            self.asked.append(f"warning: {title}: {text}")
            return self.rng.choice([Button.Open, Button.Cancel, Button.Ok])

        def note(_parent, title, text, *_a, **_k):
            self.asked.append(f"note: {title}: {text}")
            return Button.Ok

        def save_name(*_a, **_k):
            choice = self.rng.random()
            if choice < 0.1:
                return "", ""
            if choice < 0.25:  # a folder that does not exist
                return str(self.folder / "missing" / f"f{self.rng.randrange(99)}"), ""
            path = self.folder / f"saved_{self.rng.randrange(6)}.dlsim"
            self.saved.append(path)
            return str(path), ""

        def open_name(*_a, **_k):
            existing = [p for p in self.saved if p.exists()]
            if not existing or self.rng.random() < 0.1:
                return "", ""
            return str(self.rng.choice(existing)), ""

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
        monkeypatch.setattr(QMessageBox, "critical", staticmethod(note))
        monkeypatch.setattr(QMessageBox, "information", staticmethod(note))
        monkeypatch.setattr(QMessageBox, "about", staticmethod(note))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))


def _settle(ms: int = 0) -> None:
    QCoreApplication.processEvents()
    if ms:
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            QCoreApplication.processEvents()
            time.sleep(0.002)


def _editors(panel: QWidget) -> list[QWidget]:
    kinds = (QAbstractSpinBox, QComboBox, QCheckBox, QLineEdit)
    return [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisibleTo(panel)
        and w.isEnabled()
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)  # their inner line edits
    ]


def poke(widget: QWidget, rng: random.Random) -> str:
    """Give an editor a value a careless or hostile user might, and commit it."""
    if isinstance(widget, QComboBox):
        if widget.count() == 0:
            return "empty combo"
        index = rng.randrange(widget.count())
        widget.setCurrentIndex(index)
        widget.activated.emit(index)
        return f"combo {index}"
    if isinstance(widget, QCheckBox):
        widget.click()
        return "toggle"
    if isinstance(widget, QAbstractSpinBox):
        text = rng.choice(HOSTILE_TEXT)
        if isinstance(widget, QSpinBox | QDoubleSpinBox) and rng.random() < 0.5:
            value = rng.choice([widget.minimum(), widget.maximum(), *HOSTILE_NUMBERS])
            if isinstance(widget, QSpinBox):
                value = 0 if math.isnan(value) else int(max(min(value, 2**31 - 1), -(2**31)))
            widget.setValue(value)
            widget.editingFinished.emit()
            return f"spin value {value!r}"
        line = widget.lineEdit()
        line.selectAll()
        line.setText(text)
        widget.interpretText()
        widget.editingFinished.emit()
        return f"spin text {text!r}"
    if isinstance(widget, QLineEdit):
        text = rng.choice(HOSTILE_TEXT)
        widget.setText(text)
        widget.editingFinished.emit()
        widget.returnPressed.emit()
        return f"text {text!r}"
    return "nothing"


class Driver:
    """Random actions on one window, with the invariants checked after each."""

    def __init__(self, window: Any, reporter: Any, seed: int, folder: Path) -> None:
        self.window = window
        self.reporter = reporter
        self.seed = seed
        self.rng = random.Random(seed)
        self.folder = folder
        self.log: list[str] = []
        self.examples = [info.key for info in list_examples()]
        self.types = [t.name for t in layer_types()]
        self.baseline = self._state()
        self._failures_seen = 0
        window.document.document_replaced.connect(self._on_replaced)
        self.actions: list[tuple[float, Callable[[], str]]] = [
            (3, self.open_example),
            (1, self.new),
            (6, self.add_layer),
            (6, self.connect),
            (2, self.disconnect),
            (2, self.delete),
            (3, self.move),
            (5, self.undo),
            (3, self.redo),
            (8, self.inspector),
            (8, self.training_setting),
            (5, self.run_controls),
            (3, self.lesson),
            (1, self.save_and_reopen),
            (2, self.copy_paste),
            (1, self.arrange),
            (1, self.export),
        ]

    # --- the run ------------------------------------------------------------------------------

    def run(self, n: int) -> None:
        weights = [w for w, _ in self.actions]
        choices = [a for _, a in self.actions]
        for i in range(n):
            action = self.rng.choices(choices, weights)[0]
            started = time.perf_counter()
            stacks = self.folder / "stacks.txt"
            with stacks.open("w") as dump:  # where the GUI thread was, if the action hangs
                faulthandler.dump_traceback_later(ACTION_LIMIT_S, file=dump)
                try:
                    what = action()
                    _settle()
                except Exception as exc:
                    self.fail(f"{action.__name__} raised {type(exc).__name__}: {exc}")
                finally:
                    faulthandler.cancel_dump_traceback_later()
            took = time.perf_counter() - started
            self.log.append(f"{i}: {action.__name__}: {what} ({took:.2f} s)")
            if took > ACTION_LIMIT_S:
                self.fail(f"{action.__name__} took {took:.1f} s\n{stacks.read_text()[:4000]}")
            self.check_failures()
            if (i + 1) % CHECK_EVERY == 0:
                self.check_round_trip()
                self.check_undo_all()

    def fail(self, why: str) -> None:
        actions = "\n".join(self.log[-200:])
        raise FuzzFailure(
            f"fuzz seed {self.seed} failed after {len(self.log)} actions: {why}\n"
            f"replay: DLSIM_FUZZ_SEEDS={self.seed} DLSIM_FUZZ_ACTIONS={len(self.log) + 1} "
            f"pytest tests/ui/test_fuzz.py\nlast actions:\n{actions}"
        )

    # --- invariants ---------------------------------------------------------------------------

    def check_failures(self) -> None:
        failures = self.reporter.failures
        if len(failures) > self._failures_seen:
            first = failures[self._failures_seen]
            self._failures_seen = len(failures)
            self.fail(f"{first.summary}\n{first.details}")

    def _state(self) -> tuple[dict, dict]:
        doc = self.window.document
        return doc.graph.to_dict(), dict(doc.training)

    def _on_replaced(self) -> None:
        self.baseline = self._state()

    def check_round_trip(self) -> None:
        doc = self.window.document
        try:
            saved = doc.to_dict()
        except DlsimError:
            return
        path = self.folder / "round_trip.dlsim"
        from dlsim.engine.training.fileformat import write_document

        try:
            write_document(path, saved)
        except DlsimError as exc:  # NaN weights after a divergence are refused: documented
            if "NaN" not in str(exc):
                self.fail(f"save failed: {exc}")
            return
        reopened = Document()
        reopened.open(path)
        if reopened.to_dict() != saved:
            self.fail("save → open gave a different document")

    def check_undo_all(self) -> None:
        stack = self.window.document.undo_stack
        top = stack.index()
        stack.setIndex(0)
        _settle()
        state = self._state()
        stack.setIndex(top)
        _settle()
        if state != self.baseline:
            self.fail("undoing everything did not return to the state after the last load/New")

    # --- actions ------------------------------------------------------------------------------

    def _nodes(self) -> list[str]:
        return list(self.window.document.graph.nodes)

    def open_example(self) -> str:
        key = self.rng.choice(self.examples)
        self.window.open_example(key)
        return key

    def new(self) -> str:
        self.window.new_action.trigger()
        return "new"

    def add_layer(self) -> str:
        kind = self.rng.choice(self.types)
        self.window.palette_panel.layer_activated.emit(kind)
        return kind

    def connect(self) -> str:
        nodes = self._nodes()
        if len(nodes) < 2:
            return "too few nodes"
        src, dst = self.rng.sample(nodes, 2)
        reason = self.window.document.connect(src, dst)
        return f"{src} → {dst}: {reason or 'ok'}"

    def disconnect(self) -> str:
        edges = list(self.window.document.graph.edges)
        if not edges:
            return "no edges"
        edge = self.rng.choice(edges)
        self.window.document.disconnect(edge.src, edge.dst)
        return f"{edge.src} ↛ {edge.dst}"

    def _select_some(self) -> list[str]:
        nodes = self._nodes()
        chosen = self.rng.sample(nodes, self.rng.randint(1, len(nodes))) if nodes else []
        self.window.scene.select_nodes(chosen)
        return chosen

    def delete(self) -> str:
        chosen = self._select_some()
        self.window.delete_action.trigger()
        return ",".join(chosen)

    def move(self) -> str:
        nodes = self._nodes()
        if not nodes:
            return "no nodes"
        nid = self.rng.choice(nodes)
        pos = (self.rng.uniform(-2000, 2000), self.rng.uniform(-2000, 2000))
        self.window.document.move_nodes({nid: pos}, "Move")
        return f"{nid} to {pos[0]:.0f},{pos[1]:.0f}"

    def undo(self) -> str:
        self.window.undo_action.trigger()
        return "undo"

    def redo(self) -> str:
        self.window.redo_action.trigger()
        return "redo"

    def inspector(self) -> str:
        nodes = self._nodes()
        if not nodes:
            return "no nodes"
        nid = self.rng.choice(nodes)
        self.window.scene.select_nodes([nid])
        _settle()
        editors = _editors(self.window.inspector)
        if not editors:
            return f"{nid}: no editors"
        editor = self.rng.choice(editors)
        return f"{nid}.{editor.objectName() or type(editor).__name__}: {poke(editor, self.rng)}"

    def training_setting(self) -> str:
        panel = self.window.workbench.training_panel
        editors = _editors(panel)
        if not editors:
            return "no editors"
        editor = self.rng.choice(editors)
        return f"{editor.objectName() or type(editor).__name__}: {poke(editor, self.rng)}"

    def run_controls(self) -> str:
        controls = self.window.workbench.run_controls
        choice = self.rng.choice(["run", "pause", "step", "step10", "step100", "reset", "speed"])
        if choice == "speed":
            box = controls.speed_box
            box.setCurrentIndex(self.rng.randrange(box.count()))
        elif choice == "pause":
            self.window.workbench.controller.pause()
        else:
            getattr(controls, f"{choice}_action").trigger()
        _settle(self.rng.choice([0, 20, 100]))
        return choice

    def lesson(self) -> str:
        key = self.rng.choice(LESSONS)
        view = self.window.lessons_controller.open_view(key)
        _settle()
        if key == "backprop_stepper" and self.rng.random() < 0.3:
            n = self.rng.choice([1, 2, 5, 50, 300, 5000, 100000])
            view.go_to_iteration(n)
            if view.busy:
                _settle(self.rng.choice([0, 50]))
                view.runner.cancel()
                deadline = time.perf_counter() + ACTION_LIMIT_S
                while view.busy and time.perf_counter() < deadline:
                    _settle(10)
            return f"{key}: iteration {n}"
        buttons = [
            b for b in view.findChildren(QAbstractButton) if b.isVisibleTo(view) and b.isEnabled()
        ]
        editors = _editors(view)
        if editors and self.rng.random() < 0.4:
            editor = self.rng.choice(editors)
            return f"{key}: {poke(editor, self.rng)}"
        if not buttons:
            return f"{key}: no buttons"
        button = self.rng.choice(buttons)
        label = button.text()
        if button.isCheckable() and label.startswith(("Play", "Pause")):
            return f"{key}: not playing"  # Play would run by itself past the action
        button.click()
        if self.rng.random() < 0.3:
            view.close()
        return f"{key}: {label!r}"

    def save_and_reopen(self) -> str:
        saved = self.window.save_as()
        path = self.window.document.path
        if saved and path is not None and self.rng.random() < 0.7:
            self.window.open_path(path)
            return f"saved and reopened {path.name}"
        return f"save_as → {saved}"

    def copy_paste(self) -> str:
        chosen = self._select_some()
        self.window.copy_action.trigger()
        self.window.paste_action.trigger()
        return ",".join(chosen)

    def arrange(self) -> str:
        self.window.arrange_action.trigger()
        return "arrange"

    def export(self) -> str:
        plots = self.window.workbench.plots
        key = self.rng.choice(sorted(plots))
        plot = plots[key]
        action = self.rng.choice([plot.png_action, plot.csv_action])
        action.trigger()
        return f"{key}: {action.text()}"
