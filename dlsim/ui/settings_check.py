"""Remembered settings that cannot be used are ignored with a one-line note, never a broken
window: an unreadable or corrupt settings file, a layout that does not restore, a recent-files
list that is not a list of paths."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

from dlsim.engine.text import QT_TRANSLATE_NOOP


def file_note(settings: QSettings) -> str | None:
    """One sentence when the settings file could not be read, else None."""
    status = settings.status()
    if status == QSettings.Status.NoError:
        return None
    if status == QSettings.Status.AccessError:
        text = QT_TRANSLATE_NOOP(
            "SettingsCheck",
            "The settings file {0} cannot be read; "
            "dlsim uses its default layout and an empty recent-files list.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "SettingsCheck",
            "The settings file {0} is damaged; "
            "dlsim uses its default layout and an empty recent-files list.",
        )
    return QCoreApplication.translate("SettingsCheck", text).format(settings.fileName())


LAYOUT_NOTE = QT_TRANSLATE_NOOP(
    "SettingsCheck",
    "The remembered window layout could not be restored; the default layout is used.",
)
RECENT_NOTE = QT_TRANSLATE_NOOP(
    "SettingsCheck", "The recent-files list in the settings was damaged and has been ignored."
)


def recent_paths(value: Any) -> tuple[list[str], bool]:
    """The recent files a settings value holds, and whether it was damaged."""
    if value is None:
        return [], False
    if isinstance(value, str):
        return ([value] if value else []), False
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [v for v in value if v], False
    return [], True
