"""Live training plots (pyqtgraph), one module each, fed by the workbench's GUI timer."""
