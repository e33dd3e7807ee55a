"""Benchmark of review sessions and exports: prints figures, asserts nothing.

Run from the repository root:

    python tests/benchmarks/bench_review.py                 # sample pair + bench pair if present
    python tests/benchmarks/bench_review.py --pair OLD NEW

For each pair: the comparison time (for scale), then the time and size of every export
format with a review touching every change, and the session store's load and save times
(a save re-reads, merges and atomically rewrites the file, so it is the per-keypress cost).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"

from readout_tui.core.compare import compare  # noqa: E402
from readout_tui.core.documents import load_document  # noqa: E402
from readout_tui.core.export import WRITERS  # noqa: E402
from readout_tui.core.review import (  # noqa: E402
    change_targets,
    set_note,
    set_status,
    set_status_many,
)
from readout_tui.core.sessions import DATA_DIR_ENV, SessionStore  # noqa: E402
from readout_tui.samples import sample_paths  # noqa: E402


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def bench_pair(old: Path, new: Path) -> None:
    left, right = load_document(old), load_document(new)
    comparison, took = timed(compare, left, right)
    targets = change_targets(comparison)
    print(f"\n{old.name} vs {new.name}: {len(left.paragraphs)}/{len(right.paragraphs)} paragraphs,")
    print(f"  {len(targets)} changes; compare {took:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ[DATA_DIR_ENV] = tmp
        store = SessionStore.for_pair(left, right)
        loaded, took = timed(store.load, comparison)
        print(f"  session load (new): {took * 1000:.1f} ms")
        review = loaded.review
        # A realistic session first (a researcher's few thousand verdicts), then every change.
        for size in (2000, len(targets)):
            review = set_status_many(loaded.review, targets[:size], "accepted")
            for target in targets[:size:50]:
                review = set_note(review, target, "checked against the source")
            saves = []
            for n in range(5):
                review = set_note(review, targets[n % len(targets)], f"edit {n}")
                result, took = timed(store.save, review)
                review = result.review
                saves.append(took)
            kb = store.path.stat().st_size / 1e3 if store.path else 0
            print(
                f"  session save, {len(review.items)} items ({kb:.0f} kB, merge + atomic write): "
                f"median {statistics.median(saves) * 1000:.1f} ms"
            )
        singles = []
        for target in targets[:20]:
            _, took = timed(set_status, review, target, "flagged")
            singles.append(took)
        print(f"  one set_status on the full review: {statistics.median(singles) * 1000:.2f} ms")
        again, took = timed(SessionStore.for_pair(left, right).load, comparison)
        print(f"  session load (resume): {took * 1000:.1f} ms, status {again.status}")
    for fmt, writer in WRITERS.items():
        text, took = timed(writer, comparison, review)
        print(f"  export {fmt:<16} {took:6.2f} s  {len(text.encode()) / 1e6:7.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pair", nargs=2, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.pair:
        bench_pair(Path(args.pair[0]), Path(args.pair[1]))
        return
    bench_pair(*sample_paths())
    if (BENCH / "kjv.txt").is_file():
        bench_pair(BENCH / "kjv.txt", BENCH / "web.txt")


if __name__ == "__main__":
    main()
