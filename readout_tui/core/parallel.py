"""Use a second core for the word diff of large comparisons.

A forked child computes the second half of the work while the parent computes the first, and
sends its half back through a pipe in a compact form. Forking is only safe in a process with
a single thread, so this runs for the command line and scripts and never inside the app
(whose comparison runs in a worker thread); any failure falls back to doing the work here.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: Below this many items a fork costs more than it saves.
MIN_ITEMS = 4000


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def split_in_two(
    n: int,
    compute: Callable[[int, int], T],
    *,
    encode: Callable[[T], object],
    decode: Callable[[object], T],
    share: float = 0.5,
    min_items: int = MIN_ITEMS,
) -> tuple[T, T]:
    """``(compute(0, mid), compute(mid, n))``, the second in a forked child when worthwhile.

    ``encode`` turns the child's result into something cheap to pickle, ``decode`` turns it
    back in the parent. ``share`` is the child's fraction of the items.

    >>> split_in_two(10, lambda lo, hi: list(range(lo, hi)), encode=list, decode=list)
    ([0, 1, 2, 3, 4], [5, 6, 7, 8, 9])
    """
    mid = n - int(n * share)
    if n < min_items or not can_fork():
        return compute(0, mid), compute(mid, n)
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return compute(0, mid), compute(mid, n)
    if pid == 0:  # child: compute, send, and leave without running the parent's cleanups
        status = 0
        try:
            os.close(read_fd)
            payload = pickle.dumps(encode(compute(mid, n)), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(payload)
            while view:
                written = os.write(write_fd, view)
                view = view[written:]
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_fd)
    first = compute(0, mid)
    try:
        data = _read_all(read_fd)
    finally:
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return first, compute(mid, n)
    try:
        second = decode(pickle.loads(data))
    except Exception:
        return first, compute(mid, n)
    return first, second
