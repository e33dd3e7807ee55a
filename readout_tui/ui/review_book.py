"""The review as the reader sees it: each change's review item, progress, marks, navigation.

:class:`ReviewBook` ties the core's immutable :class:`~readout_tui.core.review.Review` to the
reader's numbered changes (:class:`~readout_tui.ui.changes.ChangeIndex`): which review target
each change is, what to draw in the panes and the gutter, and where the next unreviewed change
is. It keeps the progress counts up to date item by item, since recounting the 181k changes of
the bench pair on every key press would cost a tenth of a second. It holds no widgets and does
no I/O; saving is :mod:`readout_tui.ui.review_session`, which hands merged reviews back here.

Progress counts the core's :func:`~readout_tui.core.review.change_targets` (the same figure
``readout-tui sessions show`` prints); every change the reader stops at can be marked, also
the few the core does not count (boilerplate, a typo in unchanged text).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from functools import cached_property

from readout_tui.core.review import (
    REVIEW_STATUSES,
    Progress,
    Review,
    ReviewItem,
    ReviewStatus,
    add_tag,
    change_targets,
    remove_tag,
    set_note,
    set_status,
    set_status_many,
)
from readout_tui.ui.changes import BLOCK_LEVEL
from readout_tui.ui.compose import Deco
from readout_tui.ui.layout import ITEM_BLOCK
from readout_tui.ui.reader import Reader
from readout_tui.ui.text import visible

#: What the gutter shows for a row, by :meth:`ReviewBook.row_state`.
ROW_MARKS: dict[str, str] = {
    "flagged": "⚑",
    "rejected": "✗",
    "note": "✎",
    "accepted": "✓",
    "partial": "◦",
}
#: How a status reads in the details bar and in messages.
STATUS_LABELS: dict[ReviewStatus, str] = {
    "unreviewed": "unreviewed",
    "accepted": "✓ accepted",
    "flagged": "⚑ flagged",
    "rejected": "✗ rejected",
}
STATUS_VERBS: dict[ReviewStatus, str] = {
    "unreviewed": "Cleared",
    "accepted": "Accepted",
    "flagged": "Flagged",
    "rejected": "Rejected",
}


def change_ids(reader: Reader) -> list[str]:
    """The review target of every change of the reader, in change order: an edit's id, a
    block's id for a block-level change, a typo's or artifact's id for those records."""
    index, blocks = reader.index, reader.comparison.blocks
    out: list[str] = []
    for change in range(len(index)):
        e = index.edit[change]
        block = blocks[index.block(change)]
        if e >= 0:
            out.append(block.edits[e].id)
        elif e == BLOCK_LEVEL:
            out.append(block.id)
        else:
            record = index.record_of(change)
            out.append(record.id if record is not None else block.id)
    return out


def parse_tags(text: str) -> tuple[list[str], list[str]]:
    """Tags to add and to remove from what the reader typed: words separated by spaces or
    commas, an optional leading ``#``; a leading ``-`` removes the tag.

    >>> parse_tags("#names, dates -old")
    (['names', 'dates'], ['old'])
    """
    add: list[str] = []
    remove: list[str] = []
    for raw in text.replace(",", " ").split():
        target = remove if raw.startswith("-") else add
        tag = raw.lstrip("-").lstrip("#").strip()
        if tag and tag not in target:
            target.append(tag)
    return add, remove


