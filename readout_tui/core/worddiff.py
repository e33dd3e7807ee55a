"""Word-level diff inside a block, lossless and snapped to word boundaries.

A block's side is the concatenation of its paragraphs' texts (no separator: paragraph breaks
are the block's structure, not edits). Both sides are cut into lossless tokens (words,
punctuation, white-space runs) and compared with rapidfuzz's difflib-compatible opcodes.
Then:

* adjacent deletes and inserts become one replace (as difflib reports them);
* changes separated only by white space are joined, so "said Thursday" -> "agreed" is one
  edit rather than three fragments around a shared space;
* a change that crosses a paragraph boundary is cut at the boundary, so that every span lies
  in one paragraph (``paragraph_text[start:end] == span.text``).

Every edit carries a span on both sides; an empty span marks where an insertion or deletion
sits on the other side. Applying the edits to the left side reproduces the right side exactly
(:func:`apply_edits`), which a property test checks over arbitrary texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Protocol, cast

from rapidfuzz.distance import Indel

from readout_tui.core.model import EditOp, Paragraph, Span
from readout_tui.core.tokens import diff_tokens

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True)
class RawEdit:
    """An unclassified edit: what changed and where, on both sides."""

    op: EditOp
    left: Span
    right: Span


class _Side:
    """Tokens of one side of a block with their paragraph and offset."""

    __slots__ = ("offsets", "para", "paragraphs", "tokens")

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.tokens: list[str] = []
        self.para: list[int] = []  # position in ``paragraphs`` of each token
        self.offsets: list[int] = []  # start of each token in its paragraph's text
        for k, p in enumerate(paragraphs):
            toks = diff_tokens(p.text)
            self.tokens.extend(toks)
            self.para.extend([k] * len(toks))
            self.offsets.extend(accumulate(map(len, toks[:-1]), initial=0) if toks else ())

    def position(self, t: int) -> tuple[int, int]:
        """(position in block, offset) where token ``t`` starts; the end if ``t`` is past it."""
        if t < len(self.tokens):
            return self.para[t], self.offsets[t]
        last = len(self.paragraphs) - 1
        return last, len(self.paragraphs[last].text)

    def pieces(self, t1: int, t2: int) -> list[tuple[int, int, int]]:
        """Cut tokens ``t1:t2`` at paragraph boundaries: ``[(k, start, end), ...]``."""
        out: list[tuple[int, int, int]] = []
        t = t1
        while t < t2:
            k = self.para[t]
            u = t
            while u < t2 and self.para[u] == k:
                u += 1
            start = self.offsets[t]
            end = self.offsets[u - 1] + len(self.tokens[u - 1])
            out.append((k, start, end))
            t = u
        return out

    def span(self, k: int, start: int, end: int) -> Span:
        p = self.paragraphs[k]
        return Span(p.index, start, end, p.text[start:end])


def _regions(
    a: list[str], b: list[str], ao: list[int], text: str
) -> tuple[list[tuple[int, int, int, int]], int, int]:
    """Changed regions ``(i1, i2, j1, j2)`` in token indices, and the characters and words
    the two sides share outside them.

    ``ao`` holds the character offset of each token of ``a`` (and the end) in ``text``, the
    concatenated left side; shared words are counted with a C regex over the shared text
    rather than token by token, which matters over thirty thousand blocks.
    """
    regions: list[list[int]] = []
    equal_runs: list[tuple[int, int]] = []
    n = len(a)
    # as_list() gives plain tuples (its stubs say Opcode objects), much faster to unpack.
    ops = cast(list[tuple[str, int, int, int, int]], Indel.opcodes(a, b).as_list())
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            last = regions[-1] if regions else None
            # A shared run of white space alone does not separate two changes.
            if (
                last is not None
                and last[1] == i1
                and last[3] == j1
                and i2 < n
                and i2 - i1 == 1
                and a[i1].isspace()
            ):
                last[1], last[3] = i2, j2
                continue
            equal_runs.append((i1, i2))
            continue
        if regions and regions[-1][1] == i1 and regions[-1][3] == j1:
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    out: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in regions:
        # Give back shared white space at either end of a region.
        while i2 > i1 and j2 > j1 and a[i2 - 1] == b[j2 - 1] and a[i2 - 1].isspace():
            equal_runs.append((i2 - 1, i2))
            i2, j2 = i2 - 1, j2 - 1
        while i1 < i2 and j1 < j2 and a[i1] == b[j1] and a[i1].isspace():
            equal_runs.append((i1, i1 + 1))
            i1, j1 = i1 + 1, j1 + 1
        if (i1, j1) != (i2, j2):
            out.append((i1, i2, j1, j2))
    equal_chars = sum(ao[i2] - ao[i1] for i1, i2 in equal_runs)
    equal_words = sum(len(_WORD.findall(text, ao[i1], ao[i2])) for i1, i2 in equal_runs)
    return out, equal_chars, equal_words


@dataclass(frozen=True, slots=True)
class BlockDiff:
    """The edits of a block, its similarity (0..1) and how many words its sides share."""

    edits: list[RawEdit]
    similarity: float
    equal_words: int


def _diff_single(left: Paragraph, right: Paragraph) -> BlockDiff:
    """The common 1:1 case, without per-token paragraph bookkeeping."""
    lt, rt = left.text, right.text
    a, b = diff_tokens(lt), diff_tokens(rt)
    ao = list(accumulate(map(len, a), initial=0))
    regions, equal_chars, equal_words = _regions(a, b, ao, lt)
    if regions:
        bo = list(accumulate(map(len, b), initial=0))
    edits: list[RawEdit] = []
    li, ri = left.index, right.index
    for i1, i2, j1, j2 in regions:
        ls, le, rs, re_ = ao[i1], ao[i2], bo[j1], bo[j2]
        op: EditOp = "replace" if le > ls and re_ > rs else ("delete" if le > ls else "insert")
        edits.append(RawEdit(op, Span(li, ls, le, lt[ls:le]), Span(ri, rs, re_, rt[rs:re_])))
    total = len(lt) + len(rt)
    similarity = 2 * equal_chars / total if total else 1.0
    return BlockDiff(edits, min(1.0, similarity), equal_words)


def diff_paragraphs(left: Sequence[Paragraph], right: Sequence[Paragraph]) -> BlockDiff:
    """Edits turning the left paragraphs into the right ones.

    >>> from readout_tui.core.model import Paragraph as P
    >>> d = diff_paragraphs([P(0, "Wang said Thursday", 0, 18)], [P(0, "Wang agreed", 0, 11)])
    >>> [(e.op, e.left.text, e.right.text) for e in d.edits], d.equal_words
    ([('replace', 'said Thursday', 'agreed')], 1)
    """
    if len(left) == 1 and len(right) == 1:
        return _diff_single(left[0], right[0])
    ls, rs = _Side(left), _Side(right)
    joined = "".join(p.text for p in left)
    regions, equal_chars, equal_words = _regions(
        ls.tokens, rs.tokens, list(accumulate(map(len, ls.tokens), initial=0)), joined
    )
    edits: list[RawEdit] = []
    for i1, i2, j1, j2 in regions:
        lp = ls.pieces(i1, i2)
        rp = rs.pieces(j1, j2)
        if not lp:
            k, off = ls.position(i1)
            lp_spans = [ls.span(k, off, off)]
        else:
            lp_spans = [ls.span(*piece) for piece in lp]
        if not rp:
            k, off = rs.position(j1)
            rp_spans = [rs.span(k, off, off)]
        else:
            rp_spans = [rs.span(*piece) for piece in rp]
        for x in range(max(len(lp_spans), len(rp_spans))):
            lspan = lp_spans[x] if x < len(lp_spans) else _empty_at_end(lp_spans[-1])
            rspan = rp_spans[x] if x < len(rp_spans) else _empty_at_end(rp_spans[-1])
            if not lspan.text and not rspan.text:
                continue
            op: EditOp = (
                "replace" if lspan.text and rspan.text else ("delete" if lspan.text else "insert")
            )
            edits.append(RawEdit(op, lspan, rspan))
    total = sum(len(p.text) for p in left) + sum(len(p.text) for p in right)
    similarity = 2 * equal_chars / total if total else 1.0
    return BlockDiff(edits, min(1.0, similarity), equal_words)


def _empty_at_end(span: Span) -> Span:
    return Span(span.paragraph, span.end, span.end, "")


class HasSpans(Protocol):
    """Anything with a left and a right span: :class:`RawEdit` or a model ``Edit``."""

    @property
    def left(self) -> Span | None: ...

    @property
    def right(self) -> Span | None: ...


def apply_edits(left: Sequence[Paragraph], edits: Sequence[HasSpans]) -> str:
    """Apply edits to the concatenated left paragraphs; the result is the concatenated right.

    ``edits`` are :class:`RawEdit` or :class:`~readout_tui.core.model.Edit` records (anything
    with ``left`` and ``right`` spans), in the order the diff produced them.
    """
    base: dict[int, int] = {}
    pos = 0
    for p in left:
        base[p.index] = pos
        pos += len(p.text)
    source = "".join(p.text for p in left)
    out: list[str] = []
    cursor = 0
    for edit in edits:
        lspan, rspan = edit.left, edit.right
        if lspan is None or rspan is None:
            raise ValueError("apply_edits needs both spans of every edit")
        start = base[lspan.paragraph] + lspan.start
        end = base[lspan.paragraph] + lspan.end
        out.append(source[cursor:start])
        out.append(rspan.text)
        cursor = end
    out.append(source[cursor:])
    return "".join(out)
