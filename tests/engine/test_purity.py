"""The engine never loads Qt: it must run in scripts, tests and the CLI without a display."""

import subprocess
import sys


def test_importing_the_whole_engine_loads_no_qt() -> None:
    # Every module of every sub-package (nn, training, live, teaching, views), not only their
    # __init__ files.
    code = (
        "import sys, pkgutil, importlib, dlsim.engine as e\n"
        "names = [m.name for m in pkgutil.walk_packages(e.__path__, 'dlsim.engine.')]\n"
        "assert len(names) > 30, names\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')"
        " or m.startswith('dlsim.ui')]\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
