"""Use a second core for large comparisons.

:class:`ChildJob` runs a function in a forked child while the parent goes on with other work,
and hands back its result through a pipe (pickled, so the function should return something
compact). Forking is only safe in a process with a single thread, so a job forks only for the
command line and scripts, never inside the app (whose comparison runs in a worker thread);
there, and after any failure in the child, the function simply runs in this process when its
result is asked for. Results are identical either way.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class ChildJob(Generic[T]):
    """``work()`` computed in a forked child when ``fork`` is true and safe, else in place.

    >>> job = ChildJob(lambda: sum(range(10)), fork=True)
    >>> job.result()
    45
    """

    def __init__(self, work: Callable[[], T], *, fork: bool) -> None:
        self._work = work
        self._pid = 0
        self._fd = -1
        if fork and can_fork():
            self._start()

    def _start(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # child: compute, send, and leave without running the parent's cleanups
            status = 1
            try:
                os.close(read_fd)
                _write_all(write_fd, pickle.dumps(self._work(), pickle.HIGHEST_PROTOCOL))
                status = 0
            finally:
                os._exit(status)
        os.close(write_fd)
        self._pid, self._fd = pid, read_fd

    @property
    def forked(self) -> bool:
        return self._pid != 0

    def result(self) -> T:
        if not self._pid:
            return self._work()
        try:
            data = _read_all(self._fd)
        finally:
            os.close(self._fd)
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
        if status != 0 or not data:
            return self._work()  # the child failed: do the work here
        value: T = pickle.loads(data)
        return value
