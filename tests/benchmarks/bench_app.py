"""Benchmark of the Textual reader: launch, first screen, key latency, memory.

Prints figures; asserts nothing. Run from the repository root:

    python tests/benchmarks/bench_app.py            # sample pair + bench pair if present
    python tests/benchmarks/bench_app.py --pair OLD NEW

Targets (issue 3): the sample pair's first screen within 1 s of launch; on the 31k-paragraph
bench pair the first screen within 1 s after the comparison is done, ``]`` within 50 ms, and
the app's memory within 2x the engine's. Each measurement runs in its own process so that
peak memory (ru_maxrss) belongs to that measurement alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engine_only(old: str, new: str) -> dict[str, float]:
    from readout_tui.commands import load_pair
    from readout_tui.core.compare import compare

    left, right = load_pair(old, new, max_bytes=1 << 30)
    start = time.perf_counter()
    comparison = compare(left, right)
    elapsed = time.perf_counter() - start
    edits = sum(len(b.edits) for b in comparison.blocks)
    return {
        "compare_s": elapsed,
        "rss_mb": _rss_mb(),
        "blocks": len(comparison.blocks),
        "edits": edits,
    }


async def _app(old: str | None, new: str | None, presses: int, spawned: float) -> dict[str, float]:
    from readout_tui.commands import load_pair
    from readout_tui.ui.app import ReadoutApp
    from readout_tui.ui.widgets.diffview import DiffView

    app = ReadoutApp(load=lambda: load_pair(old, new, max_bytes=1 << 30), label="bench")
    out: dict[str, float] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        while "shown" not in app.marks:
            await asyncio.sleep(0.005)
        # From the moment the parent started this process (interpreter start included).
        out["launch_to_first_screen_s"] = (
            time.time() - (time.perf_counter() - app.marks["shown"]) - spawned
        )
        out["compare_done_to_first_screen_s"] = app.marks["shown"] - app.marks["compared"]
        out["rss_first_screen_mb"] = _rss_mb()
        diff = app.screen.query_one(DiffView)
        screen = app.screen

        def paint() -> None:
            # What a refresh costs: every visible line of the panes rendered.
            for y in range(diff.size.height):
                diff.render_line(y)

        async def handled(action: str, node: object = None) -> float:
            """The key's work: its action plus repainting the panes."""
            start = time.perf_counter()
            await (node or screen).run_action(action)  # type: ignore[attr-defined]
            paint()
            return time.perf_counter() - start

        async def round_trip(key: str) -> float:
            """A Pilot key press until the app is idle (includes the test harness's waits)."""
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            return time.perf_counter() - start

        times = [await handled("next_change") for _ in range(presses)]
        out["next_change_median_ms"] = statistics.median(times) * 1000
        out["next_change_max_ms"] = max(times) * 1000
        out["bottom_G_ms"] = await handled("bottom", diff) * 1000
        out["prev_change_at_end_ms"] = await handled("prev_change") * 1000
        out["top_g_ms"] = await handled("top", diff) * 1000
        jumps = [await handled("next_change") for _ in range(3)] + [
            await handled("page_down", diff) for _ in range(5)
        ]
        out["page_down_max_ms"] = max(jumps) * 1000
        out["inline_toggle_u_ms"] = await handled("toggle_inline") * 1000
        out["split_toggle_u_ms"] = await handled("toggle_inline") * 1000
        trips = [await round_trip("right_square_bracket") for _ in range(5)]
        out["pilot_round_trip_median_ms"] = statistics.median(trips) * 1000
        start = time.perf_counter()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        diff.render_line(0)
        out["resize_ms"] = (time.perf_counter() - start) * 1000
        out["rss_end_mb"] = _rss_mb()
    return out


def _child(mode: str, old: str | None, new: str | None, presses: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--presses", str(presses)]
    cmd += ["--spawned", repr(time.time())]
    if old and new:
        cmd += ["--pair", old, new]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _print(title: str, figures: dict[str, float]) -> None:
    print(f"== {title}")
    for key, value in figures.items():
        print(f"  {key:34s} {value:10.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--child", choices=["engine", "app"])
    parser.add_argument("--spawned", type=float, default=0.0)
    args = parser.parse_args()
    old, new = args.pair or (None, None)
    if args.child == "engine":
        print(json.dumps(engine_only(old, new)))
        return
    if args.child == "app":
        print(json.dumps(asyncio.run(_app(old, new, args.presses, args.spawned or time.time()))))
        return

    _print("sample pair: app", _child("app", None, None, args.presses))
    pairs = [tuple(args.pair)] if args.pair else []
    if not pairs and (BENCH / "kjv.txt").is_file():
        pairs = [(str(BENCH / "kjv.txt"), str(BENCH / "web.txt"))]
    for pair_old, pair_new in pairs:
        name = f"{Path(pair_old).name} vs {Path(pair_new).name}"
        engine = _child("engine", pair_old, pair_new, args.presses)
        _print(f"{name}: engine only", engine)
        app = _child("app", pair_old, pair_new, args.presses)
        _print(f"{name}: app", app)
        ratio = app["rss_end_mb"] / engine["rss_mb"]
        print(f"  {'memory app/engine (peak RSS)':34s} {ratio:10.2f}x")


if __name__ == "__main__":
    main()
