"""Order-preserving chains: checked against brute force on small random inputs."""

from __future__ import annotations

from itertools import combinations, pairwise

from hypothesis import given
from hypothesis import strategies as st

from readout_tui.core.chains import heaviest_chain, longest_chain

pairs_st = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 6), st.integers(1, 9)),
    max_size=8,
    unique_by=lambda p: (p[0], p[1]),
)


def increasing(chain: list[tuple[int, int]]) -> bool:
    return all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(chain))


@given(pairs_st)
def test_heaviest_chain_is_optimal(pairs: list[tuple[int, int, int]]) -> None:
    chain = heaviest_chain([(i, j, float(w)) for i, j, w in pairs])
    assert increasing(chain)
    weight = {(i, j): w for i, j, w in pairs}
    best = max(
        (
            sum(weight[(i, j)] for i, j, _ in sub)
            for r in range(len(pairs) + 1)
            for sub in combinations(sorted(pairs), r)
            if increasing([(i, j) for i, j, _ in sub])
        ),
        default=0,
    )
    assert sum(weight[p] for p in chain) == best


@given(pairs_st)
def test_longest_chain_is_longest(pairs: list[tuple[int, int, int]]) -> None:
    simple = sorted({(i, j) for i, j, _ in pairs})
    chain = longest_chain(simple)
    assert increasing(chain) and set(chain) <= set(simple)
    longest = max(
        (
            r
            for r in range(len(simple) + 1)
            for sub in combinations(simple, r)
            if increasing(list(sub))
        ),
        default=0,
    )
    assert len(chain) == longest
