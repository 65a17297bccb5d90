"""The interface language: which one (`--lang`, else View ▸ Language, else the system's) and Qt's
translators for it, installed once before the first widget is built.

Every `dlsim/i18n/*_<lang>.qm` (the GUI's and the engine's texts) is loaded, plus Qt's own
`qtbase_<lang>.qm` for the standard dialogs' buttons, and the engine's texts are routed through
`QCoreApplication.translate` (`dlsim.engine.text`). Switching takes a restart: the widgets are
built once in the language chosen at start-up (`language_menu.py` offers the restart).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from dlsim import resources
from dlsim.engine import text

# Each language's name in itself: the menu shows these untranslated, so anyone can find theirs.
LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
SETTINGS_KEY = "language"
# Said in English: without a Hangul font a Korean sentence would not be readable.
FONT_NOTE = (
    "Korean text needs a font with Hangul: install fonts-noto-cjk or fonts-nanum "
    "(e.g. sudo apt-get install fonts-noto-cjk) and restart dlsim."
)

_current = DEFAULT
_installed: list[QTranslator] = []


def current() -> str:
    """The language the interface was built in ("en" or "ko")."""
    return _current


def system_language() -> str:
    """The system locale's language when dlsim speaks it, else English."""
    name = QLocale.system().name().partition("_")[0]
    return name if name in LANGUAGES else DEFAULT


def saved_language() -> str | None:
    """The choice made in View ▸ Language (None when never made or not one we know)."""
    from dlsim.ui.dock_layout import app_settings

    value = app_settings().value(SETTINGS_KEY)
    return value if value in LANGUAGES else None


def save_language(language: str) -> None:
    from dlsim.ui.dock_layout import app_settings

    app_settings().setValue(SETTINGS_KEY, language)


def choose_language(override: str | None = None, use_settings: bool = True) -> str:
    """`--lang` wins, then the saved choice, then the system locale."""
    if override in LANGUAGES:
        return override
    return (saved_language() if use_settings else None) or system_language()


def translation_files(language: str) -> list[Path]:
    """Qt's own strings first, then dlsim's: every dlsim/i18n/*_<language>.qm that exists."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    ours = resources.translation_files(language)
    return [p for p in [qt_dir / f"qtbase_{language}.qm", *ours] if p.is_file()]


def install(language: str) -> list[Path]:
    """Make `language` the interface language of this process; returns the .qm files loaded.

    Call before building widgets: texts are translated when a widget is made."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    if language != DEFAULT:
        for path in translation_files(language):
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                _installed.append(translator)
                loaded.append(path)
    text.set_translator(QCoreApplication.translate, language)  # the training process asks
    _current = language
    return loaded


def hangul_font_installed() -> bool:
    """True when some installed font family can draw Korean."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))


def font_note(language: str) -> str | None:
    """The one sentence to show when `language` cannot be drawn with the installed fonts."""
    if language == "ko" and not hangul_font_installed():
        return FONT_NOTE
    return None
