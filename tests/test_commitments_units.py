"""The parts of commitment extraction: sentences, participants and aliases, cue lexicon."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readout_tui.core.commitments.participants import learn_cast
from readout_tui.core.commitments.sentences import sentence_spans


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "BEIJING, Feb. 4 (Xinhua) -- The two sides met. They agreed.",
            ["BEIJING, Feb. 4 (Xinhua) -- The two sides met.", "They agreed."],
        ),
        (
            "Mr. Li and Dr. Tan met Gen. Ko. It went well.",
            ["Mr. Li and Dr. Tan met Gen. Ko.", "It went well."],
        ),
        (
            "U.S. President Joe Biden spoke. He left.",
            ["U.S. President Joe Biden spoke.", "He left."],
        ),
        ("They met the U.S. The talks ended.", ["They met the U.S.", "The talks ended."]),
        ("Joseph R. Biden Jr. spoke.", ["Joseph R. Biden Jr. spoke."]),
        (
            '"We will act. We will not wait," she said. Then she left.',
            ['"We will act. We will not wait," she said.', "Then she left."],
        ),
        (
            "He said: “China is ready. Russia too.” The end.",
            ["He said: “China is ready. Russia too.”", "The end."],
        ),
        ('An unclosed "quote. Still splits.', ['An unclosed "quote.', "Still splits."]),
        ("Is it so? Yes! Fine.", ["Is it so?", "Yes!", "Fine."]),
        ("Trade grew 3.5 percent in No. 2 port.", ["Trade grew 3.5 percent in No. 2 port."]),
    ],
)
def test_sentence_cases(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


@given(st.text(alphabet=st.sampled_from(list('ab .!?"“” \nUSFeb.Mr')), max_size=80))
def test_sentences_cover_the_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        assert text[pos:s].strip() == ""
        assert text[s:e] == text[s:e].strip()
        pos = e
    assert text[pos:].strip() == ""


def _names(text: str, phrases: list[str]) -> list[str | None]:
    cast = learn_cast(text)
    out: list[str | None] = []
    for phrase in phrases:
        party = cast.resolve(phrase.split())
        out.append(party.name if party else None)
    return out


def test_aliases_learnt_from_titles() -> None:
    text = (
        "In a phone call between Chinese State Councilor and Foreign Minister Wang Yi and "
        "Russian Foreign Minister Sergei Lavrov, they talked."
    )
    phrases = [
        "Wang", "Wang Yi", "the Chinese State Councilor", "the Chinese foreign minister",
        "Chinese State Councilor", "Lavrov", "the Russian minister", "Russian Foreign Minister",
        "Foreign Minister Lavrov", "China and Russia", "Both China and Russia", "the two sides",
    ]  # fmt: skip
    assert _names(text, phrases) == ["Wang Yi"] * 5 + ["Sergei Lavrov"] * 4 + ["both sides"] * 3


def test_the_same_works_for_other_participants() -> None:
    text = (
        "Prime Minister Fumio Kishida of Japan met President Yoon Suk Yeol of South Korea. "
        "Minister for Foreign Affairs Penny Wong of Australia joined."
    )
    phrases = [
        "Kishida", "the Prime Minister", "the Japanese prime minister", "Prime Minister Kishida",
        "Yoon", "the President", "Wong", "the Australian foreign minister", "Japan and South Korea",
    ]  # fmt: skip
    assert _names(text, phrases) == [
        "Fumio Kishida", "Fumio Kishida", "Fumio Kishida", "Fumio Kishida",
        "Yoon Suk Yeol", "Yoon Suk Yeol", "Penny Wong", "Penny Wong", "both sides",
    ]  # fmt: skip


def test_an_alias_two_people_could_claim_is_dropped() -> None:
    text = "Chinese President Xi Jinping met Russian President Vladimir Putin."
    assert _names(text, ["the president", "the Chinese president", "Putin"]) == [
        None,
        "Xi Jinping",
        "Vladimir Putin",
    ]


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("the two heads of state", "both"),
        ("both countries", "both"),
        ("the two foreign ministers", "both"),
        ("two leaders echoed each other's positions", None),
        ("the United States", "country"),
        ("US", "country"),
        ("us", None),
        ("the Chinese side", "country"),
        ("the ministry", "institution"),
        ("he", "he"),
        ("the principle", None),
    ],
)
def test_phrase_kinds(phrase: str, kind: str | None) -> None:
    party = learn_cast("Nothing here.").resolve(phrase.split())
    assert (party.kind if party else None) == kind


def test_names_stop_at_possessives_and_weekdays() -> None:
    cast = learn_cast("King David's house. Foreign Minister Ana Lopez Thursday said so.")
    assert [p.name for p in cast.persons] == ["David", "Ana Lopez"]
