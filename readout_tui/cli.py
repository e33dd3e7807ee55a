"""Command line entry point: ``readout-tui [OLD NEW]`` opens the app; subcommands do the rest.

Subcommands live in :mod:`readout_tui.commands`, one module each, imported only when used so
that ``readout-tui export`` never pays for importing Textual. Every failure the user can cause
ends here as one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from readout_tui import __version__
from readout_tui.commands import COMMANDS, add_input_options
from readout_tui.core.errors import InputError

PROG = "readout-tui"


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Compare two versions of a text side by side. With no files, opens the bundled "
            "sample pair. Subcommands: " + ", ".join(COMMANDS) + " (see 'readout-tui CMD -h')."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("old", nargs="?", help="the original version (default: sample pair)")
    parser.add_argument("new", nargs="?", help="the revised version")
    add_input_options(parser)
    parser.add_argument("--session", metavar="FILE", help="use this review session file")
    parser.add_argument(
        "--no-session", action="store_true", help="keep no review session for this run"
    )
    return parser


def _run_app(args: argparse.Namespace) -> int:
    if (args.old is None) != (args.new is None):
        raise InputError("give two files (OLD NEW), or none for the sample pair")
    try:
        module = importlib.import_module("readout_tui.ui.app")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("readout_tui"):
            raise InputError("the interactive app is not available in this build") from None
        raise
    result: int = module.run_app(args)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            name = args_list[0]
            module = importlib.import_module(COMMANDS[name])
            parser = argparse.ArgumentParser(prog=f"{PROG} {name}", description=module.__doc__)
            module.configure(parser)
            args = parser.parse_args(args_list[1:])
            status: int = module.run(args)
            return status
        return _run_app(_app_parser().parse_args(args_list))
    except InputError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `readout-tui diff a b | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
