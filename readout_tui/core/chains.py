"""Chains of pairs increasing in both coordinates: the order-preserving core of alignment.

Given candidate pairs ``(left index, right index)``, the alignment keeps a subset in which both
indices increase together, so neither document is read out of order. Two flavours: the
longest such chain (anchors, by binary search in O(n log n)) and the heaviest one (weighted
pairs, with a Fenwick tree in O(n log n)).
"""

from __future__ import annotations

from bisect import bisect_left


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs strictly increasing in both coordinates.

    >>> longest_chain([(0, 2), (1, 0), (2, 1), (3, 3)])
    [(1, 0), (2, 1), (3, 3)]
    """
    # Pairs of one left index are visited with decreasing right index, so they never chain.
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # smallest right index ending a chain of each length
    tail_at: list[int] = []  # position in ``pairs`` of that tail
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back.append(tail_at[pos - 1] if pos else -1)
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    chain.reverse()
    return chain


def heaviest_chain(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The chain of pairs strictly increasing in both coordinates with the largest total
    weight (a weighted longest increasing subsequence, O(n log n) with a Fenwick tree).

    >>> heaviest_chain([(0, 0, 1.0), (0, 1, 5.0), (1, 1, 1.0), (1, 2, 1.0), (2, 0, 5.5)])
    [(0, 1), (1, 2)]
    """
    if not pairs:
        return []
    js = sorted({j for _, j, _ in pairs})
    rank = {j: r + 1 for r, j in enumerate(js)}
    size = len(js)
    tree_best = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][0], -pairs[k][1]))
    total = [0.0] * len(pairs)
    back = [-1] * len(pairs)
    # Pairs of one left index are visited with decreasing right index, so a pair never
    # chains onto another pair of the same left paragraph.
    for k in order:
        _, j, w = pairs[k]
        r = rank[j] - 1  # best chain ending strictly before j
        best, at = 0.0, -1
        while r > 0:
            if tree_best[r] > best:
                best, at = tree_best[r], tree_at[r]
            r -= r & -r
        total[k], back[k] = best + w, at
        r = rank[j]
        while r <= size:
            if total[k] > tree_best[r]:
                tree_best[r], tree_at[r] = total[k], k
            r += r & -r
    k = max(range(len(pairs)), key=total.__getitem__)
    chain: list[tuple[int, int]] = []
    while k != -1:
        chain.append((pairs[k][0], pairs[k][1]))
        k = back[k]
    chain.reverse()
    return chain
