"""The review model: a researcher's verdict, note and tags on each change, as pure data.

A :class:`Review` is immutable; every operation (:func:`set_status`, :func:`set_note`,
:func:`add_tag`...) returns a new one, so the app can keep the current review in one reactive
attribute, undo by keeping the previous value, and save whatever it holds. Items are keyed by
the comparison's stable ids (blocks, edits, typos, commitments), so a review survives
re-running the engine on the same documents. Each item carries an ``updated`` timestamp: two
app instances on the same pair are reconciled item by item, newest wins
(:func:`merge_reviews`).

>>> r = new_review("s1")
>>> r = set_status(r, "e-1", "accepted", now="2024-01-01T00:00:00+00:00")
>>> r = set_note(r, "e-2", "check the date", now="2024-01-01T00:00:01+00:00")
>>> progress(r, ["e-1", "e-2", "e-3"])
Progress(reviewed=1, total=3, accepted=1, flagged=0, rejected=0, noted=1)
>>> next_unreviewed(r, ["e-1", "e-2", "e-3"], after="e-1")
'e-2'
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from readout_tui.core.model import Comparison

ReviewStatus = Literal["unreviewed", "accepted", "flagged", "rejected"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = get_args(ReviewStatus)


def utc_now() -> str:
    """The current time as ISO 8601 in UTC with microseconds (sortable, merge-safe)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _parse_time(stamp: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """The review of one target (an edit, block, typo or commitment id)."""

    target: str
    status: ReviewStatus = "unreviewed"
    note: str | None = None
    tags: tuple[str, ...] = ()
    updated: str = ""

    @property
    def is_blank(self) -> bool:
        """True when the item says nothing (unreviewed, no note, no tags)."""
        return self.status == "unreviewed" and not self.note and not self.tags

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "status": self.status,
            "note": self.note,
            "tags": list(self.tags),
            "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewItem:
        """Parse one item, raising ``ValueError`` on anything malformed."""
        target, status, note = data.get("target"), data.get("status"), data.get("note")
        tags, updated = data.get("tags", []), data.get("updated", "")
        if not isinstance(target, str) or not target:
            raise ValueError("review item without a target")
        if status not in REVIEW_STATUSES:
            raise ValueError(f"review item {target}: unknown status {status!r}")
        if note is not None and not isinstance(note, str):
            raise ValueError(f"review item {target}: note is not text")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError(f"review item {target}: tags are not a list of text")
        if not isinstance(updated, str):
            raise ValueError(f"review item {target}: bad timestamp")
        return cls(target, status, note or None, tuple(tags), updated)


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a review has got over a list of targets."""

    reviewed: int
    total: int
    accepted: int = 0
    flagged: int = 0
    rejected: int = 0
    noted: int = 0

    def __str__(self) -> str:
        return f"{self.reviewed}/{self.total} reviewed"


@dataclass(frozen=True, slots=True)
class Review:
    """All review items of one session, by target id. Treat ``items`` as read-only."""

    session: str
    items: Mapping[str, ReviewItem] = field(default_factory=dict)

    def get(self, target: str) -> ReviewItem:
        """The item for ``target``; a blank one when it was never touched."""
        return self.items.get(target) or ReviewItem(target)

    def to_export_dict(self, *, targets: Collection[str] | None = None) -> dict[str, Any]:
        """The ``review`` object of ``readout-diff/1``: non-blank items, sorted by target.

        ``targets`` limits the items to those ids (e.g. the ones the comparison still has).
        """
        items = [
            item.to_dict()
            for key, item in sorted(self.items.items())
            if not item.is_blank and (targets is None or key in targets)
        ]
        return {"session": self.session, "items": items}


def new_review(session: str, items: Iterable[ReviewItem] = ()) -> Review:
    return Review(session, {item.target: item for item in items})


def _put(review: Review, item: ReviewItem) -> Review:
    items = dict(review.items)
    items[item.target] = item
    return Review(review.session, items)


def set_status(
    review: Review, target: str, status: ReviewStatus, *, now: str | None = None
) -> Review:
    """Mark ``target``; setting ``"unreviewed"`` undoes a verdict (and is itself an update)."""
    if status not in REVIEW_STATUSES:
        raise ValueError(f"unknown review status {status!r}")
    return _put(review, replace(review.get(target), status=status, updated=now or utc_now()))


def toggle_status(
    review: Review, target: str, status: ReviewStatus, *, now: str | None = None
) -> Review:
    """Set ``status``, or clear it back to unreviewed when the target already has it."""
    current = review.get(target).status
    return set_status(review, target, "unreviewed" if current == status else status, now=now)


def set_note(review: Review, target: str, note: str | None, *, now: str | None = None) -> Review:
    """Replace the note of ``target``; an empty or blank note removes it."""
    cleaned = note if note and note.strip() else None
    return _put(review, replace(review.get(target), note=cleaned, updated=now or utc_now()))


def add_tag(review: Review, target: str, tag: str, *, now: str | None = None) -> Review:
    """Add ``tag`` (stripped; ignored when empty or already there)."""
    tag = tag.strip()
    item = review.get(target)
    if not tag or tag in item.tags:
        return review
    return _put(review, replace(item, tags=(*item.tags, tag), updated=now or utc_now()))


def remove_tag(review: Review, target: str, tag: str, *, now: str | None = None) -> Review:
    item = review.get(target)
    if tag not in item.tags:
        return review
    tags = tuple(t for t in item.tags if t != tag)
    return _put(review, replace(item, tags=tags, updated=now or utc_now()))


def set_status_many(
    review: Review, targets: Iterable[str], status: ReviewStatus, *, now: str | None = None
) -> Review:
    """Mark many targets at once (one copy of the items, not one per target)."""
    if status not in REVIEW_STATUSES:
        raise ValueError(f"unknown review status {status!r}")
    stamp = now or utc_now()
    items = dict(review.items)
    for target in targets:
        items[target] = replace(review.get(target), status=status, updated=stamp)
    return Review(review.session, items)


def progress(review: Review, targets: Iterable[str]) -> Progress:
    """Counts over ``targets`` (e.g. :func:`change_targets`); a target is reviewed once it
    has a status other than ``unreviewed``."""
    counts = dict.fromkeys(REVIEW_STATUSES, 0)
    total = noted = 0
    for target in targets:
        item = review.get(target)
        total += 1
        counts[item.status] += 1
        noted += bool(item.note)
    return Progress(
        reviewed=total - counts["unreviewed"],
        total=total,
        accepted=counts["accepted"],
        flagged=counts["flagged"],
        rejected=counts["rejected"],
        noted=noted,
    )


def next_unreviewed(
    review: Review,
    targets: Sequence[str],
    *,
    after: str | None = None,
    backwards: bool = False,
    wrap: bool = True,
) -> str | None:
    """The next (or previous) unreviewed target after ``after`` in ``targets`` order.

    ``after=None`` starts from the beginning (or the end, backwards). Returns ``None`` when
    every target is reviewed (or none is left before the edge, with ``wrap=False``).
    """
    order = list(reversed(targets)) if backwards else list(targets)
    start = 0
    if after is not None and after in order:
        start = order.index(after) + 1
    candidates = order[start:] + (order[:start] if wrap else [])
    return next((t for t in candidates if review.get(t).status == "unreviewed"), None)


#: Block operations that are a change in themselves, whatever word edits they also hold.
BLOCK_CHANGES = frozenset({"delete", "insert", "split", "merge", "move", "boilerplate"})


def change_targets(comparison: Comparison) -> tuple[str, ...]:
    """The changes a reviewer walks through (what ``]`` visits in the app): every structural
    block (omitted, added, split, merged, moved, boilerplate) and every word edit in reading
    order, then the typos and artifacts that no edit carries."""
    out: list[str] = []
    typo_edits: set[tuple[str, int, int]] = set()
    debris_edits: set[tuple[str, int, int]] = set()
    for block in comparison.blocks:
        if block.moved or block.op in BLOCK_CHANGES:
            out.append(block.id)
        for edit in block.edits:
            out.append(edit.id)
            if edit.kind in ("typo", "artifact"):
                spans = (("left", edit.left), ("right", edit.right))
                found = typo_edits if edit.kind == "typo" else debris_edits
                found.update((side, s.paragraph, s.start) for side, s in spans if s and s.text)
    out += [t.id for t in comparison.typos if (t.side, t.paragraph, t.start) not in typo_edits]
    out += [
        a.id for a in comparison.artifacts if (a.side, a.paragraph, a.start) not in debris_edits
    ]
    return tuple(out)


def all_targets(comparison: Comparison) -> frozenset[str]:
    """Every id a review item may refer to: blocks, edits, typos, artifacts, commitments."""
    ids: set[str] = set()
    for block in comparison.blocks:
        ids.add(block.id)
        ids.update(edit.id for edit in block.edits)
    ids.update(t.id for t in comparison.typos)
    ids.update(a.id for a in comparison.artifacts)
    ids.update(c.id for c in comparison.commitments)
    return frozenset(ids)


def unmapped_items(review: Review, known: Collection[str]) -> tuple[ReviewItem, ...]:
    """Non-blank items whose target is not in ``known`` (e.g. after a document changed).

    They stay in the review and in the session file; callers list them, never drop them.
    """
    return tuple(
        item for key, item in sorted(review.items.items()) if key not in known and not item.is_blank
    )


def _newer(a: ReviewItem, b: ReviewItem) -> ReviewItem:
    ta, tb = _parse_time(a.updated), _parse_time(b.updated)
    if ta != tb:
        return a if ta > tb else b
    # Same instant: decide on content so that every instance picks the same winner.
    ka = json.dumps(a.to_dict(), sort_keys=True)
    kb = json.dumps(b.to_dict(), sort_keys=True)
    return a if ka >= kb else b


def merge_reviews(ours: Review, theirs: Review) -> Review:
    """Both reviews' items, the newer ``updated`` winning per target; keeps ``ours.session``.

    >>> a = new_review("s", [ReviewItem("x", "accepted", updated="2024-01-02T00:00:00+00:00")])
    >>> b = new_review("s", [ReviewItem("x", "flagged", updated="2024-01-01T00:00:00+00:00"),
    ...                      ReviewItem("y", note="hi", updated="2024-01-01T00:00:00+00:00")])
    >>> m = merge_reviews(a, b)
    >>> m.get("x").status, m.get("y").note
    ('accepted', 'hi')
    """
    items = dict(theirs.items)
    for key, item in ours.items.items():
        other = items.get(key)
        if other is None or other is item or other == item:
            items[key] = item
        else:
            items[key] = _newer(item, other)
    return Review(ours.session, items)
