"""User settings: one small JSON object in the user config dir, read and written safely.

``$READOUT_TUI_CONFIG_DIR`` overrides the folder (tests point it at a temporary dir). Like
sessions, a damaged settings file never stops the app: it is moved aside with a warning and
the defaults apply; writes are atomic.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from readout_tui.core.atomic import write_text_atomic
from readout_tui.core.session_files import config_dir, move_aside

SETTINGS_NAME = "settings.json"


def settings_path() -> Path:
    return config_dir() / SETTINGS_NAME


def load_settings(path: Path | None = None) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The saved settings (``{}`` when there are none) and any warnings about the file."""
    target = path or settings_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, ()
    except (OSError, UnicodeDecodeError) as exc:
        return {}, (f"{target}: cannot read settings ({exc}); using defaults",)
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        try:
            moved = move_aside(target)
        except OSError:
            return {}, (f"{target}: bad settings ({exc}); using defaults",)
        return {}, (f"{target}: bad settings ({exc}); moved aside to {moved.name}",)
    return data, ()


def save_settings(settings: Mapping[str, Any], path: Path | None = None) -> None:
    """Write ``settings`` (JSON-ready values) atomically; raises ``OSError`` on failure."""
    text = json.dumps(dict(settings), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_text_atomic(path or settings_path(), text)
