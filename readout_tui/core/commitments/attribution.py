"""Attribution of reported speech: who says each part of a sentence.

A sentence is cut by its *frames* ("Wang said", "said Wang", "For his part, Lavrov said",
"Lavrov, for his part, said", "he added", "China and Russia said Thursday that") and
*continuations* (", adding that", ", saying that") into regions, each owned by a speaker:

* text after a leading frame ("Lavrov said ...") is that frame's;
* text before the first frame ("..., Wang said.", "Noting ..., Lavrov said ...") is the first
  frame's, unless a coordinator separates it ("X agreed ..., and Wang said ...");
* a parenthetical frame (", he said,") is masked and the whole sentence around it is its;
* a continuation returns to the last top-level frame, so in "Wang recalled ... in which the
  Russian minister said '...', saying that China agrees" the agreement is Wang's.

Frames inside reported content ("... in which the minister said") are nested: they stay
content, and their subjects never become speakers. "he"/"she" resolve to the last person who
spoke in a top-level frame, never to someone merely named (a head of state in the content).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from readout_tui.core.commitments.lexicon import (
    AGREEMENT_FRAMES,
    CONTINUATIONS,
    DISCOURSE,
    FRAME_ADVERBS,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    TIME_WORDS,
)
from readout_tui.core.commitments.participants import Cast, Party
from readout_tui.core.commitments.words import QUOTES, Words

FrameKind = Literal["leading", "trailing", "parenthetical"]

_COORDINATORS = frozenset({"and", "but", "while", "whereas", ";"})
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "where"})
_PREPOSITIONS = frozenset({"in", "at", "during", "on", "via", "over", "after", "when", "while"})
_SPEAKER_KINDS = frozenset({"person", "both", "country", "institution"})
_END = frozenset({".", "!", "?"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MAX_NP = 8
_FRAME_WORDS = SPEECH_VERBS | set(SPEECH_PHRASES) | {"according"}


#: "he said" refers to the last person named as a speaker at most this many paragraphs back.
HE_WINDOW = 3


@dataclass(slots=True)
class SpeechState:
    """What attribution remembers across sentences: the last person named as a speaker."""

    last_person: Party | None = None
    named_at: int = -(10**9)  # paragraph where ``last_person`` last spoke by name
    paragraph: int = 0

    def he(self) -> Party | None:
        """Whom "he"/"she" refers to now, if anyone."""
        if self.paragraph - self.named_at <= HE_WINDOW:
            return self.last_person
        return None

    def spoke(self, person: Party, *, named: bool) -> None:
        self.last_person = person
        if named:
            self.named_at = self.paragraph


@dataclass(frozen=True, slots=True)
class Frame:
    """A speech frame at tokens ``start..end`` (end exclusive); content follows ``end``."""

    start: int
    end: int
    speaker: Party
    kind: FrameKind
    agreement: bool
    nested: bool


@dataclass(slots=True)
class Region:
    """Tokens ``start..end`` (end exclusive) said by ``owner`` (``None``: the narrator)."""

    start: int
    end: int
    owner: Frame | None
    masked: set[int] = field(default_factory=set)


def resolve_suffix(words: Words, lo: int, hi: int, cast: Cast) -> tuple[int, Party] | None:
    """The longest phrase ending at token ``hi`` (inclusive, not before ``lo``) naming a party."""
    for s in range(max(lo, hi - _MAX_NP + 1), hi + 1):
        party = cast.resolve(words.texts[s : hi + 1])
        if party is not None:
            return s, party
    return None


def resolve_prefix(words: Words, lo: int, hi: int, cast: Cast) -> tuple[int, Party] | None:
    """The longest phrase starting at token ``lo`` (ending before ``hi``) naming a party."""
    for e in range(min(hi, lo + _MAX_NP), lo, -1):
        party = cast.resolve(words.texts[lo:e])
        if party is not None:
            return e, party
    return None


def _np_window(words: Words, j: int) -> int:
    """First token of the word run ending at ``j`` (at most ``_MAX_NP`` words)."""
    k = j
    while k >= 0 and j - k < _MAX_NP and words.is_word(k) and words.lows[k] not in _RELATIVES:
        k -= 1
    return k + 1


def _skip_part(lows: Sequence[str], j: int) -> int:
    """Skip a ", for his part," / ", in turn," aside ending at ``j``."""
    if j >= 3 and lows[j] == "," and lows[j - 1] == "part" and lows[j - 3] in {"for", "on"}:
        k = j - 4
        return k - 1 if k >= 0 and lows[k] == "," else k
    if j >= 2 and lows[j] == "," and lows[j - 1] == "turn" and lows[j - 2] == "in":
        k = j - 3
        return k - 1 if k >= 0 and lows[k] == "," else k
    return j


#: The speaker of "he said" when nobody was named as a speaker just before: a frame all the
#: same (so its words are nobody else's), whose commitments are left unattributed.
UNKNOWN = Party("he", "", "")


def _speaker(party: Party, state: SpeechState) -> Party | None:
    if party.kind == "he":
        return state.he() or UNKNOWN
    return party if party.kind in _SPEAKER_KINDS else None


def _content_start(words: Words, c: int, verb: str) -> int:
    lows = words.lows
    n = len(lows)
    while c < n and (
        lows[c] in TIME_WORDS or (lows[c] == "on" and c + 1 < n and lows[c + 1] in _WEEKDAYS)
    ):
        c += 2 if lows[c] == "on" else 1
    if c < n and (lows[c] in _PREPOSITIONS or verb == "told"):
        for k in range(c, min(n, c + 8)):
            if lows[k] == "that":
                return k + 1
            if not words.is_word(k):
                break
    opens_quote = c + 1 < n and lows[c] == "," and words.texts[c + 1] in QUOTES
    if opens_quote or (c < n and lows[c] in {"that", ":"}):
        c += 1
    return c


def _kind(words: Words, start: int, c: int) -> FrameKind:
    lows = words.lows
    n = len(lows)
    first = c
    while first < n and lows[first] in QUOTES:
        first += 1
    if first >= n or lows[first] in _END:
        return "trailing"
    if lows[first] == ",":
        after = first + 1
        while after < n and lows[after] in QUOTES:
            after += 1
        if after < n and lows[after] in CONTINUATIONS:
            return "trailing"
        if start > 0 and lows[start - 1] == ",":
            return "parenthetical"
    return "leading"


def find_frames(words: Words, cast: Cast, state: SpeechState) -> list[Frame]:
    """Speech frames of a sentence, left to right; updates ``state.last_person``."""
    lows = words.lows
    n = len(lows)
    frames: list[Frame] = []
    top_leading = False
    for i in [k for k, low in enumerate(lows) if low in _FRAME_WORDS]:
        low = lows[i]
        if low == "according" and i + 2 < n and lows[i + 1] == "to":
            according = _according(words, i, cast, state)
            if according is not None:
                frames.append(according)
            continue
        phrase = SPEECH_PHRASES.get(low)
        if low not in SPEECH_VERBS and not (phrase and i + 1 < n and lows[i + 1] == phrase):
            continue
        verb_end = i + 2 if phrase else i + 1
        if low in AGREEMENT_FRAMES and (verb_end >= n or lows[verb_end] != "that"):
            continue  # "agreed to ..." is a cue, not a frame
        j = i - 1
        while j >= 0 and lows[j] in FRAME_ADVERBS:
            j -= 1
        j = _skip_part(lows, j)
        found = resolve_suffix(words, _np_window(words, j), j, cast) if j >= 0 else None
        start = found[0] if found else -1
        speaker = _speaker(found[1], state) if found else None
        named = found is not None and found[1].kind != "he"
        c = 0
        if speaker is not None:
            c = _content_start(words, verb_end, low)
        elif i > 0 and (lows[i - 1] == "," or lows[i - 1] in QUOTES):
            # "..., said Wang." / "..., said the minister."
            k = verb_end
            while k < n and words.is_word(k) and k - verb_end < _MAX_NP:
                k += 1
            post = resolve_prefix(words, verb_end, k, cast)
            if post is not None:
                speaker = _speaker(post[1], state)
                named = post[1].kind != "he"
                start, c = i, post[0]
        if speaker is None and j >= 0 and lows[j] == "and" and not frames:
            # "Prime Minister Kishida welcomed the progress and said ...": the subject is
            # the sentence's own.
            p = 0
            while p < j and (not words.is_word(p) or lows[p] in DISCOURSE):
                p += 1
            main = resolve_prefix(words, p, j, cast)
            if main is not None:
                speaker = _speaker(main[1], state)
                named = main[1].kind != "he"
                start, c = j, _content_start(words, verb_end, low)
        if speaker is None:
            continue
        pre = lows[start - 1] if start > 0 else ""
        nested = pre in _RELATIVES or (top_leading and pre not in _COORDINATORS)
        kind = _kind(words, start, c)
        frame = Frame(start, c, speaker, kind, low in AGREEMENT_FRAMES, nested)
        frames.append(frame)
        if not nested:
            top_leading = top_leading or kind == "leading"
            if speaker.kind == "person":
                state.spoke(speaker, named=named)
    return frames


def _according(words: Words, i: int, cast: Cast, state: SpeechState) -> Frame | None:
    """ "According to Wang, ..." / "..., according to the ministry." """
    k = i + 2
    while k < len(words) and words.is_word(k) and k - i - 2 < _MAX_NP:
        k += 1
    found = resolve_prefix(words, i + 2, k, cast)
    if found is None:
        return None
    speaker = _speaker(found[1], state)
    if speaker is None:
        return None
    end = found[0]
    kind = _kind(words, i, end)
    if kind == "leading" and end < len(words) and words.lows[end] == ",":
        end += 1
    return Frame(i, end, speaker, kind, False, False)


def _continuations(words: Words) -> list[tuple[int, int]]:
    """``(start, end)`` token spans of ", adding that" and ", and added that"."""
    lows = words.lows
    n = len(lows)
    spans: list[tuple[int, int]] = []
    for i in range(1, n):
        low = lows[i]
        if low in CONTINUATIONS:
            k = i - 1
            while k > 0 and lows[k] in QUOTES:
                k -= 1
            if lows[k] != ",":
                continue
        elif low in SPEECH_VERBS and lows[i - 1] == "and" and low not in AGREEMENT_FRAMES:
            k = i - 1
        else:
            continue
        e = i + 1
        if low == "pointing" and e < n and lows[e] == "out":
            e += 1
        if e < n and lows[e] in {"that", ":"}:
            e += 1
        spans.append((k, e))
    return spans


def regions(words: Words, frames: Sequence[Frame]) -> list[Region]:
    """Cut a sentence into regions owned by its top-level frames (or the narrator).

    Linear in the sentence: a run-on "sentence" of thousands of frames is still cheap.
    """
    lows = words.lows
    n = len(lows)
    top = [f for f in frames if not f.nested]
    in_frame: set[int] = set()
    for f in top:
        in_frame.update(range(f.start, f.end))
    cuts: list[tuple[int, int, Frame | None]] = [
        (f.start, f.end, f) for f in top if f.kind != "parenthetical"
    ]
    if top:
        cuts += [(s, e, None) for s, e in _continuations(words) if s not in in_frame]
    cuts.sort(key=lambda c: c[0])
    masked: set[int] = set()
    for f in top:
        a, b = f.start, f.end
        if f.kind != "leading" and a > 0 and lows[a - 1] == ",":
            a -= 1
        if f.kind == "parenthetical" and b < n and lows[b] == ",":
            b += 1
        masked.update(range(a, b))
    parens = [f for f in top if f.kind == "parenthetical"]
    top_starts = [f.start for f in top]
    out: list[Region] = []
    pos = 0
    pi = 0
    prev: tuple[int, int, Frame | None] | None = None
    for cut in [*cuts, (n, n, None)]:
        a, b, frame = cut
        if a > pos:
            owner: Frame | None = None
            if prev is None:
                last = a - 1
                while last >= pos and not words.is_word(last):
                    last -= 1
                if frame is not None and (last < pos or lows[last] not in _COORDINATORS):
                    owner = frame
            elif prev[2] is not None and prev[2].kind == "leading":
                owner = prev[2]
            elif prev[2] is None:  # after a continuation: the governing top-level frame
                k = bisect.bisect_left(top_starts, prev[0]) - 1
                owner = top[k] if k >= 0 else None
            while pi < len(parens) and parens[pi].start < pos:
                pi += 1
            if pi < len(parens) and parens[pi].start < a:
                owner = parens[pi]
            # Regions share one mask set: each reads only its own range of it.
            out.append(Region(pos, a, owner, masked))
        pos = max(pos, b)
        prev = cut if cut[0] < n else prev
    return out
