"""The English lexicon behind typo detection: words, frequencies, variants, the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_tui.core import lexicon_data
from readout_tui.core.lexicon import edit_bonus, lexicon


@pytest.mark.parametrize(
    "word", ["during", "colour", "color", "neighbour", "inkhorn", "multilateralism", "shorn"]
)
def test_english_words_are_in_the_dictionary(word: str) -> None:
    assert lexicon().in_dictionary(word)


@pytest.mark.parametrize("word", ["duting", "recieve", "goverment", "maxresdefault"])
def test_misspellings_are_not(word: str) -> None:
    assert not lexicon().in_dictionary(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("mandrakes", True),  # plural of a listed noun
        ("thunderings", True),
        ("goeth", True),  # Early Modern English
        ("lovedst", True),
        ("begining", False),  # the doubled form is the common one
        ("commited", False),
        ("chosed", False),  # a common verb's regular inflection would be counted if real
        ("wass", False),
        ("treees", False),
    ],
)
def test_inflections(word: str, expected: bool) -> None:
    assert lexicon().is_inflection(word) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("colour", "color", True),
        ("analyse", "analyze", True),
        ("civilisations", "civilizations", True),  # by rule: not in the table
        ("travelled", "traveled", True),
        ("grey", "gray", True),
        ("four", "for", False),
        ("tour", "tor", False),
        ("colour", "cooler", False),
    ],
)
def test_british_american_variants(a: str, b: str, expected: bool) -> None:
    assert lexicon().are_variants(a, b) is expected
    assert lexicon().are_variants(b, a) is expected


def test_candidates_include_transpositions_and_rank_typical_slips() -> None:
    lex = lexicon()
    assert ("during", 1) in lex.candidates("duting")
    assert ("their", 1) in lex.candidates("thier")  # transposition counts as one edit
    assert ("government", 1) in lex.candidates("goverment")
    assert edit_bonus("thier", "their") > edit_bonus("thier", "tier")


def test_frequencies_order_words() -> None:
    lex = lexicon()
    assert lex.zipf("the") > lex.zipf("during") > lex.zipf("watershed") > lex.zipf("duting")


def test_the_cache_round_trips_and_survives_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(lexicon_data.CACHE_DIR_ENV, str(tmp_path))
    path = lexicon_data.cache_path()
    assert path is not None and path.parent == tmp_path
    fresh = lexicon_data.load_word_lists()  # builds and writes the cache
    assert path.exists()
    cached = lexicon_data.load_word_lists()
    assert cached == fresh
    assert list(cached.centibels)[:50] == list(fresh.centibels)[:50]  # order kept
    path.write_bytes(b"not a marshal file")
    assert lexicon_data.load_word_lists() == fresh  # damaged: rebuilt from the packages


def test_an_unwritable_cache_folder_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(lexicon_data.CACHE_DIR_ENV, str(blocker / "cache"))
    assert lexicon_data.load_word_lists().curated["during"] > 0
