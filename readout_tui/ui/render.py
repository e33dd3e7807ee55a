"""Turn composed segments into styled, wrapped lines of Rich :class:`~rich.text.Text`.

Document text only ever enters a :class:`Text` as plain characters (never parsed as markup);
styles come from the widget's theme-derived component styles, looked up by name. Each wrapped
line remembers where it came from so the widget can find the line of a change or a match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from readout_tui.core.model import Side
from readout_tui.ui.compose import Deco, Segment
from readout_tui.ui.text import wrap_lines

StyleLookup = Callable[[str], Style]

#: Decoration styles drawn on top of the others, weakest first.
DECO_ORDER = {
    "norm": 0,
    "delete": 0,
    "insert": 0,
    "replace": 0,
    "artifact": 1,
    "typo": 1,
    "review-accepted": 2,
    "review-flagged": 2,
    "review-rejected": 2,
    "clause": 2,
    "match": 3,
    "match-current": 4,
    "current": 5,
}


@dataclass(slots=True)
class SideLines:
    """The wrapped lines of one side of a row."""

    lines: list[Text]
    #: per segment: (first line, segment, line ranges in the segment's display string)
    layout: list[tuple[int, Segment, list[tuple[int, int]]]]

    def line_of(self, side: Side, para: int, offset: int) -> int | None:
        """The line showing source character ``offset`` of paragraph ``para``, if shown."""
        for first, segment, ranges in self.layout:
            for piece in segment.pieces:
                length = piece.end - piece.start
                inside = piece.offset <= offset <= piece.offset + length
                if piece.side == side and piece.para == para and inside:
                    shown = piece.start + offset - piece.offset
                    return first + _line_index(ranges, shown)
        return None

    def line_of_change(self, change: int) -> int | None:
        for first, segment, ranges in self.layout:
            for piece in segment.pieces:
                if piece.change == change:
                    return first + _line_index(ranges, piece.start)
        return None


def _line_index(ranges: list[tuple[int, int]], position: int) -> int:
    """Index of the line (a ``(start, end)`` range) that shows display ``position``."""
    line = 0
    for i, (start, _end) in enumerate(ranges):
        if start <= position:
            line = i
    return line


def change_meta(change: int) -> Style:
    return Style(meta={"change": change})


def styled_segment(
    segment: Segment, decos: Sequence[Deco], styles: StyleLookup, base: Style
) -> Text:
    """The whole segment as one :class:`Text`, pieces and decorations applied."""
    text = Text(segment.plain, style=base, no_wrap=True, end="")
    for piece in segment.pieces:
        style = styles(piece.style) if piece.style else None
        if piece.change >= 0:
            style = (style or Style()) + change_meta(piece.change)
        if style is not None:
            text.stylize(style, piece.start, piece.end)
    for deco in sorted(decos, key=lambda d: DECO_ORDER.get(d.style, 0)):
        style = styles(deco.style)
        if deco.change >= 0:
            style += change_meta(deco.change)
        for piece in segment.pieces:
            if piece.side is None:
                # Text the reader added (a typo's suggestion) follows its change's highlight.
                if deco.change >= 0 and piece.change == deco.change and deco.style == "current":
                    text.stylize(style, piece.start, piece.end)
                continue
            if piece.side != deco.side or piece.para != deco.para:
                continue
            length = piece.end - piece.start
            lo = max(deco.start, piece.offset)
            hi = min(deco.end, piece.offset + length)
            if lo < hi:
                text.stylize(
                    style, piece.start + lo - piece.offset, piece.start + hi - piece.offset
                )
            elif deco.start == deco.end and deco.style == "current":
                # An empty span (where words were deleted): mark the gap itself.
                at = deco.start - piece.offset
                if 0 < at <= length:
                    gap = piece.start + at
                    text.stylize(styles("current-point"), gap - 1, gap)
    return text


def side_lines(
    segments: Sequence[Segment],
    decos: Sequence[Deco],
    width: int,
    styles: StyleLookup,
    base: Style,
) -> SideLines:
    """Wrap and style one side of a row at ``width`` cells."""
    lines: list[Text] = []
    layout: list[tuple[int, Segment, list[tuple[int, int]]]] = []
    for segment in segments:
        text = styled_segment(segment, decos, styles, base)
        ranges = wrap_lines(segment.plain, width)
        layout.append((len(lines), segment, ranges))
        if len(ranges) == 1:
            lines.append(text)
            continue
        # One divide for all lines: slicing line by line re-scans the whole text each time.
        cuts = sorted({offset for line in ranges for offset in line} - {0})
        parts = text.divide(cuts)
        by_start: dict[int, Text] = {}
        position = 0
        for part in parts:
            by_start.setdefault(position, part)
            position += len(part.plain)
        lines.extend(by_start[start] if end > start else Text("", end="") for start, end in ranges)
    return SideLines(lines, layout)
