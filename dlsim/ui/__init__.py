"""dlsim's desktop interface (PySide6 + pyqtgraph): it shows and edits engine objects only."""
