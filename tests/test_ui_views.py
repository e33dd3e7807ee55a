"""The reader beyond single keys: mouse, resizing, small terminals, hostile text, the sidebar,
the command palette, the loading screen and its errors."""

from __future__ import annotations

import threading
import time

import pytest
from textual.widgets import OptionList, Select

from readout_tui.core.documents import document_from_text
from readout_tui.core.errors import InputError
from readout_tui.core.model import Comparison, Document
from readout_tui.ui.app import ReadoutApp
from readout_tui.ui.keys import KEYS
from readout_tui.ui.screens.loading import LoadingScreen
from readout_tui.ui.screens.main import MainScreen
from readout_tui.ui.widgets.sidebar import CommitmentsSidebar
from tests.test_ui_keys import assert_level, details, diff_of, running
from tests.ui_fixtures import (
    make_comparison,
    make_injection_comparison,
    pane_rows,
    pilot_test,
    screen_lines,
    screen_text,
)


def find(app: ReadoutApp, needle: str, *, right_half: bool = False) -> tuple[int, int]:
    """Screen (x, y) of the first occurrence of ``needle`` (in the right pane if asked)."""
    start = diff_of(app).pane_columns()[0] if right_half else 0
    for y, line in enumerate(screen_lines(app)):
        x = line.find(needle, start)
        if x >= 0:
            return x, y
    raise AssertionError(f"{needle!r} not on screen")


@pilot_test
async def test_clicking_a_change_selects_it() -> None:
    async with running() as (app, pilot):
        x, y = find(app, "met Estavian", right_half=True)
        await pilot.click(offset=(x + 1, y))
        head, body = details(app)
        assert head.startswith("paraphrase")
        assert body.startswith("“held talks with” → “met”")


@pilot_test
async def test_clicking_plain_text_selects_its_block_and_pane() -> None:
    async with running() as (app, pilot):
        x, y = find(app, "Tuesday.", right_half=True)
        await pilot.click(offset=(x + 2, y))
        diff = diff_of(app)
        assert diff.current == -1
        assert diff.active_side == "right"
        assert details(app)[0].startswith("block 4 of 12")


@pilot_test
async def test_clicking_a_fold_line_unfolds_it() -> None:
    async with running() as (app, pilot):
        x, y = find(app, "2 paragraphs omitted")
        await pilot.click(offset=(x, y))
        assert "Kade recalled the founding" in screen_text(app)


@pilot_test
async def test_resize_keeps_rows_level_and_the_cursor_in_view() -> None:
    async with running(size=(160, 45)) as (app, pilot):
        await pilot.press(*["]"] * 8)
        assert details(app)[0].startswith("typo")
        for size in [(80, 24), (100, 30), (200, 50), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            diff = diff_of(app)
            assert diff.row_visible(diff.cursor_row)
            assert_level(app)
            assert details(app)[0].startswith("typo")
            assert max(len(line) for line in screen_lines(app)) <= size[0]


@pilot_test
async def test_sidebar_hides_itself_when_there_is_no_room() -> None:
    async with running(size=(120, 40)) as (app, pilot):
        sidebar = app.screen.query_one(CommitmentsSidebar)
        assert sidebar.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not sidebar.display
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert sidebar.display


@pilot_test
async def test_80x24_shows_both_panes_readably() -> None:
    async with running(size=(80, 24)) as (app, pilot):
        text = screen_text(app)
        assert "ministry.txt" in text and "reprint.txt" in text
        assert "Commitments" not in text
        rows = [r for r in pane_rows(diff_of(app)) if r != (None, None)]
        assert len(rows) >= 15
        await pilot.press("]", "]", "]", "]")
        assert details(app)[0].startswith("artifact")


@pilot_test
async def test_markup_escapes_and_control_characters_show_literally() -> None:
    async with running(make_injection_comparison()) as (app, pilot):
        text = screen_text(app)
        assert "[bold red]x[/]" in text
        assert "[link=https://evil.example]click[/link]" in text
        assert "␛[31mred␛[0m" in text and "␇" in text
        assert "[red]left[blink].txt" in text and "right␛[2J.txt" in text
        compositor = app.screen._compositor
        for strip in compositor.render_strips():
            for segment in strip:
                assert "\x1b" not in segment.text and "\x07" not in segment.text
                assert not (segment.style and segment.style.link)
        await pilot.press("]")
        assert "“literal” → “verbatim”" in details(app)[1]


@pilot_test
async def test_searching_for_markup_finds_it_literally() -> None:
    async with running(make_injection_comparison()) as (app, pilot):
        await pilot.press("/", *"[/]", "enter")
        assert len(diff_of(app).reader.matches) == 2  # once a side
        assert "match 1 of 2 for “[/]”" in details(app)[1]


@pilot_test
async def test_selecting_a_commitment_shows_its_clause_in_both_panes() -> None:
    async with running() as (app, pilot):
        sidebar = app.screen.query_one(CommitmentsSidebar)
        option_list = sidebar.option_list
        option_list.focus()
        index = option_list.get_option_index("c-l3")  # the dropped one, in a folded run
        option_list.highlighted = index
        await pilot.press("enter")
        diff = diff_of(app)
        assert [c.id for c in diff.clauses] == ["c-l3"]
        assert "He said Estavia is willing to host" in screen_text(app)
        await pilot.pause()
        option_list.highlighted = option_list.get_option_index("c-l1")
        await pilot.press("enter")
        assert [c.id for c in diff.clauses] == ["c-l1", "c-r1"]
        row = diff.cursor_row
        assert row in diff.visible_rows()
        assert details(app)[0].startswith("block 5 of 12")


@pilot_test
async def test_sidebar_groups_by_speaker_and_filters_by_status() -> None:
    async with running() as (app, pilot):
        text = screen_text(app)
        assert "▾ Anna Berg (2)" in text
        assert "▾ Paul Kade (2 · 1 dropped)" in text
        assert "support ●●●●●  softened" in text
        sidebar = app.screen.query_one(CommitmentsSidebar)
        sidebar.query_one(Select).value = "dropped"
        await pilot.pause()
        ids = [o.id for o in sidebar.option_list.options if o.id]
        assert ids == ["c-l3"]
        assert "▾ Anna Berg" not in screen_text(app)
        assert "▾ Paul Kade (1 · 1 dropped)" in screen_text(app)


@pilot_test
async def test_sidebar_empty_state() -> None:
    async with running(make_comparison(commitments=False)) as (app, pilot):
        sidebar = app.screen.query_one(CommitmentsSidebar)
        assert not sidebar.display  # nothing to show: it starts hidden
        await pilot.press("s")
        assert "No commitments found in either" in screen_text(app)
        assert not sidebar.query_one(OptionList).display


@pilot_test
async def test_command_palette_offers_every_key() -> None:
    async with running() as (app, pilot):
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        for key in KEYS:
            assert any(title.startswith(key.help) for title in titles), key.help
        next_change = next(c for c in commands if c.title.startswith("Go to the next change"))
        await next_change.callback()
        await pilot.pause()
        assert details(app)[0].startswith("boilerplate")


@pilot_test
async def test_command_palette_runs_a_command_typed_by_the_user() -> None:
    async with running() as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"redline")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert diff_of(app).inline


