"""Commitment cues: the words that make a clause a commitment, with its type and strength.

Cues are found on word tokens, not with one big regular expression: most cues are a word and
the word after it ("ready to", "agreed to", "support for"), which two dictionary look-ups
settle. Strength comes from a modality ladder (will/pledged 5 > ready/agreed/must 4 >
willing/should 3 > hope 2 > may 1); intensifiers and hedges anywhere in the clause move it
by one, and negation turns readiness, support, agreement and plans into opposition.

Past-tense assessments ("have conducted efficient coordination"), feelings ("is very
satisfied") and reported facts carry no cue at all, so they never become commitments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from readout_tui.core.commitments.lexicon import HEDGES, INTENSIFIERS, NEGATORS
from readout_tui.core.model import CommitmentType

# (word, next word) -> (type, strength, is a noun: "readiness to", "support for").
_PAIRS: dict[tuple[str, str], tuple[CommitmentType, int, bool]] = {}


def _add(words: str, nexts: str, kind: CommitmentType, strength: int, noun: bool = False) -> None:
    for word in words.split():
        for nxt in nexts.split():
            _PAIRS[(word, nxt)] = (kind, strength, noun)


_add("ready prepared", "to", "readiness", 4)
_add("willing eager keen", "to", "readiness", 3)
_add("readiness", "to", "readiness", 4, True)
_add("willingness", "to", "readiness", 3, True)
_add("hope hopes hoped", "to", "readiness", 2)
_add("hope hopes hoped", "that", "proposal", 2)
_add("pledged pledge pledges", "to that", "pledge", 5)
_add("vowed vow vows promised promise promises committed", "to", "pledge", 5)
_add("determined resolved", "to", "pledge", 4)
_add("commitment determination", "to", "pledge", 4, True)
_add("agreed agree agrees", "to on upon with", "agreement", 4)
_add("support backing", "for to", "support", 4, True)
_add("opposed objects object", "to", "opposition", 4)
_add("opposition", "to", "opposition", 4, True)
_add("plans planned intends intend intended aims aim", "to", "plan", 3)
_add("plan intention", "to for", "plan", 3, True)
_add("scheduled", "to", "plan", 4)
_add("sees see", "no", "position", 3)
_add("adheres adhere abides abide insists insist", "to by on", "position", 4)
_add("stands stand", "for", "position", 3)
_add("call calls called", "on upon for", "proposal", 3)

# Single verbs (third person, or bare after a subject): type and strength.
_VERBS: dict[str, tuple[CommitmentType, int]] = {
    "supports": ("support", 4),
    "backs": ("support", 4),
    "opposes": ("opposition", 4),
    "rejects": ("opposition", 4),
    "condemns": ("opposition", 4),
    "upholds": ("position", 4),
    "respects": ("position", 3),
    "recognizes": ("position", 3),
    "recognises": ("position", 3),
    "urges": ("proposal", 4),
    "urged": ("proposal", 4),
}
# Bare forms count only when no determiner or adjective makes them nouns ("the support").
_BARE: dict[str, tuple[CommitmentType, int]] = {
    "support": ("support", 4),
    "oppose": ("opposition", 4),
    "uphold": ("position", 4),
    "urge": ("proposal", 4),
}
_NOUN_BEFORE = frozenset(
    """the a an of for with their its his her our your my this that such any more further
    mutual strong firm full political financial international public continued and or
    broad great greater""".split()
)
_MODALS: dict[str, tuple[CommitmentType, int]] = {
    "will": ("pledge", 5),
    "shall": ("pledge", 5),
    "would": ("pledge", 4),
    "won't": ("pledge", 5),
    "must": ("proposal", 4),
    "should": ("proposal", 3),
}
_TO_MODALS: dict[str, tuple[CommitmentType, int]] = {
    "ought": ("proposal", 3),
    "need": ("proposal", 3),
    "needs": ("proposal", 3),
}
# Nouns "will" can be ("political will", "the will of the people").
_WILL_NOUN_BEFORE = frozenset(
    "the a good political free own strong his her their its our my your popular".split()
)
_NOT_VERB_AFTER = frozenset("of and or to , . ; : ’ ' \" ”".split())
_REACH = frozenset({"reach", "reached", "reaches"})
_REACHED = frozenset({"consensus", "agreement", "agreements", "understanding", "understandings"})
_IMPERSONAL = frozenset(
    "important necessary imperative essential vital crucial urgent incumbent".split()
)
_IMPERSONAL_NOT = frozenset("note say mention point recall remember add stress".split())
_IRREGULAR_PP = frozenset(
    """held made done taken given built upheld kept set put shown seen known brought sought
    met won drawn laid led paid found sent spent struck written undertaken understood begun
    chosen driven grown""".split()
)
#: Words a cue's wording may include before its core ("is", "firmly", "not").
CUE_PREFIX = (
    frozenset(
        """is are was were am be been has have had do does did remains remain stands stand stood
    not never no cannot""".split()
    )
    | INTENSIFIERS
)

CUE_WORDS = (
    frozenset(w for w, _ in _PAIRS)
    | frozenset(_VERBS)
    | frozenset(_BARE)
    | frozenset(_MODALS)
    | frozenset(_TO_MODALS)
    | _REACH
    | _IMPERSONAL
    | {"against", "looking", "look", "looks"}
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found at tokens ``first..last`` (inclusive)."""

    first: int
    last: int
    type: CommitmentType
    strength: int
    noun: bool = False
    passive: bool = False  # "should be upheld": a normative position on a thing
    modal: bool = False  # will / should / must: needs an agent to be a commitment
    holder_span: tuple[int, int] | None = None  # "for China and Russia" in "it is important for"


