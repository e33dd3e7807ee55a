"""Session files: where they live, their JSON format, listing and naming them.

One file per pair of documents under ``<user data dir>/sessions/`` (``READOUT_TUI_DATA_DIR``
overrides the data dir), named after both documents' content hashes. The format carries a
``format`` and a ``version`` key; metadata comes first and items one per line, so a file can
be recognised from its opening bytes and diffs of it stay readable. Loading and saving a
session (locking, merging, re-mapping) is :mod:`readout_tui.core.sessions`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from readout_tui.core.errors import InputError
from readout_tui.core.model import Document
from readout_tui.core.review import Review, ReviewItem, new_review

APP_NAME = "readout-tui"
SESSION_FORMAT = "readout-tui-session"
SESSION_VERSION = 1
DATA_DIR_ENV = "READOUT_TUI_DATA_DIR"
CONFIG_DIR_ENV = "READOUT_TUI_CONFIG_DIR"


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
    stored = data.review.items
    # Sorting the ids alone: sorting (id, item) pairs compares tuples, several times slower
    # on a review of a hundred thousand items.
    items = [json.dumps(stored[key].to_dict(), ensure_ascii=False) for key in sorted(stored)]
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


def read_head(path: Path) -> tuple[DocumentRef, DocumentRef, str] | None:
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


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """One file in the sessions folder: its parsed data, or why it could not be read."""

    path: Path
    data: SessionData | None
    error: str | None = None


def session_files_in(directory: Path) -> Iterator[Path]:
    if directory.is_dir():
        yield from sorted(p for p in directory.glob("*.json") if p.is_file())


def list_sessions(directory: Path | None = None) -> list[SessionInfo]:
    """Every session file in ``directory`` (default :func:`sessions_dir`), newest first;
    unreadable ones are listed with their error, never raised."""
    out: list[SessionInfo] = []
    for path in session_files_in(directory or sessions_dir()):
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
    matches = [p for p in session_files_in(folder) if p.stem.startswith(ref)] if ref else []
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SessionError(f"no session matches {ref!r} (see 'readout-tui sessions list')")
    raise SessionError(f"{ref!r} matches {len(matches)} sessions; give more of the name")
