"""Every key of the reader, driven with Pilot and checked on what the user sees."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Select

from readout_tui.core.model import Comparison
from readout_tui.ui.app import ReadoutApp
from readout_tui.ui.keys import KEYS
from readout_tui.ui.screens.filter import FilterScreen
from readout_tui.ui.screens.help import HelpScreen
from readout_tui.ui.screens.main import MainScreen
from readout_tui.ui.widgets.details import DetailsBar
from readout_tui.ui.widgets.diffview import DiffView
from readout_tui.ui.widgets.sidebar import CommitmentsSidebar
from tests.ui_fixtures import (
    make_comparison,
    make_long_comparison,
    pane_rows,
    pilot_test,
    screen_text,
)

# The stops of ] in the hand-made comparison, in reading order (punctuation and case edits
# are dimmed and skipped by default; the two omitted paragraphs are folded into one stop).
WALK = [
    "boilerplate",
    "added",
    "moved",
    "artifact",
    "date",
    "paraphrase",
    "modality",
    "typo",
    "number",
    "split",
    "omitted",
    "merge",
    "paraphrase",
    "paraphrase",
    "added",
    "typo",
    "artifact",
]


@asynccontextmanager
async def running(
    comparison: Comparison | None = None, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[ReadoutApp, Pilot[int]]]:
    app = ReadoutApp(comparison=comparison or make_comparison())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


def diff_of(app: ReadoutApp) -> DiffView:
    return app.screen.query_one(DiffView)


def details(app: ReadoutApp) -> tuple[str, str]:
    """The two lines of the details bar (checked to be on screen)."""
    lines = app.screen.query_one(DetailsBar).lines
    text = screen_text(app)
    assert lines[0][:40] in text
    return lines


def kind_shown(app: ReadoutApp) -> str:
    return details(app)[0].split(" · ")[0]


def assert_level(app: ReadoutApp) -> None:
    """Both panes show the same row on every line: they scroll as one."""
    for left, right in pane_rows(diff_of(app)):
        if left is not None and right is not None:
            assert left == right


@pilot_test
async def test_next_change_walks_every_stop_in_order() -> None:
    async with running() as (app, pilot):
        seen = []
        for _ in WALK:
            await pilot.press("]")
            seen.append(kind_shown(app))
            assert_level(app)
        assert seen == WALK
        await pilot.press("]")  # past the last change: stays, says so
        assert kind_shown(app) == WALK[-1]


@pilot_test
async def test_previous_change_walks_back() -> None:
    async with running() as (app, pilot):
        for _ in range(5):
            await pilot.press("]")
        await pilot.press("[", "[")
        assert kind_shown(app) == WALK[2]


@pilot_test
async def test_typo_is_shown_with_its_suggestion_and_t_cycles_typos() -> None:
    async with running() as (app, pilot):
        await pilot.press("t")
        assert kind_shown(app) == "typo"
        assert "refrom→reform" in screen_text(app)
        assert "suggestion: “reform”" in details(app)[1]
        await pilot.press("t")
        assert "“yaer” → “year”" in details(app)[1]
        await pilot.press("t")  # cycles back to the first
        assert "suggestion: “reform”" in details(app)[1]
        await pilot.press("T")
        assert "“yaer” → “year”" in details(app)[1]


@pilot_test
async def test_braces_move_block_by_block() -> None:
    async with running() as (app, pilot):
        diff = diff_of(app)
        await pilot.press("}", "}", "}")
        assert diff.cursor_row == 3
        assert details(app)[0].startswith("block 4 of 12 · edited")
        await pilot.press("{")
        assert diff.cursor_row == 2
        assert diff.current == -1


@pytest.mark.parametrize(
    ("keys", "lines", "pages"),
    [
        (["j", "j", "j"], 3, 0),
        (["down", "down"], 2, 0),
        (["j", "j", "k"], 1, 0),
        (["down", "up"], 0, 0),
        (["pagedown"], 0, 1),
        (["pagedown", "pagedown", "pageup"], 0, 1),
        (["pagedown", "k"], -1, 1),
    ],
)
@pilot_test
async def test_scroll_keys_move_both_panes_together(
    keys: list[str], lines: int, pages: int
) -> None:
    async with running(make_long_comparison(), size=(80, 24)) as (app, pilot):
        diff = diff_of(app)
        page = diff.scrollable_content_region.height - 1  # a page keeps one line of context
        await pilot.press(*keys)
        assert round(diff.scroll_y) == lines + pages * page
        assert_level(app)


@pilot_test
async def test_g_and_shift_g_go_to_the_ends() -> None:
    async with running(make_long_comparison(), size=(80, 24)) as (app, pilot):
        diff = diff_of(app)
        await pilot.press("G")
        assert diff.cursor_row == diff.reader.layout.row_count - 1
        assert "Paragraph 199 of the new text" in screen_text(app)
        assert_level(app)
        await pilot.press("g")
        assert diff.cursor_row == 0 and round(diff.scroll_y) == 0
        assert "Paragraph 0 of the new text" in screen_text(app)


@pilot_test
async def test_next_change_after_scrolling_away_starts_from_the_screen() -> None:
    async with running(make_long_comparison(), size=(80, 24)) as (app, pilot):
        await pilot.press("]")
        await pilot.press(*["pagedown"] * 5)
        top = diff_of(app).visible_rows().start
        await pilot.press("]")
        assert diff_of(app).cursor_row >= top


@pilot_test
async def test_search_and_next_previous_match() -> None:
    async with running() as (app, pilot):
        await pilot.press("/")
        await pilot.press(*"consul", "enter")
        reader = diff_of(app).reader
        total = len(reader.matches)
        assert total == 5
        assert details(app)[1].endswith(f"match 1 of {total} for “consul”")
        await pilot.press("n", "n")
        assert f"match 3 of {total}" in details(app)[1]
        await pilot.press("N")
        assert f"match 2 of {total}" in details(app)[1]
        assert "search: consul (5)" in screen_text(app)


@pilot_test
async def test_escape_closes_search_without_searching() -> None:
    async with running() as (app, pilot):
        await pilot.press("/", "x", "escape")
        assert not app.screen.query_one("#search").display
        assert diff_of(app).reader.query == ""
        await pilot.press("n")  # no search yet: nothing moves
        assert diff_of(app).current_match == -1


@pilot_test
async def test_leaving_the_search_line_closes_it() -> None:
    async with running() as (app, pilot):
        await pilot.press("/", "x", "tab")
        assert not app.screen.query_one("#search").display
        assert diff_of(app).has_focus


@pilot_test
async def test_tab_moves_between_panes_and_sidebar() -> None:
    async with running() as (app, pilot):
        diff = diff_of(app)
        assert diff.has_focus and diff.active_side == "left"
        await pilot.press("tab")
        assert diff.has_focus and diff.active_side == "right"
        await pilot.press("tab")
        assert isinstance(app.focused, OptionList)
        await pilot.press("tab")
        assert any(isinstance(n, Select) for n in app.focused.ancestors_with_self)  # type: ignore[union-attr]
        await pilot.press("tab")
        assert diff.has_focus and diff.active_side == "left"
        await pilot.press("shift+tab")
        assert any(isinstance(n, Select) for n in app.focused.ancestors_with_self)  # type: ignore[union-attr]


@pilot_test
async def test_s_toggles_the_sidebar() -> None:
    async with running() as (app, pilot):
        sidebar = app.screen.query_one(CommitmentsSidebar)
        assert sidebar.display
        assert "Commitments" in screen_text(app)
        await pilot.press("s")
        assert not sidebar.display
        assert "Commitments" not in screen_text(app)
        await pilot.press("s")
        assert sidebar.display


@pilot_test
async def test_u_switches_to_an_inline_redline_and_back() -> None:
    async with running() as (app, pilot):
        await pilot.press("u")
        text = screen_text(app)
        assert "inline: ministry.txt" in text
        # Old and new words side by side in one flow: the old date, then the new one.
        assert "March 3March 4" in text
        assert "│" not in text.split("\n")[4]
        await pilot.press("u")
        assert "March 3March 4" not in screen_text(app)


@pilot_test
async def test_f_filters_the_walk_to_typos() -> None:
    async with running() as (app, pilot):
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        assert "Typos only (2)" in screen_text(app)
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, MainScreen)
        assert "filter: Typos only" in screen_text(app)
        await pilot.press("]")
        assert kind_shown(app) == "typo"
        await pilot.press("]")
        assert kind_shown(app) == "typo"
        assert "change 2 of 2 (filtered)" in details(app)[0]


@pilot_test
async def test_escape_keeps_the_filter() -> None:
    async with running() as (app, pilot):
        await pilot.press("f", "down", "escape")
        assert isinstance(app.screen, MainScreen)
        assert diff_of(app).reader.filter_name == "all"


@pilot_test
async def test_w_shows_punctuation_case_and_whitespace_edits() -> None:
    async with running() as (app, pilot):
        await pilot.press("w")
        assert "form edits shown" in screen_text(app)
        # The case edit comes right after the date edit in the same paragraph.
        await pilot.press(*["]"] * (WALK.index("date") + 2))
        assert kind_shown(app) == "case"
        assert "“Foreign Minister Anna” → “foreign minister Anna”" in details(app)[1]


@pilot_test
async def test_z_unfolds_and_folds_a_run() -> None:
    async with running() as (app, pilot):
        omitted = "Kade recalled the founding"
        assert omitted not in screen_text(app)
        assert "2 paragraphs omitted in reprint.txt" in screen_text(app)
        for _ in range(WALK.index("omitted") + 1):
            await pilot.press("]")
        await pilot.press("z")
        assert omitted in screen_text(app)
        await pilot.press("z")
        assert omitted not in screen_text(app)


@pilot_test
async def test_z_expands_boilerplate() -> None:
    async with running() as (app, pilot):
        assert "boilerplate: “Share this" in screen_text(app)
        await pilot.press("z")
        assert "Share this: Facebook | Twitter |" in screen_text(app)
        assert "boilerplate: “Share this" not in screen_text(app)


@pilot_test
async def test_m_jumps_from_a_moved_block_to_where_it_came_from() -> None:
    async with running() as (app, pilot):
        for _ in range(WALK.index("moved") + 1):
            await pilot.press("]")
        moved_row = diff_of(app).cursor_row
        await pilot.press("m")
        assert diff_of(app).cursor_row != moved_row
        assert details(app)[0].startswith("where left ¶10 stood")
        assert "¶10 moved further up" in screen_text(app)
        await pilot.press("m")
        assert diff_of(app).cursor_row == moved_row


@pytest.mark.parametrize("key", ["question_mark", "f1"])
@pilot_test
async def test_help_lists_every_key_and_the_colours(key: str) -> None:
    async with running(size=(120, 60)) as (app, pilot):
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Colours" in text
        for entry in KEYS:
            assert entry.help in text
        assert "→during" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_q_quits() -> None:
    async with running() as (app, pilot):
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def test_every_key_has_a_description_and_a_binding() -> None:
    for entry in KEYS:
        assert entry.description and entry.help
    actions = {entry.action for entry in KEYS}
    for name in ("next_change", "prev_change", "next_block", "prev_block", "search"):
        assert name in actions
