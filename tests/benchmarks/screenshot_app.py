"""Save an SVG screenshot of the reader for the README: ``docs/screenshot.svg``.

Runs the app headless on the bundled sample pair (through the real engine), walks to a
change so the details bar has something to say, and saves what the terminal would show.

    python tests/benchmarks/screenshot_app.py [--keys "] ] ]"] [--size 140x42] [OUT.svg]
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from readout_tui.commands import load_pair
from readout_tui.ui.app import ReadoutApp
from readout_tui.ui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parents[2]


async def shoot(out: Path, keys: list[str], size: tuple[int, int]) -> None:
    app = ReadoutApp(load=lambda: load_pair(None, None), label="the sample pair")
    async with app.run_test(size=size) as pilot:
        while not isinstance(app.screen, MainScreen):
            await pilot.pause(0.02)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        app.save_screenshot(filename=out.name, path=str(out.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshot.svg"))
    parser.add_argument("--keys", default="] ] ] ]")
    parser.add_argument("--size", default="140x42")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(shoot(out, args.keys.split(), (width, height)))
    print(out)


if __name__ == "__main__":
    main()
