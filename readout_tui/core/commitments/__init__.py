"""Commitments per speaker: who committed to what in each version, and what became of it.

Public API:

* :func:`extract_commitments` — the commitments of one document, with provisional statuses
  ("kept" on the left, "added" on the right) and no counterparts;
* :func:`compare_commitments` — the commitments of both versions, each with its final status
  and the id of its counterpart in the other version;
* :func:`commitment_counts` — the summary figures of a list of commitments.

The work is rule-based (official readouts are formulaic), in small modules: sentence
segmentation (:mod:`.sentences`) and word tokens (:mod:`.words`), the people of a text and
their aliases (:mod:`.participants`), attribution of reported speech (:mod:`.attribution`),
cues with type and strength (:mod:`.cues`), subjects of cues (:mod:`.subjects`), extraction
(:mod:`.extract`) and matching across versions (:mod:`.match`); word lists live in
:mod:`.lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from readout_tui.core.commitments.extract import Found, find_commitments
from readout_tui.core.commitments.match import pair_commitments
from readout_tui.core.commitments.participants import learn_cast
from readout_tui.core.ids import IdMaker
from readout_tui.core.model import (
    Block,
    Commitment,
    CommitmentCounts,
    CommitmentStatus,
    Document,
    Side,
)
from readout_tui.core.perf import collector_paused

__all__ = [
    "commitment_counts",
    "compare_commitments",
    "extract_commitments",
    "find_both",
    "finish_commitments",
]


def _ids(side: Side, found: Sequence[Found]) -> list[str]:
    # Content-derived: the same clause with the same cue keeps its id whatever else changes.
    maker = IdMaker("c")
    return [maker.make(side, f.cue, f.text) for f in found]


def _record(
    f: Found, side: Side, id_: str, status: CommitmentStatus, counterpart: str | None
) -> Commitment:
    return Commitment(
        id=id_,
        side=side,
        paragraph=f.paragraph,
        start=f.start,
        end=f.end,
        text=f.text,
        speaker=f.speaker,
        holder=f.holder,
        type=f.type,
        strength=f.strength,
        cue=f.cue,
        status=status,
        counterpart=counterpart,
    )


def extract_commitments(doc: Document, side: Side) -> tuple[Commitment, ...]:
    """The commitments made in ``doc``, in reading order.

    Statuses are provisional ("kept" for the left version, "added" for the right) until
    :func:`compare_commitments` sees both versions.

    >>> from readout_tui.core.documents import document_from_text
    >>> doc = document_from_text("Title\\n\\nRussia is ready to help, Foreign Minister "
    ...     "Sergei Lavrov said.")
    >>> [(c.speaker, c.holder, c.type, c.cue) for c in extract_commitments(doc, "left")]
    [('Sergei Lavrov', 'Russia', 'readiness', 'is ready to')]
    """
    found = find_commitments(doc)
    status: CommitmentStatus = "kept" if side == "left" else "added"
    return tuple(
        _record(f, side, id_, status, None) for f, id_ in zip(found, _ids(side, found), strict=True)
    )


def find_both(left: Document, right: Document) -> tuple[list[Found], list[Found]]:
    """The raw commitments of both versions (the part that needs no alignment)."""
    with collector_paused():  # see readout_tui.core.perf: nothing here makes cycles
        # One cast for both versions: a republication that drops the paragraph introducing
        # "Foreign Minister Sergei Lavrov" still means him by "Lavrov".
        cast = learn_cast(left.text + "\n\n" + right.text)
        return find_commitments(left, cast=cast), find_commitments(right, cast=cast)


def finish_commitments(
    found: tuple[Sequence[Found], Sequence[Found]], blocks: Sequence[Block]
) -> tuple[Commitment, ...]:
    """Match the raw commitments of :func:`find_both` across versions and make the records."""
    lf, rf = found
    with collector_paused():
        lids, rids = _ids("left", lf), _ids("right", rf)
        pairing = pair_commitments(lf, rf, blocks)
    back = {j: i for i, j in pairing.pairs.items()}
    out = [
        _record(
            f,
            "left",
            lids[i],
            pairing.left_status[i],
            rids[pairing.pairs[i]] if i in pairing.pairs else None,
        )
        for i, f in enumerate(lf)
    ]
    out += [
        _record(f, "right", rids[j], pairing.right_status[j], lids[back[j]] if j in back else None)
        for j, f in enumerate(rf)
    ]
    return tuple(out)


def compare_commitments(
    left: Document, right: Document, blocks: Sequence[Block]
) -> tuple[Commitment, ...]:
    """The commitments of both versions with final statuses and counterpart ids.

    ``blocks`` is the paragraph alignment; pairs it links are the strong hint for matching.
    The people and their aliases are learnt from both versions together. Left commitments
    come first, then right ones, each in reading order.
    """
    return finish_commitments(find_both(left, right), blocks)


def commitment_counts(commitments: Iterable[Commitment]) -> CommitmentCounts:
    """Summary figures: commitments per side, and how many were dropped or added."""
    left = right = dropped = added = 0
    for c in commitments:
        if c.side == "left":
            left += 1
        else:
            right += 1
        dropped += c.status == "dropped"
        added += c.status == "added"
    return CommitmentCounts(left=left, right=right, dropped=dropped, added=added)
