"""Carry the typo and artifact findings over to the word edits they explain.

The typo and artifact stages look at words and paragraphs; the word diff sees edits. When an
edit is exactly a typo (one word swapped for its misspelling, or back) it becomes an edit of
kind ``typo`` with the suggestion; when most of what an edit inserts or deletes is scraping
debris, it becomes kind ``artifact``. A long paraphrase that merely contains a typo keeps its
kind: the typo itself is listed separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from readout_tui.core.model import Artifact, Block, Edit, Side, Span, Typo

#: Share of an edit's non-space characters that debris must cover for kind "artifact".
ARTIFACT_COVER = 0.5


def _covered(span: Span, ranges: Sequence[tuple[int, int]]) -> int:
    chars = 0
    for start, end in ranges:
        lo, hi = max(start, span.start), min(end, span.end)
        if lo < hi:
            chars += sum(
                1 for ch in span.text[lo - span.start : hi - span.start] if not ch.isspace()
            )
    return chars


def retag_edits(
    blocks: Sequence[Block], typos: Sequence[Typo], artifacts: Sequence[Artifact]
) -> list[Block]:
    """Blocks with edits re-kinded by the typos and artifacts found in their paragraphs."""
    typo_at: dict[tuple[Side, int, int, int], Typo] = {
        (t.side, t.paragraph, t.start, t.end): t for t in typos
    }
    debris: dict[tuple[Side, int], list[tuple[int, int]]] = {}
    for a in artifacts:
        debris.setdefault((a.side, a.paragraph), []).append((a.start, a.end))
    if not typo_at and not debris:
        return list(blocks)
    touched = {(side, p) for side, p, _, _ in typo_at} | set(debris)
    out: list[Block] = []
    for block in blocks:
        if not any(("left", i) in touched for i in block.left) and not any(
            ("right", j) in touched for j in block.right
        ):
            out.append(block)
            continue
        changed = False
        edits: list[Edit] = []
        for e in block.edits:
            new = _retag(e, typo_at, debris)
            changed = changed or new is not e
            edits.append(new)
        out.append(replace(block, edits=tuple(edits)) if changed else block)
    return out


def _retag(
    e: Edit,
    typo_at: dict[tuple[Side, int, int, int], Typo],
    debris: dict[tuple[Side, int], list[tuple[int, int]]],
) -> Edit:
    sides: tuple[tuple[Side, Span | None], ...] = (("left", e.left), ("right", e.right))
    for side, span in sides:
        if span is None or not span.text:
            continue
        stripped = span.text.strip()
        lead = len(span.text) - len(span.text.lstrip())
        key = (side, span.paragraph, span.start + lead, span.start + lead + len(stripped))
        typo = typo_at.get(key)
        if typo is not None and e.op == "replace":
            return replace(e, kind="typo", suggestion=typo.suggestion)
    for side, span in sides:
        if span is None or not span.text.strip():
            continue
        ranges = debris.get((side, span.paragraph))
        if ranges:
            solid = sum(1 for ch in span.text if not ch.isspace())
            if _covered(span, ranges) >= ARTIFACT_COVER * solid:
                return replace(e, kind="artifact", suggestion=None)
    return e
