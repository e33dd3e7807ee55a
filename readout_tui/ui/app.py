"""The Textual app: ``readout-tui [OLD NEW]`` opens it through :func:`run_app`.

This module only assembles screens and routes: a loading screen while the worker loads the
documents and runs the engine's :func:`~readout_tui.core.compare.compare`, then the main
screen. Everything the app shows comes from the engine's :class:`Comparison`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future

from textual.app import App, SystemCommand
from textual.screen import Screen

from readout_tui.core.errors import InputError
from readout_tui.core.model import Comparison, Document
from readout_tui.ui.background import start_in_daemon_thread
from readout_tui.ui.reader import Reader
from readout_tui.ui.screens.loading import LoadingScreen
from readout_tui.ui.screens.main import MainScreen, ScreenShown

Loader = Callable[[], tuple[Document, Document]]


def _compare(left: Document, right: Document) -> Comparison:
    from readout_tui.core.compare import compare

    return compare(left, right)


class ReadoutApp(App[int]):
    """Loads, compares, then shows two versions side by side."""

    CSS_PATH = "readout.tcss"
    TITLE = "readout-tui"

    def __init__(
        self,
        *,
        load: Loader | None = None,
        comparison: Comparison | None = None,
        label: str = "",
        compare: Callable[[Document, Document], Comparison] = _compare,
    ) -> None:
        super().__init__()
        if (load is None) == (comparison is None):
            raise ValueError("give either load or comparison")
        self._load = load
        self._comparison = comparison
        self._compare_fn = compare
        self.label = label
        self.error: Exception | None = None
        self.reader: Reader | None = None
        #: perf_counter stamps: "start", "compared" (engine done), "shown" (first screen)
        self.marks: dict[str, float] = {"start": time.perf_counter()}
        # The comparison starts now, so it overlaps Textual's own start-up.
        self._future: Future[Reader] | None = None
        if load is not None:
            self._future = start_in_daemon_thread(self._job, name="readout-compare")

    def on_mount(self) -> None:
        if self._comparison is not None:
            self._show(Reader(self._comparison))
            return
        self.push_screen(LoadingScreen(self.label))
        self.run_worker(self._wait(), name="compare", exit_on_error=False)

    def _job(self) -> Reader:
        assert self._load is not None
        left, right = self._load()
        comparison = self._compare_fn(left, right)
        self.marks["compared"] = time.perf_counter()
        return Reader(comparison)

    async def _wait(self) -> None:
        assert self._future is not None
        try:
            reader = await asyncio.wrap_future(self._future)
        except Exception as exc:
            self.error = exc
            message = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
            screen = self.screen
            if isinstance(screen, LoadingScreen):
                screen.show_error(message.splitlines()[0] if message else type(exc).__name__)
            return
        self._show(reader, switch=True)

    def _show(self, reader: Reader, *, switch: bool = False) -> None:
        self.reader = reader
        # The comparison is a large, immutable object graph: keep it out of the cyclic
        # garbage collector's scans, which otherwise stall key presses for tenths of a second.
        gc.freeze()
        self.marks.setdefault("compared", time.perf_counter())
        if switch:
            self.switch_screen(MainScreen(reader))
        else:
            self.push_screen(MainScreen(reader))

    def on_screen_shown(self, message: ScreenShown) -> None:
        self.marks.setdefault("shown", time.perf_counter())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield from screen.commands()


def run_app(args: argparse.Namespace) -> int:
    """Run the app for ``args.old`` / ``args.new`` (both None: the bundled sample pair).

    ``args.session`` and ``args.no_session`` are accepted for review sessions (not yet used).
    An :class:`InputError` met while loading is shown in the app and raised again afterwards,
    so the command line also reports it and exits with status 2.
    """
    old, new = args.old, args.new
    max_bytes = args.max_size

    def load() -> tuple[Document, Document]:
        # Imported here, in the worker thread, so the screen comes up without waiting for it.
        from readout_tui.commands import load_pair

        return load_pair(old, new, max_bytes=max_bytes)

    label = "the sample pair" if old is None else f"{old} ⇄ {new}"
    app = ReadoutApp(load=load, label=label)
    app.run()
    if app.error is not None:
        raise app.error
    return app.return_code or 0
