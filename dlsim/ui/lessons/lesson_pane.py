"""The Lesson dock: what the open example is there to teach, next to the diagram.

The text is the example's lesson (`dlsim.engine.teaching.topics.lesson_text`, Markdown under
dlsim/assets/lessons, or its translation into the user's language under lessons/<lang>/) when
there is one, otherwise the document's own description. It follows the
document: opening another example or file replaces it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from dlsim.engine.teaching.topics import lesson_text
from dlsim.ui import language
from dlsim.ui.example_texts import example_text
from dlsim.ui.lessons.common import BASE_POINT_SIZE, POSITIVE, big_font, html_escape

HEADING_SIZES = {1: BASE_POINT_SIZE + 3, 2: BASE_POINT_SIZE + 1, 3: BASE_POINT_SIZE}


def ui_language() -> str:
    """The interface language ("ko" or "en"): a translated lesson in lessons/<lang>/ wins."""
    return language.current()


def example_key(name: str, path: Path | None, titles: dict[str, str]) -> str | None:
    """Which shipped example a document is: its file's stem, else the example with its title.

    Examples open as untitled copies (no path), so their title is what identifies them.
    """
    if path is not None:
        return Path(path).stem
    return titles.get(name)


class LessonPane(QWidget):
    """A read-only page with the lesson of the open diagram."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setFont(big_font(-1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        self.key: str | None = None

    def show_lesson(self, key: str | None, title: str, description: str) -> None:
        """The lesson for example `key`, or the title and description when it has none."""
        self.key = key
        text = lesson_text(key, ui_language()) if key else None
        title, description = example_text(title), example_text(description)
        if text:
            self.browser.setMarkdown(text)
            self._tame_headings()
        elif description:
            self.browser.setHtml(f"<h2>{html_escape(title)}</h2><p>{html_escape(description)}</p>")
        else:
            none = self.tr(
                "This diagram has no lesson text. The examples (Examples menu) each come with one."
            )
            self.browser.setHtml(f"<h2>{html_escape(title)}</h2><p>{html_escape(none)}</p>")

    def _tame_headings(self) -> None:
        """Markdown headings come out huge; a dock is narrow, so size them like the editor's."""
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                fmt = QTextCharFormat()
                fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
                fmt.setFontPointSize(HEADING_SIZES.get(level, BASE_POINT_SIZE))
                fmt.setForeground(POSITIVE)
                cursor.mergeCharFormat(fmt)
            block = block.next()

    def text(self) -> str:
        return self.browser.toPlainText()
