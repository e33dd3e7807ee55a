"""The session dialog (``i``): where the review is kept, how far it got, and its items.

It lists what the load reported (resumed, carried over, a bad file moved aside), the
progress, every change with a verdict other than "accepted", a note or tags (Enter goes
there), and the items that no longer match anything in the comparison: they stay in the
session file and are listed here, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from readout_tui.core.review import ReviewItem
from readout_tui.core.sessions import LoadResult
from readout_tui.ui.review_book import ReviewBook, note_preview
from readout_tui.ui.text import visible

#: Entries listed per section; a session can hold every one of 181k changes.
LIST_LIMIT = 500

_STATUS_WORDS = {"unreviewed": "·", "accepted": "✓", "flagged": "⚑", "rejected": "✗"}


def item_line(item: ReviewItem, where: str) -> Text:
    """One entry: status mark, where it is, tags and the start of the note."""
    text = Text(f"{_STATUS_WORDS[item.status]} {item.status:<10} {where}")
    for tag in item.tags:
        text.append(f" #{visible(tag)}")
    if item.note:
        text.append(f"  ✎ {note_preview(item.note, 50)}")
    return text


def session_lines(loaded: LoadResult, book: ReviewBook, *, kept: bool) -> list[str]:
    """The head of the dialog as plain lines."""
    lines = []
    if loaded.path is not None and kept:
        lines.append(f"Session file: {loaded.path}")
    else:
        lines.append("Not kept: this review lives only until you quit (--no-session).")
    lines.append(loaded.message)
    if loaded.source is not None:
        lines.append(f"Carried over from {loaded.source.name}")
    lines += [f"warning: {w}" for w in loaded.warnings]
    p = book.progress
    lines.append(
        f"{p} · {p.accepted} accepted · {p.flagged} flagged · {p.rejected} rejected"
        f" · {p.noted} with notes"
    )
    return [visible(line) for line in lines]


class SessionScreen(ModalScreen[str | None]):
    """Dismissed with the review target to go to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,i,q", "close", "close", tooltip="Close the session dialog")
    ]

    def __init__(
        self,
        loaded: LoadResult,
        book: ReviewBook,
        *,
        kept: bool,
        known: Collection[str],
        locate: Callable[[str], str],
    ) -> None:
        super().__init__(id="session-screen")
        self.loaded = loaded
        self.book = book
        self.kept = kept
        self.known = known  # every id of the comparison
        self.locate = locate  # known target id -> "paraphrase · right ¶4"

    def compose(self) -> ComposeResult:
        with Vertical(id="session-dialog", classes="dialog"):
            yield Label(Text("Review session"), classes="dialog-title")
            lines = session_lines(self.loaded, self.book, kept=self.kept)
            yield Static(Text("\n".join(lines)), id="session-info", classes="dialog-context")
            yield OptionList(*self._options(), id="session-items", markup=False)
            yield Static(Text("Enter goes to an item · Escape closes"), classes="dialog-hint")

    def _options(self) -> list[Option]:
        noted: list[tuple[ReviewItem, str]] = []
        unmapped: list[ReviewItem] = []
        for _key, item in sorted(self.book.review.items.items()):
            if item.is_blank:
                continue
            if item.target not in self.known:
                unmapped.append(item)
            elif item.status in ("flagged", "rejected") or item.note or item.tags:
                noted.append((item, self.locate(item.target)))
        title = f"Flagged, rejected, noted or tagged ({len(noted)})"
        options = [Option(Text(title), disabled=True)]
        options += [
            Option(item_line(item, where), id=item.target) for item, where in noted[:LIST_LIMIT]
        ]
        if len(noted) > LIST_LIMIT:
            options.append(Option(Text(f"… and {len(noted) - LIST_LIMIT} more"), disabled=True))
        if unmapped:
            options.append(
                Option(
                    Text(f"No longer in the comparison, kept in the session ({len(unmapped)})"),
                    disabled=True,
                )
            )
            options += [
                Option(item_line(item, visible(item.target)), disabled=True)
                for item in unmapped[:LIST_LIMIT]
            ]
            if len(unmapped) > LIST_LIMIT:
                more = len(unmapped) - LIST_LIMIT
                options.append(Option(Text(f"… and {more} more"), disabled=True))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
