"""What the window shows is the open document: File ▸ New, Open and an example leave nothing of
the previous run on screen (plots, legends, comparison, counters), and the Examples list follows
the open example."""

from __future__ import annotations

import pytest

from dlsim import resources
from dlsim.ui.main_window import MainWindow
from dlsim.ui.panels.examples import NO_EXAMPLE, list_examples

EXAMPLES = resources.examples_dir()


@pytest.fixture
def editor(qtbot):
    """The editor window alone (no training workbench)."""
    w = MainWindow()
    w.remember_layout = False
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def highlighted(window: MainWindow) -> str | None:
    items = window.examples_panel.list.selectedItems()
    return items[0].text() if items else None


def test_the_examples_list_follows_the_open_example(editor):
    titles = {e.key: e for e in list_examples()}
    panel = editor.examples_panel
    assert editor.open_example("iris_keras")
    assert highlighted(editor) == titles["iris_keras"].title
    assert panel.about.text() == titles["iris_keras"].description
    assert editor.open_example("and_gate")
    assert highlighted(editor) == titles["and_gate"].title
    assert panel.about.text() == titles["and_gate"].description
    assert editor.new_document()
    assert highlighted(editor) is None and panel.about.text() == NO_EXAMPLE
    assert editor.open_example("xor_learn")
    assert editor.open_path(EXAMPLES / "or_gate.dlsim")  # a file, even one shipped as an example
    assert highlighted(editor) is None and panel.about.text() == NO_EXAMPLE
