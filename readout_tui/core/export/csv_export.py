"""CSV exports: one row per change (``csv``) and one row per commitment (``commitments-csv``).

Written with the :mod:`csv` module (RFC 4180 quoting, CRLF rows). Spreadsheets execute cells
that start with ``=``, ``+``, ``-`` or ``@`` (and tab or CR) as formulas, so such text cells get
a leading apostrophe (:func:`cell`): a document cannot smuggle a formula into a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from readout_tui.core.export.layout import change_rows
from readout_tui.core.model import Comparison
from readout_tui.core.review import Review, ReviewItem, all_targets, unmapped_items

CHANGE_COLUMNS = (
    "id",
    "operation",
    "kind",
    "left_text",
    "right_text",
    "suggestion",
    "status",
    "note",
    "tags",
    "block",
    "left_paragraphs",
    "right_paragraphs",
    "updated",
)
COMMITMENT_COLUMNS = (
    "id",
    "speaker",
    "holder",
    "type",
    "strength",
    "status",
    "counterpart",
    "counterpart_text",
    "side",
    "paragraph",
    "cue",
    "text",
    "review_status",
    "note",
    "tags",
    "updated",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A cell's text, defused when a spreadsheet would read it as a formula.

    >>> cell("=1+1"), cell("-5 points"), cell("plain"), cell(3)
    ("'=1+1", "'-5 points", 'plain', '3')
    """
    text = "" if value is None else str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue()


def _review_cells(review: Review | None, target: str) -> list[object]:
    item = review.items.get(target) if review is not None else None
    if item is None:
        return ["unreviewed" if review is not None else "", "", "", ""]
    return [item.status, item.note or "", "; ".join(item.tags), item.updated]


def _paras(indices: Sequence[int]) -> str:
    return " ".join(str(i) for i in indices)


def write_changes_csv(comparison: Comparison, review: Review | None = None) -> str:
    """One row per change (then typos and artifacts), with the review's status and note."""
    rows: list[list[object]] = []
    for r in change_rows(comparison):
        status, note, tags, updated = _review_cells(review, r.id)
        rows.append(
            [
                r.id,
                r.operation,
                r.kind,
                r.left_text,
                r.right_text,
                r.suggestion,
                status,
                note,
                tags,
                r.block,
                _paras(r.left_paragraphs),
                _paras(r.right_paragraphs),
                updated,
            ]
        )
    if review is not None:
        # Review items whose change is gone (a document changed) are kept, not dropped.
        for item in unmapped_items(review, all_targets(comparison)):
            rows.append(_unmapped_row(item))
    return _table(CHANGE_COLUMNS, rows)


def _unmapped_row(item: ReviewItem) -> list[object]:
    return [
        item.target,
        "unmapped",
        "",
        "",
        "",
        "",
        item.status,
        item.note or "",
        "; ".join(item.tags),
        "",
        "",
        "",
        item.updated,
    ]


def write_commitments_csv(comparison: Comparison, review: Review | None = None) -> str:
    """One row per commitment: who, what, how strong, what became of it, and the review."""
    texts = {c.id: c.text for c in comparison.commitments}
    rows: list[list[object]] = []
    for c in comparison.commitments:
        counterpart_text = texts.get(c.counterpart or "", "")
        rows.append(
            [
                c.id,
                c.speaker,
                c.holder or "",
                c.type,
                c.strength,
                c.status,
                c.counterpart or "",
                counterpart_text,
                c.side,
                c.paragraph,
                c.cue,
                c.text,
                *_review_cells(review, c.id),
            ]
        )
    return _table(COMMITMENT_COLUMNS, rows)
