"""The Lesson dock shows a lesson's translation into the interface language when there is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlsim import resources
from dlsim.ui import language
from dlsim.ui.lessons.lesson_pane import LessonPane


@pytest.fixture
def korean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    (tmp_path / "ko").mkdir()
    (tmp_path / "xor_learn.md").write_text("# XOR by backpropagation\n\nEnglish.", "utf-8")
    (tmp_path / "and_gate.md").write_text("# AND gate\n\nEnglish.", "utf-8")
    (tmp_path / "ko" / "xor_learn.md").write_text("# 역전파로 배우는 XOR\n\n한국어.", "utf-8")
    monkeypatch.setattr(resources, "lessons_dir", lambda: tmp_path)
    monkeypatch.setattr(language, "_current", "ko")  # the app was started in Korean


def test_a_korean_user_reads_the_korean_lesson_and_english_where_none_exists(qtbot, korean) -> None:
    pane = LessonPane()
    qtbot.addWidget(pane)
    pane.show_lesson("xor_learn", "XOR by backpropagation", "")
    assert "역전파로 배우는 XOR" in pane.browser.toPlainText()
    pane.show_lesson("and_gate", "AND gate", "")
    assert "AND gate" in pane.browser.toPlainText()
