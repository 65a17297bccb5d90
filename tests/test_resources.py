"""dlsim.resources: the shipped examples, lessons and data sets, found by name in the package."""

from __future__ import annotations

from pathlib import Path

import pytest

import dlsim
from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.teaching.topics import lesson_text


def test_assets_live_inside_the_package() -> None:
    assert resources.assets_dir() == Path(dlsim.__file__).resolve().parent / "assets"


def test_every_example_has_a_lesson_and_the_iris_data_is_there() -> None:
    names = resources.example_names()
    assert "xor_learn" in names and "iris_keras" in names
    for name in names:
        assert resources.example_path(name).is_file()
        assert resources.lesson_path(name) == resources.lessons_dir() / f"{name}.md"
    assert resources.dataset_path("iris.csv").read_text().count("\n") == 151


@pytest.mark.parametrize(
    "name", ["no_such_example", "../examples/xor_learn", "xor_learn.dlsim", ""]
)
def test_an_unknown_example_is_one_sentence_listing_the_names(name: str) -> None:
    assert not resources.is_example_name(name)
    with pytest.raises(DlsimError) as err:
        resources.example_path(name)
    assert f"there is no example '{name}'" in str(err.value)
    assert "xor_learn" in str(err.value) and "iris_keras" in str(err.value)


def test_a_translated_lesson_is_preferred_and_english_is_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ko").mkdir()
    (tmp_path / "xor_learn.md").write_text("# XOR", encoding="utf-8")
    (tmp_path / "and_gate.md").write_text("# AND", encoding="utf-8")
    (tmp_path / "ko" / "xor_learn.md").write_text("# XOR 배우기", encoding="utf-8")
    monkeypatch.setattr(resources, "lessons_dir", lambda: tmp_path)
    assert lesson_text("xor_learn", "ko") == "# XOR 배우기"
    assert lesson_text("and_gate", "ko") == "# AND"
    assert lesson_text("xor_learn") == "# XOR"
    assert lesson_text("xor_learn", "../ko") == "# XOR"
    assert lesson_text("missing", "ko") is None
