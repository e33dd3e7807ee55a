"""SVG snapshots of the main screen (pytest-textual-snapshot); see tests/__snapshots__/.

Update after an intended change of the look with ``pytest tests/test_ui_snapshots.py
--snapshot-update`` and review the new SVGs.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from readout_tui.ui.app import ReadoutApp
from tests.ui_fixtures import make_comparison

Snap = Callable[..., bool]


@pytest.mark.parametrize(
    ("size", "press"),
    [
        ((120, 40), []),
        ((80, 24), []),
        ((120, 40), ["]"] * 8),  # the typo, with its suggestion, is the current change
        ((80, 24), ["]"] * 8),
        ((120, 40), ["u", "]", "]", "]", "]"]),  # inline redline view
        # Reviewed: the date accepted, its paraphrase flagged, the modality rejected with a
        # note, the omitted run accepted; the cursor back at the top.
        ((120, 40), [*"]]]]]a]x]r", "c", *"Softer", "ctrl+s", *"]]]]]a", "g"]),
    ],
    ids=["120x40", "80x24", "120x40-typo", "80x24-typo", "120x40-inline", "120x40-review"],
)
def test_main_screen(snap_compare: Snap, size: tuple[int, int], press: list[str]) -> None:
    assert snap_compare(ReadoutApp(comparison=make_comparison()), terminal_size=size, press=press)


def test_help_screen(snap_compare: Snap) -> None:
    app = ReadoutApp(comparison=make_comparison())
    assert snap_compare(app, terminal_size=(120, 50), press=["question_mark"])


def test_note_editor(snap_compare: Snap) -> None:
    app = ReadoutApp(comparison=make_comparison())
    keys = [*"]]]]]", "c", *"Was the date", "enter", *"changed on purpose?"]
    assert snap_compare(app, terminal_size=(100, 30), press=keys)
