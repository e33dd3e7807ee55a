"""Test helpers for review sessions and exports: small comparisons built without the engine.

``simple_comparison`` aligns paragraphs and words with difflib so exporter tests do not depend
on the engine's heuristics; ``sample_comparison`` runs the real engine on the bundled pair
(for golden files).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

from readout_tui.core.documents import document_from_bytes, document_from_text
from readout_tui.core.ids import IdMaker
from readout_tui.core.model import (
    Artifact,
    Block,
    Commitment,
    CommitmentCounts,
    Comparison,
    Document,
    Edit,
    EditKind,
    Span,
    Summary,
    Typo,
)
from readout_tui.core.review import Review, ReviewItem, new_review

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
LEFT_NAME = "xinhua-2021-02-04-wang-yi-lavrov.txt"
RIGHT_NAME = "republication-wang-yi-lavrov.txt"
FIXED_TIME = "2024-05-06T07:08:09.000000+00:00"

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def _kind(old: str, new: str) -> EditKind:
    if old.lower() == new.lower():
        return "case"
    if not re.search(r"\w", old + new):
        return "punctuation" if (old + new).strip() else "whitespace"
    if re.fullmatch(r"[\d.,\s]*", old + new):
        return "number"
    return "paraphrase"


def _word_edits(ids: IdMaker, li: int, left: str, ri: int, right: str) -> tuple[Edit, ...]:
    lt = [(m.start(), m.end()) for m in _TOKEN.finditer(left)]
    rt = [(m.start(), m.end()) for m in _TOKEN.finditer(right)]
    matcher = difflib.SequenceMatcher(
        None, [left[a:b] for a, b in lt], [right[a:b] for a, b in rt], autojunk=False
    )
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        ls = lt[i1][0] if i1 < len(lt) else len(left)
        le = lt[i2 - 1][1] if i2 > i1 else ls
        rs = rt[j1][0] if j1 < len(rt) else len(right)
        re_ = rt[j2 - 1][1] if j2 > j1 else rs
        old, new = left[ls:le], right[rs:re_]
        op = {"replace": "replace", "delete": "delete", "insert": "insert"}[tag]
        edits.append(
            Edit(
                ids.make(op, old, new),
                op,  # type: ignore[arg-type]
                _kind(old, new),
                Span(li, ls, le, old),
                Span(ri, rs, re_, new),
            )
        )
    return tuple(edits)


def simple_comparison(
    left: Document | str,
    right: Document | str,
    *,
    typos: tuple[Typo, ...] = (),
    artifacts: tuple[Artifact, ...] = (),
    commitments: tuple[Commitment, ...] = (),
) -> Comparison:
    """A comparison from difflib: exact paragraph matching, then pairwise word diffs."""
    ldoc = document_from_text(left, path="left.txt") if isinstance(left, str) else left
    rdoc = document_from_text(right, path="right.txt") if isinstance(right, str) else right
    lp = [p.text for p in ldoc.paragraphs]
    rp = [p.text for p in rdoc.paragraphs]
    bids, eids = IdMaker("b"), IdMaker("e")
    blocks: list[Block] = []
    matcher = difflib.SequenceMatcher(None, lp, rp, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                blocks.append(Block(bids.make("equal", lp[i]), "equal", (i,), (j,), 1.0))
            continue
        for k in range(pairs):
            i, j = i1 + k, j1 + k
            edits = _word_edits(eids, i, lp[i], j, rp[j])
            sim = difflib.SequenceMatcher(None, lp[i], rp[j]).ratio()
            blocks.append(
                Block(bids.make("edit", lp[i], rp[j]), "edit", (i,), (j,), sim, False, edits)
            )
        for i in range(i1 + pairs, i2):
            blocks.append(Block(bids.make("delete", lp[i]), "delete", (i,), (), 0.0))
        for j in range(j1 + pairs, j2):
            blocks.append(Block(bids.make("insert", rp[j]), "insert", (), (j,), 0.0))
    ops = Counter(b.op for b in blocks)
    kinds = Counter(e.kind for b in blocks for e in b.edits)
    summary = Summary(
        left_paragraphs=len(lp),
        right_paragraphs=len(rp),
        blocks_by_op=dict(ops),
        edits_by_kind=dict(kinds),
        typos=len(typos),
        commitments=CommitmentCounts(
            left=sum(c.side == "left" for c in commitments),
            right=sum(c.side == "right" for c in commitments),
            dropped=sum(c.status == "dropped" for c in commitments),
            added=sum(c.status == "added" for c in commitments),
        ),
        left_retained=ops["equal"] / max(1, len(lp)),
        right_reused=ops["equal"] / max(1, len(rp)),
    )
    return Comparison(ldoc, rdoc, tuple(blocks), summary, typos, artifacts, commitments)


def sample_documents() -> tuple[Document, Document]:
    """The bundled pair, with bare file names as paths (so outputs do not depend on cwd)."""
    left = document_from_bytes((SAMPLE / LEFT_NAME).read_bytes(), path=LEFT_NAME)
    right = document_from_bytes((SAMPLE / RIGHT_NAME).read_bytes(), path=RIGHT_NAME)
    return left, right


def sample_comparison() -> Comparison:
    """The engine's comparison of the sample pair."""
    from readout_tui.core.compare import compare

    return compare(*sample_documents())


def fixed_review(comparison: Comparison, *, session: str = "golden") -> Review:
    """A deterministic review touching every kind of target: statuses, notes, tags."""
    edits = [e for b in comparison.blocks for e in b.edits]
    blocks = [b for b in comparison.blocks if b.op in ("delete", "insert", "split", "merge")]
    items: list[ReviewItem] = []
    statuses = ("accepted", "flagged", "rejected")
    for n, edit in enumerate(edits[:6]):
        note = f"Edit note {n}: wording *matters* & <checked>." if n % 2 == 0 else None
        tags = ("wording",) if n % 3 == 0 else ()
        items.append(ReviewItem(edit.id, statuses[n % 3], note, tags, FIXED_TIME))
    for n, block in enumerate(blocks[:3]):
        items.append(
            ReviewItem(block.id, "flagged", f"Block note {n}.", ("structure",), FIXED_TIME)
        )
    for typo in comparison.typos[:1]:
        items.append(ReviewItem(typo.id, "accepted", "Confirmed misspelling.", (), FIXED_TIME))
    for n, c in enumerate(comparison.commitments[:4]):
        status = statuses[n % 3]
        items.append(
            ReviewItem(c.id, status, f"Commitment note {n}." if n < 2 else None, (), FIXED_TIME)
        )
    # A note whose target no longer exists (from an older version of a document).
    items.append(ReviewItem("e-000000000000", "flagged", "Orphaned note.", ("old",), FIXED_TIME))
    return new_review(session, items)
