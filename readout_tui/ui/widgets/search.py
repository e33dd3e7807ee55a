"""The search line: a one-line input under the panes, opened with ``/``, closed with Escape."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchInput(Input):
    """Type a phrase, Enter searches both versions; Escape closes without searching."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel search", tooltip="Close the search line")
    ]

    class Cancelled(Message):
        """The reader closed the search line."""

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())

    def on_blur(self, event: events.Blur) -> None:
        # Clicking or tabbing away closes the line instead of leaving it open and idle.
        self.post_message(self.Cancelled())
