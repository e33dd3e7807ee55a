"""Shared layout for the document exporters (HTML, Markdown, TEI, CSV).

Every writer renders from the model only, and they must agree on what a "change" is, how a
paragraph is cut into marked runs, how a block reads as an inline redline and how notes are
numbered. That logic lives here once, as plain records; the writers only choose markup.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from readout_tui.core.model import Block, Commitment, Comparison, Edit, Side
from readout_tui.core.review import Review, ReviewItem, all_targets, unmapped_items

MarkKind = Literal["delete", "insert", "replace", "typo", "artifact"]

#: How each block op reads in a report.
BLOCK_LABELS: dict[str, str] = {
    "equal": "unchanged",
    "edit": "edited",
    "split": "split",
    "merge": "merged",
    "delete": "omitted in right",
    "insert": "added in right",
    "move": "moved",
    "boilerplate": "boilerplate",
}


def block_label(block: Block) -> str:
    """``"split 1→2"``, ``"omitted in right"``, ``"edited (moved)"``...

    >>> block_label(Block("b", "split", (3,), (4, 5), 0.8))
    'split 1→2'
    """
    label = BLOCK_LABELS.get(block.op, block.op)
    if block.op in ("split", "merge"):
        label += f" {len(block.left)}→{len(block.right)}"
    if block.moved and block.op != "move":
        label += " (moved)"
    return label


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted range ``start:end`` of one paragraph, pointing at the record behind it."""

    start: int
    end: int
    kind: MarkKind
    target: str
    detail: str = ""  # edit kind, typo suggestion, artifact reason


def _edit_mark(edit: Edit, side: Side) -> Mark | None:
    span = edit.left if side == "left" else edit.right
    if span is None or span.start == span.end:
        return None
    kind: MarkKind = "replace" if edit.op == "replace" else edit.op
    return Mark(span.start, span.end, kind, edit.id, edit.kind)


def paragraph_marks(comparison: Comparison, side: Side) -> dict[int, list[Mark]]:
    """All marks of one side, by paragraph index, sorted by position."""
    marks: dict[int, list[Mark]] = defaultdict(list)
    for block in comparison.blocks:
        for edit in block.edits:
            span = edit.left if side == "left" else edit.right
            mark = _edit_mark(edit, side)
            if mark is not None and span is not None:
                marks[span.paragraph].append(mark)
    for typo in comparison.typos:
        if typo.side == side and typo.end > typo.start:
            marks[typo.paragraph].append(
                Mark(typo.start, typo.end, "typo", typo.id, typo.suggestion)
            )
    for art in comparison.artifacts:
        if art.side == side and art.end > art.start:
            marks[art.paragraph].append(Mark(art.start, art.end, "artifact", art.id, art.reason))
    for items in marks.values():
        items.sort(key=lambda m: (m.start, -m.end))
    return dict(marks)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of paragraph text and the marks covering all of it (outermost first)."""

    text: str
    marks: tuple[Mark, ...]
    #: Marks that begin at this run (where a footnote anchor or status badge goes).
    starts: tuple[Mark, ...] = ()
    #: Marks that end at this run.
    ends: tuple[Mark, ...] = ()


def runs(text: str, marks: Sequence[Mark]) -> list[Run]:
    """Cut ``text`` at every mark boundary (marks may overlap or nest).

    >>> [(r.text, [m.kind for m in r.marks]) for r in runs("a bc d", [Mark(2, 4, "typo", "t")])]
    [('a ', []), ('bc', ['typo']), (' d', [])]
    """
    size = len(text)
    clean = [m for m in marks if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in clean), *(m.end for m in clean)})
    out: list[Run] = []
    for a, b in itertools.pairwise(cuts):
        covering = tuple(m for m in clean if m.start <= a and b <= m.end)
        starts = tuple(m for m in covering if m.start == a)
        ends = tuple(m for m in covering if m.end == b)
        out.append(Run(text[a:b], covering, starts, ends))
    return out or [Run(text, ())]


RedlineOp = Literal["same", "delete", "insert", "replace", "break"]


@dataclass(frozen=True, slots=True)
class RedlinePiece:
    """One piece of a block's inline redline: shared text, a change, or a paragraph break."""

    op: RedlineOp
    text: str = ""  # same text / deleted text / inserted text / old text of a replace
    new: str = ""  # the new text of a replace
    edit: Edit | None = None


def _side_text(comparison: Comparison, side: Side, indices: Iterable[int]) -> list[str]:
    paragraphs = comparison.document(side).paragraphs
    return [paragraphs[i].text for i in indices if 0 <= i < len(paragraphs)]


