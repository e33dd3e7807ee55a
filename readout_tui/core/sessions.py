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

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import platformdirs
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

APP_NAME = "readout-tui"
SESSION_FORMAT = "readout-tui-session"
SESSION_VERSION = 1
DATA_DIR_ENV = "READOUT_TUI_DATA_DIR"
CONFIG_DIR_ENV = "READOUT_TUI_CONFIG_DIR"
#: How long a save waits for another instance holding the lock (it only holds it to merge).
LOCK_TIMEOUT = 10.0

LoadStatus = Literal["new", "resumed", "remapped", "off"]


class SessionError(InputError):
    """A session file that cannot be read or used (one line, for the user)."""


def data_dir() -> Path:
    """Where readout-tui keeps data: ``$READOUT_TUI_DATA_DIR`` or platformdirs' user data dir."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else platformdirs.user_data_path(APP_NAME)


def config_dir() -> Path:
    """Where settings live: ``$READOUT_TUI_CONFIG_DIR`` or platformdirs' user config dir."""
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else platformdirs.user_config_path(APP_NAME)


def sessions_dir() -> Path:
    return data_dir() / "sessions"


def session_key(left_sha256: str, right_sha256: str) -> str:
    """The session name of a pair: both content hashes, shortened (64 bits each is plenty).

    >>> session_key("ab" * 32, "cd" * 32)
    'abababababababab-cdcdcdcdcdcdcdcd'
    """
    return f"{left_sha256[:16]}-{right_sha256[:16]}"


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """What a session records about one document: enough to recognise and reload it."""

    sha256: str
    name: str
    path: str | None

    @classmethod
    def of(cls, doc: Document) -> DocumentRef:
        path = str(Path(doc.path).resolve()) if doc.path else None
        return cls(doc.sha256, doc.name, path)

    def to_dict(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "name": self.name, "path": self.path}


@dataclass(frozen=True, slots=True)
class SessionData:
    """The parsed contents of a session file."""

    review: Review
    left: DocumentRef
    right: DocumentRef
    created: str
    updated: str


def dump_session(data: SessionData) -> str:
    """The file text: readable metadata, then one item per line (compact and diff-friendly,
    and several times faster to write than an indented dump for large sessions)."""
    meta = {
        "format": SESSION_FORMAT,
        "version": SESSION_VERSION,
        "session": data.review.session,
        "documents": {"left": data.left.to_dict(), "right": data.right.to_dict()},
        "created": data.created,
        "updated": data.updated,
        "items": None,
    }
    head = json.dumps(meta, ensure_ascii=False, indent=1)
    head = head[: head.rindex("null")]
    items = [
        json.dumps(item.to_dict(), ensure_ascii=False)
        for _, item in sorted(data.review.items.items())
    ]
    body = "[\n  " + ",\n  ".join(items) + "\n ]" if items else "[]"
    return head + body + "\n}\n"


def _ref(raw: Any) -> DocumentRef:
    if not isinstance(raw, dict):
        raise ValueError("document entry is not an object")
    sha, name, path = raw.get("sha256"), raw.get("name", ""), raw.get("path")
    if not isinstance(sha, str) or not isinstance(name, str):
        raise ValueError("document entry without sha256/name")
    if path is not None and not isinstance(path, str):
        raise ValueError("document path is not text")
    return DocumentRef(sha, name, path)


def parse_session(text: str) -> SessionData:
    """Parse a session file's text, raising ``ValueError`` with the reason when it is bad."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(raw, dict) or raw.get("format") != SESSION_FORMAT:
        raise ValueError("not a readout-tui session file")
    version = raw.get("version")
    if version != SESSION_VERSION:
        raise ValueError(f"unsupported session version {version!r} (this program reads 1)")
    docs, items = raw.get("documents"), raw.get("items")
    session = raw.get("session")
    if not isinstance(docs, dict) or not isinstance(items, list) or not isinstance(session, str):
        raise ValueError("session file is missing documents, items or session")
    review = new_review(session, (ReviewItem.from_dict(i) for i in items if _is_obj(i)))
    if len(review.items) != len(items):
        raise ValueError("session file has malformed items")
    created, updated = raw.get("created", ""), raw.get("updated", "")
    return SessionData(review, _ref(docs.get("left")), _ref(docs.get("right")), created, updated)


def _is_obj(value: Any) -> bool:
    return isinstance(value, dict)


def read_session(path: Path) -> SessionData:
    """Read one session file; raise :class:`SessionError` (one line) when it is unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SessionError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise SessionError(f"{path}: not a session file (not UTF-8 text)") from None
    try:
        return parse_session(text)
    except ValueError as exc:
        raise SessionError(f"{path}: {exc}") from None


def _read_head(path: Path) -> tuple[DocumentRef, DocumentRef, str] | None:
    """A session's documents and time without parsing its items: files this module writes
    put the metadata first, so the opening few kilobytes are enough (others: full parse)."""
    try:
        with path.open(encoding="utf-8") as fh:
            head = fh.read(16384)
        cut = head.find('\n "items": ')
        raw = json.loads(head[:cut].rstrip().rstrip(",") + "}") if cut > 0 else None
        if not isinstance(raw, dict):
            data = read_session(path)
            return data.left, data.right, data.updated
        docs = raw.get("documents") or {}
        return _ref(docs.get("left")), _ref(docs.get("right")), str(raw.get("updated", ""))
    except (OSError, UnicodeDecodeError, ValueError, SessionError, AttributeError):
        return None


def move_aside(path: Path) -> Path:
    """Rename a bad session file out of the way (``NAME.corrupt-STAMP``) and return the new
    path; the data stays on disk for the user to inspect."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.replace(target)
    return target


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
        for path in _session_files(self._search_dir):
            head = _read_head(path)
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
            with _lock_for(self.path):
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


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """One file in the sessions folder: its parsed data, or why it could not be read."""

    path: Path
    data: SessionData | None
    error: str | None = None


def _session_files(directory: Path) -> Iterator[Path]:
    if directory.is_dir():
        yield from sorted(p for p in directory.glob("*.json") if p.is_file())


def list_sessions(directory: Path | None = None) -> list[SessionInfo]:
    """Every session file in ``directory`` (default :func:`sessions_dir`), newest first;
    unreadable ones are listed with their error, never raised."""
    out: list[SessionInfo] = []
    for path in _session_files(directory or sessions_dir()):
        try:
            out.append(SessionInfo(path, read_session(path)))
        except SessionError as exc:
            out.append(SessionInfo(path, None, str(exc)))
    out.sort(key=lambda i: i.data.updated if i.data else "", reverse=True)
    return out


def resolve_session(ref: str, directory: Path | None = None) -> Path:
    """A session file named by ``ref``: a path to a file, or a unique prefix of a session
    name in ``directory``. Raises :class:`SessionError` when none or several match."""
    candidate = Path(ref)
    if candidate.is_file():
        return candidate
    folder = directory or sessions_dir()
    matches = [p for p in _session_files(folder) if p.stem.startswith(ref)] if ref else []
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SessionError(f"no session matches {ref!r} (see 'readout-tui sessions list')")
    raise SessionError(f"{ref!r} matches {len(matches)} sessions; give more of the name")
