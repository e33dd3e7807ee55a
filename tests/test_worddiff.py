"""Word-level edits: lossless, snapped to words, cut at paragraph boundaries, classified."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_tui.core.classify import classify_edit, follows_month
from readout_tui.core.model import Paragraph
from readout_tui.core.worddiff import apply_edits, diff_paragraphs


def paras(*texts: str) -> list[Paragraph]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Paragraph(i, t, pos, pos + len(t)))
        pos += len(t) + 2
    return out


words = st.sampled_from(
    ["China", "Russia", "will", "may", "firmly", "support", "the", "said", "Wang", "2021"]
)
separators = st.sampled_from([" ", "  ", ", ", ". ", "\n", " “", "” ", "-", "’"])
prose = st.lists(st.tuples(words, separators), max_size=25).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_edits_reproduce_right_from_left_for_any_text(a: str, b: str) -> None:
    left, right = paras(a), paras(b)
    diff = diff_paragraphs(left, right)
    assert apply_edits(left, diff.edits) == b
    for e in diff.edits:
        assert a[e.left.start : e.left.end] == e.left.text
        assert b[e.right.start : e.right.end] == e.right.text


@settings(max_examples=200, deadline=None)
@given(st.lists(prose, min_size=1, max_size=3), st.lists(prose, min_size=1, max_size=3))
def test_multi_paragraph_blocks_are_lossless(a: list[str], b: list[str]) -> None:
    left, right = paras(*a), paras(*b)
    diff = diff_paragraphs(left, right)
    assert apply_edits(left, diff.edits) == "".join(b)
    for e in diff.edits:
        assert left[e.left.paragraph].text[e.left.start : e.left.end] == e.left.text
        assert right[e.right.paragraph].text[e.right.start : e.right.end] == e.right.text


@settings(max_examples=200, deadline=None)
@given(prose, prose)
def test_edits_start_and_end_on_word_boundaries(a: str, b: str) -> None:
    for e in diff_paragraphs(paras(a), paras(b)).edits:
        for span, text in ((e.left, a), (e.right, b)):
            if span.start > 0 and span.start < len(text):
                assert not (text[span.start - 1].isalnum() and text[span.start].isalnum())
            if 0 < span.end < len(text):
                assert not (text[span.end - 1].isalnum() and text[span.end].isalnum())


def test_changes_separated_by_a_space_are_one_edit() -> None:
    diff = diff_paragraphs(
        paras("China and Russia said Thursday that"), paras("China and Russia agreed that")
    )
    assert [(e.op, e.left.text, e.right.text) for e in diff.edits] == [
        ("replace", "said Thursday", "agreed")
    ]


def test_split_block_edits_stay_inside_paragraphs() -> None:
    left = paras("Wang met Lavrov. Both sides pledged to preserve stability.")
    right = paras("Wang met Lavrov.", "Two sides pledged to preserve stability.")
    diff = diff_paragraphs(left, right)
    assert {e.right.paragraph for e in diff.edits} <= {0, 1}
    assert apply_edits(left, diff.edits) == "".join(p.text for p in right)
    # The space before "Both" went with the paragraph break, so it is part of the edit.
    assert ("Both", "Two") in {(e.left.text.strip(), e.right.text) for e in diff.edits}


def test_similarity_bounds() -> None:
    same = diff_paragraphs(paras("identical text"), paras("identical text"))
    assert same.similarity == 1.0 and not same.edits
    other = diff_paragraphs(paras("abc def"), paras("xyz uvw"))
    assert other.similarity < 0.5


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("“yes”", '"yes"', "whitespace"),
        ("a  b", "a b", "whitespace"),
        ("—", "-", "whitespace"),
        ("China", "china", "case"),
        (",", ";", "punctuation"),
        ("relations,", "relations", "punctuation"),
        ("Lavrov", "Sergei Lavrov", "name"),
        ("Wang", "Wang Yi", "name"),
        ("Thursday", "Oct 27", "date"),
        ("2021", "2022", "date"),
        ("12 percent", "15 percent", "number"),
        ("89.7", "90.1", "number"),
        ("will", "may", "modality"),
        ("firmly supports", "supports", "modality"),
        ("is ready to", "is willing to", "modality"),
        ("pointing out the direction", "showing the way", "paraphrase"),
        ("said Thursday", "agreed", "paraphrase"),
    ],
)
def test_edit_kinds(old: str, new: str, kind: str) -> None:
    assert classify_edit(old, new) == kind


def test_day_after_a_month_name_is_a_date() -> None:
    diff = diff_paragraphs(paras("BEIJING, Feb. 4 (Xinhua)"), paras("BEIJING, Feb. 5 (Xinhua)"))
    (edit,) = diff.edits
    before = "BEIJING, Feb. 4 (Xinhua)"[: edit.left.start]
    assert (
        classify_edit(edit.left.text, edit.right.text, after_month=follows_month(before)) == "date"
    )
    assert classify_edit("4", "5") == "number"


def test_word_pair_hook_marks_typos() -> None:
    def hook(a: str, b: str) -> tuple[str, str | None] | None:
        return ("typo", "during") if {a, b} == {"during", "duting"} else None

    assert classify_edit("during", "duting", word_pair=hook) == "typo"  # type: ignore[arg-type]
    assert classify_edit("before", "after", word_pair=hook) == "paraphrase"  # type: ignore[arg-type]
