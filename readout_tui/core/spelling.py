"""Spelling judgements of single words: is it English, is it a slip, which word was meant.

The per-word half of typo detection (:mod:`readout_tui.core.typos` does documents): a word is
unknown when no word list vouches for it, no regular inflection or British/American spelling
explains it, and it is rare; it is a likely typo when a much more common word lies one or two
edits away. :func:`word_pair_kind` judges the two sides of a one-word edit for the edit
classifier. Every judgement is cached: books repeat their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from readout_tui.core.lexicon import Lexicon, edit_bonus, lexicon
from readout_tui.core.model import EditKind
from readout_tui.core.tokens import LETTER_WORD

#: Words at least this common (Zipf) are English even when no word list has them.
KNOWN_ZIPF = 3.5
#: A dictionary-only correction must be this much more common (Zipf), by edit distance.
MARGIN = {1: 1.5, 2: 2.5}
#: ...and at least this common itself.
MIN_SUGGESTION_ZIPF = 2.5
#: With the other version showing the correction, a smaller gap in frequency is enough.
COUNTERPART_MARGIN = 1.0
#: A capitalised typo's correction must be this common (rarer capitalised words are names).
CAPITALISED_MIN_ZIPF = 4.5

_ROMAN = re.compile(
    r"^(?=[mdclxvi]+$)m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$"
)
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The dictionary's judgement of one lower-case word: ranked corrections, a confidence."""

    word: str
    suggestions: tuple[str, ...]
    distance: int
    confidence: float


@lru_cache(maxsize=1 << 17)
def is_unknown(word: str) -> bool:
    """True when the lower-case ``word`` is no English word the lexicon can vouch for.

    >>> is_unknown("duting"), is_unknown("during"), is_unknown("mandrakes"), is_unknown("pkg")
    (True, False, False, False)
    """
    if len(word) < 3 or not word.isalpha() or not _VOWELS.intersection(word):
        return False  # too short to judge, or an abbreviation such as "pkg"
    if _ROMAN.match(word):
        return False
    lex = lexicon()
    return not (
        lex.in_dictionary(word)
        or lex.zipf(word) >= KNOWN_ZIPF
        or lex.is_inflection(word)
        or lex.variant_form(word) is not None
    )


def rank(lex: Lexicon, word: str, cands: Iterable[tuple[str, int]]) -> list[str]:
    scored = [(lex.zipf(c) + 2.0 * edit_bonus(word, c) - 2.0 * (d - 1), c) for c, d in cands]
    scored.sort(key=lambda sc: (-sc[0], sc[1]))
    return [c for _, c in scored]


@lru_cache(maxsize=1 << 16)
def judge_word(word: str) -> Verdict | None:
    """Judge a lower-case word by the dictionary alone: ``None`` unless a likely typo.

    >>> judge_word("duting").suggestions[0]
    'during'
    >>> judge_word("during") is None, judge_word("colour") is None, judge_word("xinhua") is None
    (True, True, True)
    """
    if not is_unknown(word):
        return None
    lex = lexicon()
    z = lex.zipf(word)
    kept: list[tuple[str, int]] = []
    for cand, dist in lex.candidates(word, max_distance=2 if len(word) >= 5 else 1):
        zc = lex.zipf(cand)
        if zc >= MIN_SUGGESTION_ZIPF and zc - z >= MARGIN[dist]:
            kept.append((cand, dist))
    if not kept:
        return None
    ranked = rank(lex, word, kept)
    best = ranked[0]
    dist = dict(kept)[best]
    gap = lex.zipf(best) - z
    confidence = 0.5 + 0.05 * min(gap, 4.0) - 0.1 * (dist - 1) + 0.1 * edit_bonus(word, best)
    return Verdict(word, tuple(ranked), dist, round(min(confidence, 0.85), 2))


def plain_word(word: str) -> str | None:
    """``word`` without a possessive ending; ``None`` for contractions."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    return None if "'" in w else w


def case_ok(word: str) -> bool:
    """Lower-case or capitalised; all-caps and inner capitals ("iPhone") are never judged."""
    return word.islower() or (word[:1].isupper() and word[1:].islower())


def close_to(lex: Lexicon, wrong: str, right: str, margin: float) -> bool:
    """``right`` (lower-case) is a common word one or two edits from unknown ``wrong``."""
    if not lex.is_candidate(right) or lex.zipf(right) - lex.zipf(wrong) < margin:
        return False
    limit = 1 if len(wrong) <= 5 else 2
    return OSA.distance(wrong, right, score_cutoff=limit) <= limit


@lru_cache(maxsize=1 << 16)
def word_pair_kind(old: str, new: str) -> tuple[EditKind, str | None] | None:
    """Kind of a one-word replacement: a typo (with the intended word) or a spelling variant.

    ``("typo", intended)`` when one side is a misspelling of the other (either direction),
    ``("spelling_variant", None)`` for British/American pairs, else ``None``.

    >>> word_pair_kind("during", "duting"), word_pair_kind("Recieve", "Receive")
    (('typo', 'during'), ('typo', 'Receive'))
    >>> word_pair_kind("colour", "color"), word_pair_kind("said", "noted")
    (('spelling_variant', None), None)
    """
    if old == new or old.lower() == new.lower():
        return None
    if not (LETTER_WORD.fullmatch(old) and LETTER_WORD.fullmatch(new)):
        return None
    a, b = plain_word(old), plain_word(new)
    if a is None or b is None or not case_ok(a) or not case_ok(b):
        return None
    if a[0].isupper() != b[0].isupper():
        return None
    la, lb = a.lower(), b.lower()
    ua, ub = is_unknown(la), is_unknown(lb)
    lex = lexicon()
    if not ua and not ub:
        # Unknown forms with a regular British/American counterpart count as known, so a
        # variant pair is always two known words.
        return ("spelling_variant", None) if lex.are_variants(la, lb) else None
    if ua and ub:
        return None
    wrong, right, surface = (la, lb, new) if ua else (lb, la, old)
    if a[0].isupper():
        # A capitalised pair may be two spellings of a name ("Smyth", "Zidon"): the intended
        # side must be an ordinary word, far more common.
        if not lex.is_curated(right) or lex.zipf(right) < CAPITALISED_MIN_ZIPF:
            return None
        return ("typo", surface) if close_to(lex, wrong, right, 2.0) else None
    return ("typo", surface) if close_to(lex, wrong, right, COUNTERPART_MARGIN) else None
