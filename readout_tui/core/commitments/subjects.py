"""Subjects of commitment cues: who a clause is about, found on the tokens of a region.

The scan goes back from a cue over auxiliaries and adverbs ("Russia is ready to", "China
firmly supports") to the longest phrase that names a party, and notes a coordinator before
it (", and is willing to ..."), which opens a clause of its own. Noun cues ("the United
States' commitment to") have a possessor, which holds the commitment, and a subject, which
made it. Regions are read without their masked frame words, so "The two heads of state, he
said, put forward a plan" finds its subject across the frame.
"""

from __future__ import annotations

from readout_tui.core.commitments.attribution import Region
from readout_tui.core.commitments.lexicon import AUXILIARIES, DISCOURSE, HEDGES, INTENSIFIERS
from readout_tui.core.commitments.participants import Cast, Party
from readout_tui.core.commitments.words import PUNCT, Words

COORD = frozenset({"and", "but", "while", "whereas", ";"})
END = frozenset({".", "!", "?"})
#: Party kinds that can act: a prediction about anything else ("the situation will") is none.
AGENTS = frozenset({"person", "both", "country", "institution", "we", "he"})
_NP_STOP = COORD | frozenset(
    "that which who whom whose where so because as if when since although though why".split()
)
_NOT_ADVERB = frozenset("supply assembly family ally rally reply anomaly monopoly july fly".split())


class Tokens:
    """The kept (unmasked) tokens of a region, as parallel lists."""

    __slots__ = ("idx", "is_word", "lows", "pos_of", "semicolon", "texts")

    def __init__(self, words: Words, region: Region) -> None:
        self.idx = [k for k in range(region.start, region.end) if k not in region.masked]
        self.texts = [words.texts[k] for k in self.idx]
        self.lows = [words.lows[k] for k in self.idx]
        self.is_word = [t not in PUNCT for t in self.texts]
        self.pos_of = {k: p for p, k in enumerate(self.idx)}
        # semicolon[p]: the first ";" at or after position p (or the end), for clause ends.
        self.semicolon = [len(self.lows)] * (len(self.lows) + 1)
        for p in range(len(self.lows) - 1, -1, -1):
            self.semicolon[p] = p if self.lows[p] == ";" else self.semicolon[p + 1]


def _skippable(low: str, text: str) -> bool:
    if low in AUXILIARIES or low in INTENSIFIERS or low in HEDGES:
        return True
    return low.endswith("ly") and len(low) > 4 and text[0].islower() and low not in _NOT_ADVERB


def _resolve_back(t: Tokens, hi: int, lo: int, cast: Cast) -> tuple[int, Party] | None:
    for s in range(max(lo, hi - 7), hi + 1):
        party = cast.resolve(t.texts[s : hi + 1])
        if party is not None:
            return s, party
    return None


def main_subject(t: Tokens, cast: Cast) -> tuple[int, Party] | None:
    """The party the region opens with ("The two sides also had ...")."""
    p = 0
    while p < len(t.lows) and (not t.is_word[p] or t.lows[p] in DISCOURSE):
        p += 1
    for e in range(min(len(t.lows), p + 8), p, -1):
        party = cast.resolve(t.texts[p:e])
        if party is not None:
            return p, party
    return None


def subject_of(t: Tokens, p: int, cast: Cast) -> tuple[int | None, Party | None, int | None]:
    """``(np start, party, coordinator position)`` for the cue at region position ``p``."""
    q = p - 1
    while q >= 0 and _skippable(t.lows[q], t.texts[q]):
        q -= 1
    if q < 0:
        return None, None, None
    if t.lows[q] in COORD:
        return None, None, q
    if not t.is_word[q]:
        return None, None, None
    lo = q
    while lo > 0 and q - lo < 7 and t.is_word[lo - 1]:
        low = t.lows[lo - 1]
        # "and" joins names inside a subject ("Russia and China"), else it ends one.
        if low in _NP_STOP and not (
            low == "and" and lo >= 2 and t.texts[lo][0].isupper() and t.texts[lo - 2][0].isupper()
        ):
            break
        lo -= 1
    found = _resolve_back(t, q, lo, cast)
    start, party = found if found else (lo, None)
    before = start - 1
    coord = None
    if before >= 0 and (
        t.lows[before] in COORD
        or t.lows[before] in END  # a new sentence inside a quotation
        or (party is not None and t.lows[before] in {",", ";"})
    ):
        coord = before
    return start, party, coord


def noun_parties(t: Tokens, p: int, cast: Cast) -> tuple[Party | None, Party | None]:
    """``(possessor, subject)`` of a noun cue ("the United States' commitment to")."""
    possessor: Party | None = None
    for q in range(p - 1, max(-1, p - 5), -1):
        low = t.lows[q]
        if low == "'" and q > 0 and t.lows[q - 1].endswith("s"):
            q -= 1  # "the United States' commitment": the apostrophe is a token of its own
            low = t.lows[q] + "'"
        if low.endswith("'s") or low.endswith("s'"):
            stem = t.texts[q][:-2] if low.endswith("'s") else t.texts[q].rstrip("'’")
            lo = max(0, q - 6)
            for s in range(lo, q + 1):
                party = cast.resolve([*t.texts[s:q], stem])
                if party is not None:
                    possessor = party
                    break
            break
        if not t.is_word[q] or low in COORD:
            break
    subject: Party | None = None
    for h in range(p - 1, max(-1, p - 20), -1):
        low = t.lows[h]
        if low in {";"} or low in {"that", "which", "who"}:
            break
        if not t.is_word[h] or low.endswith("'s") or low.endswith("s'"):
            continue
        found = _resolve_back(t, h, max(0, h - 7), cast)
        if found is not None and found[1].kind in AGENTS:
            subject = found[1]
            break
    return possessor, subject
