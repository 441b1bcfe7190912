"""Run the CLI as `python -m generator`."""

from generator.cli import main

if __name__ == "__main__":  # worker processes import this module again; only the real run acts
    raise SystemExit(main())
