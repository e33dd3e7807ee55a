"""User settings file: defaults when absent, round trip, bad files set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_tui.core.sessions import CONFIG_DIR_ENV
from readout_tui.core.settings import load_settings, save_settings, settings_path


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    return tmp_path / "config"


def test_settings_default_to_empty_and_round_trip(config: Path) -> None:
    assert load_settings() == ({}, ())
    save_settings({"theme": "dark", "dim_normalisation": True})
    assert settings_path().parent == config
    assert load_settings() == ({"dim_normalisation": True, "theme": "dark"}, ())


@pytest.mark.parametrize("content", ["{oops", "[1, 2]", '"text"'])
def test_bad_settings_are_moved_aside_with_a_warning(config: Path, content: str) -> None:
    config.mkdir()
    settings_path().write_text(content, encoding="utf-8")
    settings, warnings = load_settings()
    assert settings == {} and "moved aside" in warnings[0]
    assert [p.read_text(encoding="utf-8") for p in config.glob("settings.json.corrupt-*")] == [
        content
    ]
