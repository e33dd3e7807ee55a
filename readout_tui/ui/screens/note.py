"""The note editor (``c``): a multi-line text area over the screen.

``ctrl+s`` (or the Save button) saves, Escape (or Cancel) closes without saving, and an empty
note removes it. The text lives in the text area for as long as the dialog is open, so a
resized terminal reflows it and loses nothing.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea


class NoteScreen(ModalScreen[str | None]):
    """Edit one note; dismissed with the new text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save note", tooltip="Save the note"),
        Binding("escape", "cancel", "cancel", tooltip="Close without saving"),
    ]

    def __init__(self, title: str, context: str, note: str) -> None:
        super().__init__(id="note-screen")
        self.title_text = title
        self.context = context
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Label(Text(self.title_text), id="note-title", classes="dialog-title")
            yield Static(Text(self.context), id="note-context", classes="dialog-context")
            yield TextArea(
                self.note,
                id="note-text",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            yield Static(
                Text("ctrl+s saves · Escape cancels · an empty note removes it"),
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="note-save", variant="primary")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        self.dismiss(None)
