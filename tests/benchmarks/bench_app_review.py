"""Benchmark of reviewing in the app: key latency of verdicts while sessions save in the
background. Prints figures; asserts nothing. Run from the repository root:

    python tests/benchmarks/bench_app_review.py            # the bench pair (kjv vs web)
    python tests/benchmarks/bench_app_review.py --pair OLD NEW

A verdict key changes the review in memory and redraws; the save runs in a daemon thread
after a short delay, so what a key press costs must not depend on the session's size. The
figures: a verdict key (action + repaint of the panes), the same while a full-size save runs
in the background (the thread competes for the interpreter), accept-all on every change,
the unreviewed-only step when almost everything is reviewed, the background save itself,
opening a session with every change reviewed, and the save on quit.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"


async def run(old: str, new: str, presses: int) -> dict[str, float]:
    from readout_tui.commands import load_pair
    from readout_tui.ui.app import ReadoutApp
    from readout_tui.ui.review_session import SessionChoice
    from readout_tui.ui.screens.main import MainScreen
    from readout_tui.ui.widgets.diffview import DiffView

    out: dict[str, float] = {}
    folder = Path(tempfile.mkdtemp())
    os.environ["READOUT_TUI_DATA_DIR"] = str(folder)
    session = folder / "bench-session.json"

    def make_app() -> ReadoutApp:
        return ReadoutApp(
            load=lambda: load_pair(old, new, max_bytes=1 << 30),
            label="bench",
            session=SessionChoice(file=session),
        )

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        while "shown" not in app.marks:
            await asyncio.sleep(0.01)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        diff = screen.query_one(DiffView)
        keeper = app.keeper
        assert keeper is not None
        book = screen.book
        out["changes"] = len(book.ids)

        def paint() -> None:
            for y in range(diff.size.height):
                diff.render_line(y)

        async def handled(action: str) -> float:
            start = time.perf_counter()
            await screen.run_action(action)
            paint()
            return time.perf_counter() - start

        async def verdicts(n: int) -> list[float]:
            times = []
            for k in range(n):
                await screen.run_action("next_change")
                key = ("review('accepted')", "review('flagged')", "review('rejected')")[k % 3]
                times.append(await handled(key))
            return times

        times = await verdicts(presses)
        out["verdict_key_median_ms"] = statistics.median(times) * 1000
        out["verdict_key_max_ms"] = max(times) * 1000
        await keeper.flush()

        # Accept every change the walk visits (what A then y does), timed without the dialog.
        changes = [c for c in screen.reader.selection if book.is_unreviewed(c)]
        start = time.perf_counter()
        book.mark([book.ids[c] for c in changes], "accepted")
        gc.freeze()  # as the accept-all action does
        screen._review_changed(None)
        paint()
        out["accept_all_ms"] = (time.perf_counter() - start) * 1000
        out["accept_all_changes"] = len(changes)

        # The save of the whole review now runs in the background: press keys meanwhile.
        keeper._due()
        assert keeper._running is not None
        save_start = time.perf_counter()
        during = []
        while keeper._running is not None and len(during) < 200:
            during += await verdicts(1)
            await asyncio.sleep(0.01)
        await keeper.flush()
        out["background_save_s"] = time.perf_counter() - save_start
        out["verdict_key_during_save_median_ms"] = statistics.median(during) * 1000
        out["verdict_key_during_save_max_ms"] = max(during) * 1000
        out["keys_pressed_during_save"] = len(during)

        # Unreviewed-only: leave one change unreviewed far away, then step to it.
        last = screen.reader.selection[-1]
        book.mark([book.ids[last]], "unreviewed") if not book.is_unreviewed(last) else None
        await screen.run_action("top")
        screen.unreviewed_only = True
        out["unreviewed_step_far_ms"] = await handled("next_change") * 1000
        screen.unreviewed_only = False

        await screen.run_action("review('flagged')")
        start = time.perf_counter()
        await pilot.press("q")
        await pilot.pause()
        out["quit_with_pending_save_s"] = time.perf_counter() - start

    from readout_tui.core.compare import compare
    from readout_tui.core.sessions import SessionStore
    from readout_tui.ui.reader import Reader
    from readout_tui.ui.review_book import ReviewBook

    left, right = load_pair(old, new, max_bytes=1 << 30)
    comparison = compare(left, right)
    reader = Reader(comparison)
    start = time.perf_counter()
    store = SessionStore.for_pair(left, right, session_file=session)
    loaded = store.load(comparison)
    ReviewBook(reader, loaded.review)
    out["open_full_session_s"] = time.perf_counter() - start
    out["session_items"] = len(loaded.review.items)
    out["session_file_mb"] = session.stat().st_size / 1e6
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    old, new = args.pair or (str(BENCH / "kjv.txt"), str(BENCH / "web.txt"))
    if not Path(old).is_file():
        print(f"no bench pair at {old}; give --pair OLD NEW")
        return
    figures = asyncio.run(run(old, new, args.presses))
    print(f"== {Path(old).name} vs {Path(new).name}: reviewing in the app")
    for key, value in figures.items():
        print(f"  {key:36s} {value:12.3f}")


if __name__ == "__main__":
    main()
