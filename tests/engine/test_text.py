"""The engine's translation hook: identity by default, the installed translator otherwise."""

from collections.abc import Iterator

import pytest

from dlsim.engine import text
from dlsim.engine.text import QT_TRANSLATE_NOOP, set_translator, translate


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    yield
    set_translator(None)


def test_without_a_translator_every_text_is_unchanged() -> None:
    assert translate("Ctx", "Learning rate") == "Learning rate"
    assert QT_TRANSLATE_NOOP("Ctx", "Momentum") == "Momentum"


def test_an_installed_translator_is_asked_with_the_context() -> None:
    asked = []

    def fake(context: str, source: str) -> str:
        asked.append((context, source))
        return "학습률" if source == "Learning rate" else source

    set_translator(fake)
    assert translate("Param", "Learning rate") == "학습률"
    assert translate("Param", "Seed") == "Seed"
    assert asked == [("Param", "Learning rate"), ("Param", "Seed")]


def test_an_empty_answer_falls_back_to_the_source_text() -> None:
    set_translator(lambda context, source: "")
    assert translate("Ctx", "Loss") == "Loss"


def test_a_template_is_translated_before_its_numbers_go_in() -> None:
    set_translator(
        lambda context, source: {"Step {0} of {1}": "{1}단계 중 {0}단계"}.get(source, source)
    )
    assert translate("Stepper", "Step {0} of {1}").format(3, 12) == "12단계 중 3단계"


def test_none_restores_identity() -> None:
    set_translator(lambda context, source: "x")
    set_translator(None)
    assert translate("Ctx", "Loss") == "Loss"
    assert text._translator is text._identity
