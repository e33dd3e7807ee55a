"""Engine benchmark: prints time, peak memory and alignment quality figures.

Run: ``python tests/benchmarks/bench_engine.py [--shared ../shared] [--skip-difflib]``

1. A generated ~1 MB pair (made here, so this runs without ../shared): end-to-end JSON export
   time; target at most 1 s.
2. The ../shared/bench pair (King James vs World English Bible, 31k verses each) when present:
   JSON export end to end (load, compare, serialise) in at most 5 s and at most 500 MB peak,
   per-stage times, and the share of verse pairs found and its precision against a reference
   alignment. The reference uses what is known about the pair (same verses, same order, the
   newer version omits a few): an exhaustive banded dynamic programme over the diagonal that
   allows exactly ``len(kjv) - len(web)`` omissions, scored by word overlap. It is slow but
   independent of the engine's candidate index and anchors.
3. A difflib-based reference comparison (SequenceMatcher over paragraphs, pairing inside
   replace runs by ratio as difflib.Differ does) timed on a slice where it finishes, next to
   the engine on the same slice.

Peak memory is measured in a child process (``ru_maxrss``) so each figure starts clean.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

print = functools.partial(print, flush=True)
HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from readout_tui.core.compare import compare  # noqa: E402
from readout_tui.core.documents import document_from_text  # noqa: E402
from readout_tui.core.export import export_bytes  # noqa: E402
from tests.benchmarks.reference import reference_pairs  # noqa: E402

WORDS = (
    "cooperation strategic partnership dialogue security stability region economic trade "
    "investment development sovereignty multilateral consensus framework agreement summit "
    "bilateral relations exchange pandemic vaccine innovation energy infrastructure climate "
    "support pledge firmly jointly promote strengthen safeguard uphold minister president"
).split()


def generated_pair(target_bytes: int = 1_000_000, seed: int = 7) -> tuple[str, str]:
    """A synthetic original and a republication with edits, omissions, splits and merges."""
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < target_bytes:
        sents = []
        for _ in range(rng.randint(1, 4)):
            n = rng.randint(8, 30)
            words = [rng.choice(WORDS) for _ in range(n)]
            words[0] = words[0].capitalize()
            sents.append(" ".join(words) + rng.choice([".", ".", ", he said."]))
        para = " ".join(sents)
        paras.append(para)
        size += len(para) + 2
    out: list[str] = []
    k = 0
    while k < len(paras):
        p = paras[k]
        r = rng.random()
        if r < 0.05:
            k += 1  # omitted
            continue
        if r < 0.08:
            out.append("An inserted paragraph about " + " ".join(rng.sample(WORDS, 12)) + ".")
        if r < 0.5:
            ws = p.split(" ")
            for _ in range(rng.randint(1, 3)):
                ws[rng.randrange(len(ws))] = rng.choice(WORDS)
            p = " ".join(ws)
        if 0.5 < r < 0.53 and k + 1 < len(paras):
            p = p + " " + paras[k + 1]  # merge
            k += 1
        out.append(p)
        k += 1
    return "\n\n".join(paras), "\n\n".join(out)


def export_seconds(left_text: str, right_text: str) -> tuple[float, dict[str, float], bytes]:
    t0 = time.perf_counter()
    left = document_from_text(left_text, path="left.txt")
    right = document_from_text(right_text, path="right.txt")
    t1 = time.perf_counter()
    sub: dict[str, float] = {}
    comparison = compare(left, right, timings=sub)
    t2 = time.perf_counter()
    data = export_bytes("json", comparison)  # what `readout-tui export -f json` writes
    t3 = time.perf_counter()
    stages = {"documents": t1 - t0, "compare": t2 - t1, "json": t3 - t2}
    stages.update({f"  {k}": v for k, v in sub.items()})
    return t3 - t0, stages, data


def child_peak_mb(args: list[str]) -> tuple[float, str]:
    """Run this script in a child with ``args`` and return (peak RSS MB, its stdout)."""
    proc = subprocess.run(
        [sys.executable, str(HERE), *args], capture_output=True, text=True, check=True
    )
    peak = float(proc.stdout.strip().splitlines()[-1])
    return peak, proc.stdout


def difflib_reference(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    """difflib: SequenceMatcher over paragraphs; inside replace runs pair by best ratio."""
    pairs: list[tuple[int, int]] = []
    sm = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend((i1 + k, j1 + k) for k in range(i2 - i1))
        elif tag == "replace":
            for i in range(i1, i2):
                best, best_j = 0.74, -1  # Differ's cutoff
                for j in range(j1, j2):
                    r = difflib.SequenceMatcher(None, left[i], right[j]).ratio()
                    if r > best:
                        best, best_j = r, j
                if best_j >= 0:
                    pairs.append((i, best_j))
    return pairs


def engine_pairs(export: dict[str, object]) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for block in export["blocks"]:  # type: ignore[attr-defined]
        if block["op"] in ("delete", "insert", "boilerplate"):
            continue
        found.update((i, j) for i in block["left"] for j in block["right"])
    return found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--skip-difflib", action="store_true")
    ap.add_argument("--child", choices=["generated", "bench"], help=argparse.SUPPRESS)
    a = ap.parse_args()

    if a.child:
        if a.child == "generated":
            lt, rt = generated_pair()
        else:
            lt = (Path(a.shared) / "bench" / "kjv.txt").read_text(encoding="utf-8")
            rt = (Path(a.shared) / "bench" / "web.txt").read_text(encoding="utf-8")
        secs, stages, _ = export_seconds(lt, rt)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"seconds": secs, "stages": stages, "forked_peak_mb": kids}))
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return 0

    lt, rt = generated_pair()
    print(f"generated pair: {len(lt) / 1e6:.2f} MB + {len(rt) / 1e6:.2f} MB")
    peak, out = child_peak_mb(["--child", "generated"])
    info = json.loads(out.splitlines()[0])
    print(f"  JSON export end to end: {info['seconds']:.2f} s (target <= 1 s), peak {peak:.0f} MB")

    bench = Path(a.shared) / "bench"
    if not (bench / "kjv.txt").exists():
        print(f"bench pair: {bench} not found, skipped")
        return 0
    kjv = (bench / "kjv.txt").read_text(encoding="utf-8")
    web = (bench / "web.txt").read_text(encoding="utf-8")
    peak, out = child_peak_mb(["--child", "bench", "--shared", a.shared])
    info = json.loads(out.splitlines()[0])
    print("bench pair (KJV vs WEB):")
    print(f"  JSON export end to end: {info['seconds']:.2f} s (target <= 5 s)")
    print(
        f"  peak memory: {peak:.0f} MB (target <= 500 MB); the forked helpers peaked at "
        f"{info['forked_peak_mb']:.0f} MB, most of it pages shared with the main process"
    )
    for stage, secs in info["stages"].items():
        print(f"    {stage:<22} {secs:6.2f} s")

    _, _, data = export_seconds(kjv, web)
    export = json.loads(data)
    lp = [p["text"] for p in export["documents"]["left"]["paragraphs"]]
    rp = [p["text"] for p in export["documents"]["right"]["paragraphs"]]
    t0 = time.perf_counter()
    truth = reference_pairs(lp, rp)
    t_ref = time.perf_counter() - t0
    found = engine_pairs(export)
    hit = len(found & truth)
    print(
        f"  verse pairs: recall {hit / len(truth):.4f}, precision {hit / len(found):.4f} "
        f"(targets >= 0.98 both; reference: {len(truth)} pairs, built in {t_ref:.1f} s)"
    )

    if not a.skip_difflib:
        # difflib pairs inside replace runs by trying every pair (as Differ does): quadratic,
        # so the slice grows until one run takes a few seconds.
        n, t_difflib = 100, 0.0
        while True:
            sl, sr = lp[:n], rp[:n]
            t0 = time.perf_counter()
            ref = difflib_reference(sl, sr)
            t_difflib = time.perf_counter() - t0
            if t_difflib > 3 or n >= len(lp):
                break
            n *= 2
        t0 = time.perf_counter()
        sub = compare(document_from_text("\n\n".join(sl)), document_from_text("\n\n".join(sr)))
        t_engine = time.perf_counter() - t0
        sub_truth = {(i, j) for i, j in truth if i < n and j < n}
        sub_found = {
            (i, j)
            for b in sub.blocks
            if b.op not in ("delete", "insert", "boilerplate")
            for i in b.left
            for j in b.right
        }
        ref_hit = len(set(ref) & sub_truth)
        print(
            f"difflib reference on the first {n} verses: {t_difflib:.2f} s, "
            f"engine {t_engine:.2f} s (difflib/engine = {t_difflib / t_engine:.1f}x); "
            f"recall difflib {ref_hit / len(sub_truth):.3f}, "
            f"engine {len(sub_found & sub_truth) / len(sub_truth):.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
