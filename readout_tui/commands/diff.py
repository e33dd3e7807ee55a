"""Print a readable comparison: ``readout-tui diff OLD NEW``.

Side by side when the terminal is wide enough, inline otherwise (or with ``--inline``). On a
terminal, deleted words are red and struck, inserted words green; when piped or with NO_COLOR
set, the output is plain text and edits are marked wdiff-style (``[-old-]{+new+}``) so it stays
readable in a file or an email. Document text is only ever placed into ``rich.text.Text``
objects, never parsed as markup.
"""

from __future__ import annotations

import argparse
import os
import sys

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from readout_tui.commands import add_input_options, load_pair
from readout_tui.core.compare import compare
from readout_tui.core.model import Block, Comparison, Document, Span
from readout_tui.core.safe_text import printable

SIDE_BY_SIDE_MIN_WIDTH = 100
_OP_LABEL = {
    "equal": "=",
    "edit": "~",
    "split": "1→n",
    "merge": "n→1",
    "delete": "omitted",
    "insert": "added",
    "move": "moved",
    "boilerplate": "boilerplate",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", nargs="?", help="the original version (default: sample pair)")
    parser.add_argument("new", nargs="?", help="the revised version")
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--inline", action="store_true", help="one column with redline marks")
    layout.add_argument("--side-by-side", action="store_true", help="two columns")
    parser.add_argument(
        "--changes-only", action="store_true", help="leave out unchanged paragraphs"
    )
    add_input_options(parser)


def _marked(
    doc: Document,
    indices: tuple[int, ...],
    spans: list[tuple[Span, str]],
    *,
    plain: bool,
) -> Text:
    """The paragraphs ``indices`` of ``doc`` with ``spans`` styled (or bracketed when plain)."""
    out = Text()
    for n, i in enumerate(indices):
        if n:
            out.append(" ¶ " if plain else "\n¶ ", style="dim")
        text = doc.paragraphs[i].text
        pos = 0
        for span, style in sorted(
            (s for s in spans if s[0].paragraph == i), key=lambda s: s[0].start
        ):
            if span.start < pos or span.start == span.end:
                continue
            out.append(printable(text[pos : span.start]))
            chunk = printable(text[span.start : span.end])
            if plain:
                out.append(f"[-{chunk}-]" if style == "del" else f"{{+{chunk}+}}")
            else:
                out.append(chunk, style="red strike" if style == "del" else "green underline")
            pos = span.end
        out.append(printable(text[pos:]))
    return out


def _inline(comparison: Comparison, block: Block, *, plain: bool) -> Text:
    """One redline paragraph: each edit's old words then new words, in place."""
    left, right = comparison.left, comparison.right
    if not block.right:
        return _marked(left, block.left, [], plain=plain)
    if not block.left:
        return _marked(right, block.right, [], plain=plain)
    out = Text()
    for n, j in enumerate(block.right):
        if n:
            out.append(" ¶ " if plain else "\n¶ ", style="dim")
        text = right.paragraphs[j].text
        pos = 0
        for e in sorted(
            (e for e in block.edits if e.right is not None and e.right.paragraph == j),
            key=lambda e: e.right.start if e.right else 0,
        ):
            assert e.right is not None
            out.append(printable(text[pos : e.right.start]))
            old = printable(e.left.text) if e.left else ""
            new = printable(e.right.text)
            if plain:
                out.append((f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else ""))
            else:
                if old:
                    out.append(old, style="red strike")
                if new:
                    out.append(new, style="green underline")
            pos = e.right.end
        out.append(printable(text[pos:]))
    return out


def _header(comparison: Comparison) -> Text:
    s = comparison.summary
    ops = " · ".join(f"{n} {op}" for op, n in s.blocks_by_op.items())
    kinds = ", ".join(f"{n} {k}" for k, n in s.edits_by_kind.items()) or "no word edits"
    head = Text()
    head.append(f"{comparison.left.name} ({comparison.left.encoding})", style="bold")
    head.append("  ⇄  ")
    head.append(f"{comparison.right.name} ({comparison.right.encoding})", style="bold")
    head.append(
        f"\nretained {s.left_retained:.0%} of left · reused {s.right_reused:.0%} of right · "
        f"{ops}\nedits: {kinds}"
    )
    for notice in comparison.notices:
        head.append(f"\n{notice}", style="yellow")
    return head


def render(
    comparison: Comparison, *, side_by_side: bool, plain: bool, changes_only: bool = False
) -> list[RenderableType]:
    """Renderables for the whole comparison."""
    out: list[RenderableType] = [_header(comparison), Rule()]
    left, right = comparison.left, comparison.right
    table: Table | None = None
    if side_by_side:
        table = Table(show_header=True, expand=True, box=None, pad_edge=False, show_lines=True)
        table.add_column("", width=11, no_wrap=True, style="dim")
        table.add_column(left.name, ratio=1)
        table.add_column(right.name, ratio=1)
    for block in comparison.blocks:
        if changes_only and block.op == "equal" and not block.moved:
            continue
        label = _OP_LABEL[block.op] + (" ↕" if block.moved and block.op != "move" else "")
        if table is not None:
            lspans = [(e.left, "del") for e in block.edits if e.left is not None]
            rspans = [(e.right, "ins") for e in block.edits if e.right is not None]
            ltext = _marked(left, block.left, lspans, plain=plain) if block.left else Text("—")
            rtext = _marked(right, block.right, rspans, plain=plain) if block.right else Text("—")
            table.add_row(Text(label), ltext, rtext)
        else:
            row = Text(f"[{label}] ", style="dim")
            row.append_text(_inline(comparison, block, plain=plain))
            out.append(row)
            out.append(Text(""))
    if table is not None:
        out.append(table)
    return out


def run(args: argparse.Namespace) -> int:
    left, right = load_pair(args.old, args.new, max_bytes=args.max_size)
    comparison = compare(left, right)
    plain = not sys.stdout.isatty() or "NO_COLOR" in os.environ
    console = Console(
        no_color=plain,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        force_terminal=None if not plain else False,
    )
    if args.side_by_side:
        side_by_side = True
    elif args.inline:
        side_by_side = False
    else:
        side_by_side = console.width >= SIDE_BY_SIDE_MIN_WIDTH
    console.print(
        Group(
            *render(
                comparison,
                side_by_side=side_by_side,
                plain=plain,
                changes_only=args.changes_only,
            )
        )
    )
    return 0
