"""Golden files: every export format of the sample pair with a fixed review.

The files under ``tests/golden/`` are what a reader receives; a diff in them is a change a
user would see. They depend on the engine's output too, so after a deliberate engine or
writer change regenerate them and review the diff:

    READOUT_TUI_REGEN_GOLDEN=1 pytest tests/test_export_golden.py

Generator versions are pinned to ``0.0.0-golden`` so a release does not touch them, and the
review's timestamps are fixed.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import jsonschema
import pytest

import readout_tui
from readout_tui.core.export import SUFFIXES, WRITERS, json_export
from tests.review_support import fixed_review, sample_comparison

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("READOUT_TUI_REGEN_GOLDEN") == "1"
VERSION = "0.0.0-golden"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    comparison = sample_comparison()
    review = fixed_review(comparison)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(readout_tui, "__version__", VERSION)
        mp.setattr(json_export, "__version__", VERSION)
        return {fmt: writer(comparison, review) for fmt, writer in WRITERS.items()}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_export_matches_golden_file(fmt: str, outputs: dict[str, str]) -> None:
    path = GOLDEN / f"sample{SUFFIXES[fmt]}"
    text = outputs[fmt]
    if REGEN:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"missing {path}; run with READOUT_TUI_REGEN_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), text.splitlines(), "golden", "now", lineterm="", n=1
        )
        pytest.fail(
            f"{fmt} export differs from {path.name} (regenerate with READOUT_TUI_REGEN_GOLDEN=1 "
            "if the change is intended):\n" + "\n".join(list(diff)[:40])
        )


def test_golden_json_is_valid_and_carries_the_review(outputs: dict[str, str]) -> None:
    schema = json.loads(
        (Path(readout_tui.__file__).parent / "data/readout-diff-1.schema.json").read_text()
    )
    data = json.loads(outputs["json"])
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["review"]["session"] == "golden"
    assert any(i["note"] for i in data["review"]["items"])


def test_golden_outputs_are_deterministic(outputs: dict[str, str]) -> None:
    comparison = sample_comparison()
    review = fixed_review(comparison)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(readout_tui, "__version__", VERSION)
        mp.setattr(json_export, "__version__", VERSION)
        again = {fmt: writer(comparison, review) for fmt, writer in WRITERS.items()}
    assert again == outputs