def note_preview(note: str, limit: int = 60) -> str:
    """A note's first lines as one short line, control characters made harmless."""
    shown = " ".join(visible(note).split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class ReviewBook:
    """The current review, addressed by the reader's change numbers (see the module doc)."""

    def __init__(self, reader: Reader, review: Review) -> None:
        # Built in the worker thread before the first screen: on the bench pair every
        # tenth of a second here delays it, so lookups only some actions need are lazy.
        self.reader = reader
        self.ids = change_ids(reader)
        self.targets = change_targets(reader.comparison)
        self.review = review
        self._counts: dict[ReviewStatus, int] = dict.fromkeys(REVIEW_STATUSES, 0)
        self._counts["unreviewed"] = len(self.targets)
        self._noted = 0
        for target, item in review.items.items():
            if target in self._counted:
                self._count(None, -1)
                self._count(item, 1)
        #: Items changed since the save in flight took its snapshot (None: no save running).
        self._pending: dict[str, ReviewItem] | None = None
        #: Bumped on every change, so the views know when to redraw.
        self.version = 0

    @cached_property
    def change_of(self) -> dict[str, int]:
        """The change number of each review target that is a change of the reader."""
        return {target: change for change, target in enumerate(self.ids)}

    @cached_property
    def _counted(self) -> frozenset[str]:
        return frozenset(self.targets)

    # -- reading -------------------------------------------------------------------------------

    def item(self, target: str) -> ReviewItem:
        return self.review.get(target)

    def status(self, change: int) -> ReviewStatus:
        item = self.review.items.get(self.ids[change])
        return item.status if item is not None else "unreviewed"

    def is_unreviewed(self, change: int) -> bool:
        return self.status(change) == "unreviewed"

    @property
    def progress(self) -> Progress:
        counts = self._counts
        return Progress(
            reviewed=len(self.targets) - counts["unreviewed"],
            total=len(self.targets),
            accepted=counts["accepted"],
            flagged=counts["flagged"],
            rejected=counts["rejected"],
            noted=self._noted,
        )

    def has_marks(self) -> bool:
        """True when the review says anything at all (worth exporting)."""
        return any(not item.is_blank for item in self.review.items.values())

    # -- changing --------------------------------------------------------------------------------

    def _count(self, item: ReviewItem | None, sign: int) -> None:
        self._counts[item.status if item is not None else "unreviewed"] += sign
        if item is not None and item.note:
            self._noted += sign

    def _replace(self, review: Review, targets: Iterable[str]) -> None:
        """Adopt ``review``, in which only ``targets`` differ from the current one."""
        old, new = self.review.items, review.items
        for target in targets:
            if target in self._counted:
                self._count(old.get(target), -1)
                self._count(new.get(target), 1)
            if self._pending is not None and target in new:
                self._pending[target] = new[target]
        self.review = review
        self.version += 1

    def mark(self, targets: Sequence[str], status: ReviewStatus) -> ReviewStatus:
        """Give every target ``status``, or clear them when they all have it already (the
        key toggles). Returns the status they now have."""
        # In id order: the session file is written sorted by id, and sorting items that are
        # already in order is linear; in change order (random ids) it holds the interpreter
        # for half a second in the saving thread, freezing the keys, on the bench pair.
        targets = sorted(set(targets)) if len(targets) > 1 else list(targets)
        if not targets:
            return status
        items = self.review.items
        every = all((items[t].status if t in items else "unreviewed") == status for t in targets)
        wanted: ReviewStatus = "unreviewed" if every else status
        if len(targets) == 1:
            review = set_status(self.review, targets[0], wanted)
        else:
            review = set_status_many(self.review, targets, wanted)
        self._replace(review, targets)
        return wanted

    def set_note(self, target: str, note: str | None) -> None:
        self._replace(set_note(self.review, target, note), [target])

    def change_tags(self, target: str, add: Iterable[str], remove: Iterable[str]) -> None:
        review = self.review
        for tag in remove:
            review = remove_tag(review, target, tag)
        for tag in add:
            review = add_tag(review, target, tag)
        if review is not self.review:
            self._replace(review, [target])

    # -- saving ----------------------------------------------------------------------------------

    def begin_save(self) -> Review:
        """The review to save now; changes made until :meth:`finish_save` are kept apart."""
        self._pending = {}
        return self.review

    def finish_save(self, merged: Review | None, external: Collection[str]) -> bool:
        """Adopt a save's merged review (``None``: the save failed, keep ours). ``external``
        lists the targets whose item the merge took from the file (another instance's work).
        Changes made while the save ran stay on top. Returns True if anything external came
        in (the views should redraw)."""
        pending, self._pending = self._pending or {}, None
        if merged is None:
            return False
        incoming = [t for t in external if t not in pending]
        if pending:
            items = dict(merged.items)
            items.update(pending)
            merged = Review(merged.session, items)
        self._replace(merged, incoming)
        return bool(incoming)

    # -- what the views show -----------------------------------------------------------------------

    def changes_of_items(self, start: int, end: int) -> range:
        """Change numbers of items ``start:end`` (changes are numbered in item order)."""
        item = self.reader.index.item
        return range(bisect_left(item, start), bisect_left(item, end))

    def row_state(self, row: int) -> str | None:
        """What the gutter says about a row: a key of :data:`ROW_MARKS`, or None."""
        layout = self.reader.layout
        start, end = layout.row_start[row], layout.row_end[row]
        items = self.review.items
        if not items:
            return None
        found: set[str] = set()
        reviewed = total = 0
        for change in self.changes_of_items(start, end):
            item = items.get(self.ids[change])
            total += 1
            if item is None:
                continue
            if item.status != "unreviewed":
                reviewed += 1
                found.add(item.status)
            if item.note:
                found.add("note")
        blocks = self.reader.comparison.blocks
        for it in range(start, end):
            if layout.item_kind[it] == ITEM_BLOCK:
                item = items.get(blocks[layout.item_block[it]].id)
                if item is not None and item.note:
                    found.add("note")
        for state in ("flagged", "rejected", "note"):
            if state in found:
                return state
        if total and reviewed == total:
            return "accepted"
        return "partial" if reviewed else None

    def decos(self, item: int) -> list[Deco]:
        """Highlights of the reviewed changes in one item's text."""
        items = self.review.items
        if not items:
            return []
        index = self.reader.index
        out: list[Deco] = []
        for change in self.changes_of_items(item, item + 1):
            entry = items.get(self.ids[change])
            if entry is None or entry.status == "unreviewed":
                continue
            style = f"review-{entry.status}"
            for side, para, start, end in index.spans(change):
                out.append(Deco(side, para, start, end, style, change))
        return out

    def describe(self, target: str) -> tuple[str, str]:
        """The review of ``target`` for the details bar: (head part, body part)."""
        item = self.review.items.get(target)
        if item is None:
            return "", ""
        head = [STATUS_LABELS[item.status]] if item.status != "unreviewed" else []
        head += [f"#{visible(tag)}" for tag in item.tags]
        body = f"✎ “{note_preview(item.note)}”" if item.note else ""
        return " ".join(head), body

    def count_reviewed(self, changes: Iterable[int]) -> tuple[int, int]:
        """(reviewed, total) over some changes."""
        total = reviewed = 0
        for change in changes:
            total += 1
            reviewed += not self.is_unreviewed(change)
        return reviewed, total

    # -- moving --------------------------------------------------------------------------------

    def next_unreviewed(
        self, chosen: array[int], current: int, item: int, step: int
    ) -> tuple[int, bool]:
        """The next (``step`` 1) or previous (-1) unreviewed change of ``chosen`` from the
        current change (or from ``item``), wrapping around; -1 when none is left. Returns
        ``(change, wrapped)``. Like ``]``, a folded run is one stop."""
        reader = self.reader
        count = len(chosen)
        if not count:
            return -1, False
        if current >= 0:
            pos = bisect_right(chosen, current) if step > 0 else bisect_left(chosen, current) - 1
        else:
            first = reader.first_change_at(item)
            pos = bisect_left(chosen, first) if step > 0 else bisect_left(chosen, first) - 1
        row_of, index_item = reader.layout.item_row, reader.index.item
        here = row_of[index_item[current]] if current >= 0 else -1
        items, ids = self.review.items, self.ids
        for positions, wrapped in self._ranges(pos, count, step):
            for position in positions:  # a plain loop: it may pass 180k reviewed changes
                change = chosen[position]
                entry = items.get(ids[change])
                if change == current or (entry is not None and entry.status != "unreviewed"):
                    continue
                if reader.folded_block_level(change) and row_of[index_item[change]] == here:
                    continue
                return change, wrapped
        return -1, False

    @staticmethod
    def _ranges(pos: int, count: int, step: int) -> tuple[tuple[range, bool], ...]:
        """Positions from ``pos`` to the end in direction ``step``, then the rest (wrapped)."""
        if step > 0:
            start = max(0, pos)
            return (range(start, count), False), (range(0, min(start, count)), True)
        start = min(pos, count - 1)
        return (range(start, -1, -1), False), (range(count - 1, start, -1), True)
