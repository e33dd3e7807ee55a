"""Paragraph alignment: 1:1 pairs, splits, merges, omissions, insertions and moves.

The method scales to whole books without comparing all pairs:

1. **Candidates** come from an inverted index of rare content-word bigrams: each paragraph is
   looked up by its few rarest bigrams only, so a left paragraph meets just the right
   paragraphs that share something unusual with it.
2. **Anchors** are mutual best candidates with a clear similarity; the longest chain of
   anchors that keeps both documents' order (a longest increasing subsequence, found with
   binary search) fixes the skeleton of the alignment.
3. **Gaps** between consecutive anchors are filled by an order-preserving dynamic programme
   (Needleman–Wunsch over the gap, or over the gap's indexed candidates when it is large).
4. **Splits and merges** grow a matched pair by an adjacent unmatched paragraph whose words
   are contained in what the pair's other side has not yet accounted for.
5. **Moves** are strong candidate pairs left over out of order; the rest are omissions
   (left only) and insertions (right only).

Similarity is the Dice coefficient of content-word sets (function words dropped), which is
robust to the paraphrase and reordering that republications apply.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from readout_tui.core.chains import heaviest_chain, longest_chain
from readout_tui.core.model import Role
from readout_tui.core.tokens import STOPWORDS, WORD_RUN

LinkOp = Literal["pair", "split", "merge", "delete", "insert", "move", "boilerplate"]

#: A pair needs at least this similarity to be an anchor.
ANCHOR_MIN = 0.45
#: A pair inside a gap needs more than this similarity to be matched at all.
MATCH_MIN = 0.2
#: Out-of-order pairs are reported as moves from this similarity up.
MOVE_MIN = 0.5
#: Share of a paragraph's words that must appear in the unaccounted part of its neighbour's
#: counterpart for it to join a split or merge.
CONTAINMENT_MIN = 0.3
#: Words in more paragraphs than this are useless for finding candidates.
MAX_POSTING = 40
#: Rare words looked up per paragraph.
PROBES = 8
#: Half-width of the diagonal band searched in large gaps for paragraphs without candidates.
BAND = 8
#: Gaps with at most this many cells get the dense dynamic programme.
DENSE_CELLS = 4000


@dataclass(frozen=True, slots=True)
class Link:
    """One unit of the alignment before word diffing."""

    op: LinkOp
    left: tuple[int, ...]
    right: tuple[int, ...]
    similarity: float
    moved: bool = False


class _Side:
    """Per-document features: content-word sets (the probes are their rarest words)."""

    __slots__ = ("active", "sets", "sizes")

    def __init__(self, texts: Sequence[str], active: Sequence[bool]) -> None:
        self.active = list(active)
        empty: frozenset[str] = frozenset()
        # Set difference runs in C: far cheaper than filtering word lists in Python.
        self.sets = [
            frozenset(WORD_RUN.findall(text.lower())) - STOPWORDS if on else empty
            for text, on in zip(texts, active, strict=True)
        ]
        self.sizes = [len(s) for s in self.sets]


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _probes(words: frozenset[str], df: Counter[str]) -> list[str]:
    # Sorted by (frequency, word): set iteration order changes with PYTHONHASHSEED, and the
    # result (so the block ids) must not.
    rare = sorted((df[w], w) for w in words if df[w] <= MAX_POSTING)
    return [w for _, w in rare[:PROBES]]


def _candidates(left: _Side, right: _Side) -> dict[int, list[tuple[float, int]]]:
    """For each left paragraph, scored right candidates (best first).

    Each paragraph is probed by its rarest content words (those in few paragraphs of either
    document): common words would make every paragraph a candidate of every other.
    """
    df: Counter[str] = Counter()
    for words in left.sets:
        df.update(words)
    for words in right.sets:
        df.update(words)
    index: dict[str, list[int]] = {}
    for j, words in enumerate(right.sets):
        for w in _probes(words, df):
            index.setdefault(w, []).append(j)
    out: dict[int, list[tuple[float, int]]] = {}
    lsets, rsets = left.sets, right.sets
    for i, words in enumerate(lsets):
        hits: Counter[int] = Counter()
        for w in _probes(words, df):
            posting = index.get(w)
            if posting is not None:
                hits.update(posting)
        if hits:
            li = lsets[i]
            scored = [(_dice(li, rsets[j]), j) for j, _ in hits.most_common(3)]
            scored.sort(reverse=True)
            out[i] = scored
    return out


def _fill_gap(
    lo: Sequence[int],
    ro: Sequence[int],
    left: _Side,
    right: _Side,
    cands: dict[int, list[tuple[float, int]]],
) -> list[tuple[int, int, float]]:
    """Best order-preserving 1:1 pairs between the paragraphs of one gap."""
    if not lo or not ro:
        return []
    n, m = len(lo), len(ro)
    if n * m <= DENSE_CELLS:
        sims = [[_dice(left.sets[i], right.sets[j]) for j in ro] for i in lo]
        # score[x][y]: best total gain aligning lo[:x] with ro[:y]; gain of a pair grows with
        # both its similarity and its size so a long good match beats two short weak ones.
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        for x in range(1, n + 1):
            row, prev, srow = score[x], score[x - 1], sims[x - 1]
            li = lo[x - 1]
            for y in range(1, m + 1):
                best = prev[y] if prev[y] >= row[y - 1] else row[y - 1]
                s = srow[y - 1]
                if s > MATCH_MIN:
                    gain = prev[y - 1] + (s - MATCH_MIN) * (left.sizes[li] + right.sizes[ro[y - 1]])
                    if gain > best:
                        best = gain
                row[y] = best
        pairs: list[tuple[int, int, float]] = []
        x, y = n, m
        while x and y:
            if score[x][y] == score[x - 1][y]:
                x -= 1
            elif score[x][y] == score[x][y - 1]:
                y -= 1
            else:
                pairs.append((lo[x - 1], ro[y - 1], sims[x - 1][y - 1]))
                x, y = x - 1, y - 1
        pairs.reverse()
        return pairs
    # Large gap: the indexed candidates that fall inside it, plus a band around the gap's
    # diagonal for paragraphs the index could not place (texts made only of common words).
    rset = set(ro)
    scored: dict[tuple[int, int], float] = {}
    for x, i in enumerate(lo):
        found = False
        for s, j in cands.get(i, ()):
            if j in rset and s > MATCH_MIN:
                scored[(i, j)] = s
                found = True
        if not found:
            centre = x * m // n
            for y in range(max(0, centre - BAND), min(m, centre + BAND + 1)):
                s = _dice(left.sets[i], right.sets[ro[y]])
                if s > MATCH_MIN:
                    scored[(i, ro[y])] = s
    chain = heaviest_chain(
        [(i, j, (s - MATCH_MIN) * (left.sizes[i] + right.sizes[j])) for (i, j), s in scored.items()]
    )
    return [(i, j, scored[(i, j)]) for i, j in chain]


def _grow(
    blocks: dict[int, list[list[int]]],
    owner: list[int],
    this: _Side,
    that: _Side,
    roles: Sequence[Role],
) -> None:
    """Attach unmatched paragraphs of one side to an adjacent block whose single paragraph on
    the other side contains them (splits when ``this`` is the right side, merges otherwise).

    ``blocks[b] == [this_side_indices, that_side_indices]``; ``owner[k]`` is the block of
    paragraph ``k`` on this side or -1.
    """
    changed = True
    while changed:
        changed = False
        for k, b in enumerate(owner):
            if b != -1 or not this.active[k] or roles[k] == "title" or not this.sets[k]:
                continue
            best: tuple[float, int] | None = None
            for nb in (k - 1, k + 1):
                if not 0 <= nb < len(owner) or owner[nb] == -1:
                    continue
                cand = owner[nb]
                if cand not in blocks:
                    continue
                mine, theirs = blocks[cand]
                if len(theirs) != 1 or roles[nb] == "title":
                    continue
                accounted: set[str] = set()
                for p in mine:
                    accounted |= this.sets[p]
                remainder = that.sets[theirs[0]] - accounted
                shared = len(this.sets[k] & remainder)
                # Either most of the paragraph is in the neighbour's unaccounted words, or the
                # paragraph and those words explain each other (a paraphrased fragment).
                containment = shared / len(this.sets[k])
                mutual = 2 * shared / (len(this.sets[k]) + len(remainder)) if remainder else 0.0
                fit = max(containment if shared >= 2 else 0.0, mutual if shared >= 3 else 0.0)
                if fit >= CONTAINMENT_MIN and (best is None or fit > best[0]):
                    best = (fit, cand)
            if best is not None:
                blocks[best[1]][0].append(k)
                blocks[best[1]][0].sort()
                owner[k] = best[1]
                changed = True


def align_paragraphs(
    left_texts: Sequence[str],
    right_texts: Sequence[str],
    *,
    left_roles: Sequence[Role] | None = None,
    right_roles: Sequence[Role] | None = None,
) -> list[Link]:
    """Align two documents' paragraphs; return links in the right document's reading order,
    with omissions placed where they stood in the left document.

    >>> links = align_paragraphs(
    ...     ["Talks were held on trade and energy.", "Both sides pledged closer ties."],
    ...     ["Both sides pledged closer ties.", "A new paragraph entirely about weather."],
    ... )
    >>> [(link.op, link.left, link.right) for link in links]
    [('delete', (0,), ()), ('pair', (1,), (0,)), ('insert', (), (1,))]
    """
    lroles: Sequence[Role] = left_roles or ["body"] * len(left_texts)
    rroles: Sequence[Role] = right_roles or ["body"] * len(right_texts)
    left = _Side(left_texts, [r != "boilerplate" for r in lroles])
    right = _Side(right_texts, [r != "boilerplate" for r in rroles])
    cands = _candidates(left, right)

    # Anchors: mutual best candidates with a clear similarity.
    best_left_for: dict[int, tuple[float, int]] = {}
    for i, scored in cands.items():
        for s, j in scored:
            if s > best_left_for.get(j, (-1.0, -1))[0]:
                best_left_for[j] = (s, i)
    anchors = [
        (i, scored[0][1])
        for i, scored in sorted(cands.items())
        if scored[0][0] >= ANCHOR_MIN and best_left_for[scored[0][1]][1] == i
    ]
    chain = longest_chain(anchors)

    pairs: list[tuple[int, int, float]] = []
    prev_i, prev_j = -1, -1
    sim_of = {i: scored[0][0] for i, scored in cands.items()}
    for i, j in [*chain, (len(left_texts), len(right_texts))]:
        lo = [x for x in range(prev_i + 1, i) if left.active[x]]
        ro = [y for y in range(prev_j + 1, j) if right.active[y]]
        pairs.extend(_fill_gap(lo, ro, left, right, cands))
        if i < len(left_texts):
            pairs.append((i, j, sim_of[i]))
        prev_i, prev_j = i, j

    # Blocks as [left indices, right indices]; owners map paragraphs to blocks.
    blocks: dict[int, list[list[int]]] = {}
    lown = [-1] * len(left_texts)
    rown = [-1] * len(right_texts)
    sims: dict[int, float] = {}
    for b, (i, j, s) in enumerate(pairs):
        blocks[b] = [[i], [j]]
        lown[i], rown[j] = b, b
        sims[b] = s
    # Splits (grow right sides), then merges (grow left sides).
    right_view = {b: [v[1], v[0]] for b, v in blocks.items()}
    _grow(right_view, rown, right, left, rroles)
    for b, (rs, ls) in right_view.items():
        blocks[b] = [ls, rs]
    merged_view = {b: [v[0], v[1]] for b, v in blocks.items() if len(v[1]) == 1}
    _grow(merged_view, lown, left, right, lroles)

    # Moves: strong leftover candidates, best first.
    moved: set[int] = set()
    leftovers = sorted(
        ((s, i, j) for i, scored in cands.items() for s, j in scored if s >= MOVE_MIN),
        reverse=True,
    )
    for s, i, j in leftovers:
        if lown[i] == -1 and rown[j] == -1:
            b = len(blocks) + len(moved) + 1_000_000
            blocks[b] = [[i], [j]]
            lown[i], rown[j] = b, b
            sims[b] = s
            moved.add(b)

    return _order(blocks, sims, moved, lown, rown, left.active, right.active, left, right)


def _order(
    blocks: dict[int, list[list[int]]],
    sims: dict[int, float],
    moved: set[int],
    lown: list[int],
    rown: list[int],
    lactive: list[bool],
    ractive: list[bool],
    left: _Side,
    right: _Side,
) -> list[Link]:
    """Lay links out in the right document's order; left-only paragraphs follow the block of
    the nearest preceding left paragraph."""
    links_at_right: dict[int, list[Link]] = {}
    emitted: set[int] = set()
    for j in range(len(rown)):
        b = rown[j]
        if b == -1:
            rop: LinkOp = "insert" if ractive[j] else "boilerplate"
            links_at_right.setdefault(j, []).append(Link(rop, (), (j,), 0.0))
            continue
        if b in emitted:
            continue
        emitted.add(b)
        ls, rs = blocks[b]
        kind: LinkOp = (
            "move" if b in moved else "split" if len(rs) > 1 else "merge" if len(ls) > 1 else "pair"
        )
        sim = sims[b]
        if len(ls) > 1 or len(rs) > 1:
            lset = frozenset().union(*(left.sets[i] for i in ls))
            rset = frozenset().union(*(right.sets[k] for k in rs))
            sim = _dice(lset, rset)
        links_at_right.setdefault(j, []).append(
            Link(kind, tuple(ls), tuple(rs), sim, moved=b in moved)
        )
    # Where each left-only paragraph goes: after the link holding the previous left paragraph
    # that sits in an in-order block.
    order: list[Link] = []
    pending_left: dict[int, list[Link]] = {}  # block id -> left-only links to put after it
    head: list[Link] = []
    anchor_block = -1
    for i in range(len(lown)):
        b = lown[i]
        if b != -1 and b not in moved:
            anchor_block = b
            continue
        if b == -1:
            lop: LinkOp = "delete" if lactive[i] else "boilerplate"
            link = Link(lop, (i,), (), 0.0)
            (pending_left.setdefault(anchor_block, []) if anchor_block != -1 else head).append(link)
    order.extend(head)
    for j in range(len(rown)):
        for link in links_at_right.get(j, ()):
            order.append(link)
            if link.left:
                b = lown[link.left[0]]
                order.extend(pending_left.pop(b, ()))
    for rest in pending_left.values():  # blocks whose links were not reached (defensive)
        order.extend(rest)
    return _merge_boilerplate_runs(order)


def _merge_boilerplate_runs(links: list[Link]) -> list[Link]:
    """Consecutive boilerplate paragraphs of one side collapse into one link."""
    out: list[Link] = []
    for link in links:
        prev = out[-1] if out else None
        if (
            prev is not None
            and link.op == prev.op == "boilerplate"
            and bool(link.left) == bool(prev.left)
            and (
                (link.left and link.left[0] == prev.left[-1] + 1)
                or (link.right and link.right[0] == prev.right[-1] + 1)
            )
        ):
            out[-1] = Link("boilerplate", prev.left + link.left, prev.right + link.right, 0.0)
        else:
            out.append(link)
    return out
