"""Word-level diff inside a block, lossless and snapped to word boundaries.

A block's side is the concatenation of its paragraphs' texts (no separator: paragraph breaks
are the block's structure, not edits). Both sides are cut into lossless units — a word or a
punctuation mark with the white space before it — and compared with rapidfuzz's
difflib-compatible opcodes. Then:

* adjacent deletes and inserts become one replace (as difflib reports them), and changes
  separated only by white space are one edit, so "said Thursday" -> "agreed" is one edit;
* white space both sides share is trimmed off an edit's edges, and a word that differs only
  in the space before it is equal (only that space is an edit);
* a change that crosses a paragraph boundary is cut at the boundary, so that every span lies
  in one paragraph (``paragraph_text[start:end] == span.text``).

Every edit carries a span on both sides; an empty span marks where an insertion or deletion
sits on the other side. Applying the edits to the left side reproduces the right side exactly
(:func:`apply_edits`), which a property test checks over arbitrary texts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Protocol, cast

from rapidfuzz.distance import Indel

from readout_tui.core.model import EditOp, Paragraph, Span
from readout_tui.core.tokens import WORD, diff_tokens

#: A changed region in characters of the concatenated sides: ``(ls, le, rs, re)``.
Region = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class RawEdit:
    """An unclassified edit: what changed and where, on both sides."""

    op: EditOp
    left: Span
    right: Span


@dataclass(frozen=True, slots=True)
class BlockDiff:
    """The edits of a block, its similarity (0..1) and how many words its sides share."""

    edits: list[RawEdit]
    similarity: float
    equal_words: int


def _units(paragraphs: Sequence[Paragraph]) -> tuple[list[str], list[str], list[int]]:
    """Units of the concatenated paragraphs, their comparison keys, and unit offsets.

    Units carry the space before them, so a paragraph's first word ("Chinese") would never
    match the same word inside the other side's sentence (" Chinese"); its key gets the space
    it lacks, and :func:`_regions` restores exactness where the texts still differ.
    """
    if len(paragraphs) == 1:
        units = diff_tokens(paragraphs[0].text)
        firsts: Sequence[int] = (0,)
    else:
        units, starts = [], []
        for p in paragraphs:
            starts.append(len(units))
            units.extend(diff_tokens(p.text))
        firsts = starts
    keys = units
    for f in firsts:
        if f < len(units) and not units[f][:1].isspace():
            if keys is units:
                keys = units.copy()
            keys[f] = " " + units[f]
    return units, keys, list(accumulate(map(len, units), initial=0))


def _regions(
    a: list[str],
    b: list[str],
    ka: list[str],
    kb: list[str],
    ao: list[int],
    bo: list[int],
    ltext: str,
    rtext: str,
) -> list[Region]:
    """Changed regions, in characters, of units ``a`` and ``b`` (keys ``ka``/``kb``, offsets
    ``ao``/``bo`` into the concatenated texts ``ltext``/``rtext``)."""
    regions: list[list[int]] = []

    def changed(ls: int, le: int, rs: int, re_: int) -> None:
        last = regions[-1] if regions else None
        if last is not None and last[1] == ls and last[3] == rs:
            last[1], last[3] = le, re_
        else:
            regions.append([ls, le, rs, re_])

    # as_list() gives plain tuples (its stubs say Opcode objects), much faster to unpack.
    ops = cast(list[tuple[str, int, int, int, int]], Indel.opcodes(ka, kb).as_list())
    for tag, i1, i2, j1, j2 in ops:
        if tag != "equal":
            changed(ao[i1], ao[i2], bo[j1], bo[j2])
        elif ltext[ao[i1] : ao[i2]] != rtext[bo[j1] : bo[j2]]:
            # Equal keys, but a paragraph's first unit lacks the space the other side has:
            # only that space is a change, the word itself is equal.
            for k in range(i2 - i1):
                x, y = a[i1 + k], b[j1 + k]
                if x != y:
                    lw, rw = len(x) - len(x.lstrip()), len(y) - len(y.lstrip())
                    changed(ao[i1 + k], ao[i1 + k] + lw, bo[j1 + k], bo[j1 + k] + rw)
    out: list[Region] = []
    for ls, le, rs, re_ in regions:
        # White space both sides start with is not part of the change.
        while ls < le and rs < re_ and ltext[ls] == rtext[rs] and ltext[ls].isspace():
            ls, rs = ls + 1, rs + 1
        out.append((ls, le, rs, re_))
    return out


def _op(ls: int, le: int, rs: int, re_: int) -> EditOp:
    return "replace" if le > ls and re_ > rs else ("delete" if le > ls else "insert")


def _similarity(regions: Sequence[Region], ltext: str, rtext: str) -> tuple[float, int]:
    """Share of characters the sides have in common, and the left words outside any change."""
    changed_l = sum(le - ls for ls, le, _, _ in regions)
    changed_r = sum(re_ - rs for _, _, rs, re_ in regions)
    total = len(ltext) + len(rtext)
    similarity = (total - changed_l - changed_r) / total if total else 1.0
    words = len(WORD.findall(ltext)) - sum(
        len(WORD.findall(ltext, ls, le)) for ls, le, _, _ in regions if le > ls
    )
    return max(0.0, min(1.0, similarity)), max(0, words)


def _diff_single(left: Paragraph, right: Paragraph) -> BlockDiff:
    """The common 1:1 case: offsets are the paragraphs' own."""
    lt, rt = left.text, right.text
    a, ka, ao = _units([left])
    b, kb, bo = _units([right])
    regions = _regions(a, b, ka, kb, ao, bo, lt, rt)
    li, ri = left.index, right.index
    edits = [
        RawEdit(_op(ls, le, rs, re_), Span(li, ls, le, lt[ls:le]), Span(ri, rs, re_, rt[rs:re_]))
        for ls, le, rs, re_ in regions
    ]
    similarity, words = _similarity(regions, lt, rt)
    return BlockDiff(edits, similarity, words)


