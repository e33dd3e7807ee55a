"""Every key of the reader, defined once: bindings, command palette entries and help screen
are all generated from :data:`KEYS`, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

Scope = Literal["screen", "view"]


@dataclass(frozen=True, slots=True)
class Key:
    keys: str  # Textual key names, comma separated
    action: str
    description: str  # short, for the footer
    help: str  # a sentence, for the help screen and the command palette
    display: str  # how the help screen writes the keys
    scope: Scope = "screen"
    footer: bool = False
    group: str = "Move"


KEYS: tuple[Key, ...] = (
    Key("]", "next_change", "next", "Go to the next change", "]", footer=True),
    Key("[", "prev_change", "prev", "Go to the previous change", "[", footer=True),
    Key("}", "next_block", "next block", "Go to the next block (row)", "}"),
    Key("{", "prev_block", "prev block", "Go to the previous block (row)", "{"),
    Key("t", "next_typo", "next typo", "Cycle forward through typos only", "t"),
    Key("T", "prev_typo", "prev typo", "Cycle backward through typos only", "T"),
    Key("m", "jump_moved", "moved", "Jump from a moved block to where it came from, and back", "m"),
    Key("down,j", "line_down", "down", "Scroll down one line", "j  ↓", scope="view"),
    Key("up,k", "line_up", "up", "Scroll up one line", "k  ↑", scope="view"),
    Key("pagedown", "page_down", "page down", "Scroll down one page", "PgDn", scope="view"),
    Key("pageup", "page_up", "page up", "Scroll up one page", "PgUp", scope="view"),
    Key("g,home", "top", "top", "Go to the first block", "g  Home", scope="view"),
    Key("G,end", "bottom", "end", "Go to the last block", "G  End", scope="view"),
    Key("/", "search", "search", "Search both versions", "/", footer=True, group="Search"),
    Key("n", "next_match", "next match", "Go to the next search match", "n", group="Search"),
    Key("N", "prev_match", "prev match", "Go to the previous search match", "N", group="Search"),
    Key("tab", "cycle_focus(1)", "next pane", "Move between the panes and the sidebar", "Tab",
        group="View"),
    Key("shift+tab", "cycle_focus(-1)", "prev pane", "Move back between panes and sidebar",
        "Shift+Tab", group="View"),
    Key("s", "toggle_sidebar", "sidebar", "Show or hide the commitments sidebar", "s",
        group="View"),
    Key("u", "toggle_inline", "inline", "Switch between side by side and an inline redline",
        "u", group="View"),
    Key("f", "filter", "filter", "Choose which kinds of change ] and [ stop at", "f",
        footer=True, group="View"),
    Key("w", "toggle_normalisation", "form edits",
        "Show or hide punctuation, case and whitespace edits (dimmed when hidden)", "w",
        group="View"),
    Key("z", "fold", "fold", "Fold or unfold the run of paragraphs at the cursor", "z",
        footer=True, group="View"),
    Key("a", "review('accepted')", "accept", "Accept the current change (again: unreviewed)",
        "a", footer=True, group="Review"),
    Key("x", "review('flagged')", "flag", "Flag the current change for a second look (again: "
        "unreviewed)", "x", footer=True, group="Review"),
    Key("r", "review('rejected')", "reject", "Reject the current change (again: unreviewed)",
        "r", group="Review"),
    Key("c", "note", "note", "Write a note on the current change (ctrl+s saves, Escape "
        "cancels)", "c", footer=True, group="Review"),
    Key("number_sign", "tags", "tags", "Add tags to the current change (-tag removes one)",
        "#", group="Review"),
    Key("o", "toggle_unreviewed", "unreviewed only",
        "Make ] and [ visit only unreviewed changes, or all again", "o", group="Review"),
    Key("A", "accept_all", "accept all",
        "Accept every unreviewed change that ] and [ visit now (asks first)", "A",
        group="Review"),
    Key("i", "session", "session",
        "Show the review session: file, progress, notes, items no longer found", "i",
        group="Review"),
    Key("e", "export", "export",
        "Export the comparison with its review (JSON, HTML, Markdown, TEI, CSV)", "e",
        footer=True, group="Review"),
    Key("question_mark,f1", "help", "help", "Show keys and the colour legend", "?  F1",
        footer=True, group="App"),
    Key("q", "quit", "quit", "Quit", "q", footer=True, group="App"),
)  # fmt: skip


def bindings_for(scope: Scope) -> list[BindingType]:
    """Textual bindings for one scope, descriptions on every one."""
    return [
        Binding(key.keys, key.action, key.description, show=key.footer, tooltip=key.help)
        for key in KEYS
        if key.scope == scope
    ]
