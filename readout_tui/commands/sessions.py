"""Manage review sessions: ``readout-tui sessions list | show | export | rm``.

``list`` shows every stored session (newest first); ``show REF`` prints one session's items
and notes; ``export REF --format F`` exports its documents' comparison with the review (the
documents are read from where the session recorded them, or from ``--old``/``--new``);
``rm REF...`` deletes sessions. REF is a session file path or a unique prefix of a session
name as printed by ``list``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from readout_tui.commands.export import add_output_options, check_output, emit, warn
from readout_tui.core.documents import DEFAULT_MAX_BYTES, load_document
from readout_tui.core.errors import InputError
from readout_tui.core.export import WRITERS
from readout_tui.core.model import Comparison, Document
from readout_tui.core.review import REVIEW_STATUSES, all_targets, change_targets, progress
from readout_tui.core.sessions import (
    DocumentRef,
    SessionData,
    list_sessions,
    read_session,
    resolve_session,
    sessions_dir,
)


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub.add_parser("list", help="list stored sessions, newest first")
    show = sub.add_parser("show", help="print one session's statuses and notes")
    show.add_argument("ref", metavar="REF", help="session file, or a prefix of its name")
    export = sub.add_parser("export", help="export a session's comparison with its review")
    export.add_argument("ref", metavar="REF", help="session file, or a prefix of its name")
    export.add_argument("--old", metavar="FILE", help="the original (default: recorded path)")
    export.add_argument("--new", metavar="FILE", help="the revision (default: recorded path)")
    add_output_options(export)
    rm = sub.add_parser("rm", help="delete sessions")
    rm.add_argument("refs", nargs="+", metavar="REF", help="session files or name prefixes")


def _safe(text: str) -> str:
    """Text from a session file made harmless for a terminal (no escape sequences)."""
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in text)


def _counts(data: SessionData) -> str:
    items = [i for i in data.review.items.values() if not i.is_blank]
    by_status = {s: sum(i.status == s for i in items) for s in REVIEW_STATUSES[1:]}
    parts = [f"{n} {s}" for s, n in by_status.items() if n]
    notes = sum(bool(i.note) for i in items)
    parts.append(f"{notes} note" + ("" if notes == 1 else "s"))
    return ", ".join(parts) if items else "empty"


def _list() -> int:
    folder = sessions_dir()
    infos = list_sessions(folder)
    if not infos:
        print(f"no review sessions in {folder}")
        return 0
    for info in infos:
        if info.data is None:
            print(f"{info.path.stem}  (unreadable: {_safe(info.error or '')})")
            continue
        d = info.data
        when = d.updated[:16].replace("T", " ")
        print(
            f"{info.path.stem}  {when}  {_safe(d.left.name)} ⇄ {_safe(d.right.name)}"
            f"  ({_counts(d)})"
        )
    aside = sorted(folder.glob("*.corrupt-*"))
    if aside:
        print(f"{len(aside)} unreadable session file(s) set aside in {folder}", file=sys.stderr)
    return 0


def _load(ref: DocumentRef, override: str | None, side: str) -> Document | None:
    path = override or ref.path
    if path is None or not (override or Path(path).is_file()):
        return None
    doc = load_document(path, max_bytes=DEFAULT_MAX_BYTES)
    if doc.sha256 != ref.sha256:
        warn(f"the {side} document changed since the session ({path}); items re-mapped by id")
    return doc


def _comparison(data: SessionData, old: str | None, new: str | None) -> Comparison | None:
    from readout_tui.core.compare import compare

    left = _load(data.left, old, "left")
    right = _load(data.right, new, "right")
    if left is None or right is None:
        return None
    return compare(left, right)


def _show(ref: str) -> int:
    path = resolve_session(ref)
    data = read_session(path)
    review = data.review
    print(f"session   {_safe(review.session)}")
    print(f"file      {path}")
    for side, doc in (("left", data.left), ("right", data.right)):
        where = f"  {_safe(doc.path)}" if doc.path else ""
        print(f"{side:<9} {_safe(doc.name)}  (sha256 {doc.sha256[:12]}){where}")
    print(f"updated   {_safe(data.updated)}  (created {_safe(data.created)})")
    comparison = _comparison(data, None, None)
    if comparison is not None:
        print(f"progress  {progress(review, change_targets(comparison))}; {_counts(data)}")
        known = all_targets(comparison)
    else:
        print(f"progress  {_counts(data)} (documents not found, ids not checked)")
        known = None
    items = [i for _, i in sorted(review.items.items()) if not i.is_blank]
    for item in items:
        tags = "".join(f"  #{_safe(t)}" for t in item.tags)
        gone = (
            "  (no longer in the comparison)"
            if known is not None and item.target not in known
            else ""
        )
        print(f"  {item.status:<10} {_safe(item.target)}{tags}{gone}")
        for line in (item.note or "").splitlines():
            print(f"      {_safe(line)}")
    return 0


def _export(args: argparse.Namespace) -> int:
    out = check_output(args.output, force=args.force)
    data = read_session(resolve_session(args.ref))
    comparison = _comparison(data, args.old, args.new)
    if comparison is None:
        raise InputError(
            "the session's documents are not at their recorded paths; give --old and --new"
        )
    emit(WRITERS[args.format](comparison, data.review), out)
    return 0


def _rm(refs: Iterable[str]) -> int:
    paths = [resolve_session(ref) for ref in refs]  # all resolved before any is deleted
    for path in paths:
        try:
            path.unlink()
        except OSError as exc:
            raise InputError(f"{path}: cannot remove ({exc.strerror or exc})") from None
        print(f"removed {path}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list()
    if args.action == "show":
        return _show(args.ref)
    if args.action == "export":
        return _export(args)
    return _rm(args.refs)
