"""The reader's widget-free parts: display text, wrapping, layout, change index, navigation."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from readout_tui.core.documents import document_from_text
from readout_tui.core.model import Comparison
from readout_tui.ui.changes import CHANGE_KINDS, FILTERS
from readout_tui.ui.layout import ITEM_ORIGIN, SPACER
from readout_tui.ui.reader import Reader
from readout_tui.ui.render import side_lines
from readout_tui.ui.text import count_lines, is_narrow, visible, wrap_lines
from tests.ui_fixtures import make_comparison, make_injection_comparison

# -- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["\x1b[31mred\x1b[0m", "bell\x07", "nul\x00x", "c1\x9bx", "del\x7f", "title\x1b]0;x\x07"],
)
def test_visible_leaves_no_control_characters_and_keeps_offsets(raw: str) -> None:
    shown = visible(raw)
    assert len(shown) == len(raw)
    assert not re.search("[\x00-\x1f\x7f-\x9f]", shown)
    # Printable characters stay where they were, so engine offsets still point at them.
    for i, char in enumerate(raw):
        if char.isprintable():
            assert shown[i] == char


words = st.lists(
    st.text(alphabet=st.sampled_from("abcdé日本 “”-"), min_size=1, max_size=12), max_size=30
)


@given(words, st.integers(min_value=1, max_value=40))
def test_wrapped_lines_fit_and_lose_only_spaces(parts: list[str], width: int) -> None:
    text = " ".join(parts)
    lines = wrap_lines(text, width)
    assert len(lines) == count_lines(text, width)
    pos = 0
    for start, end in lines:
        line = text[start:end]
        assert cell_len(line) <= width or len(line) == 1
        # Whatever lies between two lines is only the spaces the break dropped.
        assert text[pos:start].strip(" ") == ""
        pos = end
    assert text[pos:].strip(" ") == ""


@pytest.mark.parametrize(
    ("text", "narrow"),
    [("plain ascii", True), ("curly “quotes” and é", True), ("日本語", False), ("e\u0301", False)],
)
def test_is_narrow(text: str, narrow: bool) -> None:
    assert is_narrow(text) is narrow
    assert (cell_len(text) == len(text)) is narrow


# -- layout and changes ------------------------------------------------------------------------


@pytest.fixture
def reader() -> Reader:
    return Reader(make_comparison())


def test_every_block_is_one_row_and_a_moved_block_leaves_a_marker(reader: Reader) -> None:
    layout = reader.layout
    blocks = reader.comparison.blocks
    assert sorted(
        layout.item_block[i] for i in range(layout.item_count) if layout.item_kind[i] == 0
    ) == list(range(len(blocks)))
    markers = [i for i in range(layout.item_count) if layout.item_kind[i] == ITEM_ORIGIN]
    moved = [b for b, block in enumerate(blocks) if block.moved]
    assert [layout.item_block[i] for i in markers] == moved


def test_boilerplate_and_omitted_runs_start_folded(reader: Reader) -> None:
    layout = reader.layout
    folded = {g.cls for g, f in zip(layout.groups, layout.folded, strict=True) if f}
    assert folded == {"boilerplate", "omitted"}
    assert {g.cls for g in layout.groups} == {"boilerplate", "omitted", "unchanged"}
    # Folded runs are one row each.
    assert layout.row_count == layout.item_count - 1


def test_changes_are_in_display_order_and_cover_edits_typos_artifacts(reader: Reader) -> None:
    index = reader.index
    assert list(index.item) == sorted(index.item)
    kinds = [index.kind_of(c) for c in range(len(index))]
    edits = sum(len(b.edits) for b in reader.comparison.blocks)
    assert sum(index.edit[c] >= 0 for c in range(len(index))) == edits
    # The typo found by an edit is not counted twice; the one in unchanged text is a stop.
    assert kinds.count("typo") == 2
    assert kinds.count("artifact") == 2
    assert set(kinds) <= set(CHANGE_KINDS)


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f.name)
def test_filters_select_only_their_kinds(reader: Reader, flt: object) -> None:
    reader.set_filter(flt.name)  # type: ignore[attr-defined]
    chosen = {reader.index.kind_of(c) for c in reader.selection}
    if flt.kinds is not None:  # type: ignore[attr-defined]
        assert chosen <= flt.kinds  # type: ignore[attr-defined]
    else:
        assert "case" not in chosen and "punctuation" not in chosen  # dimmed by default


def test_normalisation_edits_join_the_walk_when_shown(reader: Reader) -> None:
    before = len(reader.selection)
    reader.set_show_normalisation(True)
    kinds = {reader.index.kind_of(c) for c in reader.selection}
    assert {"case", "punctuation"} <= kinds
    assert len(reader.selection) == before + 2


def test_a_folded_run_is_one_stop(reader: Reader) -> None:
    index, layout = reader.index, reader.layout
    omitted = [c for c in range(len(index)) if index.kind_of(c) == "omitted"]
    assert len(omitted) == 2
    first = reader.next_stop(reader.selection, omitted[0] - 1, 0, 1)
    assert first == omitted[0]
    after = reader.next_stop(reader.selection, first, 0, 1)
    assert after > omitted[1]
    assert layout.item_row[index.item[omitted[0]]] == layout.item_row[index.item[omitted[1]]]


def test_typos_cycle(reader: Reader) -> None:
    typos = list(reader.typos)
    assert len(typos) == 2
    assert reader.step(reader.typos, typos[-1], 0, 1, wrap=True) == typos[0]
    assert reader.step(reader.typos, typos[0], 0, -1, wrap=True) == typos[-1]


def test_moved_block_and_its_origin_point_at_each_other(reader: Reader) -> None:
    layout = reader.layout
    moved_item = next(
        i for i in range(layout.item_count) if layout.item_kind[i] == 0 and layout.block(i).moved
    )
    origin = reader.moved_counterpart(moved_item)
    assert origin is not None and layout.item_kind[origin] == ITEM_ORIGIN
    assert reader.moved_counterpart(origin) == moved_item


@pytest.mark.parametrize("query", ["consul", "ESTAVIA", "[", "no such words"])
def test_search_finds_every_occurrence_in_both_versions(reader: Reader, query: str) -> None:
    count = reader.search(query)
    expected = sum(
        len(re.findall(re.escape(query), p.text, re.IGNORECASE))
        for doc in (reader.comparison.left, reader.comparison.right)
        for p in doc.paragraphs
    )
    assert count == expected
    items = [m.item for m in reader.matches]
    assert items == sorted(items)
    if count:
        assert reader.next_match(count - 1, 0, 1) == 0  # wraps around


# -- heights agree with what is drawn --------------------------------------------------------


def _cjk_comparison() -> Comparison:
    from readout_tui.core.compare import compare

    left = document_from_text("中国和俄罗斯同意加强合作。\n\nA plain line.\n\n" + "长" * 90)
    right = document_from_text("中国与俄罗斯同意加强合作。\n\nA plain line!\n\n" + "长" * 91 + "。")
    return compare(left, right)


@pytest.mark.parametrize("make", [make_comparison, make_injection_comparison, _cjk_comparison])
@pytest.mark.parametrize("mode", ["split", "inline"])
@pytest.mark.parametrize("width", [8, 17, 33, 70])
def test_row_heights_match_the_drawn_lines(
    make: Callable[[], Comparison], mode: str, width: int
) -> None:
    reader = Reader(make())
    composer = reader.composer
    composer.mode = mode  # type: ignore[assignment]
    heights = composer.item_heights((width, width + 3))
    sides = ["inline"] if mode == "inline" else ["left", "right"]
    for item in range(reader.layout.item_count):
        drawn = [
            len(
                side_lines(
                    composer.segments(item, side), [], w, lambda _name: Style(), Style()
                ).lines
            )
            for side, w in zip(sides, (width, width + 3), strict=False)
        ]
        assert heights[item] == max(drawn) + SPACER, (item, mode, width)


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=12))
def test_folding_keeps_every_item_in_exactly_one_row(toggles: list[int]) -> None:
    reader = Reader(make_comparison())
    layout = reader.layout
    for toggle in toggles:
        reader.toggle_fold(toggle % layout.row_count)
        covered = [
            i
            for r in range(layout.row_count)
            for i in range(layout.row_start[r], layout.row_end[r])
        ]
        assert covered == list(range(layout.item_count))
        assert all(
            layout.row_start[layout.item_row[i]] <= i < layout.row_end[layout.item_row[i]]
            for i in covered
        )
