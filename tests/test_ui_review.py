"""Reviewing in the app, driven with Pilot: verdicts, notes, tags, unreviewed-only walking,
sessions kept across runs (default file, ``--session FILE``, ``--no-session``, a corrupt
file, changed documents, two instances) and the export dialog.

``tests/conftest.py`` points ``READOUT_TUI_DATA_DIR`` at a fresh folder for every test.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from readout_tui.core.documents import document_from_text
from readout_tui.core.model import Comparison
from readout_tui.core.review import set_note
from readout_tui.core.session_files import sessions_dir
from readout_tui.core.sessions import SessionStore
from readout_tui.ui.app import ReadoutApp
from readout_tui.ui.review_session import SessionChoice
from readout_tui.ui.screens.confirm import ConfirmScreen
from readout_tui.ui.screens.export import ExportScreen
from readout_tui.ui.screens.main import MainScreen
from readout_tui.ui.screens.note import NoteScreen
from readout_tui.ui.screens.session import SessionScreen
from readout_tui.ui.widgets.details import DetailsBar
from readout_tui.ui.widgets.diffview import DiffView
from tests.test_ui_keys import WALK
from tests.ui_fixtures import LEFT, RIGHT, make_comparison, pilot_test, screen_lines, screen_text

SIZE = (120, 40)
DATE = WALK.index("date") + 1  # presses of ] that reach the date edit ("March 3" → "March 4")
NUMBER = WALK.index("number") + 1  # the number edit ("20" → "25")


@asynccontextmanager
async def running(
    session: SessionChoice | None = None, comparison: Comparison | None = None
) -> AsyncIterator[tuple[ReadoutApp, Pilot[int]]]:
    app = ReadoutApp(comparison=comparison or make_comparison(), session=session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        yield app, pilot


def main(app: ReadoutApp) -> MainScreen:
    screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
    return screen


def details(app: ReadoutApp) -> tuple[str, str]:
    return main(app).query_one(DetailsBar).lines


def toasts(app: ReadoutApp) -> str:
    """The text of the notifications on screen, their wrapped lines joined."""
    parts = [line.rsplit("▌", 1)[1].strip() for line in screen_lines(app) if "▌" in line]
    # A toast is narrower than the screen: keep its text, not what shows beside it.
    return " ".join(re.split(r"\s{3,}", p)[0] for p in parts if p)


def header(app: ReadoutApp) -> str:
    return screen_lines(app)[0]


def cursor_line(app: ReadoutApp) -> str:
    """The screen line where the cursor's row starts (its gutter shows ▶)."""
    return next(line for line in screen_lines(app) if line.startswith("▶"))


async def walk(pilot: Pilot[int], presses: int) -> None:
    await pilot.press(*["]"] * presses)


async def quit_app(pilot: Pilot[int]) -> None:
    await pilot.press("q")
    await pilot.pause()


async def write_note(pilot: Pilot[int], text: str) -> None:
    """Open the editor, put ``text`` in (as a paste would: typing key by key is tested
    once, in the resize test, and is slow under Pilot), save with ctrl+s."""
    await pilot.press("c")
    await pilot.pause()
    pilot.app.screen.query_one(TextArea).insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


def total(app: ReadoutApp) -> int:
    return main(app).book.progress.total


# -- verdicts, notes, tags ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "label", "mark"),
    # Accepting one of the row's four edits leaves the row partly reviewed (◦); a flag or a
    # rejection marks the row whatever the others are.
    [("a", "✓ accepted", "◦"), ("x", "⚑ flagged", "⚑"), ("r", "✗ rejected", "✗")],
)
@pilot_test
async def test_a_verdict_shows_in_details_gutter_and_header_and_toggles_off(
    key: str, label: str, mark: str
) -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        assert f"0/{total(app)} reviewed" in header(app)
        await pilot.press(key)
        assert details(app)[0].startswith(f"date · {label} · ")
        assert cursor_line(app).startswith(f"▶{mark}")
        assert f"1/{total(app)} reviewed" in header(app)
        await pilot.press(key)  # the same key again: back to unreviewed
        assert label not in details(app)[0]
        assert f"0/{total(app)} reviewed" in header(app)
        assert not cursor_line(app).startswith(f"▶{mark}")


@pilot_test
async def test_another_verdict_replaces_the_first() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("a", "x")
        assert "⚑ flagged" in details(app)[0] and "accepted" not in details(app)[0]
        assert f"1/{total(app)} reviewed" in header(app)


@pilot_test
async def test_a_row_with_some_changes_reviewed_shows_a_partial_mark() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("a")
        await pilot.press("]")  # the paraphrase edit of the same paragraph
        assert cursor_line(app).startswith("▶◦")