def redline(comparison: Comparison, block: Block) -> list[RedlinePiece]:
    """The block as one reading: the newer text with deletions and replacements inline.

    Paragraph breaks of the right side appear as ``break`` pieces (a split shows where the
    paragraph was cut). Omitted blocks read as one deletion, added ones as one insertion.
    """
    if not block.right:
        texts = _side_text(comparison, "left", block.left)
        return _joined("delete", texts)
    if not block.left:
        return _joined("insert", _side_text(comparison, "right", block.right))
    right_paras = comparison.right.paragraphs
    order = [i for i in block.right if 0 <= i < len(right_paras)]
    position = {p: n for n, p in enumerate(order)}
    anchored = [e for e in block.edits if e.right is not None and e.right.paragraph in position]
    anchored.sort(key=lambda e: (position[e.right.paragraph], e.right.start) if e.right else (0, 0))
    anchored_ids = {e.id for e in anchored}
    floating = [e for e in block.edits if e.id not in anchored_ids]
    pieces: list[RedlinePiece] = []
    cursor_para, cursor = 0, 0

    def emit_until(para_n: int, offset: int) -> None:
        nonlocal cursor_para, cursor
        while cursor_para < para_n:
            rest = right_paras[order[cursor_para]].text[cursor:]
            if rest:
                pieces.append(RedlinePiece("same", rest))
            pieces.append(RedlinePiece("break"))
            cursor_para, cursor = cursor_para + 1, 0
        if offset > cursor:
            pieces.append(RedlinePiece("same", right_paras[order[para_n]].text[cursor:offset]))
            cursor = offset

    for edit in anchored:
        assert edit.right is not None
        emit_until(position[edit.right.paragraph], edit.right.start)
        pieces.append(_edit_piece(edit))
        cursor = max(cursor, edit.right.end)
    if order:
        emit_until(len(order) - 1, len(right_paras[order[-1]].text))
    pieces.extend(_edit_piece(e) for e in floating)
    return pieces


def _edit_piece(edit: Edit) -> RedlinePiece:
    old = edit.left.text if edit.left else ""
    new = edit.right.text if edit.right else ""
    if edit.op == "delete":
        return RedlinePiece("delete", old, edit=edit)
    if edit.op == "insert":
        return RedlinePiece("insert", new, edit=edit)
    return RedlinePiece("replace", old, new, edit=edit)


def _joined(op: RedlineOp, texts: list[str]) -> list[RedlinePiece]:
    pieces: list[RedlinePiece] = []
    for n, text in enumerate(texts):
        if n:
            pieces.append(RedlinePiece("break"))
        pieces.append(RedlinePiece(op, text))
    return pieces


@dataclass(frozen=True, slots=True)
class Footnote:
    """A numbered note: which target it belongs to and the review item holding it."""

    number: int
    target: str
    item: ReviewItem
    mapped: bool = True


def footnotes(comparison: Comparison, review: Review | None) -> dict[str, Footnote]:
    """Notes numbered in reading order (each block, then its edits; typos, commitments); notes on
    targets the comparison no longer has come last with ``mapped=False``."""
    if review is None:
        return {}
    order: list[str] = []
    for block in comparison.blocks:
        order.append(block.id)
        order.extend(edit.id for edit in block.edits)
    order += [t.id for t in comparison.typos] + [a.id for a in comparison.artifacts]
    order += [c.id for c in comparison.commitments]
    seen: set[str] = set()
    out: dict[str, Footnote] = {}
    for target in order:
        if target in seen:
            continue
        seen.add(target)
        item = review.items.get(target)
        if item is not None and item.note:
            out[target] = Footnote(len(out) + 1, target, item)
    for item in unmapped_items(review, all_targets(comparison)):
        if item.note:
            out[item.target] = Footnote(len(out) + 1, item.target, item, mapped=False)
    return out


def commitments_by_speaker(comparison: Comparison) -> dict[str, list[Commitment]]:
    """Commitments grouped by speaker (speakers by first appearance), left side first."""
    groups: dict[str, list[Commitment]] = {}
    for c in sorted(comparison.commitments, key=lambda c: (c.side != "left", c.paragraph, c.start)):
        groups.setdefault(c.speaker, []).append(c)
    return groups


