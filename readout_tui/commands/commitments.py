"""List commitments per speaker: who committed to what, and what became of it.

With one file, lists the commitments made in it. With two (an original and a later version),
shows each commitment of the first with its status in the second: kept, dropped, softened,
strengthened, reattributed or changed, then those only the second has (added). --status keeps
some statuses only (--status dropped). On a terminal, a table per speaker; piped or with
NO_COLOR set, plain text with one line per commitment; --json for machines.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from readout_tui.commands import add_input_options
from readout_tui.core.commitments import (
    commitment_counts,
    compare_commitments,
    extract_commitments,
)
from readout_tui.core.documents import load_document
from readout_tui.core.errors import InputError
from readout_tui.core.model import COMMITMENT_STATUSES, Commitment, Document
from readout_tui.core.safe_text import printable

# Document text is only ever placed into rich.text.Text objects (never parsed as markup) and
# passed through printable() (control characters made visible).

_STATUS_STYLE = {
    "kept": "dim",
    "dropped": "bold red",
    "added": "bold green",
    "softened": "yellow",
    "strengthened": "cyan",
    "reattributed": "magenta",
    "changed": "bold yellow",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the document (the original, when comparing)")
    parser.add_argument("other", nargs="?", help="a second version to compare with")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument(
        "--status",
        action="append",
        choices=COMMITMENT_STATUSES,
        metavar="STATUS",
        help="only commitments with this status: "
        + ", ".join(COMMITMENT_STATUSES)
        + " (repeatable; with two files)",
    )
    add_input_options(parser)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the listing: a commitment, and its counterpart when there is one."""

    commitment: Commitment
    other: Commitment | None

    @property
    def speaker(self) -> str:
        return self.commitment.speaker


def rows(commitments: Sequence[Commitment]) -> list[Row]:
    """Left commitments (with counterparts) in reading order, then right-only ones."""
    by_id = {c.id: c for c in commitments}
    out = [
        Row(c, by_id.get(c.counterpart) if c.counterpart else None)
        for c in commitments
        if c.side == "left"
    ]
    out += [Row(c, None) for c in commitments if c.side == "right" and c.counterpart is None]
    return out


def _where(row: Row, compared: bool) -> str:
    c, o = row.commitment, row.other
    if not compared:
        return f"¶{c.paragraph + 1}"
    if c.side == "right":
        return f"– → ¶{c.paragraph + 1}"
    return f"¶{c.paragraph + 1} → " + (f"¶{o.paragraph + 1}" if o else "–")


def _changed(a: str | None, b: str | None) -> str:
    return printable(a or "–") if a == b else f"{printable(a or '–')} → {printable(b or '–')}"


def _groups(listing: Sequence[Row]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in listing:
        groups.setdefault(row.speaker, []).append(row)
    return groups


def render_plain(listing: Sequence[Row], *, compared: bool) -> str:
    """Plain text: a heading per speaker, one line per commitment."""
    lines: list[str] = []
    for speaker, group in _groups(listing).items():
        if lines:
            lines.append("")
        lines.append(f"{printable(speaker)} ({len(group)})")
        for row in group:
            c, o = row.commitment, row.other
            status = f"{c.status:<12} " if compared else ""
            strength = f"{c.strength}" + (
                f"→{o.strength}" if o and o.strength != c.strength else ""
            )
            holder = _changed(c.holder, o.holder if o else c.holder)
            cue = _changed(c.cue, o.cue if o else c.cue)
            extra = f" speaker→{printable(o.speaker)}" if o and o.speaker != c.speaker else ""
            lines.append(
                f"  {status}{c.type:<11} {strength:<4} {_where(row, compared):<10} "
                f"holder={holder} cue={cue}{extra} | {printable(c.text)}"
            )
            if o is not None and o.text != c.text:
                lines.append(f"      → {printable(o.text)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_tables(listing: Sequence[Row], *, compared: bool) -> list[Table]:
    """A Rich table per speaker (document text only ever in ``Text`` objects)."""
    tables: list[Table] = []
    for speaker, group in _groups(listing).items():
        table = Table(
            title=Text(f"{speaker} ({len(group)})", style="bold"),
            title_justify="left",
            expand=True,
            show_lines=False,
        )
        if compared:
            table.add_column("status", no_wrap=True)
        table.add_column("type", no_wrap=True)
        table.add_column("str", no_wrap=True, justify="right")
        table.add_column("where", no_wrap=True)
        table.add_column("holder")
        table.add_column("cue")
        table.add_column("commitment", ratio=1)
        for row in group:
            c, o = row.commitment, row.other
            strength = f"{c.strength}" + (
                f"→{o.strength}" if o and o.strength != c.strength else ""
            )
            text = Text(printable(c.text))
            if o is not None and o.text != c.text:
                text.append("\n→ " + printable(o.text), style="italic")
            if o is not None and o.speaker != c.speaker:
                text.append(f"\nspeaker → {printable(o.speaker)}", style="magenta")
            cells = [
                Text(c.type),
                Text(strength),
                Text(_where(row, compared)),
                Text(_changed(c.holder, o.holder if o else c.holder)),
                Text(_changed(c.cue, o.cue if o else c.cue)),
                text,
            ]
            if compared:
                cells.insert(0, Text(c.status, style=_STATUS_STYLE.get(c.status, "")))
            table.add_row(*cells)
        tables.append(table)
    return tables


def _document_info(doc: Document | None) -> dict[str, object] | None:
    if doc is None:
        return None
    return {"path": doc.path, "sha256": doc.sha256, "paragraphs": len(doc.paragraphs)}


def to_json(left: Document, right: Document | None, commitments: Sequence[Commitment]) -> str:
    """The machine form: the documents, the commitments (as in ``readout-diff/1``), counts."""
    speakers: dict[str, int] = {}
    for c in commitments:
        speakers[c.speaker] = speakers.get(c.speaker, 0) + 1
    data = {
        "left": _document_info(left),
        "right": _document_info(right),
        "speakers": [{"speaker": s, "commitments": n} for s, n in speakers.items()],
        "commitments": [asdict(c) for c in commitments],
        "counts": asdict(commitment_counts(commitments)) if right is not None else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _load(path: str, max_bytes: int) -> Document:
    if path == "-":
        raise InputError("reading from standard input is not supported; give file paths")
    return load_document(path, max_bytes=max_bytes)


def run(args: argparse.Namespace) -> int:
    left = _load(args.file, args.max_size)
    right = _load(args.other, args.max_size) if args.other else None
    if right is None:
        if args.status:
            raise InputError("--status needs two files to compare")
        commitments = extract_commitments(left, "left")
    else:
        from readout_tui.core.compare import compare

        comparison = compare(left, right)
        commitments = comparison.commitments or compare_commitments(left, right, comparison.blocks)
    if args.status:
        keep = set(args.status)
        commitments = tuple(c for c in commitments if c.status in keep)
    if args.json:
        sys.stdout.write(to_json(left, right, commitments))
        return 0
    compared = right is not None
    listing = rows(commitments)
    plain = not sys.stdout.isatty() or "NO_COLOR" in os.environ
    if plain:
        head = f"{left.name}: {sum(c.side == 'left' for c in commitments)} commitments"
        if right is not None:
            head += f"; {right.name}: {sum(c.side == 'right' for c in commitments)}"
        body = render_plain(listing, compared=compared) or "No commitments found.\n"
        sys.stdout.write(printable(head) + "\n\n" + body)
        return 0
    console = Console(highlight=False, emoji=False, markup=False)
    for table in render_tables(listing, compared=compared):
        console.print(table)
    if not listing:
        console.print(Text("No commitments found."))
    return 0
