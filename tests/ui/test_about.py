"""The application icon and Help ▸ About: version, licence and a link to the user guide."""

from __future__ import annotations

from importlib.metadata import metadata

from PySide6.QtCore import QSize, QUrl
from PySide6.QtWidgets import QMessageBox

import dlsim
from dlsim import resources
from dlsim.ui.icon import app_icon, render_png
from dlsim.ui.main_window import MainWindow


def test_the_icon_has_every_shipped_size_and_the_pngs_match_the_svg(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in resources.ICON_SIZES} <= sizes
    for n in (16, 256):
        shipped = icon.pixmap(QSize(n, n)).toImage()
        assert (shipped.width(), shipped.height()) == (n, n)
        fresh = render_png(n).convertToFormat(shipped.format())
        assert fresh == shipped, f"dlsim-{n}.png is stale: run python -m dlsim.ui.icon"


def test_about_names_version_licence_and_the_user_guide(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    next(a for a in help_menu.actions() if a.text() == "&About dlsim").trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    box = window.findChild(QMessageBox)
    text = box.text()
    assert f"dlsim {dlsim.__version__}" in text
    assert f"Licence: {metadata('dlsim')['License']}" in text
    guide = resources.user_guide_path()
    assert guide is not None and guide.is_file()
    assert QUrl.fromLocalFile(str(guide)).toString() in text
    assert not box.iconPixmap().isNull()
    box.close()
