"""`python -m dlsim` is the same as the `dlsim` command."""

import sys

from dlsim.cli import main

if __name__ == "__main__":  # training processes import the main module: it must not run again
    sys.exit(main())
