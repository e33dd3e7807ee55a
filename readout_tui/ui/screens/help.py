"""The help screen (``?`` / F1): every key, grouped, and a legend of the highlight colours.

The legend draws each sample with the very style the panes use (passed in by the main
screen), so it stays right under any theme.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from readout_tui.ui.keys import KEYS

#: (style name, sample text, meaning)
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("delete", "deleted", "words only in the left version"),
    ("insert", "inserted", "words only in the right version"),
    ("replace", "replaced", "words changed, on both sides"),
    ("typo", "duting", "a likely typo; the word meant follows the arrow"),
    ("suggestion", "→during", "the suggested correction"),
    ("artifact", "img_01.jpg", "scraping debris: image names, entities, glued words"),
    ("norm", "“quote”", "punctuation, case or whitespace only (w shows them)"),
    ("inline-delete", "old words", "inline view: taken out"),
    ("inline-insert", "new words", "inline view: put in"),
    ("placeholder", "— omitted here —", "nothing on this side"),
    ("boilerplate", "Share this", "page furniture"),
    ("fold", "▸ 4 unchanged paragraphs", "a folded run (z unfolds)"),
    ("current", "current", "the current change"),
    ("match", "match", "a search match"),
    ("clause", "clause", "the clause of the selected commitment"),
    ("review-accepted", "accepted", "a change you accepted (a)"),
    ("review-flagged", "flagged", "a change you flagged (x)"),
    ("review-rejected", "rejected", "a change you rejected (r)"),
    ("mark-flagged", "⚑", "gutter: the row has a flagged change"),
    ("mark-rejected", "✗", "gutter: the row has a rejected change"),
    ("mark-note", "✎", "gutter: the row has a note"),
    ("mark-accepted", "✓", "gutter: every change of the row is reviewed"),
    ("mark-partial", "◦", "gutter: some changes of the row are reviewed"),
)


class HelpScreen(ModalScreen[None]):
    """Keys and colours; any of Escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "close help", tooltip="Close help")
    ]

    def __init__(self, style: Callable[[str], Style]) -> None:
        super().__init__(id="help-screen")
        self.style = style

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(Text("readout-tui — keys", style="bold"), classes="help-heading")
            yield Static(self._keys_table(), id="help-keys")
            yield Static(Text("Colours", style="bold"), classes="help-heading")
            yield Static(self._legend_table(), id="help-legend")
            yield Static(
                Text("Every key is also in the command palette (ctrl+p). Escape closes."),
                classes="help-note",
            )

    def _keys_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column()
        for key in KEYS:
            table.add_row(Text(key.display, style="bold"), Text(key.group), Text(key.help))
        return table

    def _legend_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column()
        for name, sample, meaning in LEGEND:
            # The style as a span, not the cell's base style, so it covers the sample only.
            table.add_row(Text.assemble((sample, self.style(name))), Text(meaning))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
