"""Dockable panels of the main window: palette, inspector, problems, examples."""
