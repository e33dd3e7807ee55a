"""The ``readout-diff/1`` JSON writer: a plain walk over the comparison model.

The format is a public contract (``readout_tui/data/readout-diff-1.schema.json``); field names
here follow it one for one, and the tests validate every export against the schema.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from readout_tui import __version__
from readout_tui.core.model import Block, Comparison, Document, Edit, Span
from readout_tui.core.perf import collector_paused

SCHEMA = "readout-diff/1"


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"paragraph": span.paragraph, "start": span.start, "end": span.end, "text": span.text}


def _edit(edit: Edit) -> dict[str, Any]:
    return {
        "id": edit.id,
        "op": edit.op,
        "kind": edit.kind,
        "left": _span(edit.left),
        "right": _span(edit.right),
        "suggestion": edit.suggestion,
    }


def _block(block: Block) -> dict[str, Any]:
    return {
        "id": block.id,
        "op": block.op,
        "left": list(block.left),
        "right": list(block.right),
        "similarity": round(block.similarity, 4),
        "moved": block.moved,
        "edits": [_edit(e) for e in block.edits],
    }


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "title": doc.title,
        "format": doc.format,
        "paragraphs": [
            {"index": p.index, "text": p.text, "start": p.start, "end": p.end, "role": p.role}
            for p in doc.paragraphs
        ],
    }


def _review_dict(review: Any) -> dict[str, Any] | None:
    if review is None:
        return None
    to_dict = getattr(review, "to_export_dict", None)
    if to_dict is None:
        raise TypeError("review must provide to_export_dict()")
    result: dict[str, Any] = to_dict()
    return result


def to_dict(
    comparison: Comparison, *, review: Any = None, with_blocks: bool = True
) -> dict[str, Any]:
    """The export as plain JSON-ready data."""
    summary = comparison.summary
    return {
        "schema": SCHEMA,
        "generator": {"name": "readout-tui", "version": __version__},
        "documents": {"left": _document(comparison.left), "right": _document(comparison.right)},
        "blocks": [_block(b) for b in comparison.blocks] if with_blocks else [],
        "typos": [asdict(t) for t in comparison.typos],
        "artifacts": [asdict(a) for a in comparison.artifacts],
        "commitments": [asdict(c) for c in comparison.commitments],
        "summary": {
            "left_paragraphs": summary.left_paragraphs,
            "right_paragraphs": summary.right_paragraphs,
            "blocks_by_op": dict(summary.blocks_by_op),
            "edits_by_kind": dict(summary.edits_by_kind),
            "typos": summary.typos,
            "commitments": asdict(summary.commitments),
            "left_retained": round(summary.left_retained, 4),
            "right_reused": round(summary.right_reused, 4),
        },
        "notices": list(comparison.notices),
        "review": _review_dict(review),
    }


def dumps(comparison: Comparison, *, review: Any = None) -> str:
    """Serialise the export as compact UTF-8 JSON, one block per line.

    Blocks are encoded one at a time with the C encoder (an ``indent`` would switch json to
    its pure-Python encoder, several times slower) and never held as one big tree, which keeps
    a 31k-paragraph export fast and its memory low.
    """
    with collector_paused():
        return _dumps(comparison, review)


def _dumps(comparison: Comparison, review: Any) -> str:
    head = to_dict(comparison, review=review, with_blocks=False)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    parts = [encode(_block(b)) for b in comparison.blocks]
    body = encode(head)
    # ``to_dict(..., with_blocks=False)`` leaves ``"blocks": []`` for the blocks to go in.
    marker = '"blocks": []'
    cut = body.index(marker)
    return (
        body[:cut] + '"blocks": [\n' + ",\n".join(parts) + "\n]" + body[cut + len(marker) :] + "\n"
    )