@pilot_test
async def test_a_note_is_written_shown_and_marked() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await write_note(pilot, "Check the date")
        assert isinstance(app.screen, MainScreen)
        assert details(app)[1].startswith("✎ “Check the date”")
        assert cursor_line(app).startswith("▶✎")
        assert "Check the date" in screen_text(app)
        await pilot.press("c")  # the editor opens with the note, ready to go on
        assert app.screen.query_one(TextArea).text == "Check the date"


@pilot_test
async def test_escape_cancels_the_note_editor() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await write_note(pilot, "first")
        await pilot.press("c", *" and more", "escape")
        assert isinstance(app.screen, MainScreen)
        assert details(app)[1].startswith("✎ “first”")


@pilot_test
async def test_an_empty_note_removes_it() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await write_note(pilot, "temporary")
        await pilot.press("c", *["backspace"] * len("temporary"), "ctrl+s")
        assert "✎" not in details(app)[1]
        assert not cursor_line(app).startswith("▶✎")


@pilot_test
async def test_nothing_typed_in_the_note_editor_is_lost_on_resize() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("c", *"first line", "enter", *"second")
        for size in [(80, 24), (60, 20), (160, 45)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert isinstance(app.screen, NoteScreen)
            await pilot.press(*f" {size[0]}")
        await pilot.press("ctrl+s")
        note = main(app).book.item(main(app).book.ids[main(app).diff.current]).note
        assert note == "first line\nsecond 80 60 160"


@pilot_test
async def test_tags_are_added_and_removed() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("number_sign", *"names, #dates", "enter")
        assert "#names #dates" in details(app)[0]
        await pilot.press("number_sign", *"-names", "enter")
        assert "#dates" in details(app)[0] and "#names" not in details(app)[0]


@pilot_test
async def test_markup_and_escapes_in_a_note_show_literally() -> None:
    note = "[bold red]not markup[/] \x1b[31mred"
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("c")
        app.screen.query_one(TextArea).text = note
        await pilot.press("ctrl+s")
        assert "[bold red]not markup[/]" in details(app)[1]
        assert "\x1b" not in screen_text(app)


@pilot_test
async def test_without_a_current_change_a_key_marks_the_whole_block() -> None:
    async with running() as (app, pilot):
        await pilot.press("}", "}", "}")  # the edited block with four edits, no change current
        assert main(app).diff.current == -1
        await pilot.press("a")
        assert "4/4 reviewed" in details(app)[0]
        assert cursor_line(app).startswith("▶✓")
        assert f"4/{total(app)} reviewed" in header(app)


@pilot_test
async def test_a_folded_run_is_marked_as_a_whole() -> None:
    async with running() as (app, pilot):
        await walk(pilot, WALK.index("omitted") + 1)
        await pilot.press("r")
        assert "Rejected: 2 omitted paragraphs" in toasts(app)
        book = main(app).book
        assert sum(book.status(c) == "rejected" for c in range(len(book.ids))) == 2


@pilot_test
async def test_a_commitment_is_reviewed_from_the_sidebar() -> None:
    async with running() as (app, pilot):
        await pilot.press("tab", "tab")  # right pane, then the commitments list
        await pilot.press("down", "x")
        sidebar_text = "\n".join(line[84:] for line in screen_lines(app))
        assert "⚑ support" in sidebar_text or "⚑ readiness" in sidebar_text
        assert "Flagged: this commitment" in toasts(app)


# -- walking -------------------------------------------------------------------------------------


@pilot_test
async def test_unreviewed_only_walk_skips_what_is_reviewed() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("a", "]", "x")  # the date and the paraphrase edit
        await pilot.press("g", "o")
        assert "unreviewed only" in header(app)
        seen = []
        for _ in range(len(WALK) - 2):
            await pilot.press("]")
            seen.append(details(app)[0].split(" · ")[0])
        expected = WALK[: WALK.index("date")] + WALK[WALK.index("date") + 2 :]
        assert seen == expected
        await pilot.press("]")  # wraps around to the first unreviewed change
        assert details(app)[0].startswith(WALK[0])
        assert "Wrapped to the first unreviewed change" in toasts(app)
        await pilot.press("o")
        assert "unreviewed only" not in header(app)


@pilot_test
async def test_accept_all_asks_then_leaves_nothing_unreviewed_to_visit() -> None:
    async with running() as (app, pilot):
        await pilot.press("A")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert f"0/{total(app)} reviewed" in header(app)
        await pilot.press("A", "y")
        assert isinstance(app.screen, MainScreen)
        reviewed = main(app).book.progress.reviewed
        assert reviewed > 0
        await pilot.press("o", "]")
        assert "Every change is reviewed" in toasts(app)


# -- sessions --------------------------------------------------------------------------------


def session_files() -> list[Path]:
    folder = sessions_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@pilot_test
async def test_a_review_is_kept_across_runs_and_resumes_where_the_reader_was() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("a")
        await write_note(pilot, "Ask the ministry")
        await walk(pilot, NUMBER - DATE)
        await pilot.press("x")
        where = details(app)[0]
        await quit_app(pilot)
    assert len(session_files()) == 1
    async with running() as (app, pilot):
        await pilot.pause()
        assert "Resumed review session (2 items) · back where you left off" in toasts(app)
        assert f"2/{total(app)} reviewed" in header(app)
        assert details(app)[0] == where  # back on the number edit
        await pilot.press(*["["] * (NUMBER - DATE))
        assert details(app)[1].startswith("✎ “Ask the ministry”")


@pilot_test
async def test_no_session_keeps_nothing() -> None:
    async with running(SessionChoice(off=True)) as (app, pilot):
        assert "(not kept)" in header(app)
        assert "Review session off" in toasts(app)
        await walk(pilot, DATE)
        await pilot.press("a")
        await write_note(pilot, "gone")
        await quit_app(pilot)
    assert session_files() == []
    async with running() as (app, pilot):
        assert f"0/{total(app)} reviewed" in header(app)
        assert "Resumed" not in toasts(app)


@pilot_test
async def test_an_explicit_session_file_is_used(tmp_path: Path) -> None:
    chosen = tmp_path / "my-review.json"
    async with running(SessionChoice(file=chosen)) as (app, pilot):
        await walk(pilot, DATE)
        await write_note(pilot, "in my file")
        await quit_app(pilot)
    assert session_files() == []
    assert "in my file" in chosen.read_text(encoding="utf-8")
    async with running(SessionChoice(file=chosen)) as (app, pilot):
        assert "Resumed review session (1 items)" in toasts(app)
    async with running() as (app, pilot):  # the default session knows nothing of it
        assert "Resumed" not in toasts(app)


@pytest.mark.parametrize(
    "content", [b"{not json", b"\xff\xfe\x00garbage", b'{"format": "readout-tui-session"}']
)
@pilot_test
async def test_a_corrupt_session_file_is_moved_aside_with_a_warning(content: bytes) -> None:
    comparison = make_comparison()
    store = SessionStore.for_pair(comparison.left, comparison.right)
    assert store.path is not None
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(content)
    async with running(comparison=comparison) as (app, pilot):
        assert "moved aside" in toasts(app)
        await walk(pilot, DATE)
        await pilot.press("a")
        assert "✓ accepted" in details(app)[0]
        await quit_app(pilot)
    assert list(store.path.parent.glob("*.corrupt-*"))
    assert json.loads(store.path.read_text(encoding="utf-8"))["items"][0]["status"] == "accepted"


@pilot_test
async def test_a_session_file_that_is_a_folder_is_not_touched(tmp_path: Path) -> None:
    async with running(SessionChoice(file=tmp_path)) as (app, pilot):
        assert "is a folder" in toasts(app)
        await walk(pilot, DATE)
        await pilot.press("a")
        assert "(not kept)" in header(app)
        await quit_app(pilot)
    assert tmp_path.is_dir()


@pilot_test
async def test_two_instances_keep_each_others_notes() -> None:
    comparison = make_comparison()
    other = SessionStore.for_pair(comparison.left, comparison.right)
    theirs = other.load(comparison).review  # the other window opened before we wrote
    async with running(comparison=comparison) as (app, pilot):
        await walk(pilot, DATE)
        await write_note(pilot, "ours")
        await app.keeper.flush()  # type: ignore[union-attr]
        book = main(app).book
        await pilot.press("]")  # the next change: the other window writes a note on it
        target = book.ids[main(app).diff.current]
        await pilot.press("[")
        # The other window writes its note (it has not seen ours) and saves.
        saved = other.save(set_note(theirs, target, "theirs"))
        assert saved.saved and saved.review.get(book.ids[main(app).diff.current]).note == "ours"
        await pilot.press("a")  # our next save merges their note in
        await app.keeper.flush()  # type: ignore[union-attr]
        await pilot.pause()
        assert "Merged review items saved by another" in toasts(app)
        await pilot.press("]")
        assert details(app)[1].startswith("✎ “theirs”")
        await quit_app(pilot)
    async with running(comparison=comparison) as (app, pilot):
        notes = {item.note for item in main(app).book.review.items.values()}
        assert {"ours", "theirs"} <= notes


@pilot_test
async def test_changed_documents_carry_the_review_over_and_list_what_is_gone() -> None:
    old = make_comparison()
    store = SessionStore.for_pair(old.left, old.right)
    review = store.load(old).review
    kept_target = old.blocks[3].edits[1].id  # the date edit
    review = set_note(review, kept_target, "still here")
    review = set_note(review, "e-vanished", "about text that is gone")
    assert store.save(review).saved
    # The same two files, the right one edited since: a different comparison of them.
    changed = [*RIGHT[:-1], "A new closing paragraph."]
    right = document_from_text("\n\n".join(changed), path="reprint.txt")
    new = Comparison(old.left, right, old.blocks, old.summary, old.typos, (), old.commitments)
    assert document_from_text("\n\n".join(LEFT), path="ministry.txt").sha256 == old.left.sha256
    async with running(comparison=new) as (app, pilot):
        text = toasts(app)
        assert "Documents changed" in text and "1 no longer match" in text
        await walk(pilot, DATE)
        assert details(app)[1].startswith("✎ “still here”")
        await pilot.press("i")
        assert isinstance(app.screen, SessionScreen)
        dialog = screen_text(app)
        assert "No longer in the comparison" in dialog
        assert "e-vanished" in dialog and "about text that is gone" in dialog


@pilot_test
async def test_the_session_dialog_goes_to_a_noted_change() -> None:
    async with running() as (app, pilot):
        await walk(pilot, NUMBER)
        await write_note(pilot, "twenty or twenty-five")
        await pilot.press("g")
        await pilot.press("i")
        assert isinstance(app.screen, SessionScreen)
        assert "twenty or twenty-five" in screen_text(app)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, MainScreen)
        assert details(app)[0].startswith("number")


