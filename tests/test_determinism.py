"""Exports are a pure function of the inputs: ids must not change between runs or machines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from readout_tui.samples import sample_paths


def _export(seed: str, left: str, right: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "readout_tui", "export", left, right],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        check=True,
        timeout=120,
    )
    return result.stdout


def test_export_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    # Many paragraphs sharing rare words exercise tie-breaking in candidate selection.
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
    left = [
        f"Item {i}: {words[i % 12]} {words[(i * 7) % 12]} and {words[(i * 5) % 12]}."
        for i in range(300)
    ]
    right = [p.replace("and", "with") for p in left[::-1][:250]]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(left))
    b.write_text("\n\n".join(right))
    assert _export("1", str(a), str(b)) == _export("2", str(a), str(b))
    sl, sr = (str(p) for p in sample_paths())
    assert _export("3", sl, sr) == _export("4", sl, sr)
