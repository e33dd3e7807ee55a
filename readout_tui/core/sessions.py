"""Review sessions on disk: one JSON file per pair of documents, resumable and merge-safe.

A session file lives in ``<user data dir>/sessions/`` (``READOUT_TUI_DATA_DIR`` overrides the
data dir) and is named after both documents' content hashes, so opening the same two texts
again — under any file name — resumes the review. ``--session FILE`` points at an explicit
file instead and ``--no-session`` keeps nothing (:meth:`SessionStore.for_pair`).

Nothing here is fatal to the app: a corrupt or unreadable file is moved aside and reported as
a warning; a session whose documents changed is re-mapped by id and the items that no longer
match are kept (in the file and in :attr:`LoadResult.unmapped`), never dropped. Saving takes
a lock, re-reads the file and merges item by item (newest ``updated`` wins), so two app
instances on the same pair keep each other's notes; the write itself is atomic.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from filelock import FileLock, Timeout

from readout_tui.core.atomic import write_text_atomic
from readout_tui.core.errors import InputError
from readout_tui.core.ids import content_hash
from readout_tui.core.model import Comparison, Document
from readout_tui.core.review import (
    Review,
    ReviewItem,
    all_targets,
    merge_reviews,
    new_review,
    unmapped_items,
    utc_now,
)
from readout_tui.core.session_files import (
    APP_NAME,
    CONFIG_DIR_ENV,
    DATA_DIR_ENV,
    SESSION_FORMAT,
    SESSION_VERSION,
    DocumentRef,
    SessionData,
    SessionError,
    SessionInfo,
    config_dir,
    data_dir,
    dump_session,
    list_sessions,
    move_aside,
    parse_session,
    read_head,
    read_session,
    resolve_session,
    session_files_in,
    session_key,
    sessions_dir,
)

__all__ = [
    "APP_NAME",
    "CONFIG_DIR_ENV",
    "DATA_DIR_ENV",
    "LOCK_TIMEOUT",
    "SESSION_FORMAT",
    "SESSION_VERSION",
    "DocumentRef",
    "LoadResult",
    "LoadStatus",
    "SaveResult",
    "SessionData",
    "SessionError",
    "SessionInfo",
    "SessionStore",
    "config_dir",
    "data_dir",
    "dump_session",
    "list_sessions",
    "move_aside",
    "parse_session",
    "read_session",
    "resolve_session",
    "session_key",
    "sessions_dir",
]

#: How long a save waits for another instance holding the lock (it only holds it to merge).
LOCK_TIMEOUT = 10.0

LoadStatus = Literal["new", "resumed", "remapped", "off"]


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What identifies one version of a file: an atomic replace always changes it."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _lock_for(path: Path) -> FileLock:
    # Locks live in the data dir, not beside an explicit --session file, so that the user's
    # folders do not collect stray .lock files; the name is derived from the absolute path.
    digest = content_hash(str(path.resolve()), size=12)
    lock_path = data_dir() / "locks" / f"{digest}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(lock_path, timeout=LOCK_TIMEOUT)


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What :meth:`SessionStore.load` found, for the app to show and keep."""

    review: Review
    status: LoadStatus
    path: Path | None
    unmapped: tuple[ReviewItem, ...] = ()
    warnings: tuple[str, ...] = ()
    #: The earlier session file the review was carried over from (documents changed).
    source: Path | None = None

    @property
    def message(self) -> str:
        """One line for the status bar, e.g. ``"Resumed review session (5 items)"``."""
        count = sum(not i.is_blank for i in self.review.items.values())
        if self.status == "off":
            return "Review session off: nothing will be kept"
        if self.status == "new":
            return "New review session"
        lead = "Resumed review session" if self.status == "resumed" else "Documents changed"
        text = f"{lead} ({count} items"
        if self.status == "remapped":
            text = f"{lead}: carried over review ({count} items"
        if self.unmapped:
            text += f", {len(self.unmapped)} no longer match a change"
        return text + ")"


@dataclass(frozen=True, slots=True)
class SaveResult:
    """The review as saved: yours merged with what other instances saved meanwhile."""

    review: Review
    saved: bool
    warnings: tuple[str, ...] = ()


