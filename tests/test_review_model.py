"""The pure review model: verdicts, notes, tags, progress, navigation and merging."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from readout_tui.core.review import (
    REVIEW_STATUSES,
    Review,
    ReviewItem,
    add_tag,
    all_targets,
    change_targets,
    merge_reviews,
    new_review,
    next_unreviewed,
    progress,
    remove_tag,
    set_note,
    set_status,
    set_status_many,
    toggle_status,
    unmapped_items,
)
from tests.review_support import simple_comparison

T1 = "2024-01-01T00:00:00+00:00"
T2 = "2024-01-02T00:00:00+00:00"
SCHEMA = json.loads(
    (Path(__file__).parent.parent / "readout_tui/data/readout-diff-1.schema.json").read_text()
)


def test_operations_return_new_reviews_and_leave_the_old_one_alone() -> None:
    before = new_review("s")
    after = set_status(before, "e-1", "flagged", now=T1)
    assert before.get("e-1").status == "unreviewed"
    assert after.get("e-1") == ReviewItem("e-1", "flagged", None, (), T1)


@pytest.mark.parametrize("status", REVIEW_STATUSES)
def test_set_status_records_status_and_time(status: str) -> None:
    review = set_status(new_review("s"), "x", status, now=T2)  # type: ignore[arg-type]
    assert (review.get("x").status, review.get("x").updated) == (status, T2)


def test_set_status_many_marks_every_target_with_one_time() -> None:
    review = set_note(new_review("s"), "a", "kept", now=T1)
    review = set_status_many(review, ["a", "b", "c"], "rejected", now=T2)
    assert [review.get(t).status for t in "abc"] == ["rejected"] * 3
    assert review.get("a").note == "kept" and {i.updated for i in review.items.values()} == {T2}


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown review status"):
        set_status(new_review("s"), "x", "done")  # type: ignore[arg-type]


def test_toggle_clears_the_same_status_and_replaces_another() -> None:
    review = toggle_status(new_review("s"), "x", "accepted", now=T1)
    assert review.get("x").status == "accepted"
    assert toggle_status(review, "x", "flagged", now=T1).get("x").status == "flagged"
    assert toggle_status(review, "x", "accepted", now=T1).get("x").status == "unreviewed"


@pytest.mark.parametrize(
    ("note", "kept"),
    [("multi\nline note", "multi\nline note"), ("", None), ("   \n ", None), (None, None)],
)
def test_set_note_keeps_text_and_blank_removes_it(note: str | None, kept: str | None) -> None:
    review = set_note(new_review("s"), "x", "old", now=T1)
    assert set_note(review, "x", note, now=T2).get("x").note == kept


def test_note_keeps_the_status() -> None:
    review = set_note(set_status(new_review("s"), "x", "rejected", now=T1), "x", "why", now=T2)
    assert (review.get("x").status, review.get("x").note) == ("rejected", "why")


def test_tags_are_stripped_unique_and_removable() -> None:
    review = new_review("s")
    for tag in ("date", " date ", "", "name"):
        review = add_tag(review, "x", tag, now=T1)
    assert review.get("x").tags == ("date", "name")
    assert remove_tag(review, "x", "date", now=T1).get("x").tags == ("name",)
    assert remove_tag(review, "x", "absent", now=T1) is review


def test_progress_counts_only_the_given_targets() -> None:
    review = new_review("s")
    review = set_status(review, "a", "accepted", now=T1)
    review = set_status(review, "b", "flagged", now=T1)
    review = set_note(review, "c", "noted but unreviewed", now=T1)
    review = set_status(review, "elsewhere", "rejected", now=T1)
    p = progress(review, ["a", "b", "c", "d"])
    assert (p.reviewed, p.total, p.accepted, p.flagged, p.rejected, p.noted) == (2, 4, 1, 1, 0, 1)
    assert str(p) == "2/4 reviewed"


@pytest.mark.parametrize(
    ("after", "backwards", "wrap", "expected"),
    [
        (None, False, True, "b"),
        ("b", False, True, "d"),
        ("d", False, True, "b"),
        ("d", False, False, None),
        (None, True, True, "d"),
        ("d", True, True, "b"),
        ("b", True, False, None),
        ("unknown", False, True, "b"),
    ],
)
def test_next_unreviewed_skips_reviewed_targets(
    after: str | None, backwards: bool, wrap: bool, expected: str | None
) -> None:
    review = set_status(set_status(new_review("s"), "a", "accepted"), "c", "rejected")
    targets = ["a", "b", "c", "d"]
    assert next_unreviewed(review, targets, after=after, backwards=backwards, wrap=wrap) == (
        expected
    )


def test_next_unreviewed_is_none_when_all_are_reviewed() -> None:
    review = set_status(new_review("s"), "a", "accepted")
    assert next_unreviewed(review, ["a"]) is None


def test_change_targets_are_edits_and_edit_less_changed_blocks_in_reading_order() -> None:
    comp = simple_comparison("Same.\n\nOld words here.\n\nGone.", "Same.\n\nNew words here.")
    targets = change_targets(comp)
    ops = {b.id: b.op for b in comp.blocks}
    edits = {e.id for b in comp.blocks for e in b.edits}
    assert targets, "a changed pair has changes"
    assert all(t in edits or ops.get(t) in ("delete", "insert") for t in targets)
    assert [ops.get(t) for t in targets if t in ops] == ["delete"]
    assert set(targets) <= all_targets(comp)


def test_unmapped_items_lists_non_blank_items_for_unknown_targets() -> None:
    review = set_note(new_review("s"), "gone", "keep me", now=T1)
    review = set_status(review, "reset", "accepted", now=T1)
    review = set_status(review, "reset", "unreviewed", now=T2)  # blank again
    review = set_status(review, "here", "flagged", now=T1)
    assert [i.target for i in unmapped_items(review, {"here"})] == ["gone"]


def test_export_dict_matches_the_schema_and_leaves_out_blank_items() -> None:
    review = set_note(set_status(new_review("sess"), "b", "flagged", now=T1), "a", "n", now=T1)
    review = add_tag(set_status(review, "c", "unreviewed", now=T1), "b", "t", now=T2)
    data = review.to_export_dict()
    jsonschema.validate(data, {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/review"})
    assert [i["target"] for i in data["items"]] == ["a", "b"]
    assert review.to_export_dict(targets={"b"})["items"][0]["tags"] == ["t"]


@pytest.mark.parametrize(
    "bad",
    [
        {"status": "accepted"},
        {"target": "x", "status": "maybe"},
        {"target": "x", "status": "accepted", "note": 3},
        {"target": "x", "status": "accepted", "tags": "a,b"},
    ],
)
def test_item_parsing_refuses_malformed_data(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ReviewItem.from_dict(bad)


def test_merge_takes_the_newer_item_per_target() -> None:
    ours = new_review(
        "s", [ReviewItem("x", "accepted", "mine", (), T1), ReviewItem("y", updated=T2)]
    )
    theirs = new_review(
        "s", [ReviewItem("x", "flagged", "theirs", (), T2), ReviewItem("z", "rejected", updated=T1)]
    )
    merged = merge_reviews(ours, theirs)
    assert merged.get("x").note == "theirs"
    assert set(merged.items) == {"x", "y", "z"}


_times = st.sampled_from([T1, T2, "2024-01-01T00:00:00.5+00:00", "2024-01-01T01:00:00+01:00"])
_items = st.builds(
    ReviewItem,
    target=st.sampled_from(["a", "b", "c"]),
    status=st.sampled_from(REVIEW_STATUSES),
    note=st.one_of(st.none(), st.text(max_size=5)),
    tags=st.lists(st.sampled_from(["t", "u"]), max_size=2, unique=True).map(tuple),
    updated=_times,
)
_reviews = st.lists(_items, max_size=4).map(lambda items: new_review("s", items))


@given(_reviews, _reviews)
def test_merge_is_symmetric_so_two_instances_agree(a: Review, b: Review) -> None:
    assert merge_reviews(a, b).items == merge_reviews(b, a).items


@given(_reviews, _reviews)
def test_merge_keeps_every_target_and_is_idempotent(a: Review, b: Review) -> None:
    merged = merge_reviews(a, b)
    assert set(merged.items) == set(a.items) | set(b.items)
    assert merge_reviews(merged, b).items == merged.items