class _Pieces:
    """Cuts character ranges of a concatenated side into per-paragraph spans."""

    __slots__ = ("paragraphs", "starts", "text")

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.starts = list(accumulate((len(p.text) for p in paragraphs[:-1]), initial=0))
        self.text = "".join(p.text for p in paragraphs)

    def spans(self, start: int, end: int) -> list[Span]:
        """The range as spans, one per paragraph it touches (one empty span if empty)."""
        k = max(0, bisect_right(self.starts, start) - 1)
        if start == end:
            p = self.paragraphs[k]
            off = start - self.starts[k]
            return [Span(p.index, off, off, "")]
        out: list[Span] = []
        while k < len(self.paragraphs) and self.starts[k] < end:
            p, base = self.paragraphs[k], self.starts[k]
            lo, hi = max(start, base) - base, min(end, base + len(p.text)) - base
            if hi > lo:
                out.append(Span(p.index, lo, hi, p.text[lo:hi]))
            k += 1
        return out


def diff_paragraphs(left: Sequence[Paragraph], right: Sequence[Paragraph]) -> BlockDiff:
    """Edits turning the left paragraphs into the right ones.

    >>> from readout_tui.core.model import Paragraph as P
    >>> d = diff_paragraphs([P(0, "Wang said Thursday", 0, 18)], [P(0, "Wang agreed", 0, 11)])
    >>> [(e.op, e.left.text, e.right.text) for e in d.edits], d.equal_words
    ([('replace', 'said Thursday', 'agreed')], 1)
    """
    if len(left) == 1 and len(right) == 1:
        return _diff_single(left[0], right[0])
    lcut, rcut = _Pieces(left), _Pieces(right)
    a, ka, ao = _units(left)
    b, kb, bo = _units(right)
    regions = _regions(a, b, ka, kb, ao, bo, lcut.text, rcut.text)
    edits: list[RawEdit] = []
    for ls, le, rs, re_ in regions:
        lspans, rspans = lcut.spans(ls, le), rcut.spans(rs, re_)
        # A change across a paragraph break becomes one edit per piece, paired in order.
        for x in range(max(len(lspans), len(rspans))):
            lspan = lspans[x] if x < len(lspans) else _empty_at_end(lspans[-1])
            rspan = rspans[x] if x < len(rspans) else _empty_at_end(rspans[-1])
            if lspan.text or rspan.text:
                op = _op(lspan.start, lspan.end, rspan.start, rspan.end)
                edits.append(RawEdit(op, lspan, rspan))
    similarity, words = _similarity(regions, lcut.text, rcut.text)
    return BlockDiff(edits, similarity, words)


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
