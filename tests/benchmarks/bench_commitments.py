"""Commitments benchmark: this stage's time, peak memory and share of the JSON export.

Run: ``python tests/benchmarks/bench_commitments.py [--shared ../shared] [--repeat 3]``

1. A generated readout pair (~1 MB each, made here so this runs without ../shared): two
   participants, frames in several house styles, and a republication that drops, softens,
   strengthens, reattributes and adds commitments. Prints the stage's time, its peak memory
   and the statuses found next to the edits the generator made.
2. The ../shared/bench pair (King James vs World English Bible, 31k paragraphs each) when
   present: extraction per side, matching, the whole stage (target: at most 0.8 s), its peak
   memory (tracemalloc, the stage's own allocations), and its share of the end-to-end JSON
   export (load, compare, commitments, serialise; target at most 5 s overall).

Times are the best of ``--repeat`` runs; the machine's load shows in the spread.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import random
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from readout_tui.core.commitments import commitment_counts, compare_commitments  # noqa: E402
from readout_tui.core.commitments.extract import find_commitments  # noqa: E402
from readout_tui.core.commitments.match import pair_commitments  # noqa: E402
from readout_tui.core.compare import compare  # noqa: E402
from readout_tui.core.documents import document_from_text  # noqa: E402
from readout_tui.core.export.json_export import dumps  # noqa: E402
from readout_tui.core.model import Block, Document  # noqa: E402

T = TypeVar("T")

PEOPLE = [
    ("Japanese", "Japan", "Foreign Minister", "Taro Aso"),
    ("Kenyan", "Kenya", "Foreign Minister", "Amina Mohamed"),
]
OBJECTS = (
    "trade and investment facilitation|cooperation on vaccines|the energy transition|"
    "maritime security|people-to-people exchanges|the digital economy|climate finance|"
    "infrastructure connectivity|food security|the peace process"
).split("|")
VERBS = "strengthen|deepen|expand|promote|advance|coordinate on".split("|")
COMMITTED = [
    "{c1} is ready to {v} {o} with {c2}, {s1} said.",
    "{s2} said {c2} is willing to {v} {o}.",
    "The two sides agreed to {v} {o}.",
    "{c1} firmly supports {c2}'s efforts to {v} {o}, {s1} added.",
    "{s2}, for his part, said the two sides should {v} {o}.",
    "{s1} noted that {c1} will {v} {o}, adding that {c2} must {v} {o} too.",
]
FILLER = [
    "The two countries have conducted efficient coordination on {o}, he said.",
    "{s2} said {c2} is very satisfied with the progress on {o}.",
    "Last year, the two sides held several rounds of talks on {o}.",
]
SOFTER = [("is ready to", "is willing to"), ("firmly supports", "supports"), ("must", "should")]


def generated_pair(target_bytes: int = 1_000_000, seed: int = 11) -> tuple[str, str, Counter[str]]:
    """A readout-like original, its republication, and the edits made between them."""
    rng = random.Random(seed)
    (d1, c1, t1, n1), (d2, c2, t2, n2) = PEOPLE
    s1, s2 = n1.split()[-1], n2.split()[-1]
    head = f"Talks\n\n{d1} {t1} {n1} held talks with {d2} {t2} {n2} on Feb. 4."
    left: list[str] = [head]
    right: list[str] = [head]
    edits: Counter[str] = Counter()
    size = 0
    while size < target_bytes:
        # A numbered item makes each paragraph distinct, as real paragraphs are.
        o, v = f"{rng.choice(OBJECTS)} (item {len(left)})", rng.choice(VERBS)
        pool = COMMITTED if rng.random() < 0.7 else FILLER
        para = rng.choice(pool).format(c1=c1, c2=c2, s1=s1, s2=s2, o=o, v=v)
        size += len(para) + 2
        left.append(para)
        r = rng.random()
        if pool is FILLER or r < 0.70:
            right.append(para)
        elif r < 0.78:
            edits["dropped paragraph"] += 1
        elif r < 0.86 and any(a in para for a, _ in SOFTER):
            a, b = next(x for x in SOFTER if x[0] in para)
            right.append(para.replace(a, b, 1))
            edits["softened"] += 1
        elif r < 0.90 and any(b in para and a not in para for a, b in SOFTER[:2]):
            a, b = next(x for x in SOFTER[:2] if x[1] in para and x[0] not in para)
            right.append(para.replace(b, a, 1))
            edits["strengthened"] += 1
        elif r < 0.96 and f", {s1} said." in para:
            right.append(para.replace(f", {s1} said.", f", {s2} said."))
            edits["reattributed"] += 1
        else:
            right.append(para)
            new = f"{rng.choice(OBJECTS)} (new item {len(left)})"
            right.append(f"The two sides also agreed to {rng.choice(VERBS)} {new}.")
            edits["added paragraph"] += 1
    return "\n\n".join(left), "\n\n".join(right), edits


def best(repeat: int, fn: Callable[[], T]) -> tuple[float, T]:
    times: list[float] = []
    result: T | None = None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    assert result is not None
    return min(times), result


def peak_mb(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def stage(
    left: Document, right: Document, blocks: tuple[Block, ...], repeat: int, target: str = ""
) -> float:
    """Print the stage's figures; return its best time."""
    t_left, lf = best(repeat, lambda: find_commitments(left))
    t_right, rf = best(repeat, lambda: find_commitments(right))
    t_pair, _ = best(repeat, lambda: pair_commitments(lf, rf, blocks))
    t_all, found = best(repeat, lambda: compare_commitments(left, right, blocks))
    mem = peak_mb(lambda: compare_commitments(left, right, blocks))
    statuses = Counter(c.status for c in found)
    print(f"  commitments: {len(lf)} left, {len(rf)} right")
    print(f"  extract left {t_left:.3f} s, right {t_right:.3f} s, match {t_pair:.3f} s")
    print(f"  stage total {t_all:.3f} s{target}, peak {mem:.1f} MB (tracemalloc)")
    print(f"  statuses: {dict(sorted(statuses.items()))}")
    return t_all


