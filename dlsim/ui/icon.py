"""The application icon for the window and the task bar, and the PNG sizes rendered from its SVG.

`python -m dlsim.ui.icon` re-renders dlsim/assets/icons/dlsim-<N>.png after the SVG changes; the
PNGs are committed so that desktops without an SVG renderer (and the hicolor theme) have them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from dlsim import resources


def app_icon() -> QIcon:
    """dlsim's icon at every shipped size; Qt scales the closest one for other sizes."""
    icon = QIcon()
    for size in resources.ICON_SIZES:
        icon.addFile(str(resources.icon_path(size)), QSize(size, size))
    return icon


def render_png(size: int) -> QImage:
    """The SVG drawn into a transparent size×size image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resources.icon_path())).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> None:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["dlsim-icon", "-platform", "offscreen"])
    for size in resources.ICON_SIZES:
        path = resources.icon_path(size)
        render_png(size).save(str(path), "PNG")
        print(path)


if __name__ == "__main__":
    main()
