"""Commitments compared across versions: the sample pair against its gold, statuses on a pair
written for these tests, and invariants that hold for any pair."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_tui.core.commitments import (
    commitment_counts,
    compare_commitments,
    extract_commitments,
)
from readout_tui.core.compare import compare
from readout_tui.core.documents import document_from_text, load_document
from readout_tui.core.model import Block, Commitment, Comparison, Document

DATA = Path(__file__).parent / "data" / "commitments"


def _compared(left: Document, right: Document) -> tuple[Commitment, ...]:
    comparison = compare(left, right)
    return compare_commitments(left, right, comparison.blocks)


# --- The sample pair, scored the way ../shared/tools/score_export.py scores an export ---------


def _speaker_class(speaker: str) -> str:
    s = speaker.lower()
    if "wang" in s:
        return "Wang"
    if "lavrov" in s:
        return "Lavrov"
    return "both" if "both" in s else s


def _names(doc: Document, anchors: dict[str, str]) -> dict[int, set[str]]:
    return {p.index: {n for n, a in anchors.items() if a in p.text} for p in doc.paragraphs}


@pytest.fixture(scope="module")
def sample_commitments(sample_comparison: Comparison) -> tuple[Commitment, ...]:
    c = sample_comparison
    return compare_commitments(c.left, c.right, c.blocks)


def test_sample_pair_meets_the_gold(
    sample_comparison: Comparison, sample_commitments: tuple[Commitment, ...], gold: dict[str, Any]
) -> None:
    names = {
        "left": _names(sample_comparison.left, gold["left"]),
        "right": _names(sample_comparison.right, gold["right"]),
    }
    matched: set[str] = set()
    required = found = speaker_right = 0
    for g in gold["commitments"]:
        cands = [
            c
            for c in sample_commitments
            if c.side == g["side"]
            and g["para"] in names[g["side"]][c.paragraph]
            and g["anchor"].lower() in c.text.lower()
        ]
        matched.update(c.id for c in cands)
        if g["required"]:
            required += 1
            assert cands, f"not found: {g['anchor']!r}"
            found += 1
            speaker_right += any(_speaker_class(c.speaker) == g["speaker"] for c in cands)
    precision = len(matched) / len(sample_commitments)
    assert found / required == 1.0  # commit_recall
    assert precision >= 0.9  # commit_precision
    assert speaker_right == found  # speaker_acc = 1.0


def test_sample_pair_dropped_and_kept_statuses(
    sample_commitments: tuple[Commitment, ...], gold: dict[str, Any]
) -> None:
    status = gold["commitment_status"]
    for anchor in status["dropped_in_right"] + status["dropped_in_right_optional"]:
        cs = [
            c for c in sample_commitments if c.side == "left" and anchor.lower() in c.text.lower()
        ]
        assert cs and all(c.status == "dropped" for c in cs), anchor
    for anchor in status["kept"]:
        cs = [c for c in sample_commitments if anchor.lower() in c.text.lower()]
        assert cs and all(c.status not in ("dropped", "added") for c in cs), anchor
        assert {c.side for c in cs} == {"left", "right"}


def test_sample_pair_counts(sample_commitments: tuple[Commitment, ...]) -> None:
    counts = commitment_counts(sample_commitments)
    assert (counts.left, counts.right, counts.added) == (18, 13, 0)
    assert counts.dropped == 5


# --- A pair written for these tests: every status ----------------------------------------------

PAIR_STATUSES = [
    ("Japan is prepared to expand", "Japan is willing to expand", "softened"),
    ("the two countries must firmly oppose", "the two countries must oppose", "softened"),
    ("Australia stands ready to deepen", "Australia stands ready to deepen", "reattributed"),
    ("Japan hopes to hold", "Japan hopes to hold", "kept"),
    ("Japan and Australia will work", "Japan and Australia will work", "kept"),
    ("Australia will never waver", "Australia will never waver", "kept"),
    ("We will stand with Japan", "We will stand with Japan", "kept"),
    ("Australia is willing to explore", "Australia is fully willing to explore", "strengthened"),
    ("agreed to launch a joint study", "did not agree to launch a joint study", "changed"),
]


@pytest.fixture(scope="module")
def pair() -> tuple[Commitment, ...]:
    left = load_document(DATA / "japan_australia.txt")
    right = load_document(DATA / "japan_australia_rewrite.txt")
    return _compared(left, right)


@pytest.mark.parametrize(("left_anchor", "right_anchor", "status"), PAIR_STATUSES)
def test_pair_statuses_and_counterparts(
    pair: tuple[Commitment, ...], left_anchor: str, right_anchor: str, status: str
) -> None:
    (lc,) = [c for c in pair if c.side == "left" and left_anchor in c.text]
    (rc,) = [c for c in pair if c.side == "right" and right_anchor in c.text]
    assert (lc.status, rc.status) == (status, status)
    assert (lc.counterpart, rc.counterpart) == (rc.id, lc.id)


def test_pair_dropped_and_added(pair: tuple[Commitment, ...]) -> None:
    dropped = [c.text for c in pair if c.status == "dropped"]
    added = [c.text for c in pair if c.status == "added"]
    assert dropped == ["Australia would not accept coercion"]
    assert added == ["The two ministers also agreed to hold a two-plus-two meeting next year"]
    assert all(c.side == "left" for c in pair if c.status == "dropped")


def test_reattribution_names_the_new_speaker(pair: tuple[Commitment, ...]) -> None:
    (lc,) = [c for c in pair if c.side == "left" and c.status == "reattributed"]
    rc = next(c for c in pair if c.id == lc.counterpart)
    assert (lc.speaker, rc.speaker) == ("Penny Wong", "Yoko Kamikawa")


def test_a_deleted_paragraph_drops_its_commitments_even_when_a_similar_one_remains() -> None:
    cast = (
        "Talks\n\nCanadian Foreign Minister Melanie Joly met German Foreign Minister "
        "Annalena Baerbock.\n\n"
    )
    kept = "Canada will open a consulate in Munich, Joly said."
    left = document_from_text(cast + "Canada is ready to expand trade, Joly said.\n\n" + kept)
    right = document_from_text(cast + kept)
    found = _compared(left, right)
    assert [(c.side, c.status) for c in found] == [
        ("left", "dropped"),
        ("left", "kept"),
        ("right", "kept"),
    ]


# --- Invariants ---------------------------------------------------------------------------------

SENTENCES = [
    "{c1} is ready to expand trade with {c2}, {n1} said.",
    "{n2} said {c2} will never accept unilateral sanctions.",
    "The two sides agreed to hold talks in {city}.",
    "{c1} firmly supports the plan, and is willing to fund it, {n1} said.",
    "Noting that trade grew fast, {n2} said the two countries should cut tariffs.",
    "{c2} is very satisfied with the talks, he said.",
    "The two countries have conducted efficient coordination, {n1} added.",
    "{n1}, for his part, said {c1} hopes to join the initiative.",
    '{n2} said: "We will stand firm. {c2} may consider new steps."',
    "The meeting will be held in {city} on Feb. 4, the U.S. envoy said.",
]
NAMES = [("Japanese", "Japan", "Taro Aso"), ("Kenyan", "Kenya", "Amina Mohamed")]


@st.composite
def readouts(draw: st.DrawFn) -> str:
    order = draw(st.permutations(NAMES))
    (d1, c1, n1), (d2, c2, n2) = order
    head = f"Talks\n\n{d1} Foreign Minister {n1} met {d2} Foreign Minister {n2}.\n\n"
    picks = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8))
    paras: list[str] = []
    for s in picks:
        line = s.format(c1=c1, c2=c2, n1=n1.split()[1], n2=n2.split()[1], city="Nairobi")
        if paras and draw(st.booleans()):
            paras[-1] += " " + line
        else:
            paras.append(line)
    return head + "\n\n".join(paras)


def _identity_blocks(doc: Document) -> list[Block]:
    return [Block(f"b{i}", "equal", (i,), (i,), 1.0) for i in range(len(doc.paragraphs))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readouts())
def test_a_document_compared_with_itself_keeps_every_commitment(text: str) -> None:
    doc = document_from_text(text)
    found = compare_commitments(doc, doc, _identity_blocks(doc))
    single = extract_commitments(doc, "left")
    assert [c.id for c in found if c.side == "left"] == [c.id for c in single]
    assert all(c.status == "kept" for c in found)
    for c in found:
        assert doc.paragraphs[c.paragraph].text[c.start : c.end] == c.text
        assert 1 <= c.strength <= 5 and c.speaker


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readouts(), readouts())
def test_statuses_and_counterparts_are_consistent(a: str, b: str) -> None:
    left, right = document_from_text(a), document_from_text(b)
    n = min(len(left.paragraphs), len(right.paragraphs))
    blocks = [Block(f"b{i}", "edit", (i,), (i,), 0.5) for i in range(n)]
    found = compare_commitments(left, right, blocks)
    by_id = {c.id: c for c in found}
    assert len(by_id) == len(found)
    for c in found:
        doc = left if c.side == "left" else right
        assert doc.paragraphs[c.paragraph].text[c.start : c.end] == c.text
        if c.counterpart is None:
            assert c.status == ("dropped" if c.side == "left" else "added")
        else:
            other = by_id[c.counterpart]
            assert other.side != c.side and other.counterpart == c.id
            assert other.status == c.status not in ("dropped", "added")


def test_a_paragraph_with_hundreds_of_commitments_is_matched_in_order() -> None:
    cast = (
        "Talks\n\nChinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov.\n\n"
    )
    clauses = [f"China will open office No. {k}" for k in range(300)]
    left = document_from_text(cast + " and ".join(clauses) + ", Wang said.")
    right = document_from_text(cast + " and ".join(clauses[:150] + clauses[151:]) + ", Wang said.")
    blocks = [Block(f"b{i}", "edit", (i,), (i,), 0.9) for i in range(len(left.paragraphs))]
    found = compare_commitments(left, right, blocks)
    dropped = [c.text for c in found if c.status == "dropped"]
    assert dropped == ["China will open office No. 150"]
    assert sum(c.status == "kept" for c in found) == 2 * 299


def test_people_introduced_in_one_version_are_known_in_the_other() -> None:
    intro = (
        "Talks\n\nFrench Foreign Minister Catherine Colonna met Indian Foreign Minister "
        "S. Jaishankar.\n\n"
    )
    body = "France is ready to build more reactors in India, Colonna said."
    left = document_from_text(intro + body)
    right = document_from_text("Reactors\n\n" + body)
    assert extract_commitments(right, "right") == ()  # alone, "Colonna" is nobody known
    found = _compared(left, right)
    assert [(c.side, c.speaker, c.status) for c in found] == [
        ("left", "Catherine Colonna", "kept"),
        ("right", "Catherine Colonna", "kept"),
    ]
