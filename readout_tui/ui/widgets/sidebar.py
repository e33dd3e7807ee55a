"""The commitments sidebar: who committed to what, grouped by speaker, with a status filter.

It renders the engine's :class:`~readout_tui.core.model.Commitment` records and nothing
more. A commitment found in both versions is listed once (from the left version, with the
status the engine gave the pair); one found only in the right version is listed from there.
Selecting an entry asks the screen to show its clause (and its counterpart's) in the panes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from readout_tui.core.model import COMMITMENT_STATUSES, Commitment
from readout_tui.core.review import ReviewItem
from readout_tui.ui.text import visible

ALL = "all"
#: Cells a clause preview may take under its entry (the sidebar is 36 cells wide).
CLAUSE_WIDTH = 27
#: The reader's verdict on a commitment, before its type.
REVIEW_MARKS = {"accepted": "✓", "flagged": "⚑", "rejected": "✗"}

ReviewLookup = Callable[[str], ReviewItem]


def strength_dots(strength: int) -> str:
    """``●●●○○`` for strength 3 of 5.

    >>> strength_dots(4)
    '●●●●○'
    """
    strength = max(0, min(5, strength))
    return "●" * strength + "○" * (5 - strength)


def listed(commitments: tuple[Commitment, ...]) -> list[Commitment]:
    """One entry per commitment: left records, then right ones with no left counterpart."""
    left_ids = {c.id for c in commitments if c.side == "left"}
    return [c for c in commitments if c.side == "left" or c.counterpart not in left_ids]


def by_speaker(entries: list[Commitment]) -> dict[str, list[Commitment]]:
    """Entries grouped by speaker, speakers in order of first appearance."""
    groups: dict[str, list[Commitment]] = {}
    for entry in entries:
        groups.setdefault(entry.speaker, []).append(entry)
    return groups


class CommitmentList(OptionList):
    """The option list of the sidebar (its own class so the stylesheet can reach its badges)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "commitment-list--speaker",
        "commitment-list--clause",
        *(f"commitment-list--{status}" for status in COMMITMENT_STATUSES),
    }


class CommitmentsSidebar(Vertical):
    """Commitments per speaker, a status filter, and an empty state."""

    class Selected(Message):
        """The reader picked a commitment."""

        def __init__(self, commitment: Commitment, counterpart: Commitment | None) -> None:
            super().__init__()
            self.commitment = commitment
            self.counterpart = counterpart

    def __init__(
        self,
        commitments: tuple[Commitment, ...],
        *,
        review: ReviewLookup | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.commitments = commitments
        self.review = review
        self.by_id = {c.id: c for c in commitments}
        self.entries = listed(commitments)
        self.status_filter = ALL

    def compose(self) -> ComposeResult:
        yield Label(Text("Commitments"), id="sidebar-title")
        yield CommitmentList(id="commitment-list", markup=False)
        yield Static(Text(""), id="commitments-empty")
        counts = Counter(entry.status for entry in self.entries)
        options: list[tuple[Text, str]] = [(Text(f"all statuses ({len(self.entries)})"), ALL)]
        options += [
            (Text(f"{status} ({counts[status]})"), status)
            for status in COMMITMENT_STATUSES
            if counts[status]
        ]
        yield Select(options, value=ALL, allow_blank=False, id="status-filter", compact=True)

    def on_mount(self) -> None:
        self.populate()
        # Entries carry styles resolved from the theme: rebuild them when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.populate())

    @property
    def option_list(self) -> CommitmentList:
        return self.query_one(CommitmentList)

    def populate(self) -> None:
        """Fill the list for the current status filter (or show the empty state)."""
        option_list = self.option_list
        shown = [
            e for e in self.entries if self.status_filter == ALL or e.status == self.status_filter
        ]
        options: list[Option] = []
        for speaker, entries in by_speaker(shown).items():
            options.append(Option(self._speaker_label(speaker, entries), disabled=True))
            options += [Option(self._entry_label(entry), id=entry.id) for entry in entries]
        option_list.set_options(options)
        empty = self.query_one("#commitments-empty", Static)
        if not self.commitments:
            message = "No commitments found in either version."
        elif not shown:
            message = f"No {self.status_filter} commitments."
        else:
            message = ""
        empty.update(Text(message))
        empty.display = bool(message)
        option_list.display = bool(shown)
        self.query_one("#status-filter", Select).display = bool(self.commitments)

    def _style(self, name: str) -> Style:
        return self.option_list.get_component_rich_style(f"commitment-list--{name}", partial=True)

    def _speaker_label(self, speaker: str, entries: list[Commitment]) -> Text:
        dropped = sum(entry.status == "dropped" for entry in entries)
        extra = f" · {dropped} dropped" if dropped else ""
        return Text(f"▾ {visible(speaker)} ({len(entries)}{extra})", self._style("speaker"))

    def refresh_review(self) -> None:
        """Redraw the entries' review marks (after the reader marked a commitment)."""
        option_list = self.option_list
        for option in option_list.options:
            entry = self.by_id.get(option.id or "")
            if entry is not None:
                option_list.replace_option_prompt(option.id or "", self._entry_label(entry))

    def _review_mark(self, entry: Commitment) -> str:
        item = self.review(entry.id) if self.review is not None else None
        if item is None:
            return "  "
        mark = REVIEW_MARKS.get(item.status, " ")
        return mark + ("✎" if item.note else " ")

    def _entry_label(self, entry: Commitment) -> Text:
        text = Text(self._review_mark(entry))
        text.append(f"{entry.type} ")
        text.append(strength_dots(entry.strength))
        text.append(" ")
        text.append(f" {entry.status} ", self._style(entry.status))
        clause = Text(f"“{visible(entry.text)}”", self._style("clause"))
        # One line per clause: a wrapped second line would lose its indent.
        clause.truncate(CLAUSE_WIDTH, overflow="ellipsis")
        text.append("\n    ")
        text.append_text(clause)
        return text

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        self.status_filter = value if isinstance(value, str) else ALL
        self.populate()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        commitment = self.by_id.get(event.option.id or "")
        if commitment is not None:
            counterpart = self.by_id.get(commitment.counterpart or "")
            self.post_message(self.Selected(commitment, counterpart))
