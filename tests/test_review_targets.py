"""Review progress counts exactly the changes that ] visits in the app."""

from __future__ import annotations

from readout_tui.core.model import Comparison
from readout_tui.core.review import change_targets
from readout_tui.ui.reader import Reader
from readout_tui.ui.review_book import change_ids
from tests.ui_fixtures import make_comparison


def test_progress_and_navigation_count_the_same_changes(sample_comparison: Comparison) -> None:
    for comparison in (sample_comparison, make_comparison()):
        assert sorted(change_ids(Reader(comparison))) == sorted(change_targets(comparison))


def test_sample_targets_include_structure_and_debris(sample_comparison: Comparison) -> None:
    targets = set(change_targets(sample_comparison))
    split = next(b for b in sample_comparison.blocks if b.op == "split")
    assert split.id in targets and {e.id for e in split.edits} <= targets
    typo = sample_comparison.typos[0]
    assert typo.id in targets  # "duting" sits inside a larger insertion, not an edit of its own
