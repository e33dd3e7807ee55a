"""The ``readout-diff/1`` JSON writer: a plain walk over the comparison model.

The format is a public contract (``readout_tui/data/readout-diff-1.schema.json``); field names
here follow it one for one, and the tests validate every export against the schema.
"""

from __future__ import annotations

from typing import Any

import orjson

from readout_tui import __version__
from readout_tui.core.model import Comparison, Document
from readout_tui.core.perf import collector_paused
from readout_tui.core.review import Review

SCHEMA = "readout-diff/1"
#: Exports of documents with up to this many paragraphs in all are indented.
INDENT_UP_TO = 4000


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "title": doc.title,
        "format": doc.format,
        "paragraphs": doc.paragraphs,  # Paragraph fields are the schema's, one for one
    }


def _review_dict(review: Review | None) -> dict[str, Any] | None:
    return None if review is None else review.to_export_dict()


def _tree(comparison: Comparison, review: Review | None) -> dict[str, Any]:
    """The export as a tree of dicts and model records (orjson serialises the records)."""
    summary = comparison.summary
    return {
        "schema": SCHEMA,
        "generator": {"name": "readout-tui", "version": __version__},
        "documents": {"left": _document(comparison.left), "right": _document(comparison.right)},
        # Block, Edit, Span, Typo, Artifact and Commitment fields match the schema exactly.
        "blocks": comparison.blocks,
        "typos": comparison.typos,
        "artifacts": comparison.artifacts,
        "commitments": comparison.commitments,
        "summary": {
            "left_paragraphs": summary.left_paragraphs,
            "right_paragraphs": summary.right_paragraphs,
            "blocks_by_op": summary.blocks_by_op,
            "edits_by_kind": summary.edits_by_kind,
            "typos": summary.typos,
            "commitments": summary.commitments,
            "left_retained": round(summary.left_retained, 4),
            "right_reused": round(summary.right_reused, 4),
        },
        "notices": list(comparison.notices),
        "review": _review_dict(review),
    }


def dumps_bytes(comparison: Comparison, *, review: Review | None = None) -> bytes:
    """The export as UTF-8 JSON bytes, ready to write.

    orjson writes the model's frozen dataclasses directly, several times faster than the
    standard library on a 31k-paragraph comparison, and handing its bytes straight to the
    file avoids two more copies of a 50 MB text. Small exports are indented for people; large
    ones are compact (indenting would double a 50 MB file).
    """
    indent = len(comparison.left.paragraphs) + len(comparison.right.paragraphs) <= INDENT_UP_TO
    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
    with collector_paused():
        return orjson.dumps(_tree(comparison, review), option=option)


def dumps(comparison: Comparison, *, review: Review | None = None) -> str:
    """The export as JSON text (see :func:`dumps_bytes`)."""
    return dumps_bytes(comparison, review=review).decode("utf-8")
