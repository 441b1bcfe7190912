"""The `trunkline` command: one subcommand per job, each defined by its own module."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from generator import __version__
from generator.errors import TrunklineError

EXIT_INPUT = 2

# subcommand -> module of generator/commands/ with HELP, DESCRIPTION, configure(parser) and run(args) -> int
COMMANDS = ("lint", "generate", "check", "mock", "verify", "proxy", "diff", "release", "build", "publish")


class Command(Protocol):
    """What a subcommand module provides."""

    HELP: str
    DESCRIPTION: str

    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line on bad usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_INPUT, f"trunkline: error: {message} (see --help)\n")


def _commands(only: str | None = None) -> dict[str, Command]:
    """The command modules; just `only` when given, since some import heavy libraries."""
    names = (only,) if only is not None and only in COMMANDS else COMMANDS
    return {name: cast(Command, importlib.import_module(f"generator.commands.{name}")) for name in names}


def parser(commands: dict[str, Command] | None = None) -> argparse.ArgumentParser:
    """The command-line interface."""
    top = _Parser(prog="trunkline", description="Typed Python clients from checked OpenAPI specs.")
    top.add_argument("--version", action="version", version=f"trunkline {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, command in (commands or _commands()).items():
        command.configure(sub.add_parser(name, help=command.HELP, description=command.DESCRIPTION))
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in arguments if not a.startswith("-")), None)
    commands = _commands(chosen)
    args = parser(commands).parse_args(arguments)
    try:
        return commands[args.command].run(args)
    except TrunklineError as exc:
        print(f"trunkline: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("trunkline: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line unless asked for the traceback
        if os.environ.get("TRUNKLINE_DEBUG"):
            raise
        print(f"trunkline: internal error: {type(exc).__name__}: {exc} (set TRUNKLINE_DEBUG=1 for a traceback)", file=sys.stderr)
        return 3
