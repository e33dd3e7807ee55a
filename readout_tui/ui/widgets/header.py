"""The header (both documents and the summary figures) and the pane titles above the panes.

Names and titles come from the documents, so they are drawn as plain :class:`Text` after
:func:`~readout_tui.ui.text.visible`, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from readout_tui.core.model import Comparison, Document
from readout_tui.ui.text import visible

#: How block operations read in the summary and the details bar.
OP_WORDS = {
    "equal": "equal",
    "edit": "edited",
    "split": "split",
    "merge": "merged",
    "delete": "omitted",
    "insert": "added",
    "move": "moved",
    "boilerplate": "boilerplate",
}


def document_label(document: Document) -> str:
    return f"{visible(document.name)} ({visible(document.encoding)})"


def summary_line(comparison: Comparison) -> str:
    """The summary figures as one line of plain text."""
    summary = comparison.summary
    parts = [
        f"retained {summary.left_retained:.0%} of left",
        f"reused {summary.right_reused:.0%} of right",
    ]
    for op, word in OP_WORDS.items():
        count = summary.blocks_by_op.get(op, 0)
        if count:
            parts.append(f"{count} {word}")
    edits = sorted(summary.edits_by_kind.items(), key=lambda kv: (-kv[1], kv[0]))
    if edits:
        parts.append("edits: " + ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in edits))
    parts.append(f"typos {summary.typos}")
    counts = summary.commitments
    if counts.left or counts.right:
        parts.append(f"commitments {counts.left}→{counts.right} ({counts.dropped} dropped)")
    return " · ".join(parts)


class SummaryHeader(Widget):
    """Two lines: the documents, then the summary figures."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"summary-header--title", "summary-header--figures"}

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.status = ""

    def set_status(self, status: str) -> None:
        """A short note shown at the end of the first line (filter, search, progress)."""
        self.status = status
        self.refresh()

    def render(self) -> Text:
        comparison = self.comparison
        title = self.get_component_rich_style("summary-header--title", partial=True)
        figures = self.get_component_rich_style("summary-header--figures", partial=True)
        first = Text(no_wrap=True, overflow="ellipsis")
        first.append(" readout-tui ", title)
        first.append(f" {document_label(comparison.left)}  ⇄  {document_label(comparison.right)}")
        if self.status:
            first.append(f"   {visible(self.status)}", figures)
        second = Text(" " + summary_line(comparison), figures, no_wrap=True, overflow="ellipsis")
        for notice in comparison.notices:
            second.append(f" · {visible(notice)}")
        return _lines(first, second)


def _lines(*lines: Text) -> Text:
    """Lines that never wrap: too long, they end in an ellipsis."""
    text = Text("\n").join(lines)
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def _fit(label: str, width: int, style: Style) -> Text:
    """``label`` cut with an ellipsis or padded to exactly ``width`` cells."""
    text = Text(label, style)
    text.truncate(max(0, width), overflow="ellipsis", pad=True)
    return text


class PaneTitles(Widget):
    """One line naming each pane, aligned with the columns of the diff view."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pane-titles--active", "pane-titles--inactive"}

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.columns: tuple[int, int] = (0, 0)
        self.active = "left"

    def update_layout(self, columns: tuple[int, int], active: str) -> None:
        if (columns, active) != (self.columns, self.active):
            self.columns, self.active = columns, active
            self.refresh()

    def _title(self, document: Document) -> str:
        name = visible(document.name)
        title = visible(document.title) if document.title else ""
        return f"{name} — {title}" if title and title != name else name

    def render(self) -> Text:
        active = self.get_component_rich_style("pane-titles--active", partial=True)
        inactive = self.get_component_rich_style("pane-titles--inactive", partial=True)
        left_cols, right_cols = self.columns
        text = Text(no_wrap=True, overflow="ellipsis")
        if right_cols == 0:  # inline redline
            label = f" inline: {self._title(self.comparison.left)} → "
            label += self._title(self.comparison.right)
            text.append_text(_fit(label, left_cols, active))
            return text
        for side, width, document in (
            ("left", left_cols, self.comparison.left),
            ("right", right_cols, self.comparison.right),
        ):
            label = f" {self._title(document)} "
            text.append_text(_fit(label, width, active if side == self.active else inactive))
            if side == "left":
                text.append(" ")
        return text
