"""Paragraph alignment: the seed pair against its gold, and each kind of structural change."""

from __future__ import annotations

from typing import Any

import pytest

from readout_tui.core.align import align_paragraphs
from readout_tui.core.compare import compare
from readout_tui.core.documents import document_from_text
from readout_tui.core.model import Comparison

P = [
    "China and Russia agreed to deepen strategic coordination on regional security issues.",
    "The ministers discussed vaccine production, pandemic prevention and joint research.",
    "Both sides pledged to expand trade in energy, agriculture and high technology.",
    "The foreign minister recalled the anniversary of the friendship treaty signed in 2001.",
    "They also exchanged views on the situation in Afghanistan and the Korean peninsula.",
]


def names(comparison: Comparison, gold: dict[str, Any], side: str) -> dict[int, set[str]]:
    doc = comparison.document(side)  # type: ignore[arg-type]
    return {
        p.index: {name for name, anchor in gold[side].items() if anchor in p.text}
        for p in doc.paragraphs
    }


def test_seed_pair_links_match_gold(sample_comparison: Comparison, gold: dict[str, Any]) -> None:
    ln, rn = names(sample_comparison, gold, "left"), names(sample_comparison, gold, "right")
    predicted = {
        (a, c)
        for b in sample_comparison.blocks
        if b.op not in ("delete", "insert", "boilerplate")
        for i in b.left
        for j in b.right
        for a in ln[i]
        for c in rn[j]
    }
    optional = {tuple(x) for x in gold["optional_links"]}
    assert predicted - optional == {tuple(x) for x in gold["links"]}


def test_seed_pair_deletions_and_boilerplate(
    sample_comparison: Comparison, gold: dict[str, Any]
) -> None:
    ln = names(sample_comparison, gold, "left")
    deleted = {
        name for b in sample_comparison.blocks if b.op == "delete" for i in b.left for name in ln[i]
    }
    assert deleted == set(gold["deleted_left"])
    boiler = [b for b in sample_comparison.blocks if b.op == "boilerplate"]
    assert len(boiler) == 1 and boiler[0].right == (0,)
    assert "$ 89.7" in sample_comparison.right.paragraphs[0].text
    split_l10 = [b for b in sample_comparison.blocks if b.op == "split" and 10 in b.left]
    assert split_l10 and split_l10[0].right == (7, 8)


def ops(left: list[str], right: list[str]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(k.op, k.left, k.right) for k in align_paragraphs(left, right)]


def test_identical_paragraphs_pair_in_order() -> None:
    assert ops(P, P) == [("pair", (i,), (i,)) for i in range(len(P))]


def test_omission_and_insertion() -> None:
    right = [P[0], P[2], "A completely new paragraph about weather and football results.", P[3]]
    assert ops(P[:4], right) == [
        ("pair", (0,), (0,)),
        ("delete", (1,), ()),
        ("pair", (2,), (1,)),
        ("insert", (), (2,)),
        ("pair", (3,), (3,)),
    ]


def test_split_one_left_paragraph_into_two() -> None:
    merged = P[1] + " " + P[2]
    result = ops([P[0], merged, P[3]], P[:4])
    assert ("split", (1,), (1, 2)) in result


def test_merge_two_left_paragraphs_into_one() -> None:
    merged = P[1] + " " + P[2]
    result = ops(P[:4], [P[0], merged, P[3]])
    assert ("merge", (1, 2), (1,)) in result


def test_move_is_reported_out_of_order() -> None:
    right = [P[3], P[0], P[1], P[2], P[4]]
    links = align_paragraphs(P, right)
    moved = [k for k in links if k.moved]
    assert len(moved) == 1 and moved[0].op == "move"
    assert (moved[0].left, moved[0].right) == ((3,), (0,))
    assert {k.left for k in links} >= {(0,), (1,), (2,), (3,), (4,)}


@pytest.mark.parametrize("n_left", [0, 1, 3])
def test_every_paragraph_in_exactly_one_block(n_left: int) -> None:
    left = P[:n_left]
    right = [P[4], P[0] + " Extra words here.", "Unrelated: the weather is sunny."]
    links = align_paragraphs(left, right)
    assert sorted(i for k in links for i in k.left) == list(range(n_left))
    assert sorted(j for k in links for j in k.right) == list(range(len(right)))


def test_identical_and_unrelated_documents_are_reported() -> None:
    doc = document_from_text("\n\n".join(P))
    same = compare(doc, doc)
    assert "identical" in same.notices[0]
    assert {b.op for b in same.blocks} == {"equal"}
    other = document_from_text("Cooking pasta needs salted water.\n\nBoil for ten minutes.")
    unrelated = compare(doc, other)
    assert unrelated.notices and "unrelated" in unrelated.notices[0]
    assert {b.op for b in unrelated.blocks} == {"delete", "insert"}


def test_boilerplate_takes_no_part_in_alignment() -> None:
    left = document_from_text("\n\n".join(P[:2]))
    right = document_from_text("$ 89.7\n€ 97.1\n\n" + "\n\n".join(P[:2]))
    blocks = compare(left, right).blocks
    assert blocks[0].op == "boilerplate" and blocks[0].left == () and blocks[0].right == (0,)
    assert [b.op for b in blocks[1:]] == ["equal", "equal"]


def test_texts_of_common_words_still_align() -> None:
    # Every content word is in hundreds of paragraphs, so the rare-word index finds nothing;
    # the band search around the diagonal must still pair the paragraphs.
    topics = ["trade", "energy", "health", "culture"]
    templates = [
        "The two sides agreed to strengthen cooperation in {}, he said.",
        "The minister said the two countries should deepen cooperation in {}.",
        "Both sides agreed to strengthen coordination on {} affairs, he said.",
    ]
    left = [templates[i % 3].format(topics[i % 4]) for i in range(1200)]
    right = [p.replace("strengthen", "boost") for k, p in enumerate(left) if k % 50 != 7]
    links = align_paragraphs(left, right)
    pairs = {(k.left[0], k.right[0]) for k in links if k.op == "pair"}
    kept = [k for k in range(len(left)) if k % 50 != 7]
    truth = {(i, j) for j, i in enumerate(kept)}
    assert len(pairs & truth) >= 0.95 * len(truth)
    assert len(pairs - truth) <= 0.02 * len(pairs)
