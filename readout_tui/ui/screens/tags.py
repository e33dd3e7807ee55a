"""The tag line (``#``): add tags to the current change, or remove them with a leading ``-``."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from readout_tui.ui.text import visible


class TagScreen(ModalScreen[str | None]):
    """One input line; Enter returns what was typed, Escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", tooltip="Close without changing the tags")
    ]

    def __init__(self, title: str, tags: tuple[str, ...]) -> None:
        super().__init__(id="tag-screen")
        self.title_text = title
        self.tags = tags

    def compose(self) -> ComposeResult:
        current = " ".join(f"#{visible(tag)}" for tag in self.tags) or "none yet"
        with Vertical(id="tag-dialog", classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Static(Text(f"tags: {current}"), id="tag-current", classes="dialog-context")
            yield Input(placeholder="names dates -old   (-tag removes a tag)", id="tag-input")
            yield Static(
                Text("spaces or commas separate tags · Enter applies · Escape cancels"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
