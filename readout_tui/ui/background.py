"""Run blocking work in a daemon thread and await its result from the event loop.

Textual's thread workers run in the event loop's default executor, whose threads are joined
at exit: quitting during a long comparison would hang until the comparison finished. A
daemon thread is simply abandoned when the app quits, so ``q`` is instant. The work can also
start before the event loop exists (while Textual itself starts up), since its result is a
thread-safe :class:`concurrent.futures.Future`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")


def start_in_daemon_thread(work: Callable[[], T], *, name: str = "readout-work") -> Future[T]:
    """Start ``work()`` in a daemon thread; its result (or exception) lands in the future.

    Await it from a coroutine with ``asyncio.wrap_future(future)``.
    """
    future: Future[T] = Future()

    def target() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = work()
        except Exception as exc:  # handed to whoever awaits the future, which reports it
            future.set_exception(exc)
        else:
            future.set_result(result)

    threading.Thread(target=target, name=name, daemon=True).start()
    return future
