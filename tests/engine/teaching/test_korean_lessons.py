"""Every example has its lesson in Korean, with the English lesson's numbers and formulas."""

from __future__ import annotations

import re

import pytest

from dlsim import resources

HANGUL = re.compile("[\uac00-\ud7a3]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:e-?\d+)?")
# A formula is a run of non-Hangul text around an operator ("w1·x1", "W5⁺", "ln 2 ≈ 0.693").
FORMULA = re.compile(r"[^\s가-힣(),:;]*[=→←≈×·√Σ∂±][^\s가-힣(),:;]*")


@pytest.mark.parametrize("name", resources.example_names())
def test_every_example_has_a_korean_lesson(name: str) -> None:
    path = resources.lesson_path(name, "ko")
    assert path is not None and path.parent.name == "ko", name
    korean = path.read_text(encoding="utf-8")
    assert korean.startswith("# ") and HANGUL.search(korean.splitlines()[0]), name


@pytest.mark.parametrize("name", resources.example_names())
def test_a_korean_lesson_has_the_english_lessons_numbers(name: str) -> None:
    english = resources.lesson_path(name).read_text(encoding="utf-8")
    korean = resources.lesson_path(name, "ko").read_text(encoding="utf-8")
    assert set(NUMBER.findall(korean)) == set(NUMBER.findall(english)), name
    # Every number of the English text appears at least as often in the Korean one.
    for number in set(NUMBER.findall(english)):
        assert korean.count(number) >= english.count(number) or len(number) == 1, (name, number)


@pytest.mark.parametrize("name", resources.example_names())
def test_a_korean_lesson_writes_the_english_lessons_formulas(name: str) -> None:
    def formulas(text: str) -> set[str]:
        return {f.rstrip(".") for f in FORMULA.findall(text)}

    english = resources.lesson_path(name).read_text(encoding="utf-8")
    korean = resources.lesson_path(name, "ko").read_text(encoding="utf-8")
    assert formulas(english) <= formulas(korean), sorted(formulas(english) - formulas(korean))
