"""Help ▸ About: the version, the licence and where the documentation is."""

from __future__ import annotations

import html
from importlib.metadata import PackageNotFoundError, metadata

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QWidget

import dlsim
from dlsim import resources
from dlsim.engine.text import translate
from dlsim.ui.icon import app_icon


def licence() -> str | None:
    """The licence the installed package declares (pyproject.toml), None when not installed."""
    try:
        meta = metadata("dlsim")
    except PackageNotFoundError:
        return None
    return meta.get("License-Expression") or meta.get("License")


def about_html() -> str:
    lines = [
        f"<h3>dlsim {html.escape(dlsim.__version__)}</h3>",
        "<p>{}</p>".format(
            html.escape(
                translate(
                    "About",
                    "A deep-learning simulator for learners: build a network as a diagram, "
                    "train it, and watch it learn.",
                )
            )
        ),
    ]
    if (name := licence()) is not None:
        lines.append(
            "<p>{}</p>".format(html.escape(translate("About", "Licence: {0}").format(name)))
        )
    guide = resources.user_guide_path()
    if guide is not None:
        url = QUrl.fromLocalFile(str(guide)).toString()
        lines.append(
            translate(
                "About", '<p>Documentation: <a href="{0}">the user guide</a> (in {1})</p>'
            ).format(html.escape(url), html.escape(str(guide.parent)))
        )
    return "".join(lines)


def about_box(parent: QWidget) -> QMessageBox:
    """The About box (not shown yet); it deletes itself when closed."""
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(translate("About", "About dlsim"))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    box.setText(about_html())
    return box
