"""Export a comparison: ``readout-tui export OLD NEW --format FORMAT [-o FILE] [--force]``.

Formats: json, html, markdown, tei, csv, commitments-csv. The review session stored for the
pair is included by default (statuses, notes, tags); ``--session FILE`` uses that session
file instead and ``--no-session`` leaves the review out. Writes to standard output without
``-o``. An existing output file is never overwritten without ``--force``, and writing is
atomic, so a failed export never damages a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from readout_tui.commands import add_input_options, load_pair
from readout_tui.core.atomic import write_bytes_atomic
from readout_tui.core.errors import InputError
from readout_tui.core.export import DESCRIPTIONS, WRITERS, export_bytes
from readout_tui.core.model import Comparison, Document
from readout_tui.core.review import Review
from readout_tui.core.sessions import SessionStore

PROG = "readout-tui"


def add_session_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--session", metavar="FILE", help="take the review from this session file")
    group.add_argument(
        "--no-session", action="store_true", help="export without any review session"
    )


def add_output_options(parser: argparse.ArgumentParser) -> None:
    listing = "; ".join(f"{name}: {text}" for name, text in DESCRIPTIONS.items())
    parser.add_argument(
        "-f",
        "--format",
        choices=list(WRITERS),
        default="json",
        metavar="FORMAT",
        help=f"output format, default json ({listing})",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite an existing FILE")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", nargs="?", help="the original version (default: sample pair)")
    parser.add_argument("new", nargs="?", help="the revised version")
    add_output_options(parser)
    add_session_options(parser)
    add_input_options(parser)


def warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def review_for(
    left: Document,
    right: Document,
    comparison: Comparison,
    *,
    session_file: str | None,
    no_session: bool,
) -> Review | None:
    """The review to export: the pair's stored session, an explicit file, or none.

    Exporting never changes a session: the store is opened read-only, so a bad file is
    reported, not moved. An explicit ``--session`` file that cannot be used is an error.
    """
    if session_file is not None and Path(session_file).is_dir():
        raise InputError(f"{session_file}: is a directory, not a session file")
    if session_file is not None and not Path(session_file).is_file():
        raise InputError(f"{session_file}: no such session file")
    store = SessionStore.for_pair(
        left, right, session_file=session_file, no_session=no_session, read_only=True
    )
    result = store.load(comparison)
    if session_file is not None and result.warnings:
        raise InputError(result.warnings[0].removeprefix("ignoring session file: "))
    for message in result.warnings:
        warn(message)
    if result.status in ("off", "new"):
        return None
    if result.status == "remapped":
        warn(result.message)
    return result.review


def check_output(output: str | None, *, force: bool) -> Path | None:
    out = Path(output) if output else None
    if out is not None:
        if out.is_dir():
            raise InputError(f"{out}: is a directory")
        if out.exists() and not force:
            raise InputError(f"{out}: already exists (use --force to overwrite)")
    return out


def emit(content: str | bytes, out: Path | None) -> None:
    """Write ``content`` to ``out`` atomically, or to standard output."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror or exc})") from None


def run(args: argparse.Namespace) -> int:
    from readout_tui.core.compare import compare

    out = check_output(args.output, force=args.force)
    left, right = load_pair(args.old, args.new, max_bytes=args.max_size)
    comparison = compare(left, right)
    review = review_for(
        left, right, comparison, session_file=args.session, no_session=args.no_session
    )
    emit(export_bytes(args.format, comparison, review), out)
    return 0
