"""The comparison pipeline: two documents in, one :class:`Comparison` out.

Stages, in order: paragraph alignment (:mod:`.align`), word diff and edit classification per
block (:mod:`.worddiff`, :mod:`.classify`), then the summary. The app and every exporter
consume the result; none of them computes anything of its own.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence

from readout_tui.core.align import Link, align_paragraphs
from readout_tui.core.classify import (
    WordPairHook,
    follows_month,
    make_classifier,
    typo_suggestion,
)
from readout_tui.core.ids import IdMaker
from readout_tui.core.model import (
    Block,
    BlockOp,
    CommitmentCounts,
    Comparison,
    Document,
    Edit,
    EditKind,
    Paragraph,
    Summary,
)
from readout_tui.core.perf import collector_paused
from readout_tui.core.tokens import normalise
from readout_tui.core.worddiff import diff_paragraphs

_WORD = re.compile(r"\w+")

#: Below this share of shared words on both sides, the documents are called unrelated.
UNRELATED_BELOW = 0.05


def _block_op(link: Link, left: Sequence[Paragraph], right: Sequence[Paragraph]) -> BlockOp:
    if link.op == "pair":
        same = len(left) == len(right) == 1 and (
            left[0].text == right[0].text or normalise(left[0].text) == normalise(right[0].text)
        )
        return "equal" if same else "edit"
    return link.op


def build_block(
    link: Link,
    left: Document,
    right: Document,
    ids: IdMaker,
    classify: Callable[[str, str, bool], EditKind],
    *,
    word_pair: WordPairHook | None = None,
) -> tuple[Block, int]:
    """Turn one alignment link into a block with classified edits.

    Returns the block and the number of words its two sides share (for the summary).
    """
    lp = [left.paragraphs[i] for i in link.left]
    rp = [right.paragraphs[j] for j in link.right]
    op = _block_op(link, lp, rp)
    block_id = ids.make(op, *(p.text for p in lp), "\x1f", *(p.text for p in rp))
    if not lp or not rp:
        return Block(block_id, op, link.left, link.right, 0.0, link.moved, ()), 0
    diff = diff_paragraphs(lp, rp)
    raw, similarity = diff.edits, diff.similarity
    edits = []
    for k, r in enumerate(raw):
        kind = classify(r.left.text, r.right.text, False)
        if kind == "number":  # a changed number right after a month name is a day
            text = left.paragraphs[r.left.paragraph].text
            if follows_month(text[max(0, r.left.start - 12) : r.left.start]):
                kind = classify(r.left.text, r.right.text, True)
        suggestion = (
            typo_suggestion(r.left.text, r.right.text, word_pair=word_pair)
            if kind == "typo"
            else None
        )
        edits.append(Edit(f"{block_id}.{k}", r.op, kind, r.left, r.right, suggestion))
    shared = diff.equal_words
    if op == "equal" and edits and not all(e.kind == "whitespace" for e in edits):
        op = "edit"  # defensive: "equal" may only hide normalisation
    return Block(block_id, op, link.left, link.right, similarity, link.moved, tuple(edits)), shared


def _word_count(doc: Document) -> int:
    return sum(len(_WORD.findall(p.text)) for p in doc.paragraphs if p.role != "boilerplate")


def summarize(
    left: Document, right: Document, blocks: Sequence[Block], shared_words: int
) -> Summary:
    """Headline figures: block and edit counts, share of text retained and reused."""
    by_op = Counter(b.op for b in blocks)
    by_kind = Counter(e.kind for b in blocks for e in b.edits)
    lw, rw = _word_count(left), _word_count(right)
    return Summary(
        left_paragraphs=len(left.paragraphs),
        right_paragraphs=len(right.paragraphs),
        blocks_by_op=dict(sorted(by_op.items())),
        edits_by_kind=dict(sorted(by_kind.items())),
        typos=0,
        commitments=CommitmentCounts(),
        left_retained=min(1.0, shared_words / lw) if lw else 1.0,
        right_reused=min(1.0, shared_words / rw) if rw else 1.0,
    )


def _notices(left: Document, right: Document, summary: Summary) -> tuple[str, ...]:
    if left.sha256 == right.sha256 or left.text == right.text:
        return ("The two documents are identical.",)
    if summary.left_retained < UNRELATED_BELOW and summary.right_reused < UNRELATED_BELOW:
        return (
            "The two documents share almost no text "
            f"({summary.left_retained:.0%} of the left retained); they may be unrelated.",
        )
    return ()


def compare(
    left: Document,
    right: Document,
    *,
    progress: Callable[[str, float], None] | None = None,
    timings: dict[str, float] | None = None,
) -> Comparison:
    """Compare two documents.

    ``progress(stage, fraction)`` is called as work advances (the app shows it); ``timings``,
    when given, receives each stage's seconds (the benchmark prints them).
    """
    with collector_paused():
        return _compare(left, right, progress=progress, timings=timings)


def _compare(
    left: Document,
    right: Document,
    *,
    progress: Callable[[str, float], None] | None = None,
    timings: dict[str, float] | None = None,
) -> Comparison:
    clock = time.perf_counter()
    stage_times: dict[str, float] = {} if timings is None else timings

    def tick(stage: str, fraction: float) -> None:
        nonlocal clock
        now = time.perf_counter()
        stage_times[stage] = stage_times.get(stage, 0.0) + now - clock
        clock = now
        if progress is not None:
            progress(stage, fraction)

    links = align_paragraphs(
        [p.text for p in left.paragraphs],
        [p.text for p in right.paragraphs],
        left_roles=[p.role for p in left.paragraphs],
        right_roles=[p.role for p in right.paragraphs],
    )
    tick("align", 0.3)
    ids = IdMaker("b")
    classify = make_classifier()
    blocks: list[Block] = []
    shared = 0
    step = max(1, len(links) // 20)
    for n, link in enumerate(links):
        block, words = build_block(link, left, right, ids, classify)
        blocks.append(block)
        shared += words
        if progress is not None and n % step == 0:
            progress("diff", 0.3 + 0.6 * n / len(links))
    tick("word diff", 0.9)
    summary = summarize(left, right, blocks, shared)
    tick("summary", 1.0)
    return Comparison(
        left=left,
        right=right,
        blocks=tuple(blocks),
        summary=summary,
        notices=_notices(left, right, summary),
    )
