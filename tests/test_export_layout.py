"""The layout shared by the exporters: marked runs, redlines, footnotes, commitment pairs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readout_tui.core.export.layout import (
    Mark,
    commitment_pairs,
    footnotes,
    redline,
    runs,
)
from readout_tui.core.model import Commitment
from readout_tui.core.review import ReviewItem, new_review
from tests.review_support import FIXED_TIME, simple_comparison


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet="ab c", max_size=30))
    marks = []
    for n in range(draw(st.integers(0, 4))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        marks.append(Mark(a, b, "typo", f"m{n}"))
    return text, marks


@given(text_and_marks())
def test_runs_cover_the_text_and_each_mark_exactly(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    pieces = runs(text, marks)
    assert "".join(r.text for r in pieces) == text
    at = 0
    for r in pieces:
        for m in marks:
            inside = m.start <= at and at + len(r.text) <= m.end and m.start < m.end
            assert (m in r.marks) == (inside and bool(r.text))
        at += len(r.text)
    for m in marks:
        if m.start < m.end:
            assert sum(m in r.starts for r in pieces) == 1
            assert sum(m in r.ends for r in pieces) == 1


_para = st.text(alphabet="ab cd.", min_size=1, max_size=25).filter(lambda s: s.strip())


@given(st.lists(_para, min_size=1, max_size=4), st.lists(_para, min_size=1, max_size=4))
def test_redline_accepted_gives_the_right_rejected_gives_the_left(
    left: list[str], right: list[str]
) -> None:
    comp = simple_comparison(
        "\n\n".join(p.strip() for p in left), "\n\n".join(p.strip() for p in right)
    )
    for block in comp.blocks:
        accepted, rejected = [], []
        for piece in redline(comp, block):
            if piece.op == "break":
                accepted.append("\n\n")
            elif piece.op in ("same", "insert"):
                accepted.append(piece.text)
            else:
                accepted.append(piece.new)
            if piece.op in ("same", "delete", "replace"):
                rejected.append(piece.text)
            elif piece.op == "break" and not block.right:
                rejected.append("\n\n")
        rtext = "\n\n".join(comp.right.paragraphs[i].text for i in block.right)
        ltext = "\n\n".join(comp.left.paragraphs[i].text for i in block.left)
        assert "".join(accepted) == rtext
        assert "".join(rejected) == ltext


def test_footnotes_number_notes_in_reading_order_and_put_unmapped_last() -> None:
    comp = simple_comparison("One.\n\nTwo old.\n\nThree.", "One.\n\nTwo new.\n\nThree!")
    edits = [e.id for b in comp.blocks for e in b.edits]
    items = [ReviewItem(t, "flagged", f"n{t}", (), FIXED_TIME) for t in reversed(edits)]
    items += [ReviewItem("zz-gone", "accepted", "old", (), FIXED_TIME)]
    items += [ReviewItem(comp.blocks[0].id, "accepted", None, (), FIXED_TIME)]  # no note
    notes = footnotes(comp, new_review("s", items))
    assert list(notes) == [*edits, "zz-gone"]
    assert [n.number for n in notes.values()] == list(range(1, len(edits) + 2))
    assert not notes["zz-gone"].mapped and all(notes[e].mapped for e in edits)
    assert footnotes(comp, None) == {}


def _commitment(cid: str, side: str, speaker: str, counterpart: str | None) -> Commitment:
    return Commitment(
        cid, side, 0, 0, 1, "x", speaker, None, "pledge", 3, "x",  # type: ignore[arg-type]
        "kept" if counterpart else "dropped", counterpart,
    )  # fmt: skip


def test_commitment_pairs_show_each_commitment_once_left_first() -> None:
    base = simple_comparison("A.", "A.")
    cs = (
        _commitment("r1", "right", "B", "l1"),  # reattributed: another speaker on the right
        _commitment("l1", "left", "A", "r1"),
        _commitment("l2", "left", "A", None),
        _commitment("r2", "right", "B", None),
    )
    comp = simple_comparison(base.left, base.right, commitments=cs)
    groups = commitment_pairs(comp)
    shown = [(c.id, o.id if o else None) for pairs in groups.values() for c, o in pairs]
    assert shown == [("l1", "r1"), ("l2", None), ("r2", None)]
    assert list(groups) == ["A", "B"]
