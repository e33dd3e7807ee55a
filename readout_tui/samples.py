"""The bundled sample pair: Xinhua's English readout of a Wang Yi–Lavrov call (left) and a
scraped, rewritten republication of it (right).

In a wheel the files sit in ``readout_tui/sample_data`` (copied there at build time); in a
source checkout they are the top-level ``sample_data/`` folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

LEFT_NAME = "xinhua-2021-02-04-wang-yi-lavrov.txt"
RIGHT_NAME = "republication-wang-yi-lavrov.txt"


def sample_dir() -> Path:
    """The folder holding the sample pair, wherever this install keeps it."""
    packaged = Path(str(files("readout_tui"))) / "sample_data"
    if (packaged / LEFT_NAME).is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "sample_data"


def sample_paths() -> tuple[Path, Path]:
    folder = sample_dir()
    return folder / LEFT_NAME, folder / RIGHT_NAME
