"""`python -m bot …`, kept as an alias of `python -m ops …` (ops/cli.py) for the commands people already type."""

import sys

from ops.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m bot"))
