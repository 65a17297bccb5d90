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
"""

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(fn: Translator | None) -> None:
    """Install `fn(context, text) -> text`, e.g. `QCoreApplication.translate`; None: identity."""
    global _translator
    _translator = fn if fn is not None else _identity


def translate(context: str, text: str) -> str:
    """`text` in the current language; unchanged without a translator or an entry for it."""
    if not text:
        return text
    result = _translator(context, text)
    return result if result else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for extraction without translating it now; the display site calls `translate`."""
    return text
