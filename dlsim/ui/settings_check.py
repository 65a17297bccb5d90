"""Remembered settings that cannot be used are ignored with a one-line note, never a broken
window: an unreadable or corrupt settings file, a layout that does not restore, a recent-files
list that is not a list of paths."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings


def file_note(settings: QSettings) -> str | None:
    """One sentence when the settings file could not be read, else None."""
    status = settings.status()
    if status == QSettings.Status.NoError:
        return None
    why = "cannot be read" if status == QSettings.Status.AccessError else "is damaged"
    return (
        f"The settings file {settings.fileName()} {why}; "
        "dlsim uses its default layout and an empty recent-files list."
    )


LAYOUT_NOTE = "The remembered window layout could not be restored; the default layout is used."
RECENT_NOTE = "The recent-files list in the settings was damaged and has been ignored."


def recent_paths(value: Any) -> tuple[list[str], bool]:
    """The recent files a settings value holds, and whether it was damaged."""
    if value is None:
        return [], False
    if isinstance(value, str):
        return ([value] if value else []), False
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [v for v in value if v], False
    return [], True
