"""The list of changes the reader walks with ``]`` / ``[``, and the marks drawn in the text.

A *change* is one stop for the reader: a block-level change (an omitted or added paragraph, a
split, a merge, a move, boilerplate), a word-level edit, or a typo or artifact the engine found
in text that did not otherwise change. They are numbered in display order. The index is held
in flat arrays (the benchmark pair has hundreds of thousands of edits) and built in one pass.

The index only arranges what the engine reported; it decides nothing about the texts.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Literal

from readout_tui.core.model import (
    EDIT_KINDS,
    NORMALISATION_KINDS,
    Artifact,
    Block,
    Comparison,
    Edit,
    Side,
    Typo,
)
from readout_tui.ui.layout import ITEM_BLOCK, RowLayout, is_moved

#: Kinds of change: the engine's edit kinds, then block-level kinds.
BLOCK_KINDS: tuple[str, ...] = ("omitted", "added", "split", "merge", "moved", "boilerplate")
CHANGE_KINDS: tuple[str, ...] = (*EDIT_KINDS, *BLOCK_KINDS)
KIND_CODE: dict[str, int] = {kind: code for code, kind in enumerate(CHANGE_KINDS)}

_BLOCK_OP_KIND = {
    "delete": "omitted",
    "insert": "added",
    "split": "split",
    "merge": "merge",
    "move": "moved",
    "boilerplate": "boilerplate",
}

#: ``edit`` codes for changes that are not an edit of the block.
BLOCK_LEVEL = -1
TYPO_RECORD = -2
ARTIFACT_RECORD = -3

MarkKind = Literal["typo", "artifact"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A typo or artifact to draw in one paragraph (offsets into the paragraph text)."""

    start: int
    end: int
    kind: MarkKind
    suggestion: str | None
    change: int


@dataclass(frozen=True, slots=True)
class ChangeFilter:
    """A preset of the ``f`` filter: which kinds ``]`` / ``[`` stop at."""

    name: str
    label: str
    kinds: frozenset[str] | None  # None: every kind (normalisation only when shown)


_SUBSTANTIVE = frozenset({"name", "number", "date", "modality", "paraphrase"}) | {
    "omitted",
    "added",
    "moved",
}

FILTERS: tuple[ChangeFilter, ...] = (
    ChangeFilter("all", "All changes", None),
    ChangeFilter("substantive", "Substantive: names, numbers, wording, omissions", _SUBSTANTIVE),
    ChangeFilter("typos", "Typos only", frozenset({"typo"})),
    ChangeFilter("debris", "Typos and scraping artifacts", frozenset({"typo", "artifact"})),
    ChangeFilter("omissions", "Omitted and added paragraphs", frozenset({"omitted", "added"})),
    ChangeFilter("facts", "Names, numbers and dates", frozenset({"name", "number", "date"})),
    ChangeFilter("modality", "Modality (will, should, may...)", frozenset({"modality"})),
    ChangeFilter("paraphrase", "Paraphrases", frozenset({"paraphrase"})),
    ChangeFilter("structure", "Splits, merges and moves", frozenset({"split", "merge", "moved"})),
    ChangeFilter(
        "form",
        "Form only: punctuation, case, whitespace, spelling",
        frozenset(NORMALISATION_KINDS) | {"spelling_variant"},
    ),
)
FILTER_BY_NAME = {f.name: f for f in FILTERS}


def typo_side(edit: Edit) -> Side:
    """The side of a typo edit that carries the misspelling (the one unlike the suggestion)."""
    if edit.right is not None and edit.right.text and edit.right.text != edit.suggestion:
        return "right"
    if edit.left is not None and edit.left.text and edit.left.text != edit.suggestion:
        return "left"
    return "right"


def edit_sides(edit: Edit) -> list[Side]:
    """Sides on which an edit has text."""
    sides: list[Side] = []
    if edit.left is not None and edit.left.end > edit.left.start:
        sides.append("left")
    if edit.right is not None and edit.right.end > edit.right.start:
        sides.append("right")
    return sides


