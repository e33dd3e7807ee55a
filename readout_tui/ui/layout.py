"""The reader's row structure: which blocks show as rows, which runs are folded, where rows sit.

The engine's blocks come in reading order; the reader shows one row per block, plus a marker
row where each moved block used to stand. Runs of unchanged, omitted or added blocks (and any
boilerplate) form fold groups that collapse to a single line. Everything is held in flat
arrays so that a 31k-block comparison costs a few megabytes and an O(n) pass per fold or
resize, never an object per line of text.

Terms: an *item* is a block row or a moved-from marker, in display order; a *row* is what is
on screen: one item, or a folded group of items.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from readout_tui.core.model import Block, Comparison

ItemKind = Literal["block", "origin"]
FoldClass = Literal["unchanged", "omitted", "added", "boilerplate"]

ITEM_BLOCK = 0
ITEM_ORIGIN = 1  # where a moved block came from

#: Smallest run of each class that forms a fold group.
FOLD_MIN_RUN: dict[FoldClass, int] = {"unchanged": 2, "omitted": 2, "added": 2, "boilerplate": 1}
#: Blank lines after each row, so paragraphs read as paragraphs.
SPACER = 1
#: A folded group shows as one line (plus the spacer).
FOLD_ROW_HEIGHT = 1 + SPACER
#: Classes folded when the comparison opens.
FOLDED_BY_DEFAULT: frozenset[FoldClass] = frozenset({"omitted", "boilerplate"})


def is_moved(block: Block) -> bool:
    return block.moved or block.op == "move"


def fold_class(block: Block) -> FoldClass | None:
    if block.op == "boilerplate":
        return "boilerplate"
    if is_moved(block):
        return None
    if block.op == "equal":
        return "unchanged"
    if block.op == "delete":
        return "omitted"
    if block.op == "insert":
        return "added"
    return None


@dataclass(frozen=True, slots=True)
class FoldGroup:
    start: int  # first item
    end: int  # one past the last item
    cls: FoldClass

    @property
    def size(self) -> int:
        return self.end - self.start


def _origin_positions(blocks: tuple[Block, ...]) -> dict[int, list[int]]:
    """For each moved block, the block index before which its origin marker goes (or len)."""
    keys: list[int] = []  # running max of min(left) of blocks that are in order
    at: list[int] = []
    for i, block in enumerate(blocks):
        if block.left and not is_moved(block):
            key = min(block.left)
            keys.append(max(key, keys[-1]) if keys else key)
            at.append(i)
    places: dict[int, list[int]] = {}
    for i, block in enumerate(blocks):
        if not (is_moved(block) and block.left):
            continue
        j = bisect_right(keys, min(block.left))
        before = at[j] if j < len(at) else len(blocks)
        if before in (i, i + 1):  # the block already stands where it came from
            continue
        places.setdefault(before, []).append(i)
    return places


class RowLayout:
    """Items, fold groups and visible rows for one comparison (see the module docstring)."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        blocks = comparison.blocks
        places = _origin_positions(blocks)
        self.item_kind = bytearray()
        self.item_block = array("i")
        self.block_item = array("i", bytes(4 * len(blocks)))
        self.origin_item: dict[int, int] = {}  # moved block -> its marker item
        for i in range(len(blocks) + 1):
            for moved in places.get(i, ()):
                self.origin_item[moved] = len(self.item_block)
                self.item_kind.append(ITEM_ORIGIN)
                self.item_block.append(moved)
            if i < len(blocks):
                self.block_item[i] = len(self.item_block)
                self.item_kind.append(ITEM_BLOCK)
                self.item_block.append(i)
        self.para_item = {
            "left": self._para_items(len(comparison.left.paragraphs), "left"),
            "right": self._para_items(len(comparison.right.paragraphs), "right"),
        }
        self.groups = self._fold_groups()
        self.item_group = array("i", [-1]) * len(self.item_block)
        for g, group in enumerate(self.groups):
            for item in range(group.start, group.end):
                self.item_group[item] = g
        self.folded = bytearray(group.cls in FOLDED_BY_DEFAULT for group in self.groups)
        self.row_start = array("i")
        self.row_end = array("i")
        self.item_row = array("i")
        self.rebuild_rows()

    # -- structure -------------------------------------------------------------------------

    def _para_items(self, count: int, side: str) -> array[int]:
        items = array("i", [-1]) * count
        for item, block_index in enumerate(self.item_block):
            if self.item_kind[item] != ITEM_BLOCK:
                continue
            block = self.comparison.blocks[block_index]
            for p in block.left if side == "left" else block.right:
                if 0 <= p < count:
                    items[p] = item
        return items

    def _fold_groups(self) -> list[FoldGroup]:
        groups: list[FoldGroup] = []
        blocks = self.comparison.blocks
        run_cls: FoldClass | None = None
        run_start = 0
        for item in range(len(self.item_block) + 1):
            cls: FoldClass | None = None
            if item < len(self.item_block) and self.item_kind[item] == ITEM_BLOCK:
                cls = fold_class(blocks[self.item_block[item]])
            if cls != run_cls or cls is None:
                if run_cls is not None and item - run_start >= FOLD_MIN_RUN[run_cls]:
                    groups.append(FoldGroup(run_start, item, run_cls))
                run_cls, run_start = cls, item
        return groups

    def block(self, item: int) -> Block:
        return self.comparison.blocks[self.item_block[item]]

    @property
    def item_count(self) -> int:
        return len(self.item_block)

    # -- rows ------------------------------------------------------------------------------

    def rebuild_rows(self) -> None:
        """Recompute the visible rows after a fold or unfold."""
        starts = array("i")
        ends = array("i")
        item_row = array("i", bytes(4 * len(self.item_block)))
        item = 0
        n = len(self.item_block)
        groups, folded, item_group = self.groups, self.folded, self.item_group
        while item < n:
            g = item_group[item]
            folded_here = g >= 0 and folded[g] and groups[g].start == item
            end = groups[g].end if folded_here else item + 1
            row = len(starts)
            starts.append(item)
            ends.append(end)
            for i in range(item, end):
                item_row[i] = row
            item = end
        self.row_start, self.row_end, self.item_row = starts, ends, item_row

    @property
    def row_count(self) -> int:
        return len(self.row_start)

    def fold_group_of_row(self, row: int) -> FoldGroup | None:
        """The folded group this row stands for, if it is a fold line."""
        g = self.item_group[self.row_start[row]]
        if g >= 0 and self.folded[g]:
            return self.groups[g]
        return None

    def set_folded(self, group: int, folded: bool) -> None:
        self.folded[group] = folded
        self.rebuild_rows()


class RowHeights:
    """Row tops for one pane geometry: ``tops[r]`` is the first line of row ``r``."""

    def __init__(self, layout: RowLayout, item_heights: array[int]) -> None:
        self._item_heights = item_heights
        self.refresh(layout)

    def refresh(self, layout: RowLayout) -> None:
        """Recompute row tops after the rows changed (the item heights are kept)."""
        heights, starts = self._item_heights, layout.row_start
        row_h = [heights[item] for item in starts]
        for group, folded in zip(layout.groups, layout.folded, strict=True):
            if folded:
                row_h[layout.item_row[group.start]] = FOLD_ROW_HEIGHT
        self.tops = array("i", accumulate(row_h, initial=0))

    def item_height(self, item: int) -> int:
        return self._item_heights[item]

    def set_item_height(self, item: int, height: int) -> None:
        self._item_heights[item] = height

    @property
    def total(self) -> int:
        return self.tops[-1]

    def row_at(self, y: int) -> int:
        """The row covering line ``y`` (clamped to the rows)."""
        row = bisect_right(self.tops, y) - 1
        return max(0, min(row, len(self.tops) - 2))

    def row_height(self, row: int) -> int:
        return self.tops[row + 1] - self.tops[row]