# -- loading -------------------------------------------------------------------------------


def _pair() -> tuple[Document, Document]:
    return (
        document_from_text("One paragraph.\n\nAnother one.", path="a.txt"),
        document_from_text("One paragraph.\n\nAnother one, changed.", path="b.txt"),
    )


@pilot_test
async def test_the_comparison_runs_in_a_worker_then_the_panes_show() -> None:
    seen: list[str] = []

    def fake_compare(left: Document, right: Document) -> Comparison:
        seen.append(threading.current_thread().name)
        return make_comparison()

    app = ReadoutApp(load=_pair, compare=fake_compare, label="a.txt ⇄ b.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 30  # generous: the suite may share two cores
        while time.monotonic() < deadline:
            if isinstance(app.screen, MainScreen) and "ministry.txt" in screen_text(app):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, MainScreen)
        assert seen == ["readout-compare"]
        assert "ministry.txt" in screen_text(app)


@pilot_test
async def test_progress_shows_at_once_and_quit_works_while_comparing() -> None:
    release = threading.Event()

    def slow_load() -> tuple[Document, Document]:
        release.wait(10)
        return _pair()

    app = ReadoutApp(load=slow_load, label="big.txt ⇄ bigger.txt")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LoadingScreen)
            assert "Comparing big.txt ⇄ bigger.txt" in screen_text(app)
            started = time.perf_counter()
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running
            assert time.perf_counter() - started < 2
    finally:
        release.set()


@pytest.mark.parametrize(
    "error",
    [InputError("missing.txt: no such file"), ValueError("unexpected\nsecond line")],
)
@pilot_test
async def test_a_failure_is_one_line_on_screen_never_a_traceback(error: Exception) -> None:
    def failing() -> tuple[Document, Document]:
        raise error

    app = ReadoutApp(load=failing, label="x ⇄ y")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            if app.error is not None:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        text = screen_text(app)
        first_line = str(error).splitlines()[0]
        assert (
            f"error: {'' if isinstance(error, InputError) else 'ValueError: '}{first_line}" in text
        )
        assert "Traceback" not in text and "second line" not in text
        assert app.error is error
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_highlight_colours_follow_the_theme() -> None:
    async with running() as (app, pilot):
        diff = diff_of(app)

        def replaced_colour() -> object:
            x, y = find(app, "by 25", right_half=True)  # a number edit: replaced words
            return app.screen._compositor.get_style_at(x + 3, y).bgcolor

        dark = replaced_colour()
        assert dark is not None
        app.theme = "textual-light"
        await pilot.pause()
        assert diff.style_for("replace").bgcolor == replaced_colour() != dark
