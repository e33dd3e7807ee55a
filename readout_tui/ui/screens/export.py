"""The export dialog (``e``): pick a format, check the file name, write it in the background.

The formats, their descriptions and file suffixes come from
:mod:`readout_tui.core.export`, the same writers as ``readout-tui export``. The proposed file
name is the revised document's name with the format's suffix, in the current folder, made
unique. An existing file is only replaced after a second Enter on the same name; writing is
atomic and runs in a daemon thread (an HTML report of the bench pair takes seconds), and any
failure is one line in the dialog, never a crash.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from readout_tui.core.atomic import write_text_atomic
from readout_tui.core.export import DESCRIPTIONS, SUFFIXES, WRITERS, export_text
from readout_tui.core.model import Comparison
from readout_tui.core.review import Review
from readout_tui.ui.background import start_in_daemon_thread
from readout_tui.ui.text import visible

_UNSAFE = re.compile(r"[^\w.-]+")


def propose_path(comparison: Comparison, fmt: str, folder: Path | None = None) -> Path:
    """``<revised document's stem>.readout<suffix>`` in ``folder``, not an existing file.

    The ``.readout`` part keeps an export from ever taking an input's own name.
    """
    folder = Path.cwd() if folder is None else folder
    name = comparison.right.name
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    stem = _UNSAFE.sub("-", stem).strip("-.") or "comparison"
    suffix = SUFFIXES.get(fmt, f".{fmt}")
    candidate = folder / f"{stem}.readout{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}.readout-{n}{suffix}"
        n += 1
    return candidate


def shown_path(path: Path) -> str:
    """A path as the reader typed it or as short as possible (relative to the folder)."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def size_label(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def write_export(path: Path, fmt: str, comparison: Comparison, review: Review | None) -> int:
    """Render and write one export atomically; returns the size in bytes."""
    text = export_text(fmt, comparison, review)
    write_text_atomic(path, text)
    return len(text.encode("utf-8"))


class ExportScreen(ModalScreen[str | None]):
    """Dismissed with a one-line success message, or None when closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close", tooltip="Close without exporting")
    ]

    def __init__(
        self,
        comparison: Comparison,
        review: Callable[[], Review | None],
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(id="export-screen")
        self.comparison = comparison
        self.review = review
        self.folder = folder
        self.format = "html" if "html" in WRITERS else next(iter(WRITERS))
        self.proposed = ""
        self.confirmed: Path | None = None  # the existing file a second Enter overwrites
        self.writing = False

    def compose(self) -> ComposeResult:
        width = max(len(name) for name in WRITERS) + 2
        options = [
            Option(Text(f"{name:<{width}}{DESCRIPTIONS.get(name, '')}"), id=name)
            for name in WRITERS
        ]
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(Text("Export the comparison and its review"), classes="dialog-title")
            yield OptionList(*options, id="export-formats", markup=False)
            yield Label(Text("File (Enter writes it):"), classes="dialog-context")
            yield Input(id="export-path")
            yield Static(Text(""), id="export-status")
            yield Static(
                Text("↑↓ format · Enter next / write · Escape closes"), classes="dialog-hint"
            )

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        formats.highlighted = formats.get_option_index(self.format)
        self._propose()
        formats.focus()

    @property
    def path_input(self) -> Input:
        return self.query_one("#export-path", Input)

    def _propose(self) -> None:
        self.proposed = shown_path(propose_path(self.comparison, self.format, self.folder))
        self.path_input.value = self.proposed
        self.path_input.cursor_position = len(self.proposed)
        self._check()

    def say(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Text(visible(message)))
        status.set_class(error, "error")

    def _target(self) -> Path | None:
        value = self.path_input.value.strip()
        return Path(value).expanduser() if value else None

    def _check(self) -> None:
        """Say what Enter will do with the current name."""
        path = self._target()
        if path is None:
            self.say("Give a file name.", error=True)
        elif path.is_dir():
            self.say(f"{shown_path(path)} is a folder; give a file name.", error=True)
        elif path.exists():
            self.say(f"{shown_path(path)} exists: Enter twice replaces it.", error=True)
        else:
            self.say(f"Writes {self.format} to {shown_path(path)}.")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and event.option.id != self.format:
            self.format = event.option.id
            self.confirmed = None
            if self.path_input.value in ("", self.proposed):
                self._propose()  # the name follows the format until the reader edits it
            else:
                self._check()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.path_input.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.confirmed = None
        if self.is_mounted:
            self._check()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        """Write the file, or ask for a second Enter when it exists."""
        if self.writing:
            return
        path = self._target()
        if path is None or path.is_dir():
            self._check()
            return
        if path.exists() and self.confirmed != path:
            self.confirmed = path
            self.say(
                f"{shown_path(path)} already exists. Enter again replaces it, Escape keeps it.",
                error=True,
            )
            return
        self.writing = True
        self.say(f"Writing {self.format} to {shown_path(path)}…")
        self.run_worker(self._write(path, self.format), group="export", exit_on_error=False)

    async def _write(self, path: Path, fmt: str) -> None:
        comparison, review = self.comparison, self.review()
        try:
            future = start_in_daemon_thread(
                lambda: write_export(path, fmt, comparison, review), name="readout-export"
            )
            size = await asyncio.wrap_future(future)
        except OSError as exc:
            self.writing = False
            self.say(f"Export failed: {shown_path(path)}: {exc.strerror or exc}", error=True)
            return
        except Exception as exc:  # a writer's bug must not take the app down
            self.writing = False
            self.say(f"Export failed: {type(exc).__name__}: {exc}", error=True)
            return
        self.writing = False
        note = "" if review is not None else " (no review yet)"
        self.dismiss(f"Exported {fmt} to {shown_path(path)} ({size_label(size)}){note}")

    def action_close(self) -> None:
        if self.writing:
            self.say("Still writing; a moment…")
            return
        self.dismiss(None)
