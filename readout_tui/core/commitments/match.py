"""Matching commitments across two versions, and the status of each pair.

The paragraph alignment is the strong hint: commitments in paragraphs the alignment links are
compared first, scored by a fuzzy match of their clauses (rapidfuzz) with a bonus for the same
type and the same committed party, and paired greedily, best first. Commitments still unpaired
(a paragraph the alignment missed, or one that moved) may then pair across the document, but
only on a close textual match and the same type. What stays unpaired is dropped (left) or
added (right).

A pair is ``reattributed`` when the speaker or the committed party differs, ``changed`` when
the type or polarity flips, the numbers differ or the wording has little in common,
``softened``/``strengthened`` when only the strength moves, and ``kept`` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from readout_tui.core.commitments.extract import Found
from readout_tui.core.model import Block, CommitmentStatus

#: Score (fuzzy ratio plus bonuses) a pair in aligned paragraphs needs.
ALIGNED_MIN = 60.0
#: Fuzzy ratio a pair outside aligned paragraphs needs (same type required too).
GLOBAL_MIN = 85.0
#: Below this ratio a matched pair counts as reworded in substance.
CHANGED_BELOW = 55.0
# Above this many candidate pairs per type (about 0.1 s of fuzzy matching), the global pass
# only pairs identical clauses: when the alignment left that much unpaired, the documents
# differ too much for a document-wide fuzzy search to be worth its time.
_GLOBAL_CELLS = 400_000
# Linked paragraphs with more commitment pairs than this are matched within a window.
_GROUP_CELLS = 2_500
_WINDOW = 8
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_UNLINKED = frozenset({"delete", "insert", "boilerplate"})


@dataclass(frozen=True, slots=True)
class Pairing:
    """``pairs[i] = j``: left commitment ``i`` matches right commitment ``j``; with statuses."""

    pairs: dict[int, int]
    left_status: list[CommitmentStatus]
    right_status: list[CommitmentStatus]


def _links(blocks: Sequence[Block], wanted: set[int]) -> dict[int, list[int]]:
    """Right paragraphs linked to each left paragraph in ``wanted``."""
    links: dict[int, list[int]] = {}
    for block in blocks:
        if block.op in _UNLINKED or not block.right:
            continue
        for i in block.left:
            if i in wanted:
                links.setdefault(i, []).extend(block.right)
    return links


def _candidate_pairs(lefts: Sequence[int], rights: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Pairs to score between linked paragraphs: all of them, or, when a paragraph holds
    very many commitments, those near the same relative position (a window keeps the work
    linear instead of quadratic)."""
    if len(lefts) * len(rights) <= _GROUP_CELLS:
        for i in lefts:
            for j in rights:
                yield i, j
        return
    for a, i in enumerate(lefts):
        center = a * len(rights) // len(lefts)
        for b in range(max(0, center - _WINDOW), min(len(rights), center + _WINDOW + 1)):
            yield i, rights[b]


def status_of(left: Found, right: Found, similarity: float) -> CommitmentStatus:
    """The status of a matched pair (``similarity``: fuzzy ratio of the clauses, 0..100)."""
    if left.speaker != right.speaker or left.party != right.party:
        return "reattributed"
    if left.type != right.type or left.negated != right.negated:
        return "changed"
    if set(_NUMBER.findall(left.text)) != set(_NUMBER.findall(right.text)):
        return "changed"
    if right.strength < left.strength:
        return "softened"
    if right.strength > left.strength:
        return "strengthened"
    if similarity < CHANGED_BELOW:
        return "changed"
    return "kept"


def pair_commitments(
    left: Sequence[Found], right: Sequence[Found], blocks: Sequence[Block]
) -> Pairing:
    """Pair the commitments of two versions and give each its status."""
    lkeys = [default_process(f.text) for f in left]
    rkeys = [default_process(f.text) for f in right]
    right_by_para: dict[int, list[int]] = {}
    for j, f in enumerate(right):
        right_by_para.setdefault(f.paragraph, []).append(j)
    left_by_para: dict[int, list[int]] = {}
    for i, f in enumerate(left):
        left_by_para.setdefault(f.paragraph, []).append(i)
    links = _links(blocks, set(left_by_para))
    candidates: list[tuple[float, int, int, float]] = []
    for lp, lefts in left_by_para.items():
        rights = [j for rp in links.get(lp, ()) for j in right_by_para.get(rp, ())]
        if not rights:
            continue
        for i, j in _candidate_pairs(lefts, rights):
            lf, rf = left[i], right[j]
            sim = fuzz.ratio(lkeys[i], rkeys[j])
            score = sim + 20.0 * (lf.type == rf.type) + 10.0 * (lf.party == rf.party)
            if score >= ALIGNED_MIN:
                candidates.append((score, i, j, sim))
    pairs: dict[int, int] = {}
    sims: dict[int, float] = {}
    taken: set[int] = set()
    for _, i, j, sim in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in pairs and j not in taken:
            pairs[i], sims[i] = j, sim
            taken.add(j)
    _global_pass(left, right, lkeys, rkeys, pairs, sims, taken)
    left_status: list[CommitmentStatus] = ["dropped"] * len(left)
    right_status: list[CommitmentStatus] = ["added"] * len(right)
    for i, j in pairs.items():
        status = status_of(left[i], right[j], sims[i])
        left_status[i] = right_status[j] = status
    return Pairing(pairs, left_status, right_status)


def _global_pass(
    left: Sequence[Found],
    right: Sequence[Found],
    lkeys: Sequence[str],
    rkeys: Sequence[str],
    pairs: dict[int, int],
    sims: dict[int, float],
    taken: set[int],
) -> None:
    """Pair what the alignment left unpaired, on a close match of the same type."""
    by_type: dict[str, tuple[list[int], list[int]]] = {}
    for i, f in enumerate(left):
        if i not in pairs:
            by_type.setdefault(f.type, ([], []))[0].append(i)
    for j, f in enumerate(right):
        if j not in taken and f.type in by_type:
            by_type[f.type][1].append(j)
    for lefts, rights in by_type.values():
        if not lefts or not rights:
            continue
        found: list[tuple[float, int, int]] = []
        if len(lefts) * len(rights) <= _GLOBAL_CELLS:
            choices = [rkeys[j] for j in rights]
            for i in lefts:
                hits = process.extract(
                    lkeys[i], choices, scorer=fuzz.ratio, score_cutoff=GLOBAL_MIN, limit=None
                )
                found.extend((score, i, rights[b]) for _, score, b in hits)
        else:
            index: dict[str, list[int]] = {}
            for j in rights:
                index.setdefault(rkeys[j], []).append(j)
            for i in lefts:
                found.extend((100.0, i, j) for j in index.get(lkeys[i], ()))
        for sim, i, j in sorted(found, key=lambda c: (-c[0], c[1], c[2])):
            if i not in pairs and j not in taken:
                pairs[i], sims[i] = j, sim
                taken.add(j)
