"""The aligned two-pane view: a Line API widget that renders only the rows on screen.

Both versions are drawn by this one widget, left and right columns of the same lines, so a
single scroll position drives both panes and rows can never drift apart. Row heights come
from :class:`~readout_tui.ui.layout.RowHeights` (recomputed per width, cheap), and a row's
styled lines are built only when the row scrolls into view (a small cache keeps the rows
around the viewport). Colours come from the component classes below, styled in the app's
stylesheet from theme variables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from readout_tui.core.model import Commitment, Side
from readout_tui.ui.compose import Deco, PaneSide, fold_label, gutter_sign
from readout_tui.ui.keys import bindings_for
from readout_tui.ui.layout import ITEM_BLOCK, SPACER, RowHeights
from readout_tui.ui.reader import Reader
from readout_tui.ui.render import SideLines, side_lines
from readout_tui.ui.review_book import ROW_MARKS, ReviewBook

GUTTER = 3  # change sign (or the cursor), review mark, blank
MARGIN = 1  # blank cell after the text of each pane
DIVIDER = 1
MIN_TEXT = 8
_ROW_CACHE = 256


@dataclass(slots=True)
class RowRender:
    strips: list[Strip]
    sides: dict[str, SideLines]

    def line_of_change(self, change: int) -> int | None:
        lines = [s.line_of_change(change) for s in self.sides.values()]
        found = [line for line in lines if line is not None]
        return min(found) if found else None

    def line_of(self, side: Side, para: int, offset: int) -> int | None:
        lines = [s.line_of(side, para, offset) for s in self.sides.values()]
        found = [line for line in lines if line is not None]
        return min(found) if found else None


class DiffView(ScrollView, can_focus=True):
    """Both versions side by side (or one inline redline), aligned block by block."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("view")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"diffview--{name}"
        for name in (
            "delete",
            "insert",
            "replace",
            "typo",
            "suggestion",
            "artifact",
            "norm",
            "norm-delete",
            "inline-delete",
            "inline-insert",
            "boilerplate",
            "placeholder",
            "para-mark",
            "origin",
            "fold",
            "gutter",
            "cursor",
            "current",
            "current-point",
            "match",
            "match-current",
            "clause",
            "divider",
            "review-accepted",
            "review-flagged",
            "review-rejected",
            *(f"mark-{state}" for state in ROW_MARKS),
        )
    }

    class Changed(Message):
        """The cursor, the current change or the search state changed."""

    def __init__(
        self, reader: Reader, *, book: ReviewBook | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.reader = reader
        self.book = book  # the review: marks in the gutter and on reviewed changes
        self.mode: PaneSide = "left"  # "inline" in the redline view; else the active pane
        self.cursor_row = 0
        self.current = -1  # current change, -1 when a block (not a change) is selected
        self.current_match = -1
        self.clauses: tuple[Commitment, ...] = ()  # the selected commitment's clauses
        self._heights: RowHeights | None = None
        self._geometry: tuple[str, int, int] | None = None
        self._widths = (MIN_TEXT, MIN_TEXT)
        self._rows: dict[int, RowRender] = {}
        self._style_cache: dict[str, Style] = {}
        self._base = Style()  # the widget's own style, fetched once per rendered row

    # -- geometry ------------------------------------------------------------------------------

    @property
    def inline(self) -> bool:
        return self.reader.composer.mode == "inline"

    @property
    def active_side(self) -> PaneSide:
        return "inline" if self.inline else self.mode

    def text_widths(self, width: int | None = None) -> tuple[int, int]:
        """Text columns of the left and right panes (inline: the one pane, twice)."""
        total = self.scrollable_content_region.width if width is None else width
        if self.reader.composer.mode == "inline":
            single = max(MIN_TEXT, total - GUTTER - MARGIN)
            return single, single
        text = max(2 * MIN_TEXT, total - 2 * (GUTTER + MARGIN) - DIVIDER)
        return text // 2, text - text // 2

    def pane_columns(self) -> tuple[int, int]:
        """Cells taken by the left pane (gutter included) and by the right pane."""
        left, right = self.text_widths()
        if self.inline:
            return left + GUTTER + MARGIN, 0
        return left + GUTTER + MARGIN, right + GUTTER + MARGIN

    @property
    def heights(self) -> RowHeights:
        """Row tops for the current geometry (recomputed on resize and mode changes)."""
        if self._heights is None:
            self._ensure_layout()
        assert self._heights is not None
        return self._heights

    def _ensure_layout(self) -> None:
        widths = self.text_widths()
        geometry = (self.reader.composer.mode, *widths)
        if self._heights is not None and geometry == self._geometry:
            return
        anchor = self._anchor()
        composer = self.reader.composer
        self._heights = RowHeights(self.reader.layout, composer.item_heights(widths))
        self._geometry = geometry
        self._widths = widths
        self._rows.clear()
        self._apply_virtual_size()
        if anchor is not None:
            row, offset = anchor
            self.scroll_to(y=self._heights.tops[row] + offset, animate=False)

    def _anchor(self) -> tuple[int, int] | None:
        """The top visible row and how far into it the view is (kept across relayouts)."""
        if self._heights is None:
            return None
        y = round(self.scroll_y)
        row = self._heights.row_at(y)
        return row, y - self._heights.tops[row]

    def _apply_virtual_size(self) -> None:
        assert self._heights is not None
        self.virtual_size = Size(self.scrollable_content_region.width, self._heights.total)

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()
        self.refresh()
        self.post_message(self.Changed())  # the pane titles follow the new columns

    def invalidate(self, *, heights: bool = False, rows: bool = False) -> None:
        """Forget rendered rows; ``heights``: item heights changed; ``rows``: folds changed."""
        if heights:
            self._geometry = None
            self._ensure_layout()
        elif rows and self._heights is not None:
            self._heights.refresh(self.reader.layout)
            self._apply_virtual_size()
        self._rows.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._rows.clear()

    # -- styles ---------------------------------------------------------------------------------

    def style_for(self, name: str) -> Style:
        """The style a highlight of this name has under the current theme."""
        style = self._style_cache.get(name)
        if style is None:
            component = f"diffview--{name}"
            full = self.get_component_rich_style(component)
            partial = self.get_component_rich_style(component, partial=True)
            # Only what the class sets, but with colours blended over the pane background,
            # so a highlight layers over another instead of resetting it.
            style = (
                Style(
                    color=full.color if partial.color is not None else None,
                    bgcolor=full.bgcolor if partial.bgcolor is not None else None,
                )
                + partial.without_color
            )
            self._style_cache[name] = style
        return style

    # -- rendering -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        heights = self.heights
        line = round(self.scroll_y) + y
        if line < heights.total:
            row = heights.row_at(line)
            strips = self.row_render(row).strips
            k = line - heights.tops[row]
            if k < len(strips):
                return strips[k]
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def row_render(self, row: int) -> RowRender:
        cached = self._rows.get(row)
        if cached is None:
            if len(self._rows) >= _ROW_CACHE:
                self._rows.pop(next(iter(self._rows)))
            cached = self._render_row(row)
            self._rows[row] = cached
        return cached

    def _render_row(self, row: int) -> RowRender:
        reader, heights = self.reader, self.heights
        layout = reader.layout
        height = heights.row_height(row)
        base = self._base = self.rich_style
        width = self.scrollable_content_region.width
        group = layout.fold_group_of_row(row)
        if group is not None:
            label = Text(fold_label(layout, group, reader.comparison), end="")
            label.stylize(self.style_for("fold"))
            first = self._gutter(row, 0, "left") + self._strip(label, width - GUTTER)
            strips = [first.apply_meta({"row": row, "side": "left"})]
            strips += [Strip.blank(width, base)] * (height - 1)
            return RowRender(strips, {})
        item = layout.row_start[row]
        decos = self._decos(item)
        left_w, right_w = self._widths
        sides: dict[str, SideLines] = {}
        columns: list[tuple[PaneSide, int]] = (
            [("inline", left_w)] if self.inline else [("left", left_w), ("right", right_w)]
        )
        for side, text_width in columns:
            segments = reader.composer.segments(item, side)
            sides[side] = side_lines(segments, decos, text_width, self.style_for, base)
        strips = []
        divider = Strip([Segment("│", base + self.style_for("divider"))])
        for k in range(height):
            parts = []
            for n, (side, text_width) in enumerate(columns):
                lines = sides[side].lines
                text = lines[k] if k < len(lines) else None
                part = self._gutter(row, k, side) + self._strip(text, text_width + MARGIN)
                if n:
                    parts.append(divider)
                parts.append(part.apply_meta({"row": row, "side": side}))
            strips.append(Strip.join(parts).adjust_cell_length(width, base))
        return RowRender(strips, sides)

    def _strip(self, text: Text | None, width: int) -> Strip:
        base = self._base
        if text is None:
            return Strip.blank(width, base)
        segments = [s for s in text.render(self.app.console) if s.text != "\n"]
        # Text.render leaves the base style off unstyled text; put it under every segment.
        return Strip(segments).apply_style(base).adjust_cell_length(width, base)

    def _gutter(self, row: int, k: int, side: PaneSide) -> Strip:
        base = self._base
        layout = self.reader.layout
        height = self.heights.row_height(row) - SPACER
        review = self._review_mark(row) if k == 0 else Segment("  ", base)
        if row == self.cursor_row and k < max(1, height):
            mark = "▶" if k == 0 else "▎"
            active = side == self.active_side or self.inline
            style = base + self.style_for("cursor" if active else "gutter")
            return Strip([Segment(mark, style), review])
        sign = " "
        item = layout.row_start[row]
        if (
            k == 0
            and layout.fold_group_of_row(row) is None
            and layout.item_kind[item] == ITEM_BLOCK
        ):
            sign = gutter_sign(layout.block(item), side)
        return Strip([Segment(sign, base + self.style_for("gutter")), review])

    def _review_mark(self, row: int) -> Segment:
        """The row's review mark and the blank after it (two cells)."""
        base = self._base
        state = self.book.row_state(row) if self.book is not None else None
        if state is None:
            return Segment("  ", base)
        return Segment(ROW_MARKS[state] + " ", base + self.style_for(f"mark-{state}"))

    def _decos(self, item: int) -> list[Deco]:
        decos = self.reader.decos(
            item,
            inline=self.inline,
            current=self.current,
            match=self.current_match,
            clauses=self.clauses,
        )
        if self.book is not None:
            decos += self.book.decos(item)
        return decos

    # -- scrolling -------------------------------------------------------------------------------

    def reveal(self, row: int, line: int = 0) -> None:
        """Scroll so that ``line`` of ``row`` is on screen, with some context above."""
        heights = self.heights
        view = max(1, self.scrollable_content_region.height)
        top, bottom = heights.tops[row], heights.tops[row + 1] - SPACER
        y = round(self.scroll_y)
        if bottom - top <= view:
            if top >= y and bottom <= y + view:
                return
            target = top - min(view // 4, view - (bottom - top))
        else:
            wanted = top + line
            if y <= wanted < y + view:
                return
            target = wanted - view // 4
        self.scroll_to(y=max(0, target), animate=False)

    def visible_rows(self) -> range:
        heights = self.heights
        y = round(self.scroll_y)
        view = max(1, self.scrollable_content_region.height)
        first = heights.row_at(y)
        last = heights.row_at(y + view - 1)
        return range(first, last + 1)

    def row_visible(self, row: int) -> bool:
        return row in self.visible_rows()

    # -- mouse -------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        meta: dict[str, Any] = event.style.meta
        if "row" not in meta:
            return
        self.focus()
        side = meta.get("side", "left")
        if side in ("left", "right"):
            self.mode = side
        row = int(meta["row"])
        if self.reader.layout.fold_group_of_row(row) is not None:
            item = self.reader.toggle_fold(row)
            if item is not None:
                self.invalidate(rows=True)
                self.move_to(self.reader.layout.item_row[item])
            return
        change = meta.get("change")
        if isinstance(change, int) and change >= 0:
            self.select_change(change, scroll=False)
        else:
            self.move_to(row, scroll=False)

    # -- selection -------------------------------------------------------------------------------

    def _set_cursor(self, row: int, change: int) -> None:
        """Move the cursor; only the rows it leaves and enters are drawn again."""
        self._rows.pop(self.cursor_row, None)
        self.cursor_row = max(0, min(row, self.reader.layout.row_count - 1))
        self.current = change
        self._rows.pop(self.cursor_row, None)

    def move_to(self, row: int, *, scroll: bool = True) -> None:
        """Put the cursor on ``row`` (a block, not a change)."""
        self._set_cursor(row, -1)
        if scroll:
            self.reveal(self.cursor_row)
        self.refresh()
        self.post_message(self.Changed())

    def select_change(self, change: int, *, scroll: bool = True) -> None:
        """Make ``change`` current; a block-level change in a folded run stays folded (the
        fold line stands for it), anything else is unfolded to be seen."""
        reader = self.reader
        item = reader.change_item(change)
        if not reader.folded_block_level(change) and reader.reveal_item(item):
            self.invalidate(rows=True)
        self._set_cursor(reader.layout.item_row[item], change)
        if scroll:
            line = self.row_render(self.cursor_row).line_of_change(change) or 0
            self.reveal(self.cursor_row, line)
        self.refresh()
        self.post_message(self.Changed())

    def show_location(self, side: Side, para: int, offset: int) -> None:
        """Bring a paragraph (and the line of ``offset`` in it) into view, cursor on it."""
        reader = self.reader
        item = reader.layout.para_item[side][para]
        if item < 0:
            return
        if reader.reveal_item(item):
            self.invalidate(rows=True)
        self._set_cursor(reader.layout.item_row[item], -1)
        line = self.row_render(self.cursor_row).line_of(side, para, offset) or 0
        self.reveal(self.cursor_row, line)
        self.refresh()
        self.post_message(self.Changed())

    def anchor_item(self) -> tuple[int, int]:
        """Where navigation starts: (item, current change), from the cursor if it is on
        screen, else from the top of the screen (the reader scrolled away)."""
        layout = self.reader.layout
        if self.row_visible(self.cursor_row):
            return layout.row_start[self.cursor_row], self.current
        return layout.row_start[self.visible_rows().start], -1

    # -- actions (keys of the "view" scope) ----------------------------------------------------

    def _scroll_by(self, lines: int) -> None:
        self.scroll_to(y=max(0, round(self.scroll_y) + lines), animate=False)

    def action_line_down(self) -> None:
        self._scroll_by(1)

    def action_line_up(self) -> None:
        self._scroll_by(-1)

    def action_page_down(self) -> None:
        self._scroll_by(max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self._scroll_by(-max(1, self.scrollable_content_region.height - 1))

    def action_top(self) -> None:
        self.move_to(0, scroll=False)
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.move_to(self.reader.layout.row_count - 1, scroll=False)
        self.scroll_to(y=self.heights.total, animate=False)
