"""The committed translations are complete and current: every .ts entry is translated and each
.qm is exactly what pyside6-lrelease makes of its .ts (`python -m dlsim.i18n_tools check`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlsim import i18n_tools, resources


def test_the_ui_translation_exists_and_ships_with_the_package() -> None:
    ts = i18n_tools.ts_path("ui", "ko")
    assert ts.is_file()
    assert ts.with_suffix(".qm") in resources.translation_files("ko")


def test_no_entry_is_unfinished_and_every_qm_is_current() -> None:
    assert i18n_tools.check() == []


def test_check_names_an_unfinished_entry_and_a_stale_qm(tmp_path: Path, monkeypatch) -> None:
    ts = tmp_path / "ui_ko.ts"
    ts.write_text(TS.format('<translation type="unfinished"></translation>'), encoding="utf-8")
    monkeypatch.setattr(i18n_tools, "I18N", tmp_path)
    assert i18n_tools.check() == [
        "ui_ko.ts: not translated: 'Save'",
        "ui_ko.qm is not the release of ui_ko.ts (run release)",
    ]
    ts.write_text(TS.format("<translation>저장</translation>"), encoding="utf-8")
    assert i18n_tools.check() == ["ui_ko.qm is not the release of ui_ko.ts (run release)"]
    i18n_tools.lrelease(ts, ts.with_suffix(".qm"))
    assert i18n_tools.check() == []


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context><name>MainWindow</name><message><source>Save</source>{}</message></context>
</TS>
"""


@pytest.mark.parametrize("language", ["ko", "../ko", ""])
def test_translation_files_are_found_by_plain_language_names_only(language: str) -> None:
    found = resources.translation_files(language)
    assert all(p.parent == resources.translations_dir() for p in found)
    assert bool(found) == (language == "ko")
