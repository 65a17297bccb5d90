"""dlsim's engine: pure NumPy, usable from scripts, tests, the CLI and the GUI alike.

Nothing under this package imports Qt. The scripting entry point is `Experiment`.
"""

from dlsim.engine.errors import DlsimError
from dlsim.engine.training.experiment import Experiment, check_document

__all__ = ["DlsimError", "Experiment", "check_document"]