def _is_pp(word: str) -> bool:
    return word.endswith("ed") or word.endswith("en") or word in _IRREGULAR_PP


def _impersonal(i: int, lows: Sequence[str]) -> Cue | None:
    """ "it is (even more) important for X to ..." -> a proposal held by X."""
    j = i - 1
    while j >= 0 and i - j <= 4 and lows[j] not in {"is", "was"}:
        j -= 1
    if j < 1 or lows[j - 1] != "it" or lows[j] not in {"is", "was"}:
        return None
    n = len(lows)
    k = i + 1
    holder: tuple[int, int] | None = None
    if k < n and lows[k] in {"for", "on"}:
        end = k + 1
        while end < n and end - k <= 10 and lows[end] not in {"to", ",", ";", "."}:
            end += 1
        if end >= n or lows[end] != "to":
            return None
        holder = (k + 1, end - 1)
        k = end
    if k >= n or lows[k] not in {"to", "that"}:
        return None
    if k + 1 < n and lows[k + 1] in _IMPERSONAL_NOT:
        return None
    return Cue(j - 1, i, "proposal", 3, holder_span=holder)


def cue_at(i: int, lows: Sequence[str]) -> Cue | None:
    """The cue starting at token ``i``, if any (``lows`` are the lower-cased tokens)."""
    low = lows[i]
    n = len(lows)
    nxt = lows[i + 1] if i + 1 < n else ""
    prev = lows[i - 1] if i else ""
    pair = _PAIRS.get((low, nxt))
    if pair is not None:
        kind, strength, noun = pair
        if low == "plan" and prev in {"we", "they", "i", "to"}:
            noun = False  # "we plan to ...": the verb
        if low == "opposed" and prev == "as":
            return None  # "as opposed to"
        return Cue(i, i + 1, kind, strength, noun=noun)
    if low in _MODALS or low in _TO_MODALS:
        if low in _TO_MODALS:
            if nxt != "to":
                return None
            kind, strength = _TO_MODALS[low]
            return Cue(i, i + 1, kind, strength, modal=True)
        if not nxt or nxt in _NOT_VERB_AFTER or (low == "will" and prev in _WILL_NOUN_BEFORE):
            return None
        kind, strength = _MODALS[low]
        k = i + 1
        while k < n and lows[k] in NEGATORS:
            k += 1
        if k < n and lows[k] == "be" and k + 1 < n:
            if kind == "proposal":
                return Cue(i, k + 1, "position", strength, passive=True, modal=True)
            if _is_pp(lows[k + 1]):
                return Cue(i, k + 1, "plan", strength - 1, passive=True, modal=True)
        if low == "would" and nxt == "like":
            return Cue(i, i + 1, "readiness", 3, modal=True)
        return Cue(i, i, kind, strength, modal=True)
    verb = _VERBS.get(low)
    if verb is not None:
        return Cue(i, i, verb[0], verb[1])
    bare = _BARE.get(low)
    if bare is not None:
        if prev in _NOUN_BEFORE or prev.endswith("'s") or prev.endswith("’s") or nxt == "of":
            return None
        return Cue(i, i, bare[0], bare[1])
    if low in _REACH:
        for k in range(i + 1, min(n, i + 5)):
            if lows[k] in _REACHED:
                return Cue(i, k, "agreement", 4)
            if lows[k] in {",", ";", "."}:
                break
        return None
    if low in _IMPERSONAL:
        return _impersonal(i, lows)
    if low == "against" and prev in {"is", "are", "remains", "remain"}:
        return Cue(i, i, "opposition", 4)
    if low in {"look", "looks", "looking"} and nxt == "forward" and lows[i + 2 : i + 3] == ["to"]:
        return Cue(i, i + 2, "readiness", 3)
    return None


def find_cues(lows: Sequence[str]) -> list[Cue]:
    """All cues among tokens, left to right, none overlapping."""
    cues: list[Cue] = []
    for i in [k for k, low in enumerate(lows) if low in CUE_WORDS]:
        if cues and i <= cues[-1].last:
            continue
        cue = cue_at(i, lows)
        if cue is not None and not (cues and cue.first <= cues[-1].last):
            cues.append(cue)
    return cues


def is_negation(low: str) -> bool:
    return low in NEGATORS or low.endswith("n't")


def adjust_strength(base: int, clause_lows: Sequence[str]) -> int:
    """``base`` raised by an intensifier and lowered by a hedge in the clause, within 1..5.

    >>> adjust_strength(3, ["firmly", "support"]), adjust_strength(3, ["may", "consider"])
    (4, 2)
    """
    words = set(clause_lows)
    strength = base
    if words & INTENSIFIERS:
        strength += 1
    if words & HEDGES:
        strength -= 1
    return max(1, min(5, strength))


#: Verbs whose refusal is opposition: "will not accept", "would never allow".
REFUSALS = frozenset(
    "accept allow tolerate permit recognize recognise support agree condone endorse".split()
)


def negated_type(kind: CommitmentType, verb: str = "") -> CommitmentType:
    """The type of a negated commitment: refusing to support or agree is opposing.

    A negated pledge is a pledge to refrain ("will never seek hegemony"), unless what is
    refused is to accept or allow something ("will not accept coercion"): that opposes it.

    >>> negated_type("readiness"), negated_type("pledge", "seek"), negated_type("pledge", "accept")
    ('opposition', 'pledge', 'opposition')
    """
    if kind == "pledge" and verb in REFUSALS:
        return "opposition"
    if kind in ("readiness", "support", "agreement", "plan"):
        return "opposition"
    if kind == "opposition":
        return "position"
    return kind