# -- export ----------------------------------------------------------------------------------


async def open_export(pilot: Pilot[int], app: ReadoutApp, fmt: str, path: Path) -> ExportScreen:
    await pilot.press("e")
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    while screen.format != fmt:
        await pilot.press("down")
    await pilot.press("enter")  # on to the file name
    field = screen.query_one(Input)
    assert field.has_focus
    field.value = str(path)
    await pilot.pause()
    return screen


async def wait_written(pilot: Pilot[int], screen: ExportScreen) -> None:
    for _ in range(200):
        await pilot.pause(0.02)
        if not screen.writing:
            return


@pilot_test
async def test_the_export_dialog_writes_a_file_with_the_review(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await write_note(pilot, "exported note")
        screen = await open_export(pilot, app, "json", out)
        await pilot.press("enter")
        await wait_written(pilot, screen)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Exported json to" in toasts(app) and "report.json" in toasts(app)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [item["note"] for item in data["review"]["items"]] == ["exported note"]


@pilot_test
async def test_the_export_dialog_proposes_a_name_that_follows_the_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with running() as (app, pilot):
        await pilot.press("e")
        field = app.screen.query_one(Input)
        assert field.value == "reprint.readout.html"
        await pilot.press("up")  # json
        assert field.value == "reprint.readout.json"
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await pilot.press("enter", "enter")
        await wait_written(pilot, screen)
    assert json.loads((tmp_path / "reprint.readout.json").read_text())["schema"] == "readout-diff/1"


@pilot_test
async def test_the_export_dialog_refuses_to_overwrite_until_asked_twice(tmp_path: Path) -> None:
    out = tmp_path / "changes.csv"
    out.write_text("precious\n", encoding="utf-8")
    async with running() as (app, pilot):
        screen = await open_export(pilot, app, "csv", out)
        assert "exists" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "already exists" in screen_text(app)
        assert out.read_text(encoding="utf-8") == "precious\n"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert out.read_text(encoding="utf-8") == "precious\n"
        screen = await open_export(pilot, app, "csv", out)
        await pilot.press("enter", "enter")
        await wait_written(pilot, screen)
    assert out.read_text(encoding="utf-8").startswith("id,")


@pilot_test
async def test_an_export_that_cannot_be_written_fails_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    async with running() as (app, pilot):
        screen = await open_export(pilot, app, "markdown", blocker / "inside.md")
        await pilot.press("enter")
        await wait_written(pilot, screen)
        assert isinstance(app.screen, ExportScreen)
        assert "Export failed" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_review_marks_are_drawn_from_the_theme() -> None:
    async with running() as (app, pilot):
        await walk(pilot, DATE)
        await pilot.press("x", "g")  # flag it, then move the cursor away so it is not current
        diff = main(app).query_one(DiffView)
        flagged = diff.style_for("review-flagged")
        y = next(i for i, line in enumerate(screen_lines(app)) if "March 4" in line)
        x = screen_lines(app)[y].index("March 4", 60)
        style = app.screen._compositor.get_style_at(x, y)
        assert style.color == flagged.color and style.underline
        app.theme = "textual-light"
        await pilot.pause()
        assert diff.style_for("review-flagged").color != flagged.color