def block_kind(block: Block) -> str | None:
    """The block-level change kind of a block, or None when only its edits are changes."""
    if is_moved(block):
        return "moved"
    return _BLOCK_OP_KIND.get(block.op)


class ChangeIndex:
    """Every change in display order, with the marks (typos, artifacts) per paragraph."""

    def __init__(self, comparison: Comparison, layout: RowLayout) -> None:
        self.comparison = comparison
        self.layout = layout
        self.item = array("i")
        self.edit = array("i")  # index into block.edits, or BLOCK_LEVEL / TYPO_RECORD / ...
        self.kind = bytearray()
        self.ref: dict[int, int] = {}  # typo or artifact record of the *_RECORD changes
        #: change index of edit 0 of each block (-1 when the block has no edits)
        self.edit_base = array("i", [-1]) * len(comparison.blocks)
        self.block_change = array("i", [-1]) * len(comparison.blocks)
        self.marks: dict[tuple[Side, int], list[Mark]] = {}
        #: typo record describing a typo edit: (block, edit) -> typo index
        self.typo_of_edit: dict[tuple[int, int], int] = {}
        self._build(layout)

    def __len__(self) -> int:
        return len(self.item)

    def _add(self, item: int, edit: int, kind: str, ref: int = -1) -> int:
        self.item.append(item)
        self.edit.append(edit)
        self.kind.append(KIND_CODE[kind])
        change = len(self.item) - 1
        if ref >= 0:
            self.ref[change] = ref
        return change

    def block(self, change: int) -> int:
        """Index of the block a change belongs to."""
        return self.layout.item_block[self.item[change]]

    def _mark(self, side: Side, para: int, mark: Mark) -> None:
        self.marks.setdefault((side, para), []).append(mark)

    def _build(self, layout: RowLayout) -> None:
        comparison = self.comparison
        typo_at = {(t.side, t.paragraph, t.start): i for i, t in enumerate(comparison.typos)}
        artifact_at = {
            (a.side, a.paragraph, a.start): i for i, a in enumerate(comparison.artifacts)
        }
        covered_typos: set[int] = set()
        covered_artifacts: set[int] = set()
        extras: dict[int, list[tuple[int, int, int, int, int]]] = {}

        # Typos and artifacts the edits do not already carry become changes of their own,
        # placed in the row of their paragraph.
        with_records = bool(comparison.typos or comparison.artifacts)
        for block_index, block in enumerate(comparison.blocks if with_records else ()):
            for edit_index, edit in enumerate(block.edits):
                if edit.kind == "typo":
                    side = typo_side(edit)
                    span = edit.right if side == "right" else edit.left
                    if span is not None and (side, span.paragraph, span.start) in typo_at:
                        ref = typo_at[(side, span.paragraph, span.start)]
                        covered_typos.add(ref)
                        self.typo_of_edit[(block_index, edit_index)] = ref
                elif edit.kind == "artifact":
                    for side in edit_sides(edit):
                        span = edit.right if side == "right" else edit.left
                        if span is not None:
                            key = (side, span.paragraph, span.start)
                            if key in artifact_at:
                                covered_artifacts.add(artifact_at[key])
        records: list[tuple[int, int, Typo | Artifact]] = [
            (TYPO_RECORD, i, t) for i, t in enumerate(comparison.typos) if i not in covered_typos
        ]
        records += [
            (ARTIFACT_RECORD, i, a)
            for i, a in enumerate(comparison.artifacts)
            if i not in covered_artifacts
        ]
        for code, ref, record in records:
            paras = layout.para_item[record.side]
            if not 0 <= record.paragraph < len(paras) or paras[record.paragraph] < 0:
                continue
            item = paras[record.paragraph]
            side_order = 0 if record.side == "left" else 1
            extras.setdefault(item, []).append(
                (side_order, record.paragraph, record.start, code, ref)
            )

        blocks = comparison.blocks
        typo_code = KIND_CODE["typo"]
        for item in range(layout.item_count):
            if layout.item_kind[item] != ITEM_BLOCK:
                continue
            b = layout.item_block[item]
            block = blocks[b]
            kind = block_kind(block)
            if kind is not None:
                self.block_change[b] = self._add(item, BLOCK_LEVEL, kind)
            edits = block.edits
            if edits:
                # Edits go in by the block, not one by one: there can be hundreds of thousands.
                base = self.edit_base[b] = len(self.item)
                codes = bytes([KIND_CODE[edit.kind] for edit in edits])
                self.item.extend([item] * len(edits))
                self.edit.extend(range(len(edits)))
                self.kind.extend(codes)
                if typo_code in codes:
                    for e, edit in enumerate(edits):
                        if edit.kind == "typo":
                            side = typo_side(edit)
                            span = edit.right if side == "right" else edit.left
                            if span is not None:
                                mark = Mark(span.start, span.end, "typo", edit.suggestion, base + e)
                                self._mark(side, span.paragraph, mark)
            for _side, _para, _start, code, ref in sorted(extras.get(item, ())):
                if code == TYPO_RECORD:
                    t = comparison.typos[ref]
                    change = self._add(item, code, "typo", ref)
                    mark = Mark(t.start, t.end, "typo", t.suggestion, change)
                    self._mark(t.side, t.paragraph, mark)
                else:
                    a = comparison.artifacts[ref]
                    change = self._add(item, code, "artifact", ref)
                    self._mark(a.side, a.paragraph, Mark(a.start, a.end, "artifact", None, change))
        for marks in self.marks.values():
            marks.sort(key=lambda m: (m.start, m.end))

    # -- lookups ---------------------------------------------------------------------------

    def kind_of(self, change: int) -> str:
        return CHANGE_KINDS[self.kind[change]]

    def edit_of(self, change: int) -> Edit | None:
        e = self.edit[change]
        return self.comparison.blocks[self.block(change)].edits[e] if e >= 0 else None

    def record_of(self, change: int) -> Typo | Artifact | None:
        e = self.edit[change]
        if e == TYPO_RECORD:
            return self.comparison.typos[self.ref[change]]
        if e == ARTIFACT_RECORD:
            return self.comparison.artifacts[self.ref[change]]
        if e >= 0 and (self.block(change), e) in self.typo_of_edit:
            return self.comparison.typos[self.typo_of_edit[(self.block(change), e)]]
        return None

    def edit_change(self, block: int, edit: int) -> int:
        return self.edit_base[block] + edit

    def spans(self, change: int) -> list[tuple[Side, int, int, int]]:
        """Where a change sits in the text: ``(side, paragraph, start, end)`` ranges."""
        edit = self.edit_of(change)
        if edit is not None:
            out: list[tuple[Side, int, int, int]] = []
            for side, span in (("left", edit.left), ("right", edit.right)):
                if span is not None:
                    out.append((side, span.paragraph, span.start, span.end))  # type: ignore[arg-type]
            return out
        record = self.record_of(change)
        if record is not None:
            return [(record.side, record.paragraph, record.start, record.end)]
        return []

    def selection(self, filter_name: str, *, show_normalisation: bool) -> array[int]:
        """Indices of the changes ``]`` / ``[`` stop at under a filter."""
        chosen = FILTER_BY_NAME[filter_name].kinds
        allowed = bytearray(len(CHANGE_KINDS))
        for code, kind in enumerate(CHANGE_KINDS):
            if chosen is None:
                allowed[code] = show_normalisation or kind not in NORMALISATION_KINDS
            else:
                allowed[code] = kind in chosen
        kinds = self.kind
        return array("i", [i for i in range(len(kinds)) if allowed[kinds[i]]])

    def typo_changes(self) -> array[int]:
        code = KIND_CODE["typo"]
        return array("i", [i for i, k in enumerate(self.kind) if k == code])
