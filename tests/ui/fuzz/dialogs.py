"""Modal dialogs answered by script, as a hurried user would (installed with monkeypatch).

The answers come from `rng`, which the driver points at the running action's own stream."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from dlsim.ui import rewind_controller

Button = QMessageBox.StandardButton


class ScriptedDialogs:
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

        def branch(_parent, step):
            self.asked.append(f"branch from step {step}")
            return self.rng.random() < 0.7

        def text(_parent, title, _label, *_a, **_k):
            self.asked.append(f"text: {title}")
            return self.rng.choice(["", "  ", "fast", "런 ✓", "x" * 200]), self.rng.random() < 0.8

        monkeypatch.setattr(rewind_controller, "ask_branch", branch)
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(text))
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
        monkeypatch.setattr(QMessageBox, "critical", staticmethod(note))
        monkeypatch.setattr(QMessageBox, "information", staticmethod(note))
        monkeypatch.setattr(QMessageBox, "about", staticmethod(note))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
