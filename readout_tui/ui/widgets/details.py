"""The details bar: what the current change (or block) is, both texts, suggestion, similarity.

:func:`describe` is plain string work over the reader's state, so tests can check it without
a screen; the widget only styles its two lines.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from readout_tui.core.model import Block, Typo
from readout_tui.ui.changes import BLOCK_LEVEL
from readout_tui.ui.layout import ITEM_ORIGIN
from readout_tui.ui.reader import Reader
from readout_tui.ui.text import visible
from readout_tui.ui.widgets.header import OP_WORDS

# One block reads better as "unchanged" than as "equal".
_OP_WORDS = {**OP_WORDS, "equal": "unchanged"}


def quote(text: str, limit: int = 60) -> str:
    """A short, safe, quoted rendering of document text."""
    shown = visible(text).strip()
    if not shown:
        return "(nothing)"
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"“{shown}”"


def paras(label: str, indices: tuple[int, ...]) -> str:
    if not indices:
        return ""
    if len(indices) == 1:
        return f"{label} ¶{indices[0] + 1}"
    return f"{label} ¶{indices[0] + 1}–{indices[-1] + 1}"


def block_where(block: Block) -> str:
    return " → ".join(p for p in (paras("left", block.left), paras("right", block.right)) if p)


def describe(
    reader: Reader, row: int, change: int, match: int, *, review: tuple[str, str] = ("", "")
) -> tuple[str, str]:
    """Two lines about the selection: its kind and place, then its texts. ``review`` is the
    selection's review (status and tags; note) from the review book, shown after the kind
    and before the texts."""
    layout, index = reader.layout, reader.index
    head: list[str] = []
    body: list[str] = []
    group = layout.fold_group_of_row(row) if 0 <= row < layout.row_count else None
    if change >= 0:
        block = reader.comparison.blocks[index.block(change)]
        kind = index.kind_of(change).replace("_", " ")
        head.append(kind)
        edit = index.edit_of(change)
        record = index.record_of(change)
        if edit is not None:
            spans = [
                f"{side} ¶{span.paragraph + 1}"
                for side, span in (("left", edit.left), ("right", edit.right))
                if span is not None
            ]
            head.append(" → ".join(spans))
            head.append(f"{_OP_WORDS.get(block.op, block.op)} block")
            left = edit.left.text if edit.left is not None else ""
            right = edit.right.text if edit.right is not None else ""
            body.append(f"{quote(left)} → {quote(right)}")
            if edit.suggestion:
                body.append(f"suggestion: {quote(edit.suggestion, 40)}")
        elif record is not None:
            head.append(f"{record.side} ¶{record.paragraph + 1}")
            if isinstance(record, Typo):
                body.append(f"{quote(record.word)} → {quote(record.suggestion)}")
            else:
                body.append(f"{quote(record.text)} · {visible(record.reason)}")
        elif index.edit[change] == BLOCK_LEVEL:
            head.append(block_where(block))
            documents = (reader.comparison.left, block.left), (reader.comparison.right, block.right)
            texts = [
                quote(" ".join(document.paragraphs[p].text for p in ps))
                for document, ps in documents
                if ps
            ]
            body.append(" → ".join(texts))
            if block.op == "move" or block.moved:
                body.append("m jumps to where it came from")
        if isinstance(record, Typo):
            body.append(f"evidence: {record.evidence}, confidence {record.confidence:.2f}")
        if block.left and block.right:
            head.append(f"similarity {block.similarity:.2f}")
        position = _position(reader, change)
        head.append(position)
    elif group is not None:
        noun = "paragraph" if group.size == 1 else "paragraphs"
        head.append(f"folded: {group.size} {group.cls} {noun}")
        body.append("z unfolds")
    elif 0 <= row < layout.row_count:
        item = layout.row_start[row]
        block = layout.block(item)
        if layout.item_kind[item] == ITEM_ORIGIN:
            head.append(f"where {paras('left', block.left)} stood before it moved")
            body.append("m jumps to where it is now")
        else:
            head.append(f"block {layout.item_block[item] + 1} of {len(reader.comparison.blocks)}")
            head.append(_OP_WORDS.get(block.op, block.op))
            head.append(block_where(block))
            if block.left and block.right:
                head.append(f"similarity {block.similarity:.2f}")
            if block.edits:
                n = len(block.edits)
                body.append(f"{n} edit{'s' if n != 1 else ''} · ] goes to the next one")
            elif block.op == "equal":
                body.append("no changes in this block")
    if match >= 0 and reader.matches:
        body.append(f"match {match + 1} of {len(reader.matches)} for {quote(reader.query, 30)}")
    if review[0]:
        head.insert(1, review[0])
    if review[1]:
        body.insert(0, review[1])
    return " · ".join(p for p in head if p), " · ".join(p for p in body if p)


def _position(reader: Reader, change: int) -> str:
    selection = reader.selection
    pos = bisect_left(selection, change)
    if pos < len(selection) and selection[pos] == change:
        total = len(selection)
        suffix = "" if reader.filter_name == "all" else " (filtered)"
        return f"change {pos + 1} of {total}{suffix}"
    return f"change {change + 1} of {len(reader.index)}"


class DetailsBar(Widget):
    """Two lines describing the current selection."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"details-bar--head", "details-bar--body"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: tuple[str, str] = ("", "")

    def show(self, lines: tuple[str, str]) -> None:
        if lines != self.lines:
            self.lines = lines
            self.refresh()

    def render(self) -> Text:
        head = self.get_component_rich_style("details-bar--head", partial=True)
        body = self.get_component_rich_style("details-bar--body", partial=True)
        first = Text(" " + self.lines[0], head, no_wrap=True, overflow="ellipsis")
        second = Text(" " + self.lines[1], body, no_wrap=True, overflow="ellipsis")
        text = Text("\n").join([first, second])
        text.no_wrap = True  # each line ends in an ellipsis rather than wrapping
        text.overflow = "ellipsis"
        return text
