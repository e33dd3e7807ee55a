"""Commitment extraction on readouts in several house styles, written for these tests.

Each readout lists every commitment it holds (anchor, speaker, holder, type, strength), so a
missed commitment, a wrong speaker and an extra one all fail. None of the texts is the sample
pair: the rules must work for any participants.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_tui.core.commitments import extract_commitments
from readout_tui.core.documents import document_from_text, load_document
from readout_tui.core.model import Commitment

DATA = Path(__file__).parent / "data" / "commitments"

# (anchor inside the clause, speaker, holder, type, strength)
Expected = tuple[str, str, "str | None", str, int]

READOUTS: dict[str, list[Expected]] = {
    # Foreign-ministry style: "Wang Yi said that ...", sentences continuing the speaker,
    # "He noted", "Lavrov, for his part, said", role aliases, negation.
    "mfa_wang_lavrov.txt": [
        ("China is ready to work with Russia", "Wang Yi", "China", "readiness", 4),
        ("the two sides should strengthen coordination", "Wang Yi", "the two sides", "proposal", 3),
        ("Russia firmly supports China's position", "Sergei Lavrov", "Russia", "support", 5),
        ("will continue to deepen practical cooperation", "Sergei Lavrov", "Russia", "pledge", 5),
        ("China opposes unilateral sanctions", "Wang Yi", "China", "opposition", 4),
        ("not willing to see the Ukraine crisis", "Wang Yi", "China", "opposition", 3),
        (
            "The two sides agreed to maintain close communication",
            "both sides",
            None,
            "agreement",
            4,
        ),
    ],
    # Government readout style: "The President reaffirmed ...", "The two leaders agreed to".
    "whitehouse_biden_kishida.txt": [
        (
            "the United States' ironclad commitment to the defense of Japan",
            "Joseph R. Biden Jr.",
            "United States",
            "pledge",
            5,
        ),
        (
            "The two leaders agreed to deepen cooperation",
            "both sides",
            "the two leaders",
            "agreement",
            4,
        ),
        ("Japan will host the next trilateral summit", "Fumio Kishida", "Japan", "pledge", 5),
        (
            "the United States will continue to support Ukraine",
            "Joseph R. Biden Jr.",
            "United States",
            "pledge",
            5,
        ),
    ],
    # A two-sided call with other names and countries; "said Wong", quotations, hedges.
    "japan_australia.txt": [
        (
            "Japan is prepared to expand defense cooperation",
            "Yoko Kamikawa",
            "Japan",
            "readiness",
            4,
        ),
        (
            "the two countries must firmly oppose",
            "Yoko Kamikawa",
            "the two countries",
            "proposal",
            5,
        ),
        (
            "Australia stands ready to deepen economic ties",
            "Penny Wong",
            "Australia",
            "readiness",
            4,
        ),
        ("Australia would not accept coercion", "Penny Wong", "Australia", "opposition", 4),
        (
            "Japan hopes to hold the next ministerial dialogue",
            "Yoko Kamikawa",
            "Japan",
            "readiness",
            2,
        ),
        (
            "Japan and Australia will work with the U.S.",
            "Yoko Kamikawa",
            "Japan and Australia",
            "pledge",
            5,
        ),
        ("Australia will never waver", "Penny Wong", "Australia", "pledge", 5),
        ("We will stand with Japan", "Penny Wong", None, "pledge", 5),
        (
            "Australia is willing to explore a visa waiver",
            "Penny Wong",
            "Australia",
            "readiness",
            2,
        ),
        (
            "The two ministers agreed to launch a joint study",
            "both sides",
            "the two ministers",
            "agreement",
            4,
        ),
    ],
    # Heads of state named in reported content never become the speaker.
    "qin_colonna.txt": [
        (
            "The two presidents agreed to resume flights",
            "Qin Gang",
            "the two presidents",
            "agreement",
            4,
        ),
        (
            "President Macron is ready to visit China again",
            "Qin Gang",
            "Emmanuel Macron",
            "readiness",
            4,
        ),
        ("France is willing to work with China", "Catherine Colonna", "France", "readiness", 3),
        (
            "the two countries should jointly support",
            "Catherine Colonna",
            "the two countries",
            "proposal",
            3,
        ),
    ],
}

# Phrases that are no commitments: past assessments, feelings, reported facts, discussion.
NOT_COMMITMENTS: dict[str, list[str]] = {
    "mfa_wang_lavrov.txt": ["attaches great importance", "is satisfied with", "has grown rapidly"],
    "whitehouse_biden_kishida.txt": ["also discussed", "is considering additional sanctions"],
    "japan_australia.txt": [
        "have built a strong partnership",
        "reached a record high",
        "were pleased",
    ],
    "qin_colonna.txt": ["held fruitful talks"],
}


def _commitments(name: str) -> tuple[Commitment, ...]:
    return extract_commitments(load_document(DATA / name), "left")


def _only(commitments: tuple[Commitment, ...], anchor: str) -> Commitment:
    hits = [c for c in commitments if anchor in c.text]
    assert len(hits) == 1, f"{anchor!r}: {[c.text for c in commitments]}"
    return hits[0]


@pytest.mark.parametrize(
    ("name", "expected"),
    [(name, e) for name, es in READOUTS.items() for e in es],
    ids=lambda v: v if isinstance(v, str) else v[0][:40],
)
def test_each_commitment_is_found_with_speaker_holder_type_and_strength(
    name: str, expected: Expected
) -> None:
    anchor, speaker, holder, kind, strength = expected
    c = _only(_commitments(name), anchor)
    assert (c.speaker, c.holder, c.type, c.strength) == (speaker, holder, kind, strength)


@pytest.mark.parametrize("name", sorted(READOUTS))
def test_nothing_else_is_a_commitment(name: str) -> None:
    found = _commitments(name)
    anchors = [e[0] for e in READOUTS[name]]
    extra = [c.text for c in found if not any(a in c.text for a in anchors)]
    assert extra == []
    assert len(found) == len(anchors)
    for phrase in NOT_COMMITMENTS[name]:
        assert not any(phrase in c.text for c in found), phrase


@pytest.mark.parametrize("name", sorted(READOUTS))
def test_records_are_consistent_with_their_paragraphs(name: str) -> None:
    doc = load_document(DATA / name)
    for side in ("left", "right"):
        found = extract_commitments(doc, side)
        ids = [c.id for c in found]
        assert len(set(ids)) == len(ids)
        for c in found:
            assert doc.paragraphs[c.paragraph].text[c.start : c.end] == c.text
            assert c.cue and c.cue in doc.paragraphs[c.paragraph].text
            assert c.status == ("kept" if side == "left" else "added")
            assert c.counterpart is None
            assert c.id.startswith("c-")


def _one(text: str) -> tuple[Commitment, ...]:
    return extract_commitments(document_from_text(text), "left")


CAST = (
    "Talks in Ottawa\n\nCanadian Foreign Minister Melanie Joly met German Foreign Minister "
    "Annalena Baerbock on Monday.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Canada is ready to help, Joly said.", "Melanie Joly"),
        ("Canada is ready to help, said Joly.", "Melanie Joly"),
        ("Joly said Canada is ready to help.", "Melanie Joly"),
        ("Joly said that Canada is ready to help.", "Melanie Joly"),
        ("For her part, Joly said Canada is ready to help.", "Melanie Joly"),
        ("Joly, for her part, said Canada is ready to help.", "Melanie Joly"),
        ("The Canadian minister said Canada is ready to help.", "Melanie Joly"),
        ("The Canadian foreign minister noted that Canada is ready to help.", "Melanie Joly"),
        ("Canada is ready to help, the German foreign minister said.", "Annalena Baerbock"),
        ("Noting Canada is ready to help, Baerbock said the talks went well.", "Annalena Baerbock"),
        ("Baerbock stressed that Canada is ready to help.", "Annalena Baerbock"),
        ("Canada and Germany said Canada is ready to help.", "both sides"),
    ],
)
def test_frames_and_aliases_attribute_the_speaker(sentence: str, speaker: str) -> None:
    (c,) = _one(CAST + sentence)
    assert (c.speaker, c.holder, c.type) == (speaker, "Canada", "readiness")


def test_he_said_refers_to_the_last_speaker_not_the_last_person_named() -> None:
    text = CAST + (
        "German Chancellor Olaf Scholz and Canadian Prime Minister Justin Trudeau met in "
        "Berlin last month, Joly said.\n\nThe two leaders agreed to expand energy trade, he "
        "said.\n\nChancellor Scholz is ready to visit Ottawa, she said."
    )
    found = _one(text)
    assert [(c.speaker, c.holder) for c in found] == [
        ("Melanie Joly", "the two leaders"),
        ("Melanie Joly", "Olaf Scholz"),
    ]


def test_he_said_without_a_recent_speaker_attributes_nothing() -> None:
    text = CAST + "Joly spoke first.\n\n" + "\n\n".join(["The weather was mild."] * 4)
    assert _one(text + "\n\nCanada is ready to help, she said.") == ()


def test_the_narrator_s_two_sides_belong_to_both_sides() -> None:
    found = _one(
        CAST + "The two sides pledged to deepen cooperation. Both sides agreed to meet again."
    )
    assert [(c.speaker, c.holder, c.type) for c in found] == [
        ("both sides", None, "pledge"),
        ("both sides", None, "agreement"),
    ]


@pytest.mark.parametrize(
    ("clause", "kind", "strength"),
    [
        ("Canada will support the plan", "pledge", 5),
        ("Canada pledged to support the plan", "pledge", 5),
        ("Canada is ready to support the plan", "readiness", 4),
        ("Canada agreed to support the plan", "agreement", 4),
        ("Canada is willing to support the plan", "readiness", 3),
        ("Canada hopes to support the plan", "readiness", 2),
        ("Canada firmly supports the plan", "support", 5),
        ("Canada supports the plan", "support", 4),
        ("Canada is willing to firmly support the plan", "readiness", 4),
        ("Canada is willing to gradually explore the plan", "readiness", 2),
        ("Canada is not willing to support the plan", "opposition", 3),
        ("Canada does not support the plan", "opposition", 4),
        ("Canada will not accept the plan", "opposition", 5),
        ("Canada will never abandon the plan", "pledge", 5),
        ("Canada opposes the plan", "opposition", 4),
        ("Canada plans to present the plan", "plan", 3),
        ("the two sides should present the plan", "proposal", 3),
        ("the two sides must present the plan", "proposal", 4),
        ("the plan should be upheld", "position", 3),
        ("the meeting will be held in Ottawa", "plan", 4),
    ],
)
def test_type_strength_and_negation(clause: str, kind: str, strength: int) -> None:
    (c,) = _one(CAST + clause + ", Joly said.")
    assert (c.type, c.strength) == (kind, strength)
    assert c.text == clause


@pytest.mark.parametrize(
    "clause",
    [
        "The two countries have conducted efficient coordination",
        "Canada is very satisfied with the talks",
        "Canada supported the plan last year",
        "trade between the two countries reached a record high",
        "the situation will remain complex",
        "Canada attaches great importance to the plan",
        "it is important to note the progress",
    ],
)
def test_assessments_feelings_facts_and_predictions_are_not_commitments(clause: str) -> None:
    assert _one(CAST + clause + ", Joly said.") == ()


def test_negation_is_recorded_in_the_cue() -> None:
    (c,) = _one(CAST + "Canada will not accept the plan, Joly said.")
    assert c.cue == "will not"


def test_abbreviations_do_not_split_the_sentence_that_carries_the_frame() -> None:
    text = CAST + "On Feb. 4, Canada agreed to work with the U.S. on the plan, Mr. Joly said."
    (c,) = _one(text)
    assert c.speaker == "Melanie Joly"
    assert c.text == "Canada agreed to work with the U.S. on the plan"


def test_ids_are_stable_and_survive_edits_elsewhere() -> None:
    base = (
        CAST + "Canada is ready to help, Joly said.\n\nGermany will host the summit, Baerbock said."
    )
    first = _one(base)
    assert first == _one(base)
    edited = _one(base.replace("host the summit", "host the next summit") + "\n\nAn added line.")
    assert edited[0].id == first[0].id
    assert edited[1].id != first[1].id


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to Joly, Canada will open a consulate.", [("Melanie Joly", "Canada")]),
        ("Canada will open a consulate, according to Joly.", [("Melanie Joly", "Canada")]),
        ("According to the ministry, Canada will open a consulate.", [("the ministry", "Canada")]),
        ("Ottawa is ready to help, Joly said.", [("Melanie Joly", "Canada")]),
        # A past verb after a present one is the speaker's own act, not the reported subject's.
        (
            "Joly said Canada opposes the plan, and urged Berlin to reconsider.",
            [("Melanie Joly", "Canada"), ("Melanie Joly", None)],
        ),
        # A possessor holds its noun, not the next clause.
        (
            "Joly underscored Canada's support for the plan and urged Berlin to join.",
            [("Melanie Joly", "Canada"), ("Melanie Joly", None)],
        ),
        (
            "Joly said Canada supports the plan and is ready to fund it.",
            [("Melanie Joly", "Canada"), ("Melanie Joly", "Canada")],
        ),
    ],
)
def test_more_frames_and_holders(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(c.speaker, c.holder) for c in _one(CAST + sentence)] == expected
