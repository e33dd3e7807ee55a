"""Reference alignment for the KJV/WEB bench pair, independent of the engine's method.

The two files hold the same verses in the same order, the newer one omitting a few; this
exhaustive dynamic programme over a narrow band of the diagonal finds the best pairing with
exactly ``len(left) - len(right)`` omissions, scored by content-word overlap.
"""

from __future__ import annotations

from readout_tui.core.tokens import content_words


def reference_pairs(left: list[str], right: list[str]) -> set[tuple[int, int]]:
    """Banded exhaustive alignment for same-order texts with ``len(left) - len(right)`` gaps."""
    gaps = len(left) - len(right)
    lw = [set(content_words(t)) for t in left]
    rw = [set(content_words(t)) for t in right]

    def sim(i: int, j: int) -> float:
        a, b = lw[i], rw[j]
        return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0

    neg = float("-inf")
    # score[d] after processing right j: best with d omissions so far (left index = j + d)
    score = [0.0] + [neg] * gaps
    back: list[list[int]] = []
    for j in range(len(right)):
        new = [neg] * (gaps + 1)
        choice = [0] * (gaps + 1)
        for d in range(gaps + 1):
            # right j matches left j + d, after possibly skipping left paragraphs
            for prev_d in range(d + 1):
                if score[prev_d] == neg:
                    continue
                v = score[prev_d] + sim(j + d, j)
                if v > new[d]:
                    new[d], choice[d] = v, prev_d
        score = new
        back.append(choice)
    pairs: set[tuple[int, int]] = set()
    d = gaps
    for j in range(len(right) - 1, -1, -1):
        pairs.add((j + d, j))
        d = back[j][d]
    return pairs
