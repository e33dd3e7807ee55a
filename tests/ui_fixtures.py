"""Hand-made comparisons for the reader's tests: every block operation, edits of several
kinds, a typo, an artifact and commitments, independent of the engine's current output.

The texts are invented (two fictional ministers) so the tests never lean on the sample pair.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from readout_tui.core.documents import document_from_text
from readout_tui.core.ids import IdMaker
from readout_tui.core.model import (
    Artifact,
    Block,
    BlockOp,
    Commitment,
    CommitmentCounts,
    Comparison,
    Document,
    Edit,
    EditKind,
    EditOp,
    Span,
    Summary,
    Typo,
)

LEFT = [
    "OSTRAVA, March 3 -- Foreign Minister Anna Berg of Norland held talks with Estavian "
    "Foreign Minister Paul Kade on Tuesday.",
    "Berg said Norland will firmly support the reform agenda of Estavia and is ready to "
    "expand trade by 20 percent.",
    "The two ministers reviewed the history of relations. They agreed that regular dialogue "
    "serves both peoples.",
    "Kade recalled the founding of the joint commission in 1995.",
    "He said Estavia is willing to host the next round of talks.",
    "Both sides pledged to hold annual consultations.",
    "They also agreed to open a new consulate in the northern region.",
    "Berg invited Kade to visit Norland next year, and Kade accepted the invitation.",
    "The talks were held in a friendly and constructive atmosphere.",
    "Estavia opposes any unilateral sanctions, Kade said.",
]

RIGHT = [
    "Share this: Facebook | Twitter | Email",
    "Norland and Estavia to deepen ties",
    "Estavia opposes any unilateral sanctions, Kade said.",
    "img_0042.jpgOSTRAVA, March 4 -- foreign minister Anna Berg of Norland met Estavian "
    "Foreign Minister Paul Kade on Tuesday.",
    "Berg said Norland may support the refrom agenda of Estavia and is ready to expand trade "
    "by 25 percent.",
    "The two ministers reviewed the history of relations.",
    "They agreed, that regular dialogue serves both peoples.",
    "Both sides pledged to hold annual consultations and agreed to open a new consulate in "
    "the northern region.",
    "Berg invited Kade to visit Norland next year, and Kade accepted the invitation.",
    "The talks were held in a friendly and constructive atmosphere.",
    "Observers expect the consulate to open before the end of the yaer.&nbsp;",
]


def doc(paragraphs: list[str], path: str) -> Document:
    document = document_from_text("\n\n".join(paragraphs), path=path)
    assert [p.text for p in document.paragraphs] == paragraphs, "segmentation changed"
    return document


def span(document: Document, para: int, text: str, *, at: str | None = None) -> Span:
    """The span of ``text`` in a paragraph; with ``text == ""``, an empty span before ``at``."""
    source = document.paragraphs[para].text
    if text:
        start = source.index(text)
        return Span(para, start, start + len(text), text)
    start = source.index(at) if at is not None else len(source)
    return Span(para, start, start, "")


class _Edits:
    def __init__(self, left: Document, right: Document) -> None:
        self.left, self.right = left, right
        self.ids = IdMaker("e")

    def make(
        self,
        op: EditOp,
        kind: EditKind,
        lpara: int,
        ltext: str,
        rpara: int,
        rtext: str,
        *,
        lat: str | None = None,
        rat: str | None = None,
        suggestion: str | None = None,
    ) -> Edit:
        return Edit(
            self.ids.make(op, ltext, rtext),
            op,
            kind,
            span(self.left, lpara, ltext, at=lat),
            span(self.right, rpara, rtext, at=rat),
            suggestion,
        )


def _block(
    ids: IdMaker, op: BlockOp, left: tuple[int, ...], right: tuple[int, ...], **kw: object
) -> Block:
    return Block(ids.make(op, repr(left), repr(right)), op, left, right, **kw)  # type: ignore[arg-type]


def make_comparison(*, commitments: bool = True) -> Comparison:
    """A small comparison with every block operation and several kinds of change."""
    left = doc(LEFT, "ministry.txt")
    right = doc(RIGHT, "reprint.txt")
    e = _Edits(left, right)
    ids = IdMaker("b")
    blocks = (
        _block(ids, "boilerplate", (), (0,), similarity=0.0),
        _block(ids, "insert", (), (1,), similarity=0.0),
        _block(ids, "move", (9,), (2,), similarity=1.0, moved=True),
        _block(
            ids,
            "edit",
            (0,),
            (3,),
            similarity=0.86,
            edits=(
                e.make("insert", "artifact", 0, "", 3, "img_0042.jpg", lat="OSTRAVA"),
                e.make("replace", "date", 0, "March 3", 3, "March 4"),
                e.make("replace", "case", 0, "Foreign Minister Anna", 3, "foreign minister Anna"),
                e.make("replace", "paraphrase", 0, "held talks with", 3, "met"),
            ),
        ),
        _block(
            ids,
            "edit",
            (1,),
            (4,),
            similarity=0.9,
            edits=(
                e.make("replace", "modality", 1, "will firmly", 4, "may"),
                e.make("replace", "typo", 1, "reform", 4, "refrom", suggestion="reform"),
                e.make("replace", "number", 1, "20", 4, "25"),
            ),
        ),
        _block(
            ids,
            "split",
            (2,),
            (5, 6),
            similarity=0.97,
            edits=(e.make("insert", "punctuation", 2, "", 6, ",", lat=" that", rat=" that"),),
        ),
        _block(ids, "delete", (3,), (), similarity=0.0),
        _block(ids, "delete", (4,), (), similarity=0.0),
        _block(
            ids,
            "merge",
            (5, 6),
            (7,),
            similarity=0.88,
            edits=(
                e.make("replace", "paraphrase", 5, ".", 7, " and"),
                e.make("delete", "paraphrase", 6, "They also ", 7, "", rat="agreed to open"),
            ),
        ),
        _block(ids, "equal", (7,), (8,), similarity=1.0),
        _block(ids, "equal", (8,), (9,), similarity=1.0),
        _block(ids, "insert", (), (10,), similarity=0.0),
    )
    typo_span = span(right, 4, "refrom")
    yaer = span(right, 10, "yaer")
    nbsp = span(right, 10, "&nbsp;")
    typos = (
        Typo("t-1", "right", 4, typo_span.start, typo_span.end, "refrom", "reform", 0.95, "both"),
        Typo("t-2", "right", 10, yaer.start, yaer.end, "yaer", "year", 0.8, "dictionary"),
    )
    artifacts = (Artifact("a-1", "right", 10, nbsp.start, nbsp.end, "&nbsp;", "HTML entity"),)
    commits = _commitments(left, right) if commitments else ()
    by_op: dict[str, int] = {}
    for block in blocks:
        by_op[block.op] = by_op.get(block.op, 0) + 1
    by_kind: dict[str, int] = {}
    for block in blocks:
        for edit in block.edits:
            by_kind[edit.kind] = by_kind.get(edit.kind, 0) + 1
    summary = Summary(
        left_paragraphs=len(LEFT),
        right_paragraphs=len(RIGHT),
        blocks_by_op=by_op,
        edits_by_kind=by_kind,
        typos=len(typos),
        commitments=CommitmentCounts(
            left=sum(c.side == "left" for c in commits),
            right=sum(c.side == "right" for c in commits),
            dropped=sum(c.status == "dropped" for c in commits),
            added=sum(c.status == "added" for c in commits),
        ),
        left_retained=0.82,
        right_reused=0.77,
    )
    return Comparison(left, right, blocks, summary, typos, artifacts, commits)


def _commitment(
    cid: str,
    document: Document,
    side: str,
    para: int,
    clause: str,
    speaker: str,
    **kw: object,
) -> Commitment:
    s = span(document, para, clause)
    return Commitment(cid, side, para, s.start, s.end, clause, speaker, **kw)  # type: ignore[arg-type]


def _commitments(left: Document, right: Document) -> tuple[Commitment, ...]:
    return (
        _commitment(
            "c-l1",
            left,
            "left",
            1,
            "will firmly support the reform agenda of Estavia",
            "Anna Berg",
            holder="Norland",
            type="support",
            strength=5,
            cue="will firmly support",
            status="softened",
            counterpart="c-r1",
        ),
        _commitment(
            "c-l2",
            left,
            "left",
            1,
            "is ready to expand trade by 20 percent",
            "Anna Berg",
            holder="Norland",
            type="readiness",
            strength=4,
            cue="is ready to",
            status="changed",
            counterpart="c-r2",
        ),
        _commitment(
            "c-l3",
            left,
            "left",
            4,
            "is willing to host the next round of talks",
            "Paul Kade",
            holder="Estavia",
            type="readiness",
            strength=3,
            cue="is willing to",
            status="dropped",
        ),
        _commitment(
            "c-l4",
            left,
            "left",
            5,
            "pledged to hold annual consultations",
            "both sides",
            holder=None,
            type="pledge",
            strength=5,
            cue="pledged to",
            status="kept",
            counterpart="c-r4",
        ),
        _commitment(
            "c-l5",
            left,
            "left",
            9,
            "opposes any unilateral sanctions",
            "Paul Kade",
            holder="Estavia",
            type="opposition",
            strength=4,
            cue="opposes",
            status="kept",
            counterpart="c-r5",
        ),
        _commitment(
            "c-r1",
            right,
            "right",
            4,
            "may support the refrom agenda of Estavia",
            "Anna Berg",
            holder="Norland",
            type="support",
            strength=2,
            cue="may support",
            status="softened",
            counterpart="c-l1",
        ),
        _commitment(
            "c-r2",
            right,
            "right",
            4,
            "is ready to expand trade by 25 percent",
            "Anna Berg",
            holder="Norland",
            type="readiness",
            strength=4,
            cue="is ready to",
            status="changed",
            counterpart="c-l2",
        ),
        _commitment(
            "c-r4",
            right,
            "right",
            7,
            "pledged to hold annual consultations",
            "both sides",
            holder=None,
            type="pledge",
            strength=5,
            cue="pledged to",
            status="kept",
            counterpart="c-l4",
        ),
        _commitment(
            "c-r5",
            right,
            "right",
            2,
            "opposes any unilateral sanctions",
            "Paul Kade",
            holder="Estavia",
            type="opposition",
            strength=4,
            cue="opposes",
            status="kept",
            counterpart="c-l5",
        ),
        _commitment(
            "c-r6",
            right,
            "right",
            1,
            "Norland and Estavia to deepen ties",
            "both sides",
            holder=None,
            type="plan",
            strength=3,
            cue="to deepen",
            status="added",
        ),
    )


INJECTION = "Markup [bold red]x[/] and [link=https://evil.example]click[/link] stay literal."
ESCAPES = "An escape \x1b[31mred\x1b[0m, a bell \x07 and a title \x1b]0;pwned\x07 here."


def make_injection_comparison() -> Comparison:
    """Two documents whose text looks like Rich markup and terminal escape sequences."""
    left_paras = ["Plain opening paragraph.", INJECTION, ESCAPES]
    right_paras = ["Plain opening paragraph.", INJECTION.replace("literal", "verbatim"), ESCAPES]
    left = document_from_text("\n\n".join(left_paras), path="[red]left[blink].txt")
    right = document_from_text("\n\n".join(right_paras), path="right\x1b[2J.txt")
    e = _Edits(left, right)
    ids = IdMaker("b")
    blocks = (
        _block(ids, "equal", (0,), (0,), similarity=1.0),
        _block(
            ids,
            "edit",
            (1,),
            (1,),
            similarity=0.95,
            edits=(e.make("replace", "paraphrase", 1, "literal", 1, "verbatim"),),
        ),
        _block(ids, "equal", (2,), (2,), similarity=1.0),
    )
    summary = Summary(
        3, 3, {"equal": 2, "edit": 1}, {"paraphrase": 1}, 0, CommitmentCounts(), 0.9, 0.9
    )
    return Comparison(left, right, blocks, summary)


def make_long_comparison(n: int = 200) -> Comparison:
    """``n`` paragraph pairs, every one edited, for scrolling and paging tests."""
    left_paras = [
        f"Paragraph {i} of the old text says the council met on day {i}." for i in range(n)
    ]
    right_paras = [
        f"Paragraph {i} of the new text says the council met on day {i}." for i in range(n)
    ]
    left = document_from_text("\n\n".join(left_paras), path="old.txt")
    right = document_from_text("\n\n".join(right_paras), path="new.txt")
    e = _Edits(left, right)
    ids = IdMaker("b")
    blocks = tuple(
        _block(
            ids,
            "edit",
            (i,),
            (i,),
            similarity=0.95,
            edits=(e.make("replace", "paraphrase", i, "old", i, "new"),),
        )
        for i in range(n)
    )
    summary = Summary(n, n, {"edit": n}, {"paraphrase": n}, 0, CommitmentCounts(), 0.95, 0.95)
    return Comparison(left, right, blocks, summary)


# -- reading the screen in Pilot tests -------------------------------------------------------


def screen_lines(app: object) -> list[str]:
    """The text of every line of the terminal, as the user sees it."""
    compositor = app.screen._compositor  # type: ignore[attr-defined]
    return [strip.text for strip in compositor.render_strips()]


def screen_text(app: object) -> str:
    return "\n".join(screen_lines(app))


def pane_rows(diff: object) -> list[tuple[int | None, int | None]]:
    """For each visible line of the diff view: the row drawn in the left and right pane."""
    out: list[tuple[int | None, int | None]] = []
    for y in range(diff.scrollable_content_region.height):  # type: ignore[attr-defined]
        sides: dict[str, int] = {}
        for segment in diff.render_line(y):  # type: ignore[attr-defined]
            meta = segment.style.meta if segment.style else {}
            if "row" in meta:
                sides.setdefault(meta["side"], meta["row"])
        out.append((sides.get("left"), sides.get("right")))
    return out


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test under ``asyncio.run`` (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
