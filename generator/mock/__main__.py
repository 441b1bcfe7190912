"""`python -m generator.mock SPEC`: the mock alone, without importing the generator's other commands."""

from __future__ import annotations

import argparse
import sys

from generator.commands import mock as command
from generator.errors import TrunklineError


def main() -> int:
    """Parse the mock's arguments and serve; exit statuses as `trunkline mock`."""
    parser = argparse.ArgumentParser(prog="python -m generator.mock", description=command.DESCRIPTION)
    command.configure(parser)
    try:
        return command.run(parser.parse_args())
    except TrunklineError as exc:
        print(f"trunkline: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