def commitment_pairs(
    comparison: Comparison,
) -> dict[str, list[tuple[Commitment, Commitment | None]]]:
    """Commitments by speaker, each shown once: a left commitment with its counterpart in the
    right version (``None`` when dropped), then right-only ones (added)."""
    by_id = {c.id: c for c in comparison.commitments}
    paired: set[str] = set()
    groups: dict[str, list[tuple[Commitment, Commitment | None]]] = {}
    # Left ones first, so that a pair is always (left, right) even across speakers.
    for c in sorted(comparison.commitments, key=lambda c: (c.side != "left", c.paragraph, c.start)):
        if c.id in paired:
            continue
        other = by_id.get(c.counterpart or "")
        if other is not None and other.side != c.side and other.id not in paired:
            paired.add(other.id)
        else:
            other = None
        groups.setdefault(c.speaker, []).append((c, other))
    return groups


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One reviewable change as a flat record (CSV rows, change tables)."""

    id: str
    operation: str
    kind: str
    left_text: str
    right_text: str
    suggestion: str
    block: str
    left_paragraphs: tuple[int, ...]
    right_paragraphs: tuple[int, ...]


def change_rows(comparison: Comparison) -> list[ChangeRow]:
    """Every change of :func:`~readout_tui.core.review.change_targets`, then typos and
    artifacts, as flat rows."""
    rows: list[ChangeRow] = []
    for block in comparison.blocks:
        if block.edits:
            for e in block.edits:
                rows.append(
                    ChangeRow(
                        e.id,
                        e.op,
                        e.kind,
                        e.left.text if e.left else "",
                        e.right.text if e.right else "",
                        e.suggestion or "",
                        block.id,
                        (e.left.paragraph,) if e.left else (),
                        (e.right.paragraph,) if e.right else (),
                    )
                )
        elif block.op not in ("equal", "boilerplate") or block.moved:
            rows.append(
                ChangeRow(
                    block.id,
                    block.op,
                    "",
                    "\n\n".join(_side_text(comparison, "left", block.left)),
                    "\n\n".join(_side_text(comparison, "right", block.right)),
                    "",
                    block.id,
                    block.left,
                    block.right,
                )
            )
    for t in comparison.typos:
        paras = (t.paragraph,)
        left, right = (t.word, "") if t.side == "left" else ("", t.word)
        rows.append(
            ChangeRow(
                t.id,
                "typo",
                t.evidence,
                left,
                right,
                t.suggestion,
                "",
                paras if t.side == "left" else (),
                paras if t.side == "right" else (),
            )
        )
    for a in comparison.artifacts:
        paras = (a.paragraph,)
        left, right = (a.text, "") if a.side == "left" else ("", a.text)
        rows.append(
            ChangeRow(
                a.id,
                "artifact",
                a.reason,
                left,
                right,
                "",
                "",
                paras if a.side == "left" else (),
                paras if a.side == "right" else (),
            )
        )
    return rows


def _clip(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def describe_targets(comparison: Comparison) -> dict[str, str]:
    """A short human description of every target id, for note headings.

    E.g. ``replace “said Thursday” → “agreed”``, ``omitted in right ¶5``,
    ``typo “duting” → “during”``, ``Wang Yi: pledge (kept)``.
    """
    out: dict[str, str] = {}
    for block in comparison.blocks:
        where = [f"left ¶{i}" for i in block.left] + [f"right ¶{i}" for i in block.right]
        out[block.id] = f"{block_label(block)} ({', '.join(where)})"
        for e in block.edits:
            old, new = _clip(e.left.text if e.left else ""), _clip(e.right.text if e.right else "")
            if e.op == "delete":
                out[e.id] = f"{e.kind}: deleted “{old}”"
            elif e.op == "insert":
                out[e.id] = f"{e.kind}: inserted “{new}”"
            else:
                out[e.id] = f"{e.kind}: “{old}” → “{new}”"
    for t in comparison.typos:
        out[t.id] = f"typo “{t.word}” → “{t.suggestion}” ({t.side} ¶{t.paragraph})"
    for a in comparison.artifacts:
        out[a.id] = f"artifact “{_clip(a.text)}” ({a.side} ¶{a.paragraph})"
    for c in comparison.commitments:
        out[c.id] = f"{c.speaker}: {c.type} ({c.status}, {c.side} ¶{c.paragraph})"
    return out


STRENGTH_MAX = 5


def strength_dots(strength: int) -> str:
    """``●●●○○`` for 3 of 5."""
    n = max(0, min(STRENGTH_MAX, strength))
    return "●" * n + "○" * (STRENGTH_MAX - n)


def percent(value: float) -> str:
    return f"{round(value * 100)}%"
