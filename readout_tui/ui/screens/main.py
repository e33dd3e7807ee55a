"""The main screen: header, pane titles, the aligned panes, the sidebar, the details bar.

It owns the reader's actions (the keys of the "screen" scope in :mod:`readout_tui.ui.keys`)
and routes messages between the widgets; the widgets draw, the :class:`Reader` decides
where things are. The review keys come from its base,
:class:`~readout_tui.ui.screens.reviewing.ReviewActions`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import ClassVar

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, OptionList, Select

from readout_tui.core.model import Commitment
from readout_tui.ui.changes import FILTER_BY_NAME, FILTERS
from readout_tui.ui.keys import KEYS, bindings_for
from readout_tui.ui.reader import Reader
from readout_tui.ui.review_session import ReviewSetup, SessionKeeper
from readout_tui.ui.screens.filter import FilterScreen
from readout_tui.ui.screens.help import HelpScreen
from readout_tui.ui.screens.reviewing import ReviewActions
from readout_tui.ui.widgets.details import DetailsBar, describe
from readout_tui.ui.widgets.diffview import DiffView
from readout_tui.ui.widgets.header import PaneTitles, SummaryHeader
from readout_tui.ui.widgets.search import SearchInput
from readout_tui.ui.widgets.sidebar import CommitmentsSidebar

#: Below this many columns the sidebar hides itself (unless asked for with ``s``).
SIDEBAR_MIN_WIDTH = 110


class MainScreen(ReviewActions):
    """Two versions side by side, and everything around them."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("screen")

    def __init__(self, reader: Reader, setup: ReviewSetup, keeper: SessionKeeper) -> None:
        super().__init__(id="main")
        self.reader = reader
        self.setup = setup
        self.keeper = keeper
        self.unreviewed_only = False  # ] and [ skip reviewed changes
        self.sidebar_choice: bool | None = None  # None: decided by the width

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        comparison = self.reader.comparison
        yield SummaryHeader(comparison, id="summary")
        with Horizontal(id="body"):
            with Vertical(id="panes"):
                yield PaneTitles(comparison, id="pane-titles")
                yield DiffView(self.reader, book=self.book, id="diff")
            yield CommitmentsSidebar(comparison.commitments, review=self.book.item, id="sidebar")
        yield DetailsBar(id="details")
        yield SearchInput(
            placeholder="search both versions · Enter finds · Escape closes", id="search"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchInput).display = False
        self._place_sidebar(self.size.width)
        self.diff.focus()
        self._update_status()
        self.keeper.on_merged = self.review_merged
        self.call_after_refresh(self._after_first_refresh)

    def _after_first_refresh(self) -> None:
        self._sync()
        self.announce_session()
        self.app.post_message(ScreenShown())

    def on_resize(self, event: events.Resize) -> None:
        self._place_sidebar(event.size.width)

    def _place_sidebar(self, width: int) -> None:
        wanted = self.sidebar_choice
        if wanted is None:
            wanted = width >= SIDEBAR_MIN_WIDTH and bool(self.reader.comparison.commitments)
        sidebar = self.sidebar
        if sidebar.display != wanted:
            if not wanted and sidebar.has_focus_within:
                self.diff.focus()
            sidebar.display = wanted

    def _sync(self) -> None:
        """Bring the details bar and pane titles in line with the diff view."""
        diff = self.diff
        self.query_one(DetailsBar).show(
            describe(
                self.reader,
                diff.cursor_row,
                diff.current,
                diff.current_match,
                review=self.review_lines(),
            )
        )
        self.query_one(PaneTitles).update_layout(diff.pane_columns(), diff.active_side)

    def on_diff_view_changed(self, event: DiffView.Changed) -> None:
        self._sync()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._sync()

    def _update_status(self) -> None:
        parts = [self.review_status()]
        if self.reader.filter_name != "all":
            parts.append(f"filter: {FILTER_BY_NAME[self.reader.filter_name].label}")
        if self.reader.show_normalisation:
            parts.append("form edits shown")
        if self.reader.query:
            parts.append(f"search: {self.reader.query} ({len(self.reader.matches)})")
        self.query_one(SummaryHeader).set_status(" · ".join(parts))

    # -- moving ----------------------------------------------------------------------------------

    def _step_change(self, step: int) -> None:
        if self.unreviewed_only:
            self._step_unreviewed(step)
            return
        diff, reader = self.diff, self.reader
        item, current = diff.anchor_item()
        change = reader.next_stop(reader.selection, current, item, step)
        if change < 0:
            self.app.bell()
            self._say("No more changes" if reader.selection else "No changes match the filter")
            return
        diff.select_change(change)

    def action_next_change(self) -> None:
        self._step_change(1)

    def action_prev_change(self) -> None:
        self._step_change(-1)

    def _step_block(self, step: int) -> None:
        diff = self.diff
        row = diff.cursor_row if diff.row_visible(diff.cursor_row) else diff.visible_rows().start
        if row == diff.cursor_row or step < 0:
            row += step
        diff.move_to(row)

    def action_next_block(self) -> None:
        self._step_block(1)

    def action_prev_block(self) -> None:
        self._step_block(-1)

    def _step_typo(self, step: int) -> None:
        diff, reader = self.diff, self.reader
        if not reader.typos:
            self._say("No typos found")
            return
        item, current = diff.anchor_item()
        diff.select_change(reader.step(reader.typos, current, item, step, wrap=True))

    def action_next_typo(self) -> None:
        self._step_typo(1)

    def action_prev_typo(self) -> None:
        self._step_typo(-1)

    def action_jump_moved(self) -> None:
        diff, reader = self.diff, self.reader
        layout = reader.layout
        target = reader.moved_counterpart(layout.row_start[diff.cursor_row])
        if target is None:
            self._say("Not a moved block (moved blocks carry ↕)")
            return
        if reader.reveal_item(target):
            diff.invalidate(rows=True)
        diff.move_to(layout.item_row[target])

    # -- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one(SearchInput)
        search.display = True
        search.value = self.reader.query
        search.focus()

    def on_input_submitted(self, event: SearchInput.Submitted) -> None:
        event.stop()
        self._close_search()
        count = self.reader.search(event.value)
        self._update_status()
        diff = self.diff
        diff.current_match = -1
        diff.invalidate()
        if not event.value:
            return
        if count == 0:
            self._say("No matches")
            self._sync()
            return
        self._say(f"{count} matches")
        self._step_match(1)

    def on_search_input_cancelled(self, event: SearchInput.Cancelled) -> None:
        self._close_search()

    def _close_search(self) -> None:
        self.query_one(SearchInput).display = False
        self.diff.focus()

    def _step_match(self, step: int) -> None:
        diff, reader = self.diff, self.reader
        if not reader.matches:
            self._say("Search first with /" if not reader.query else "No matches")
            return
        item, _current = diff.anchor_item()
        index = reader.next_match(diff.current_match, item, step)
        diff.current_match = index
        match = reader.matches[index]
        diff.show_location(match.side, match.para, match.start)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_prev_match(self) -> None:
        self._step_match(-1)

    # -- view ------------------------------------------------------------------------------------

    def _focus_stops(self) -> list[str]:
        stops = ["inline"] if self.diff.inline else ["left", "right"]
        sidebar = self.sidebar
        if sidebar.display and sidebar.commitments:
            stops += ["list", "filter"]
        return stops

    def _focus_stop(self) -> str | None:
        focused = self.focused
        if isinstance(focused, DiffView):
            return focused.active_side
        if isinstance(focused, OptionList) and self.sidebar in focused.ancestors:
            return "list"
        if focused is not None and any(isinstance(n, Select) for n in focused.ancestors_with_self):
            return "filter"
        return None

    def action_cycle_focus(self, step: int) -> None:
        stops = self._focus_stops()
        now = self._focus_stop()
        target = stops[(stops.index(now) + step) % len(stops)] if now in stops else stops[0]
        diff = self.diff
        if target in ("left", "right"):
            diff.mode = target  # type: ignore[assignment]
            diff.focus()
            diff.invalidate()
        elif target == "inline":
            diff.focus()
        elif target == "list":
            self.sidebar.option_list.focus()
        else:
            self.query_one("#status-filter", Select).focus()
        self._sync()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_choice = not self.sidebar.display
        self._place_sidebar(self.size.width)

    def action_toggle_inline(self) -> None:
        diff = self.diff
        composer = self.reader.composer
        composer.mode = "split" if composer.mode == "inline" else "inline"
        if not diff.inline and diff.mode == "inline":
            diff.mode = "left"
        diff.invalidate(heights=True)
        diff.reveal(diff.cursor_row)
        self._sync()

    def action_filter(self) -> None:
        index = self.reader.index
        counts = {
            f.name: len(index.selection(f.name, show_normalisation=self.reader.show_normalisation))
            for f in FILTERS
        }
        self.app.push_screen(FilterScreen(self.reader.filter_name, counts), self._set_filter)

    def _set_filter(self, name: str | None) -> None:
        if name is None:
            return
        self.reader.set_filter(name)
        self._update_status()
        self._say(f"{FILTER_BY_NAME[name].label}: {len(self.reader.selection)} changes")
        self._sync()

    def action_toggle_normalisation(self) -> None:
        reader = self.reader
        reader.set_show_normalisation(not reader.show_normalisation)
        self.diff.invalidate()
        self._update_status()
        shown = "shown" if reader.show_normalisation else "dimmed and skipped"
        self._say(f"Punctuation, case and whitespace edits {shown}")
        self._sync()

    def action_fold(self) -> None:
        diff, reader = self.diff, self.reader
        item = reader.toggle_fold(diff.cursor_row)
        if item is None:
            self._say("Nothing to fold here: no run of unchanged, omitted or added paragraphs")
            return
        diff.invalidate(rows=True)
        diff.move_to(reader.layout.item_row[item])

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.diff.style_for))

    async def action_quit(self) -> None:
        await self.app.action_quit()  # the app saves the review first

    # -- sidebar ---------------------------------------------------------------------------------

    def on_commitments_sidebar_selected(self, event: CommitmentsSidebar.Selected) -> None:
        self.show_commitment(event.commitment, event.counterpart)

    def show_commitment(self, commitment: Commitment, counterpart: Commitment | None) -> None:
        diff = self.diff
        diff.clauses = tuple(c for c in (commitment, counterpart) if c is not None)
        diff.invalidate()
        diff.show_location(commitment.side, commitment.paragraph, commitment.start)

    # -- command palette -------------------------------------------------------------------------

    def commands(self) -> Iterator[SystemCommand]:
        """Every key's action, for the command palette."""
        for key in KEYS:
            target = self.diff if key.scope == "view" else self
            title = f"{key.help} ({key.display.replace('  ', ' / ')})"
            yield SystemCommand(title, key.description, partial(target.run_action, key.action))


class ScreenShown(Message):
    """Posted to the app once the main screen has drawn for the first time."""
