"""Shared fixtures: the bundled sample pair, its gold file, and isolated state folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from readout_tui.core.compare import compare
from readout_tui.core.documents import load_document
from readout_tui.core.model import Comparison, Document
from readout_tui.samples import sample_paths

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sessions, settings and caches never touch the real user folders during tests."""
    base = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("READOUT_TUI_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("READOUT_TUI_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("READOUT_TUI_CACHE_DIR", str(base / "cache"))


@pytest.fixture(scope="session")
def sample_docs() -> tuple[Document, Document]:
    left, right = sample_paths()
    return load_document(left), load_document(right)


@pytest.fixture(scope="session")
def sample_comparison(sample_docs: tuple[Document, Document]) -> Comparison:
    return compare(*sample_docs)


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "seed_gold.json").read_text(encoding="utf-8"))
    return data
