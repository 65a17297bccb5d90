"""Engine texts a learner reads, translated without Qt: the GUI installs Qt's translator here.

The engine never imports Qt (tests/engine/test_purity.py), so its user-visible texts go through
`translate(context, text)`, which calls whatever `set_translator` installed — in the GUI process
`QCoreApplication.translate`, elsewhere (CLI, tests, the training process) nothing: identity.
`pyside6-lupdate` extracts unqualified `translate("Ctx", "x")` and `QT_TRANSLATE_NOOP("Ctx", "x")`
calls into dlsim/i18n/engine_ko.ts.

Rules: translate the template, then `.format(...)` the numbers into it (a translation never
touches a number); a string defined at import time (a class attribute, a table) is marked with
`QT_TRANSLATE_NOOP(context, text)` and translated where it is shown with `translate(context, text)`;
saved files store type names and values, never translated labels.

The training process (live/process_session.py) has no Qt, so it cannot use Qt's translator: the
GUI process passes it the interface language (`language()`), and `use_language` there installs a
translator read from the same translation source, dlsim/i18n/engine_<language>.ts (`catalogue`),
so a divergence or error message made in that process reads in the GUI's language.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from dlsim import resources

Translator = Callable[[str, str], str]
DEFAULT_LANGUAGE = "en"


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity
_language = DEFAULT_LANGUAGE


def set_translator(fn: Translator | None, language: str = DEFAULT_LANGUAGE) -> None:
    """Install `fn(context, text) -> text`, e.g. `QCoreApplication.translate`, as the translator
    into `language`; None restores identity (and English)."""
    global _translator, _language
    _translator = fn if fn is not None else _identity
    _language = language if fn is not None else DEFAULT_LANGUAGE


def language() -> str:
    """The language the installed translator translates into ("en" without one)."""
    return _language


def translate(context: str, text: str) -> str:
    """`text` in the current language; unchanged without a translator or an entry for it."""
    if not text:
        return text
    result = _translator(context, text)
    return result if result else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for extraction without translating it now; the display site calls `translate`."""
    return text


def catalogue(path: Path) -> Translator:
    """A translator from a Qt Linguist .ts file: its finished translations, by (context, source)."""
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            source = message.findtext("source", "")
            if translation.text:
                table[(name, source)] = translation.text
    return lambda context, source: table.get((context, source), source)


def engine_catalogue_path(language: str) -> Path:
    """dlsim/i18n/engine_<language>.ts, the engine texts' translation source."""
    return resources.translations_dir() / f"engine_{language}.ts"


def use_language(language: str) -> None:
    """Translate engine texts into `language` without Qt (the training process); English, or a
    language without a catalogue, leaves them as they are."""
    path = engine_catalogue_path(language) if language.isalpha() else None
    if language == DEFAULT_LANGUAGE or path is None or not path.is_file():
        set_translator(None)
        return
    set_translator(catalogue(path), language)
