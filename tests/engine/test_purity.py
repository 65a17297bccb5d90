"""The engine never loads Qt: it must run in scripts, tests and the CLI without a display."""

import subprocess
import sys


def test_importing_the_whole_engine_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, dlsim.engine as e\n"
        "for m in pkgutil.iter_modules(e.__path__):\n"
        "    importlib.import_module('dlsim.engine.' + m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')"
        " or m.startswith('dlsim.ui')]\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
