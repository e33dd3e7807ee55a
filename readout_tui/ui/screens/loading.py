"""The screen shown while the documents load and the comparison runs, or if that fails.

It appears at once: a progress bar (indeterminate, since the engine reports no steps), the
two file names, and the quit key, which works throughout. A failure is one line of text.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from readout_tui.ui.text import visible


class LoadingScreen(Screen[None]):
    """Progress while comparing; the error line if the comparison failed."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "quit", tooltip="Quit")]

    def __init__(self, label: str) -> None:
        super().__init__(id="loading")
        self.label = label

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Text(f"Comparing {visible(self.label)}"), id="loading-label")
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="progress")
            yield Static(Text(""), id="loading-error")
        yield Footer()

    def show_error(self, message: str) -> None:
        """Replace the progress bar with a one-line error."""
        self.query_one(ProgressBar).display = False
        error = self.query_one("#loading-error", Static)
        error.update(Text(f"error: {visible(message)}"))
        error.add_class("error")
        self.query_one("#loading-label", Static).update(Text("Could not compare. Press q to quit."))
