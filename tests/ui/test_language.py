"""Choosing the interface language: `--lang` over View ▸ Language over the system locale; the
menu saves the choice and offers a restart; Korean without a Hangul font says what to install."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from dlsim.engine import text
from dlsim.ui import language
from dlsim.ui.app import _parse_args
from dlsim.ui.language_menu import without_lang
from dlsim.ui.main_window import MainWindow


@pytest.fixture
def english_after():
    yield
    language.install("en")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [([], None), (["--lang", "ko"], "ko"), (["--lang=en", "x.dlsim"], "en")],
)
def test_lang_option_parses(argv: list[str], expected: str | None) -> None:
    assert _parse_args(argv).lang == expected


def test_an_unknown_language_is_a_usage_error(capsys) -> None:
    from dlsim.ui.app import main

    assert main(["--lang", "fr"]) == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_lang_wins_over_the_saved_choice_which_wins_over_the_system(monkeypatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ko_KR")))
    assert language.choose_language() == "ko"
    language.save_language("en")
    assert language.choose_language() == "en"
    assert language.choose_language(use_settings=False) == "ko"  # --screenshot reads no settings
    assert language.choose_language("ko") == "ko"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert language.choose_language(use_settings=False) == "en"


def test_installing_korean_translates_qt_and_dlsim_and_english_undoes_it(
    qapp, english_after
) -> None:
    loaded = language.install("ko")
    assert {p.name for p in loaded} >= {"qtbase_ko.qm", "ui_ko.qm"}
    assert language.current() == "ko"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    assert text.translate("QPlatformTheme", "Cancel") == "취소"  # the engine's route
    language.install("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_language_menu_saves_the_choice_and_offers_a_restart(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    menu = window.language_menu
    assert [a.text() for a in menu.menu.actions()] == ["English", "한국어"]
    assert menu.actions["en"].isChecked()
    asked, restarted = [], []
    menu.ask_restart = lambda code: asked.append(code) or True
    menu.restart = lambda: restarted.append(True)
    menu.actions["ko"].trigger()
    assert language.saved_language() == "ko" and asked == ["ko"] and restarted == [True]
    menu.ask_restart = lambda code: asked.append(code) or False
    menu.actions["en"].trigger()  # back to the running language: nothing to restart for
    assert language.saved_language() == "en" and asked == ["ko"] and restarted == [True]


def test_a_restart_drops_the_lang_override() -> None:
    assert without_lang(["--lang", "ko", "a.dlsim"]) == ["a.dlsim"]
    assert without_lang(["--lang=ko", "--theme", "dark"]) == ["--theme", "dark"]


def test_korean_without_a_hangul_font_names_the_packages(monkeypatch) -> None:
    monkeypatch.setattr(language, "hangul_font_installed", lambda: False)
    note = language.font_note("ko")
    assert "fonts-noto-cjk" in note and "fonts-nanum" in note and "\n" not in note
    assert language.font_note("en") is None
    monkeypatch.setattr(language, "hangul_font_installed", lambda: True)
    assert language.font_note("ko") is None


def test_without_a_hangul_font_the_korean_window_opens_and_says_so_once(qtbot, monkeypatch, capsys):
    from dlsim.ui.app import start_window

    monkeypatch.setattr(language, "hangul_font_installed", lambda: False)
    monkeypatch.setattr(language, "_current", "ko")
    window = MainWindow()
    window.remember_layout = False
    qtbot.addWidget(window)
    start_window([], window, (1024, 640))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == language.FONT_NOTE)
    assert capsys.readouterr().err.count("\n") == 1  # one line on stderr too
    assert window.document.graph.nodes  # the example opened as usual


def test_lang_ko_with_screenshot_renders_the_korean_window(qapp, tmp_path, english_after):
    from PySide6.QtGui import QImage

    from dlsim.ui.app import main

    out = tmp_path / "ko.png"
    assert main(["--lang", "ko", "--screenshot", str(out), "--size", "1024x640"]) == 0
    assert language.current() == "ko"
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1024, 640)
