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


def test_a_catalogue_translates_finished_entries_only(tmp_path) -> None:
    ts = tmp_path / "engine_xx.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ko">\n'
        "<context><name>Param</name>"
        "<message><source>Learning rate</source><translation>학습률</translation></message>"
        '<message><source>Seed</source><translation type="unfinished">시드</translation></message>'
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    korean = text.catalogue(ts)
    assert korean("Param", "Learning rate") == "학습률"
    assert korean("Param", "Seed") == "Seed"  # unfinished: not used
    assert korean("Other", "Learning rate") == "Learning rate"  # another context


def test_use_language_installs_the_shipped_catalogue_or_nothing() -> None:
    text.use_language("ko")
    assert text.language() == "ko"
    assert translate("Param", "Learning rate") == "학습률"
    for language in ("en", "xx", "../ko"):
        text.use_language(language)
        assert text.language() == "en"
        assert translate("Param", "Learning rate") == "Learning rate"
