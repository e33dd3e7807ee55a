"""Run blocking work off the event loop in a daemon thread, awaitable from a worker.

Textual's thread workers run in the event loop's default executor, whose threads are joined
at exit: quitting during a long comparison would hang until the comparison finished. A
daemon thread is simply abandoned when the app quits, so ``q`` is instant; its result comes
back to the loop with ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def run_in_daemon_thread(work: Callable[[], T], *, name: str = "readout-work") -> T:
    """Await ``work()`` run in a daemon thread (its exception, if any, is raised here)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: Exception | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def target() -> None:
        result: T | None = None
        error: Exception | None = None
        try:
            result = work()
        except Exception as exc:  # handed to the awaiting worker, which reports it
            error = exc
        # RuntimeError: the loop closed, the app has quit meanwhile; nobody wants the result.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=target, name=name, daemon=True).start()
    return await future
