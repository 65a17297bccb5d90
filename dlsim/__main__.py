"""`python -m dlsim` is the same as the `dlsim` command."""

import sys

from dlsim.cli import main

sys.exit(main())
