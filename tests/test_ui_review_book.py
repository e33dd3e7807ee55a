"""The app's review state without a screen: progress kept item by item, unreviewed walking,
merging saves, row marks, tags, remembered positions and proposed export names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_tui.cli import _app_parser
from readout_tui.core.documents import document_from_text
from readout_tui.core.model import Comparison
from readout_tui.core.review import (
    REVIEW_STATUSES,
    ReviewItem,
    new_review,
    progress,
    set_note,
)
from readout_tui.ui.positions import LIMIT, load_position, save_position
from readout_tui.ui.reader import Reader
from readout_tui.ui.review_book import ReviewBook, parse_tags
from readout_tui.ui.review_session import SessionChoice
from readout_tui.ui.screens.export import propose_path
from tests.ui_fixtures import make_comparison, make_long_comparison

OPS = st.lists(
    st.tuples(
        st.sampled_from(["mark", "note", "tags"]),
        st.integers(min_value=0, max_value=40),
        st.sampled_from(REVIEW_STATUSES),
        st.text(max_size=8),
    ),
    max_size=30,
)


def book_for(comparison: Comparison | None = None) -> ReviewBook:
    return ReviewBook(Reader(comparison or make_comparison()), new_review("s"))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS)
def test_progress_kept_item_by_item_equals_a_full_count(
    ops: list[tuple[str, int, str, str]],
) -> None:
    book = book_for()
    for op, n, status, text in ops:
        target = book.ids[n % len(book.ids)]
        if op == "mark":
            book.mark([target, book.ids[(n + 1) % len(book.ids)]], status)  # type: ignore[arg-type]
        elif op == "note":
            book.set_note(target, text)
        else:
            book.change_tags(target, parse_tags(text)[0], [])
        assert book.progress == progress(book.review, book.targets)


def test_every_change_of_the_reader_has_its_own_review_target() -> None:
    book = book_for()
    assert len(set(book.ids)) == len(book.ids)
    assert set(book.targets) <= set(book.ids)  # every counted change can be reached


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(reviewed=st.sets(st.integers(min_value=0, max_value=29)), step=st.sampled_from([1, -1]))
def test_the_unreviewed_walk_visits_each_unreviewed_change_once(
    reviewed: set[int], step: int
) -> None:
    book = book_for(make_long_comparison(30))
    for change in reviewed:
        book.mark([book.ids[change]], "accepted")
    selection = book.reader.selection
    expected = [c for c in selection if c not in reviewed]
    if step < 0:
        expected.reverse()
    seen: list[int] = []
    current, item = -1, 0 if step > 0 else book.reader.layout.item_count
    for _ in range(len(expected)):
        current, _wrapped = book.next_unreviewed(selection, current, item, step)
        seen.append(current)
    assert seen == expected
    again, wrapped = book.next_unreviewed(selection, current, item, step)
    assert again == (expected[0] if len(expected) > 1 else -1)
    assert wrapped == (len(expected) > 1)


def test_a_toggle_clears_only_when_every_target_has_the_status() -> None:
    book = book_for()
    a, b = book.ids[0], book.ids[1]
    book.mark([a], "flagged")
    assert book.mark([a, b], "flagged") == "flagged"  # b was not flagged yet
    assert book.mark([a, b], "flagged") == "unreviewed"
    assert book.item(a).status == book.item(b).status == "unreviewed"


def test_a_save_keeps_changes_made_while_it_ran_and_takes_in_other_windows_work() -> None:
    book = book_for()
    a, b, c = book.ids[0], book.ids[1], book.ids[2]
    book.mark([a], "accepted")
    snapshot = book.begin_save()
    book.set_note(b, "typed during the save")  # after the snapshot
    # What the store returns: our snapshot merged with another window's note on c.
    merged = set_note(snapshot, c, "from the other window")
    assert book.finish_save(merged, [c]) is True
    assert book.item(a).status == "accepted"
    assert book.item(b).note == "typed during the save"
    assert book.item(c).note == "from the other window"
    assert book.progress == progress(book.review, book.targets)


def test_a_failed_save_keeps_the_review_in_memory() -> None:
    book = book_for()
    book.mark([book.ids[0]], "rejected")
    book.begin_save()
    book.set_note(book.ids[1], "kept")
    assert book.finish_save(None, ()) is False
    assert book.item(book.ids[0]).status == "rejected"
    assert book.item(book.ids[1]).note == "kept"


@pytest.mark.parametrize(
    ("items", "state"),
    [
        ([], None),
        ([("accepted", None)], "partial"),
        ([("accepted", None)] * 4, "accepted"),
        ([("accepted", None), ("rejected", None)], "rejected"),
        ([("rejected", None), ("flagged", None)], "flagged"),
        ([("unreviewed", "a note")], "note"),
        ([("accepted", None), ("accepted", "a note")], "note"),
    ],
)
def test_the_gutter_mark_of_a_row(items: list[tuple[str, str | None]], state: str | None) -> None:
    book = book_for()
    layout = book.reader.layout
    row = next(r for r in range(layout.row_count) if len(book_rows_changes(book, r)) == 4)
    changes = book_rows_changes(book, row)
    review = new_review(
        "s",
        [
            ReviewItem(book.ids[c], status, note)  # type: ignore[arg-type]
            for c, (status, note) in zip(changes, items, strict=False)
        ],
    )
    book.finish_save(review, [book.ids[c] for c in changes])
    assert book.row_state(row) == state


def book_rows_changes(book: ReviewBook, row: int) -> list[int]:
    layout = book.reader.layout
    return list(book.changes_of_items(layout.row_start[row], layout.row_end[row]))


@pytest.mark.parametrize(
    ("typed", "add", "remove"),
    [
        ("names", ["names"], []),
        ("#names, dates", ["names", "dates"], []),
        ("a a -b -#c", ["a"], ["b", "c"]),
        ("  ,  ", [], []),
        ("-", [], []),
    ],
)
def test_parse_tags(typed: str, add: list[str], remove: list[str]) -> None:
    assert parse_tags(typed) == (add, remove)


# -- positions -------------------------------------------------------------------------------


def test_a_position_is_remembered_per_session_file(tmp_path: Path) -> None:
    store = tmp_path / "positions.json"
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert load_position(one, path=store) is None
    assert save_position(one, "e-1", path=store)
    assert save_position(two, "b-2", path=store)
    assert save_position(one, "e-3", path=store)
    assert load_position(one, path=store) == "e-3"
    assert load_position(two, path=store) == "b-2"


@pytest.mark.parametrize(
    "content", ["{not json", "[]", '{"positions": 3}', '{"positions": {"x": 1}}']
)
def test_a_damaged_positions_file_is_ignored_and_replaced(tmp_path: Path, content: str) -> None:
    store = tmp_path / "positions.json"
    store.write_text(content, encoding="utf-8")
    session = tmp_path / "s.json"
    assert load_position(session, path=store) is None
    assert save_position(session, "e-9", path=store)
    assert load_position(session, path=store) == "e-9"


def test_only_the_newest_positions_are_kept(tmp_path: Path) -> None:
    store = tmp_path / "positions.json"
    for n in range(LIMIT + 5):
        save_position(tmp_path / f"{n}.json", f"e-{n}", path=store)
    assert load_position(tmp_path / "0.json", path=store) is None
    assert load_position(tmp_path / f"{LIMIT + 4}.json", path=store) == f"e-{LIMIT + 4}"


# -- export names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("reprint.txt", "html", "reprint.readout.html"),
        ("notes.md", "markdown", "notes.readout.md"),
        ("page.html", "html", "page.readout.html"),
        ("we ird/..;name.txt", "tei", "name.readout.tei.xml"),
        ("bad name?.txt", "csv", "bad-name.readout.csv"),
        (".hidden", "json", "hidden.readout.json"),
    ],
)
def test_the_proposed_export_name(tmp_path: Path, name: str, fmt: str, expected: str) -> None:
    comparison = make_comparison()
    right = document_from_text("text", path=name)
    renamed = Comparison(comparison.left, right, (), comparison.summary)
    proposed = propose_path(renamed, fmt, tmp_path)
    assert proposed == tmp_path / expected
    assert proposed.name != right.name  # never the input's own name


def test_the_proposed_export_name_is_never_an_existing_file(tmp_path: Path) -> None:
    comparison = make_comparison()
    first = propose_path(comparison, "csv", tmp_path)
    first.write_text("x", encoding="utf-8")
    second = propose_path(comparison, "csv", tmp_path)
    assert second != first and not second.exists()
    assert second.name == "reprint.readout-2.csv"


@pytest.mark.parametrize(
    ("argv", "choice"),
    [
        ([], SessionChoice()),
        (["--no-session"], SessionChoice(off=True)),
        (["--session", "mine.json", "a.txt", "b.txt"], SessionChoice(file="mine.json")),
    ],
)
def test_the_command_line_chooses_the_session(argv: list[str], choice: SessionChoice) -> None:
    assert SessionChoice.from_args(_app_parser().parse_args(argv)) == choice
