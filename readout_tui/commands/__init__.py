"""Subcommands of ``readout-tui``: name -> module with ``configure(parser)`` and ``run(args)``.

Modules are imported lazily by :mod:`readout_tui.cli`; options every command that reads two
documents shares are defined here once.
"""

from __future__ import annotations

import argparse
import os

from readout_tui.core.documents import DEFAULT_MAX_BYTES, load_document
from readout_tui.core.errors import InputError
from readout_tui.core.model import Document

COMMANDS: dict[str, str] = {
    "diff": "readout_tui.commands.diff",
    "commitments": "readout_tui.commands.commitments",
    "export": "readout_tui.commands.export",
    "sessions": "readout_tui.commands.sessions",
}

_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3}


def parse_size(text: str) -> int:
    """Parse ``50M``, ``200KB`` or ``1048576`` into bytes.

    >>> parse_size("50M"), parse_size("2kb"), parse_size("10")
    (52428800, 2048, 10)
    """
    raw = text.strip().upper()
    digits = raw.rstrip("KMGB")
    unit = raw[len(digits) :]
    try:
        value = float(digits)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 50M)") from None
    if unit not in _UNITS or value <= 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 50M)")
    return int(value * _UNITS[unit])


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="refuse files larger than this (default 50M)",
    )


def sample_pair() -> tuple[str, str]:
    """Paths of the bundled sample pair (Xinhua original, republication)."""
    from readout_tui.samples import sample_paths

    left, right = sample_paths()
    return str(left), str(right)


def load_pair(
    old: str | None, new: str | None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Document, Document]:
    """Load both documents, defaulting to the sample pair when neither is given."""
    if old is None and new is None:
        old, new = sample_pair()
    if old is None or new is None:
        raise InputError("give two files (OLD NEW), or none for the sample pair")
    if os.fspath(old) == "-" or os.fspath(new) == "-":
        raise InputError("reading from standard input is not supported; give file paths")
    return load_document(old, max_bytes=max_bytes), load_document(new, max_bytes=max_bytes)