class SessionStore:
    """Loads and saves the review session of one pair of documents.

    Build it with :meth:`for_pair`; then ``load(comparison)`` once, and ``save(review)`` after
    every change (the result carries the merged review to keep).
    """

    def __init__(
        self,
        path: Path | None,
        *,
        left: DocumentRef,
        right: DocumentRef,
        search_dir: Path | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.left = left
        self.right = right
        self.session = session_key(left.sha256, right.sha256)
        self.read_only = read_only
        self._search_dir = search_dir
        self._created: str | None = None
        # The file as this store last read or wrote it: while the file on disk still has
        # this stamp, nobody else wrote it, and a save merges with ``_last`` in memory
        # instead of re-reading and parsing the whole file.
        self._stamp: tuple[int, int, int] | None = None
        self._last: Review | None = None
        # save() may be called from worker threads; one save at a time per store.
        self._saving = threading.Lock()

    @classmethod
    def for_pair(
        cls,
        left: Document,
        right: Document,
        *,
        session_file: str | os.PathLike[str] | None = None,
        no_session: bool = False,
        directory: Path | None = None,
        read_only: bool = False,
    ) -> SessionStore:
        """The store for ``left``/``right``: ``--session FILE``, ``--no-session`` or the
        default file in ``directory`` (:func:`sessions_dir`). ``read_only`` never writes or
        moves anything (for exports)."""
        lref, rref = DocumentRef.of(left), DocumentRef.of(right)
        if no_session:
            return cls(None, left=lref, right=rref, read_only=True)
        if session_file is not None:
            if Path(session_file).is_dir():
                # Never "move aside" a folder the user named by mistake.
                raise InputError(f"{session_file}: is a directory, not a session file")
            return cls(Path(session_file), left=lref, right=rref, read_only=read_only)
        folder = directory or sessions_dir()
        path = folder / f"{session_key(left.sha256, right.sha256)}.json"
        return cls(path, left=lref, right=rref, search_dir=folder, read_only=read_only)

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def exists(self) -> bool:
        return self.path is not None and self.path.is_file()

    def _read_or_set_aside(self, path: Path, warnings: list[str]) -> SessionData | None:
        try:
            return read_session(path)
        except SessionError as exc:
            if self.read_only:
                warnings.append(f"ignoring session file: {exc}")
                return None
            try:
                moved = move_aside(path)
            except OSError as err:
                # Neither readable nor movable: never overwrite it; keep this run in memory.
                warnings.append(
                    f"{exc}; cannot move it aside ({err.strerror or err}): "
                    "this session will not be saved"
                )
                self.read_only = True
                return None
            warnings.append(f"{exc}; moved aside to {moved.name}, starting a new session")
            return None

    def _predecessor(self) -> tuple[Path, SessionData] | None:
        """The latest session of the same two files (by path) whose contents changed."""
        if self._search_dir is None or not (self.left.path and self.right.path):
            return None
        best: tuple[Path, str] | None = None
        for path in session_files_in(self._search_dir):
            head = read_head(path)
            if head is None or path == self.path:
                continue
            left, right, updated = head
            if (left.path, right.path) != (self.left.path, self.right.path):
                continue
            if best is None or updated > best[1]:
                best = (path, updated)
        if best is None:
            return None
        try:
            return best[0], read_session(best[0])
        except SessionError:
            return None

    def load(self, comparison: Comparison) -> LoadResult:
        """Find the pair's review: resume it, carry it over from an earlier version of the
        same files, or start a new one. Never raises for a bad file (see ``warnings``)."""
        known = all_targets(comparison)
        if self.path is None:
            return LoadResult(new_review(self.session), "off", None)
        warnings: list[str] = []
        data: SessionData | None = None
        source: Path | None = None
        if self.path.exists():
            stamp = _stamp(self.path)  # before reading: a later write must look newer
            data = self._read_or_set_aside(self.path, warnings)
            if data is not None:
                self._stamp, self._last = stamp, data.review
        if data is None:
            found = self._predecessor()
            if found is not None:
                source, data = found
        if data is None:
            return LoadResult(new_review(self.session), "new", self.path, (), tuple(warnings))
        self._created = data.created or None
        same = (data.left.sha256, data.right.sha256) == (self.left.sha256, self.right.sha256)
        status: LoadStatus = "resumed" if same and source is None else "remapped"
        review = Review(self.session if source else data.review.session, data.review.items)
        return LoadResult(
            review, status, self.path, unmapped_items(review, known), tuple(warnings), source
        )

    def save(self, review: Review) -> SaveResult:
        """Merge ``review`` with the file's current contents and write it atomically.

        Returns the merged review (it may hold notes another instance saved). Failures come
        back as warnings with ``saved=False``; the caller keeps its review and retries later.
        """
        if self.path is None or self.read_only:
            return SaveResult(review, False)
        warnings: list[str] = []
        try:
            with self._saving, _lock_for(self.path):
                merged = review
                stamp = _stamp(self.path)
                if stamp is not None and stamp == self._stamp and self._last is not None:
                    merged = merge_reviews(review, self._last)
                elif stamp is not None:
                    on_disk = self._read_or_set_aside(self.path, warnings)
                    if on_disk is not None:
                        merged = merge_reviews(review, on_disk.review)
                        self._created = self._created or on_disk.created or None
                if self.read_only:  # the file turned unreadable and could not be moved
                    return SaveResult(review, False, tuple(warnings))
                now = utc_now()
                self._created = self._created or now
                data = SessionData(merged, self.left, self.right, self._created, now)
                write_text_atomic(self.path, dump_session(data))
                self._stamp, self._last = _stamp(self.path), merged
        except Timeout:
            warnings.append(f"{self.path}: locked by another instance; not saved this time")
            return SaveResult(review, False, tuple(warnings))
        except OSError as exc:
            warnings.append(f"{self.path}: cannot save session ({exc.strerror or exc})")
            return SaveResult(review, False, tuple(warnings))
        return SaveResult(merged, True, tuple(warnings))