def export_share(left_text: str, right_text: str, stage_time: float, target: str = "") -> None:
    """End-to-end JSON export with this stage, and the stage's share of it."""

    def run() -> str:
        left, right = document_from_text(left_text), document_from_text(right_text)
        comparison = compare(left, right)
        found = comparison.commitments or compare_commitments(left, right, comparison.blocks)
        summary = dataclasses.replace(comparison.summary, commitments=commitment_counts(found))
        return dumps(dataclasses.replace(comparison, commitments=found, summary=summary))

    t0 = time.perf_counter()
    run()
    total = time.perf_counter() - t0
    print(
        f"  JSON export end to end {total:.2f} s{target}; "
        f"commitments stage {stage_time:.2f} s = {stage_time / total:.0%} of it"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    print("Generated readout pair")
    left_text, right_text, edits = generated_pair()
    left, right = document_from_text(left_text), document_from_text(right_text)
    print(
        f"  {len(left.paragraphs)} / {len(right.paragraphs)} paragraphs, generator: {dict(edits)}"
    )
    blocks = compare(left, right).blocks
    t = stage(left, right, blocks, args.repeat)
    export_share(left_text, right_text, t)

    bench = Path(args.shared) / "bench"
    if not (bench / "kjv.txt").is_file() or not (bench / "web.txt").is_file():
        print(f"\nBench pair skipped: {bench} not found (it is not part of the project).")
        return 0
    print("\nBench pair (kjv.txt vs web.txt)")
    kjv = (bench / "kjv.txt").read_text(encoding="utf-8")
    web = (bench / "web.txt").read_text(encoding="utf-8")
    left, right = document_from_text(kjv), document_from_text(web)
    print(f"  {len(left.paragraphs)} / {len(right.paragraphs)} paragraphs")
    blocks = compare(left, right).blocks
    t = stage(left, right, blocks, args.repeat, " (target <= 0.8 s)")
    export_share(kjv, web, t, " (target <= 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
