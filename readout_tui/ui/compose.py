"""What each row shows, as plain display text plus where every character came from.

A row side is a list of :class:`Segment` (one per paragraph; the second and later paragraphs
of a split or merge start with a ``¶`` mark). A segment is a display string cut into
:class:`Piece` runs that remember their source (side, paragraph, offset), so anything the
engine located by paragraph offsets (edits, typos, search hits, commitment clauses) can be
drawn on the display string even where the display inserts text of its own: a typo's
suggestion (``duting→during``) or, in the inline view, the deleted words of the old version.

Row heights need only the display strings, so :meth:`Composer.plains` takes a fast path that
builds no pieces for the common paragraph without marks.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Literal

from readout_tui.core.model import (
    NORMALISATION_KINDS,
    SIDES,
    Block,
    Comparison,
    Document,
    Edit,
    Side,
)
from readout_tui.ui.changes import ChangeIndex, Mark, edit_sides, typo_side
from readout_tui.ui.layout import ITEM_BLOCK, ITEM_ORIGIN, SPACER, FoldGroup, RowLayout
from readout_tui.ui.text import count_lines, count_narrow, is_clean, is_narrow, visible

Mode = Literal["split", "inline"]
PaneSide = Literal["left", "right", "inline"]

PARA_MARK = "¶ "
SUGGESTION_ARROW = "→"


@dataclass(slots=True)
class Piece:
    """Display characters ``start:end`` of a segment; ``offset`` is the source offset of
    ``start`` in paragraph ``para`` of ``side`` (``side`` None: text the reader added)."""

    start: int
    end: int
    style: str
    side: Side | None = None
    para: int = -1
    offset: int = 0
    change: int = -1


@dataclass(slots=True)
class Segment:
    plain: str
    pieces: list[Piece] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Deco:
    """A style to lay over source characters ``start:end`` of one paragraph."""

    side: Side
    para: int
    start: int
    end: int
    style: str
    change: int = -1


class _Builder:
    """Appends source runs and reader text to one segment."""

    def __init__(self, marks: dict[tuple[Side, int], list[Mark]], *, record: bool = True) -> None:
        self._marks = marks
        self._record = record  # False: only the display string is wanted (row heights)
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._pos = 0

    def synth(self, text: str, style: str, change: int = -1) -> None:
        if text:
            self._parts.append(text)
            if self._record:
                self._pieces.append(Piece(self._pos, self._pos + len(text), style, change=change))
            self._pos += len(text)

    def source(
        self, side: Side, para: int, text: str, start: int, end: int, style: str, change: int = -1
    ) -> None:
        """Add ``text[start:end]`` of a paragraph, with typo suggestions after their words."""
        for mark in self._marks.get((side, para), ()):
            if mark.kind == "typo" and mark.suggestion and start < mark.end <= end:
                self._run(side, para, text, start, mark.end, style, change)
                self.synth(SUGGESTION_ARROW + visible(mark.suggestion), "suggestion", mark.change)
                start = mark.end
        if start < end:
            self._run(side, para, text, start, end, style, change)

    def _run(
        self, side: Side, para: int, text: str, start: int, end: int, style: str, change: int
    ) -> None:
        self._parts.append(text[start:end])
        if self._record:
            self._pieces.append(
                Piece(self._pos, self._pos + end - start, style, side, para, start, change)
            )
        self._pos += end - start

    def build(self) -> Segment:
        return Segment("".join(self._parts), self._pieces)


def display_texts(document: Document) -> tuple[list[str], bytearray]:
    """Every paragraph's display text and whether it is narrow (one cell per character).

    Checked on the whole document first: a clean document (the usual case) costs one
    C-level scan instead of one per paragraph.
    """
    paragraphs = document.paragraphs
    if is_clean(document.text):
        texts = [p.text.replace("\n", " ") if "\n" in p.text else p.text for p in paragraphs]
    else:
        texts = [visible(p.text) for p in paragraphs]
    if texts and is_narrow("".join(texts)):
        return texts, bytearray(b"\x01") * len(texts)
    return texts, bytearray(map(is_narrow, texts))


class Composer:
    """Builds the segments of each row side for the current view mode."""

    def __init__(self, comparison: Comparison, layout: RowLayout, index: ChangeIndex) -> None:
        self.comparison = comparison
        self.layout = layout
        self.index = index
        self.mode: Mode = "split"
        self.show_normalisation = False
        # Display text and narrowness of every paragraph, made once (in the worker thread):
        # row heights are recomputed from them on every resize.
        self.texts: dict[Side, list[str]] = {}
        self.narrow: dict[Side, bytearray] = {}
        for side in SIDES:
            self.texts[side], self.narrow[side] = display_texts(comparison.document(side))

    # -- text of paragraphs ------------------------------------------------------------------

    def para_text(self, side: Side, para: int) -> str:
        """The display text of a paragraph (controls made visible)."""
        return self.texts[side][para]

    def para_lines(self, side: Side, width: int) -> array[int]:
        """Lines each paragraph of ``side`` wraps to at ``width`` (no marks, no ¶ prefix)."""
        width = max(1, width)
        out = array("i")
        for text, narrow in zip(self.texts[side], self.narrow[side], strict=True):
            if narrow:
                out.append(1 if len(text) <= width else count_narrow(text, width))
            else:
                out.append(count_lines(text, width, narrow=False))
        return out

    # -- segments --------------------------------------------------------------------------

    def segments(self, item: int, side: PaneSide) -> list[Segment]:
        if self.layout.item_kind[item] == ITEM_ORIGIN:
            return self._origin_segments(item, side)
        block_index = self.layout.item_block[item]
        if side == "inline":
            return self._inline_segments(block_index)
        block = self.comparison.blocks[block_index]
        paras = block.left if side == "left" else block.right
        if not paras:
            return [self._placeholder(block, side)]
        style = "boilerplate" if block.op == "boilerplate" else ""
        out = []
        for i, para in enumerate(paras):
            builder = _Builder(self.index.marks)
            if i:
                builder.synth(PARA_MARK, "para-mark")
            text = self.para_text(side, para)
            builder.source(side, para, text, 0, len(text), style)
            out.append(builder.build())
        return out

    def plains(self, item: int, side: PaneSide) -> list[str]:
        if side == "inline" and self.layout.item_kind[item] == ITEM_BLOCK:
            segments = self._inline_segments(self.layout.item_block[item], record=False)
        else:
            segments = self.segments(item, side)
        return [segment.plain for segment in segments]

    def item_height(self, item: int, widths: tuple[int, int]) -> int:
        """Lines item ``item`` takes at text widths ``(left, right)`` (inline: left only)."""
        if self.mode == "inline":
            lines = self._side_lines(item, "inline", widths[0])
        else:
            lines = max(
                self._side_lines(item, "left", widths[0]),
                self._side_lines(item, "right", widths[1]),
            )
        return lines + SPACER

    def item_heights(self, widths: tuple[int, int]) -> array[int]:
        """:meth:`item_height` of every item; the common one-to-one paragraph block without
        typo marks is read off per-paragraph line counts instead of composing its text."""
        layout = self.layout
        count = layout.item_count
        inline = self.mode == "inline"
        left_lines = self.para_lines("left", widths[0])
        right_lines = self.para_lines("right", widths[0 if inline else 1])
        marked = {side: {p for s, p in self.index.marks if s == side} for side in SIDES}
        marked_left, marked_right = marked["left"], marked["right"]
        blocks, kinds, item_block = self.comparison.blocks, layout.item_kind, layout.item_block
        out = array("i", bytes(4 * count))
        for item in range(count):
            if inline and kinds[item] == ITEM_BLOCK:
                # Without edits the inline row is one version's paragraph as it stands.
                block = blocks[item_block[item]]
                if not block.edits and block.op != "boilerplate":
                    shown, lines, marks = block.right, right_lines, marked_right
                    if not shown or block.op == "delete":
                        shown, lines, marks = block.left, left_lines, marked_left
                    if len(shown) == 1 and shown[0] not in marks:
                        out[item] = lines[shown[0]] + SPACER
                        continue
                out[item] = self.item_height(item, widths)
                continue
            if kinds[item] == ITEM_BLOCK:
                block = blocks[item_block[item]]
                left, right = block.left, block.right
                if (
                    len(left) == 1
                    and len(right) == 1
                    and left[0] not in marked_left
                    and right[0] not in marked_right
                ):
                    out[item] = max(left_lines[left[0]], right_lines[right[0]]) + SPACER
                    continue
            out[item] = self.item_height(item, widths)
        return out

    def _side_lines(self, item: int, side: PaneSide, width: int) -> int:
        return sum(count_lines(plain, width) for plain in self.plains(item, side))

    def _placeholder(self, block: Block, side: Side) -> Segment:
        builder = _Builder({})
        if block.op == "delete":
            builder.synth("— omitted here —", "placeholder")
        elif block.op == "insert":
            builder.synth("— added here —", "placeholder")
        return builder.build()

    def _origin_segments(self, item: int, side: PaneSide) -> list[Segment]:
        builder = _Builder({})
        if side != "right":
            moved = self.layout.item_block[item]
            block = self.comparison.blocks[moved]
            target = self.layout.block_item[moved]
            where = "further down" if target > item else "further up"
            first = min(block.left) + 1 if block.left else 0
            builder.synth(f"↧ ¶{first} moved {where} (m jumps there)", "origin")
        return [builder.build()]

    def _inline_segments(self, block_index: int, *, record: bool = True) -> list[Segment]:
        block = self.comparison.blocks[block_index]
        marks = self.index.marks
        if not block.right or block.op == "delete":
            style = "boilerplate" if block.op == "boilerplate" else "inline-delete"
            return [self._whole("left", p, style) for p in block.left]
        if block.op == "insert" or not block.left:
            style = {"insert": "inline-insert", "boilerplate": "boilerplate"}.get(block.op, "")
            return [self._whole("right", p, style) for p in block.right]
        if block.op == "boilerplate":
            return [self._whole("right", p, "boilerplate") for p in block.right]
        by_para: dict[int, list[tuple[int, int, Edit]]] = {p: [] for p in block.right}
        tail: list[tuple[int, int, Edit]] = []
        for e, edit in enumerate(block.edits):
            if edit.right is not None and edit.right.paragraph in by_para:
                by_para[edit.right.paragraph].append((edit.right.start, e, edit))
            else:
                tail.append((0, e, edit))
        out = []
        for i, para in enumerate(block.right):
            builder = _Builder(marks, record=record)
            if i:
                builder.synth(PARA_MARK, "para-mark")
            text = self.para_text("right", para)
            pos = 0
            edits = sorted(by_para[para], key=lambda t: (t[0], t[1]))
            if i == len(block.right) - 1:
                edits += tail
            for _start, e, edit in edits:
                change = self.index.edit_change(block_index, e)
                deleted, inserted = self._inline_styles(edit)
                if edit.right is not None and edit.right.paragraph == para:
                    builder.source("right", para, text, pos, max(pos, edit.right.start), "")
                    pos = max(pos, edit.right.start)
                if edit.left is not None and edit.left.end > edit.left.start:
                    left_text = self.para_text("left", edit.left.paragraph)
                    builder.source(
                        "left",
                        edit.left.paragraph,
                        left_text,
                        edit.left.start,
                        edit.left.end,
                        deleted,
                        change,
                    )
                if edit.right is not None and edit.right.paragraph == para:
                    end = max(pos, edit.right.end)
                    builder.source("right", para, text, pos, end, inserted, change)
                    pos = end
            builder.source("right", para, text, pos, len(text), "")
            out.append(builder.build())
        return out

    def _whole(self, side: Side, para: int, style: str) -> Segment:
        builder = _Builder(self.index.marks)
        text = self.para_text(side, para)
        builder.source(side, para, text, 0, len(text), style)
        return builder.build()

    def _inline_styles(self, edit: Edit) -> tuple[str, str]:
        if edit.kind == "artifact":
            return "artifact", "artifact"
        if edit.kind in NORMALISATION_KINDS and not self.show_normalisation:
            return "norm-delete", "norm"
        if edit.kind == "typo":
            return "inline-delete", "typo"
        return "inline-delete", "inline-insert"

    # -- decorations -----------------------------------------------------------------------

    def edit_decos(self, block_index: int) -> list[Deco]:
        """Styles of a block's edits for the side-by-side view."""
        block = self.comparison.blocks[block_index]
        out: list[Deco] = []
        for e, edit in enumerate(block.edits):
            change = self.index.edit_change(block_index, e)
            for side in edit_sides(edit):
                span = edit.left if side == "left" else edit.right
                assert span is not None
                style = self._split_style(edit, side)
                out.append(Deco(side, span.paragraph, span.start, span.end, style, change))
        return out

    def _split_style(self, edit: Edit, side: Side) -> str:
        if edit.kind == "artifact":
            return "artifact"
        if edit.kind == "typo" and side == typo_side(edit):
            return "typo"
        if edit.kind in NORMALISATION_KINDS and not self.show_normalisation:
            return "norm"
        if edit.op == "delete":
            return "delete"
        if edit.op == "insert":
            return "insert"
        return "replace"

    def mark_decos(self, side: Side, para: int) -> list[Deco]:
        return [
            Deco(side, para, m.start, m.end, m.kind, m.change)
            for m in self.index.marks.get((side, para), ())
        ]


def gutter_sign(block: Block, side: PaneSide) -> str:
    """The mark beside a block's first line: moved, omitted (left) or added (right)."""
    if block.moved or block.op == "move":
        return "↕"
    if block.op == "delete" and side in ("left", "inline"):
        return "−"
    if block.op == "insert" and side in ("right", "inline"):
        return "+"
    return " "


def fold_label(layout: RowLayout, group: FoldGroup, comparison: Comparison) -> str:
    """The one line a folded group shows."""
    n = group.size
    if group.cls == "unchanged":
        return f"▸ {n} unchanged paragraphs · z unfolds"
    if group.cls == "omitted":
        return f"▸ {n} paragraphs omitted in {visible(comparison.right.name)} · z unfolds"
    if group.cls == "added":
        return f"▸ {n} paragraphs added in {visible(comparison.right.name)} · z unfolds"
    block = layout.block(group.start)
    side: Side = "right" if block.right else "left"
    paras = block.right or block.left
    doc = comparison.document(side)
    preview = " ".join(visible(doc.paragraphs[p].text) for p in paras)[:60]
    more = f" (+{n - 1} more)" if n > 1 else ""
    return f"▸ boilerplate: “{preview}”{more} · z shows"
