"""The reader's state over one comparison, free of widgets: filter, search, navigation targets.

:class:`Reader` bundles the row layout, the change index and the composer for a comparison,
and answers "where is the next change / block / typo / match from here". The widget asks it
and then scrolls; tests can ask it directly. It is built in the worker thread, right after the
comparison, so the screen never waits on it.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from readout_tui.core.model import SIDES, Commitment, Comparison, Side
from readout_tui.ui.changes import BLOCK_LEVEL, FILTER_BY_NAME, ChangeIndex
from readout_tui.ui.compose import Composer, Deco
from readout_tui.ui.layout import ITEM_BLOCK, ITEM_ORIGIN, RowLayout


@dataclass(frozen=True, slots=True)
class Match:
    """A search hit: characters ``start:end`` of paragraph ``para`` on ``side``."""

    item: int
    side: Side
    para: int
    start: int
    end: int


class Reader:
    """Layout, changes and composer of one comparison, plus filter and search state."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.layout = RowLayout(comparison)
        self.index = ChangeIndex(comparison, self.layout)
        self.composer = Composer(comparison, self.layout, self.index)
        self.filter_name = "all"
        self.selection = self.index.selection("all", show_normalisation=False)
        self.typos = self.index.typo_changes()
        self.query = ""
        self.matches: list[Match] = []
        self._match_decos: dict[tuple[Side, int], list[tuple[int, int, int]]] = {}

    # -- options -----------------------------------------------------------------------------

    @property
    def show_normalisation(self) -> bool:
        return self.composer.show_normalisation

    def set_show_normalisation(self, show: bool) -> None:
        self.composer.show_normalisation = show
        self._select()

    def set_filter(self, name: str) -> None:
        if name not in FILTER_BY_NAME:
            raise ValueError(f"unknown filter {name!r}")
        self.filter_name = name
        self._select()

    def _select(self) -> None:
        self.selection = self.index.selection(
            self.filter_name, show_normalisation=self.show_normalisation
        )

    # -- changes -------------------------------------------------------------------------------

    def first_change_at(self, item: int) -> int:
        """Index of the first change in item ``item`` or after it."""
        return bisect_left(self.index.item, item)

    def step(self, chosen: array[int], current: int, item: int, step: int, *, wrap: bool) -> int:
        """The next (``step`` 1) or previous (-1) entry of ``chosen``, or -1 at the end.

        From a current change, move past it; without one (``current`` -1), start at ``item``.
        """
        if not chosen:
            return -1
        if current >= 0:
            pos = bisect_right(chosen, current) if step > 0 else bisect_left(chosen, current) - 1
        else:
            first = self.first_change_at(item)
            pos = bisect_left(chosen, first) if step > 0 else bisect_left(chosen, first) - 1
        if 0 <= pos < len(chosen):
            return chosen[pos]
        if wrap:
            return chosen[0] if step > 0 else chosen[-1]
        return -1

    def change_item(self, change: int) -> int:
        return self.index.item[change]

    def folded_block_level(self, change: int) -> bool:
        """True for a block-level change (omitted, boilerplate...) inside a folded run."""
        group = self.layout.item_group[self.index.item[change]]
        return (
            self.index.edit[change] == BLOCK_LEVEL
            and group >= 0
            and bool(self.layout.folded[group])
        )

    def next_stop(self, chosen: array[int], current: int, item: int, step: int) -> int:
        """Like :meth:`step` without wrapping, but a folded run is one stop: its block-level
        changes after the first are passed over (its fold line already stands for them)."""
        row_of = self.layout.item_row
        here = row_of[self.index.item[current]] if current >= 0 else -1
        change = self.step(chosen, current, item, step, wrap=False)
        while (
            change >= 0
            and self.folded_block_level(change)
            and row_of[self.index.item[change]] == here
        ):
            change = self.step(chosen, change, item, step, wrap=False)
        return change

    # -- folds and moves -----------------------------------------------------------------------

    def reveal_item(self, item: int) -> bool:
        """Unfold the group hiding ``item``; True if the rows changed."""
        group = self.layout.item_group[item]
        if group >= 0 and self.layout.folded[group]:
            self.layout.set_folded(group, False)
            return True
        return False

    def toggle_fold(self, row: int) -> int | None:
        """Fold or unfold at ``row``; return the item to keep the cursor on, None if nothing."""
        layout = self.layout
        item = layout.row_start[row]
        group = layout.item_group[item]
        if group < 0:
            return None
        layout.set_folded(group, not layout.folded[group])
        return layout.groups[group].start

    def moved_counterpart(self, item: int) -> int | None:
        """From a moved block to where it came from, and back."""
        layout = self.layout
        block = layout.item_block[item]
        if layout.item_kind[item] == ITEM_ORIGIN:
            return layout.block_item[block]
        if layout.item_kind[item] == ITEM_BLOCK and block in layout.origin_item:
            return layout.origin_item[block]
        return None

    # -- search --------------------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Find ``query`` (case-insensitive, literal) in both versions; return the count."""
        self.query = query
        self.matches = []
        self._match_decos = {}
        if not query:
            return 0
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        found: list[tuple[int, int, int, int, int]] = []
        for side_order, side in enumerate(SIDES):
            items = self.layout.para_item[side]
            for para, paragraph in enumerate(self.comparison.document(side).paragraphs):
                for hit in pattern.finditer(paragraph.text):
                    if hit.end() > hit.start():
                        found.append((items[para], side_order, para, hit.start(), hit.end()))
        found.sort()
        for n, (item, side_order, para, start, end) in enumerate(found):
            side = SIDES[side_order]
            self.matches.append(Match(item, side, para, start, end))
            self._match_decos.setdefault((side, para), []).append((start, end, n))
        return len(self.matches)

    def next_match(self, current: int, item: int, step: int) -> int:
        """The next or previous match (wrapping), from match ``current`` or from ``item``."""
        if not self.matches:
            return -1
        if current >= 0:
            return (current + step) % len(self.matches)
        keys = [m.item for m in self.matches]
        pos = bisect_left(keys, item) if step > 0 else bisect_left(keys, item) - 1
        return pos % len(self.matches)

    def decos(
        self,
        item: int,
        *,
        inline: bool,
        current: int,
        match: int,
        clauses: tuple[Commitment, ...],
    ) -> list[Deco]:
        """Everything to highlight in an item's text: edits (side by side only; the inline
        view builds them into its text), typos and artifacts, search matches, the selected
        commitment's clauses, and the current change on top."""
        layout, composer = self.layout, self.composer
        decos: list[Deco] = []
        if layout.item_kind[item] != ITEM_BLOCK:
            return decos
        block_index = layout.item_block[item]
        block = self.comparison.blocks[block_index]
        if not inline:
            decos += composer.edit_decos(block_index)
        sides: tuple[tuple[Side, tuple[int, ...]], ...] = (
            ("left", block.left),
            ("right", block.right),
        )
        for side, paras in sides:
            for para in paras:
                decos += composer.mark_decos(side, para)
                decos += self.match_decos(side, para, match)
        for clause in clauses:
            decos.append(Deco(clause.side, clause.paragraph, clause.start, clause.end, "clause"))
        if current >= 0 and self.index.item[current] == item:
            for side, para, start, end in self.index.spans(current):
                decos.append(Deco(side, para, start, end, "current", current))
        return decos

    def match_decos(self, side: Side, para: int, current: int) -> list[Deco]:
        return [
            Deco(side, para, start, end, "match-current" if n == current else "match")
            for start, end, n in self._match_decos.get((side, para), ())
        ]
