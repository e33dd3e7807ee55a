"""The ``f`` dialog: choose which kinds of change ``]`` and ``[`` stop at."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from readout_tui.ui.changes import FILTERS


class FilterScreen(ModalScreen[str | None]):
    """A list of filter presets; Enter picks one, Escape keeps the current one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f,q", "dismiss_filter", "close", tooltip="Keep the current filter")
    ]

    def __init__(self, current: str, counts: dict[str, int]) -> None:
        super().__init__(id="filter-screen")
        self.current = current
        self.counts = counts

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-dialog"):
            yield Label(Text("Stop ] and [ at:"), id="filter-title")
            options = [
                Option(Text(f"{f.label} ({self.counts.get(f.name, 0)})"), id=f.name)
                for f in FILTERS
            ]
            yield OptionList(*options, id="filter-options", markup=False)

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.highlighted = option_list.get_option_index(self.current)
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_dismiss_filter(self) -> None:
        self.dismiss(None)
