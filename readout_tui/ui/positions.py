"""Where the reader stood in each review session, so that reopening a pair resumes there.

One small JSON file in the data dir (beside the sessions folder) maps a session file's path
to the review target (change or block id) the cursor was on at quit; ids are stable, so the
spot is found again even after the documents changed, as long as it still exists. Only the
most recent entries are kept. Nothing here ever raises: a lost position is a small loss.
"""

from __future__ import annotations

import json
from pathlib import Path

from readout_tui.core.atomic import write_text_atomic
from readout_tui.core.review import utc_now
from readout_tui.core.session_files import data_dir

POSITIONS_NAME = "positions.json"
#: Entries kept, newest first.
LIMIT = 200


def positions_path() -> Path:
    return data_dir() / POSITIONS_NAME


def _read(path: Path) -> dict[str, dict[str, str]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    entries = raw.get("positions") if isinstance(raw, dict) else None
    if not isinstance(entries, dict):
        return {}
    return {
        key: value
        for key, value in entries.items()
        if isinstance(value, dict)
        and isinstance(value.get("target"), str)
        and isinstance(value.get("updated", ""), str)
    }


def load_position(session: Path, *, path: Path | None = None) -> str | None:
    """The target the reader was on in ``session`` (a session file), if known."""
    entry = _read(path or positions_path()).get(str(session.resolve()))
    return entry["target"] if entry else None


def save_position(session: Path, target: str, *, path: Path | None = None) -> bool:
    """Remember ``target`` for ``session``; False when the file could not be written."""
    where = path or positions_path()
    entries = _read(where)
    entries[str(session.resolve())] = {"target": target, "updated": utc_now()}
    newest = sorted(entries.items(), key=lambda kv: kv[1].get("updated", ""), reverse=True)
    data = {"version": 1, "positions": dict(newest[:LIMIT])}
    try:
        write_text_atomic(where, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except OSError:
        return False
    return True
