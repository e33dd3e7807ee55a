"""The comparison pipeline: two documents in, one :class:`Comparison` out.

Stages, in order: paragraph alignment (:mod:`.align`), word diff and edit classification per
block (:mod:`.worddiff`, :mod:`.classify`), then the summary. The app and every exporter
consume the result; none of them computes anything of its own.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar, cast

from readout_tui.core import wordforms
from readout_tui.core.align import Link, LinkOp, align_paragraphs
from readout_tui.core.artifacts import find_artifacts
from readout_tui.core.classify import (
    WordPairHook,
    classify_in_context,
    make_classifier,
    typo_suggestion,
)
from readout_tui.core.commitments import commitment_counts, find_both, finish_commitments
from readout_tui.core.commitments.extract import Found
from readout_tui.core.enrich import retag_edits
from readout_tui.core.ids import IdMaker, content_hash
from readout_tui.core.lexicon import lexicon
from readout_tui.core.model import (
    Artifact,
    Block,
    BlockOp,
    CommitmentCounts,
    Comparison,
    Document,
    Edit,
    EditKind,
    EditOp,
    Span,
    Summary,
)
from readout_tui.core.parallel import ChildJob
from readout_tui.core.perf import collector_paused
from readout_tui.core.tokens import WORD
from readout_tui.core.typos import find_typos, word_pair_kind
from readout_tui.core.worddiff import RawEdit, diff_paragraphs
from readout_tui.core.wordforms import DocWords

T = TypeVar("T")

#: From this many blocks on, part of the work runs in a forked child process.
PARALLEL_FROM = 4000
#: The child's share of the word diff.
CHILD_SHARE = 0.45

#: Characters of context on each side that go into an edit's id.
EDIT_CONTEXT = 20

#: Words at least this frequent (Zipf scale) are ordinary words, not names, at a sentence start.
COMMON_ZIPF = 3.5

#: Below this share of shared words on both sides, the documents are called unrelated.
UNRELATED_BELOW = 0.05


def plan_blocks(links: Sequence[Link], left: Document, right: Document) -> list[str]:
    """Each link's block id, made from the texts it aligns.

    Ids number repeated content in document order, so they are made here, in one pass,
    before the word diff is shared out between processes. The operation is not part of the
    id: a pair that becomes a move, or an edit that becomes equal, keeps its review notes.
    """
    ids = IdMaker("b")
    lps, rps = left.paragraphs, right.paragraphs
    return [
        ids.make(*(lps[i].text for i in link.left), "\x1f", *(rps[j].text for j in link.right))
        for link in links
    ]


@dataclass(frozen=True, slots=True)
class _DocumentFindings:
    """What the document-only stages found (computed in a child on large inputs)."""

    commitments: tuple[list[Found], list[Found]]
    artifacts: tuple[Artifact, ...]
    words: tuple[int, int]  # body words of each document, for the summary
    prepared: tuple[DocWords, DocWords]  # word forms the typo stage reuses


def _document_stages(left: Document, right: Document) -> _DocumentFindings:
    """The stages that need only the documents: raw commitments, artifacts, word counts."""
    return _DocumentFindings(
        commitments=find_both(left, right),
        artifacts=find_artifacts(left, "left") + find_artifacts(right, "right"),
        words=(_word_count(left), _word_count(right)),
        prepared=(wordforms.prepare(left, "left"), wordforms.prepare(right, "right")),
    )


def _timed(work: Callable[..., T], *args: object) -> tuple[T, float]:
    """``(work(*args), seconds)``: the children report their stage times this way."""
    t0 = time.perf_counter()
    result = work(*args)
    return result, time.perf_counter() - t0


def _edit_id(edit: RawEdit, left: Document, right: Document) -> str:
    """An edit's id: its two texts and a little context on each side, not its position.

    A note on an edit then survives changes elsewhere in its paragraph and a new block id
    (when another paragraph of the block changed); repeats are numbered by
    :func:`_unique_edit_ids`.
    """
    ls, rs = edit.left, edit.right
    lt, rt = left.paragraphs[ls.paragraph].text, right.paragraphs[rs.paragraph].text
    return "e-" + content_hash(
        ls.text,
        rs.text,
        lt[max(0, ls.start - EDIT_CONTEXT) : ls.start],
        lt[ls.end : ls.end + EDIT_CONTEXT],
        rt[max(0, rs.start - EDIT_CONTEXT) : rs.start],
        rt[rs.end : rs.end + EDIT_CONTEXT],
    )


def _unique_edit_ids(blocks: list[Block]) -> list[Block]:
    """Number repeated edit ids ``-2``, ``-3`` in reading order (repeats are rare)."""
    seen: dict[str, int] = {}
    out = blocks
    for b, block in enumerate(blocks):
        renamed = None
        for k, edit in enumerate(block.edits):
            n = seen.get(edit.id, 0) + 1
            seen[edit.id] = n
            if n > 1:
                renamed = renamed or list(block.edits)
                renamed[k] = replace(edit, id=f"{edit.id}-{n}")
        if renamed is not None:
            out = out if out is not blocks else list(blocks)
            out[b] = replace(block, edits=tuple(renamed))
    return out


def _is_common(word: str) -> bool:
    return lexicon().zipf(word.lower()) >= COMMON_ZIPF


def _block_op(op: LinkOp, edits: Sequence[Edit]) -> BlockOp:
    """A pair is "equal" when identical once white space, quotes and dashes are folded."""
    if op == "pair":
        return "equal" if all(e.kind == "whitespace" for e in edits) else "edit"
    return op


def build_block(
    link: Link,
    block_id: str,
    left: Document,
    right: Document,
    classify: Callable[[str, str, bool], EditKind],
    *,
    word_pair: WordPairHook | None = None,
) -> tuple[Block, int]:
    """Turn one alignment link into a block with classified edits.

    Returns the block and the number of words its two sides share (for the summary).
    """
    if not link.left or not link.right:
        return Block(block_id, _block_op(link.op, ()), link.left, link.right, 0.0, link.moved), 0
    lp = [left.paragraphs[i] for i in link.left]
    rp = [right.paragraphs[j] for j in link.right]
    diff = diff_paragraphs(lp, rp)
    edits = []
    for r in diff.edits:
        kind = classify_in_context(
            classify,
            r.left,
            r.right,
            left.paragraphs[r.left.paragraph].text,
            right.paragraphs[r.right.paragraph].text,
            is_common=_is_common,
        )
        suggestion = (
            typo_suggestion(r.left.text, r.right.text, word_pair=word_pair)
            if kind == "typo"
            else None
        )
        edits.append(Edit(_edit_id(r, left, right), r.op, kind, r.left, r.right, suggestion))
    op = _block_op(link.op, edits)
    block = Block(block_id, op, link.left, link.right, diff.similarity, link.moved, tuple(edits))
    return block, diff.equal_words


_EditRow = tuple[str, EditOp, EditKind, "str | None", int, int, int, int, int, int]
_BlockRow = tuple[str, BlockOp, tuple[int, ...], tuple[int, ...], float, bool, list[_EditRow]]
_Packed = tuple[list[_BlockRow], int]


def _pack(result: tuple[list[Block], int]) -> _Packed:
    """Blocks as plain tuples: a tenth of the pickling cost of the dataclasses."""
    blocks, shared = result
    rows: list[_BlockRow] = []
    for b in blocks:
        edits: list[_EditRow] = [
            (e.id, e.op, e.kind, e.suggestion, *_span_row(e.left), *_span_row(e.right))
            for e in b.edits
        ]
        rows.append((b.id, b.op, b.left, b.right, b.similarity, b.moved, edits))
    return rows, shared


def _span_row(span: Span | None) -> tuple[int, int, int]:
    assert span is not None  # the engine always sets both spans
    return span.paragraph, span.start, span.end


def _unpacker(left: Document, right: Document) -> Callable[[object], tuple[list[Block], int]]:
    lps, rps = left.paragraphs, right.paragraphs

    def unpack(packed: object) -> tuple[list[Block], int]:
        rows, shared = cast(_Packed, packed)
        blocks = []
        for bid, op, bl, br, sim, moved, erows in rows:
            edits = []
            for eid, eop, kind, sugg, lp, ls, le, rp, rs, re_ in erows:
                lspan = Span(lp, ls, le, lps[lp].text[ls:le])
                rspan = Span(rp, rs, re_, rps[rp].text[rs:re_])
                edits.append(Edit(eid, eop, kind, lspan, rspan, sugg))
            blocks.append(Block(bid, op, bl, br, sim, moved, tuple(edits)))
        return blocks, shared

    return unpack


def _word_count(doc: Document) -> int:
    return sum(len(WORD.findall(p.text)) for p in doc.paragraphs if p.role != "boilerplate")


def summarize(
    left: Document,
    right: Document,
    blocks: Sequence[Block],
    shared_words: int,
    *,
    words: tuple[int, int] | None = None,
) -> Summary:
    """Headline figures: block and edit counts, share of text retained and reused.

    ``words`` are the documents' body word counts when already known.
    """
    by_op = Counter(b.op for b in blocks)
    by_kind = Counter(e.kind for b in blocks for e in b.edits)
    lw, rw = words if words is not None else (_word_count(left), _word_count(right))
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

    # Artifacts and commitment extraction need only the two documents: on large inputs a
    # forked child does them while this process aligns; commitment matching waits for the
    # alignment.
    big = len(left.paragraphs) + len(right.paragraphs) >= 2 * PARALLEL_FROM
    extraction = ChildJob(lambda: _timed(_document_stages, left, right), fork=big)
    links = align_paragraphs(
        [p.text for p in left.paragraphs],
        [p.text for p in right.paragraphs],
        left_roles=[p.role for p in left.paragraphs],
        right_roles=[p.role for p in right.paragraphs],
    )
    tick("align", 0.3)
    plan = plan_blocks(links, left, right)
    lexicon()  # load once here, before any fork, so a child process inherits it
    classify = make_classifier(word_pair=word_pair_kind)
    n = len(links)
    step = max(1, n // 20)

    def diff_range(lo: int, hi: int) -> tuple[list[Block], int]:
        out: list[Block] = []
        shared = 0
        for k in range(lo, hi):
            block, words = build_block(
                links[k], plan[k], left, right, classify, word_pair=word_pair_kind
            )
            out.append(block)
            shared += words
            if progress is not None and lo == 0 and k % step == 0:
                progress("diff", 0.3 + 0.5 * k / max(1, hi))
        return out, shared

    # On large inputs a second child takes a share of the word diff.
    fork = big and n >= PARALLEL_FROM
    mid = n - int(n * CHILD_SHARE) if fork else n
    share = ChildJob(lambda: _timed(lambda: _pack(diff_range(mid, n))), fork=fork)
    share_forked, extraction_forked = share.forked, extraction.forked
    first, shared = diff_range(0, mid)
    tick("word diff (parent share)" if share_forked else "word diff", 0.8)
    packed, diff_secs = share.result()
    second, shared_b = _unpacker(left, right)(packed)
    blocks = _unique_edit_ids(first + second)
    shared += shared_b
    findings, find_secs = extraction.result()
    found, artifacts = findings.commitments, findings.artifacts
    wordforms.remember(left, findings.prepared[0])  # the typo stage needs no second pass
    wordforms.remember(right, findings.prepared[1])
    forked = share_forked or extraction_forked
    tick("waiting for the children" if forked else "commitments and artifacts", 0.85)
    if share_forked:
        stage_times["  word diff (child share)"] = diff_secs
    if extraction_forked:
        stage_times["  commitments, artifacts, word forms (child)"] = find_secs
    commitments = finish_commitments(found, blocks)
    tick("commitment matching", 0.87)
    typos = find_typos(left, right, blocks)
    tick("typos", 0.9)
    blocks = retag_edits(blocks, typos, artifacts)
    tick("retag", 0.95)
    summary = summarize(left, right, blocks, shared, words=findings.words)
    summary = replace(summary, typos=len(typos), commitments=commitment_counts(commitments))
    tick("summary", 1.0)
    return Comparison(
        left=left,
        right=right,
        blocks=tuple(blocks),
        summary=summary,
        typos=typos,
        artifacts=artifacts,
        commitments=commitments,
        notices=_notices(left, right, summary),
    )
