"""The Textual app: ``readout-tui [OLD NEW]`` opens it through :func:`run_app`.

This module only assembles screens and routes: a loading screen while the worker loads the
documents, runs the engine's :func:`~readout_tui.core.compare.compare` and opens the review
session, then the main screen. Everything the app shows comes from the engine's
:class:`Comparison` and the session's review; quitting saves the review first.
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
from readout_tui.ui.review_session import ReviewSetup, SessionChoice, SessionKeeper, open_review
from readout_tui.ui.screens.loading import LoadingScreen
from readout_tui.ui.screens.main import MainScreen, ScreenShown

Loader = Callable[[], tuple[Document, Document]]
Opened = tuple[Reader, ReviewSetup]


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
        session: SessionChoice | None = None,
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
        self.session = session or SessionChoice()
        self.keeper: SessionKeeper | None = None
        #: perf_counter stamps: "start", "compared" (engine done), "shown" (first screen)
        self.marks: dict[str, float] = {"start": time.perf_counter()}
        # The comparison starts now, so it overlaps Textual's own start-up.
        self._future: Future[Opened] | None = None
        if load is not None:
            self._future = start_in_daemon_thread(self._job, name="readout-compare")

    def on_mount(self) -> None:
        if self._comparison is not None:
            reader = Reader(self._comparison)
            self._show((reader, open_review(reader, self.session)))
            return
        self.push_screen(LoadingScreen(self.label))
        self.run_worker(self._wait(), name="compare", exit_on_error=False)

    def _job(self) -> Opened:
        assert self._load is not None
        left, right = self._load()
        comparison = self._compare_fn(left, right)
        self.marks["compared"] = time.perf_counter()
        reader = Reader(comparison)
        return reader, open_review(reader, self.session)

    async def _wait(self) -> None:
        assert self._future is not None
        try:
            opened = await asyncio.wrap_future(self._future)
        except Exception as exc:
            self.error = exc
            message = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
            screen = self.screen
            if isinstance(screen, LoadingScreen):
                screen.show_error(message.splitlines()[0] if message else type(exc).__name__)
            return
        self._show(opened, switch=True)

    def _show(self, opened: Opened, *, switch: bool = False) -> None:
        reader, setup = opened
        self.reader = reader
        self.keeper = SessionKeeper(self, setup)
        # The comparison is a large, immutable object graph: keep it out of the cyclic
        # garbage collector's scans, which otherwise stall key presses for tenths of a second.
        gc.freeze()
        self.marks.setdefault("compared", time.perf_counter())
        screen = MainScreen(reader, setup, self.keeper)
        if switch:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_screen_shown(self, message: ScreenShown) -> None:
        self.marks.setdefault("shown", time.perf_counter())

    async def action_quit(self) -> None:
        """Quit, after the review's pending changes are saved."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.remember_position()
        if self.keeper is not None:
            await self.keeper.flush()
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield from screen.commands()


def run_app(args: argparse.Namespace) -> int:
    """Run the app for ``args.old`` / ``args.new`` (both None: the bundled sample pair).

    ``args.session`` (a session file) and ``args.no_session`` choose where the review is kept.
    An :class:`InputError` met while loading is shown in the app and raised again afterwards,
    so the command line also reports it and exits with status 2.
    """
    old, new = args.old, args.new
    session = SessionChoice.from_args(args)
    max_bytes = args.max_size

    def load() -> tuple[Document, Document]:
        # Imported here, in the worker thread, so the screen comes up without waiting for it.
        from readout_tui.commands import load_pair

        return load_pair(old, new, max_bytes=max_bytes)

    label = "the sample pair" if old is None else f"{old} ⇄ {new}"
    app = ReadoutApp(load=load, label=label, session=session)
    app.run()
    if app.keeper is not None:
        app.keeper.save_blocking()  # only if quitting did not get to save (e.g. a crash)
    if app.error is not None:
        raise app.error
    return app.return_code or 0
