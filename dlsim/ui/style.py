"""Look: Fusion with a light or dark palette, and the diagram's colours derived from the palette.

Every colour the editor draws is picked here from the application palette, so the diagram stays
legible on light and dark system themes alike; only the category accents and the problem colours
(red error, amber warning) are fixed hues, chosen to read on both backgrounds.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

THEMES = ("system", "light", "dark")
TAB_SPACE = 14  # a tab's room beside its title (Fusion's 24 scrolled the plots' tabs at 1280 px)

CATEGORY_COLORS = {
    "Core": QColor("#3b82f6"),
    "Regularization": QColor("#a855f7"),
    "Normalization": QColor("#14b8a6"),
    "Merge": QColor("#f59e0b"),
    "Features": QColor("#ec4899"),
}
DEFAULT_CATEGORY_COLOR = QColor("#64748b")
ERROR_COLOR = QColor("#dc2626")
WARNING_COLOR = QColor("#d97706")
OK_COLOR = QColor("#16a34a")


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (a dark theme)."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#2f3136",
        QPalette.ColorRole.ToolTipBase: "#3a3c42",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#8a8d93",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#34363c",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#45474d",
        QPalette.ColorRole.Midlight: "#3a3c42",
        QPalette.ColorRole.Mid: "#2a2b30",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3b82f6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#60a5fa",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c7f86"))
    return p


class _Style(QProxyStyle):
    """Fusion with narrower tabs, so each plot group's titles fit its width unscrolled."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 (Qt's name)
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return TAB_SPACE
        return super().pixelMetric(metric, option, widget)


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """Fusion everywhere (consistent across platforms); light/dark force a palette."""
    app.setStyle(_Style(QStyleFactory.create("Fusion")))
    if theme == "dark":
        app.setPalette(_dark_palette())
    elif theme == "light":
        app.setPalette(app.style().standardPalette())


def canvas_colors(palette: QPalette) -> dict[str, QColor]:
    """Colours of the diagram for this palette: background, grid, node body, text, edges."""
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    window = palette.color(QPalette.ColorRole.Window)
    return {
        "background": window.darker(115) if dark else QColor("#f4f5f7"),
        "grid": window.lighter(135) if dark else QColor("#d9dce1"),
        "node": base.lighter(140) if dark else QColor("#ffffff"),
        "node_border": QColor("#5b5f66") if dark else QColor("#b8bdc6"),
        "text": text,
        "subtext": QColor("#a4a8b0") if dark else QColor("#5f6670"),
        "edge": QColor("#9aa0a8") if dark else QColor("#7b828c"),
        "label_bg": window.lighter(120) if dark else QColor("#ffffff"),
        "highlight": palette.color(QPalette.ColorRole.Highlight),
    }
