"""The app's review session on disk: opened in the worker thread, saved in the background.

:func:`open_review` finds the pair's session (``--session FILE``, ``--no-session`` or the
default file) and builds the :class:`~readout_tui.ui.review_book.ReviewBook`; it runs right
after the comparison, off the event loop, and never raises. :class:`SessionKeeper` saves:
a change starts a short timer, and when it fires the review is written in a daemon thread,
so a key press never waits for the disk (saving all 181k items of the bench pair takes one to
three seconds). On quit the keeper finishes what is pending; the merged review each save
returns (it may hold another instance's notes) goes back to the book.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.worker import Worker, WorkerError

from readout_tui.core.review import Review, new_review
from readout_tui.core.sessions import LoadResult, SaveResult, SessionStore
from readout_tui.ui.background import start_in_daemon_thread
from readout_tui.ui.reader import Reader
from readout_tui.ui.review_book import ReviewBook

#: Seconds between a change and its save; changes in between are saved together.
SAVE_DELAY = 0.4
#: Seconds before a failed save is tried again (the review stays in memory meanwhile).
RETRY_DELAY = 5.0


@dataclass(frozen=True, slots=True)
class SessionChoice:
    """What the command line asked for: ``--session FILE`` or ``--no-session``."""

    file: str | os.PathLike[str] | None = None
    off: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> SessionChoice:
        """From the app's command line (``--session FILE``, ``--no-session``)."""
        return cls(getattr(args, "session", None), bool(getattr(args, "no_session", False)))


@dataclass(frozen=True, slots=True)
class ReviewSetup:
    """Everything the screen needs about the review, found in the worker thread."""

    book: ReviewBook
    store: SessionStore | None
    loaded: LoadResult


def open_review(reader: Reader, choice: SessionChoice) -> ReviewSetup:
    """The pair's review session; trouble becomes a warning and a session kept in memory."""
    comparison = reader.comparison
    try:
        if choice.file is not None and Path(choice.file).is_dir():
            raise OSError(f"{choice.file} is a folder, not a session file")
        store = SessionStore.for_pair(
            comparison.left, comparison.right, session_file=choice.file, no_session=choice.off
        )
        loaded = store.load(comparison)
    except Exception as exc:  # never keep the reader from opening
        reason = str(exc) or type(exc).__name__
        loaded = LoadResult(
            new_review("unsaved"),
            "off",
            None,
            warnings=(f"review session unavailable ({reason}); nothing will be kept",),
        )
        return ReviewSetup(ReviewBook(reader, loaded.review), None, loaded)
    return ReviewSetup(ReviewBook(reader, loaded.review), store if store.enabled else None, loaded)


def _save(store: SessionStore, review: Review) -> tuple[SaveResult, list[str]]:
    """Save (in a worker thread) and list the targets the merge took from the file."""
    result = store.save(review)
    ours = review.items
    external = [k for k, v in result.review.items.items() if ours.get(k) is not v]
    return result, external


class SessionKeeper:
    """Saves the book's review a moment after each change, and on quit."""

    def __init__(
        self,
        app: App[int],
        setup: ReviewSetup,
        *,
        on_merged: Callable[[], None] | None = None,
        delay: float = SAVE_DELAY,
    ) -> None:
        self.app = app
        self.book = setup.book
        self.store = None if setup.store is None or setup.store.read_only else setup.store
        self.on_merged = on_merged
        self.delay = delay
        self.dirty = False
        self.saves = 0  # saves that reached the disk
        self._timer_set = False
        self._running: Worker[None] | None = None
        self._last_warning = ""

    @property
    def keeps(self) -> bool:
        """True when changes are written to a session file."""
        return self.store is not None

    def changed(self) -> None:
        """Call after every change of the book's review."""
        if self.store is None:
            return
        self.dirty = True
        self._schedule(self.delay)

    def _schedule(self, delay: float) -> None:
        # One timer at a time: a burst of key presses is saved together, at most `delay`
        # after its first change.
        if not self._timer_set:
            self._timer_set = True
            self.app.set_timer(delay, self._due, name="save-review")

    def _due(self) -> None:
        self._timer_set = False
        if self._running is None and self.dirty:
            self._start()

    def _start(self) -> Worker[None]:
        self._running = self.app.run_worker(
            self._save_once(), name="save-review", group="review", exit_on_error=False
        )
        return self._running

    async def _save_once(self) -> None:
        store = self.store
        assert store is not None
        self.dirty = False
        snapshot = self.book.begin_save()
        # Writing 100k items churns through short-lived objects, which sets off full cyclic
        # collections (0.1 s each, holding the interpreter) while the reader presses keys;
        # reference counting frees them anyway, so the collector rests during a save.
        collecting = gc.isenabled()
        gc.disable()
        try:
            future = start_in_daemon_thread(lambda: _save(store, snapshot), name="readout-save")
            result, external = await asyncio.wrap_future(future)
        except Exception as exc:  # a bug in saving must not take the app down
            self.book.finish_save(None, ())
            self.dirty = True
            self._warn(f"review not saved: {type(exc).__name__}: {exc}")
            self._running = None
            self._schedule(RETRY_DELAY)
            return
        finally:
            if collecting:
                gc.enable()
        merged = self.book.finish_save(result.review if result.saved else None, external)
        # The review's items live as long as the app: keep them out of the collector's scans
        # (as the comparison is). They are still freed when replaced (they hold no cycles).
        gc.freeze()
        self._running = None
        if result.saved:
            self.saves += 1
            if self._last_warning:
                self._last_warning = ""
                self.app.notify("Review saved again", markup=False, timeout=3)
        else:
            self.dirty = True
            for warning in result.warnings:
                self._warn(warning)
            self._schedule(RETRY_DELAY)
        if merged and self.on_merged is not None:
            self.on_merged()
        if self.dirty:
            self._schedule(self.delay)

    def _warn(self, message: str) -> None:
        if message != self._last_warning:  # a failing disk should not flood the screen
            self._last_warning = message
            self.app.notify(message, severity="warning", markup=False, timeout=8)

    async def flush(self) -> None:
        """Finish the save in flight and save whatever is still pending (used on quit)."""
        for _ in range(2):  # the save in flight, then one for what came after it
            worker = self._running
            if worker is None and self.dirty and self.store is not None:
                worker = self._start()
            if worker is None:
                return
            try:
                await worker.wait()
            except WorkerError:  # cancelled: the app is going down anyway
                return

    def save_blocking(self) -> None:
        """Last resort after the app has stopped (e.g. it was killed mid-save): save now."""
        if self.dirty and self.store is not None:
            self.dirty = False
            self.store.save(self.book.review)
