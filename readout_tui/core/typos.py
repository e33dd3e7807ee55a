"""Typos: likely misspellings in either version, each with the word that was probably meant.

A word is a likely typo when the English lexicon (:mod:`readout_tui.core.lexicon`) does not
know it and a much more common word lies one or two edits away. False alarms cost a
researcher's trust, so whole classes of words are never flagged: names (capitalised words the
documents use mid-sentence, and hyphenated names such as "Beth-lehem"), words the other
version also uses, all-caps words, words with digits, abbreviations, URLs and e-mail
addresses, contractions, and compounds whose hyphenated parts are known. British and American
spellings are variants, not typos.

The other version is the strongest evidence. When an edit of the word diff replaces a word by
its misspelling (or the reverse), the misspelled side is a typo (:func:`word_pair_kind` tells
the edit classifier so); when the aligned counterpart paragraph contains a close, more common
word, that word is the suggestion and confidence rises. An unknown capitalised word is
flagged only when an edit swaps it for a common word: on its own it is most likely a name.

Each word form is judged once (not once per occurrence) and judgements are cached across
calls, so a whole book costs little more than reading it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from readout_tui.core.ids import IdMaker
from readout_tui.core.lexicon import Lexicon, lexicon
from readout_tui.core.model import Block, Document, Evidence, Side, Typo
from readout_tui.core.perf import collector_paused
from readout_tui.core.spelling import (
    COUNTERPART_MARGIN,
    Verdict,
    is_unknown,
    judge_word,
    plain_word,
    rank,
    word_pair_kind,
)
from readout_tui.core.tokens import LETTER_WORD, WORD
from readout_tui.core.wordforms import (
    DocWords,
    document_words,
    occurrences,
    parts,
    prepare,
    sentence_initial,
)

__all__ = [
    "Verdict",
    "document_words",
    "find_typos",
    "is_unknown",
    "judge_word",
    "word_pair_kind",
]

#: A form used this often in one document is deliberate unless the other version says not.
REPEATED = 3
#: Above this share of unknown lower-case word forms a text is not (plain) English: the
#: dictionary stays out.
MAX_UNKNOWN_SHARE = 0.2

# The edit classifier's notion of a word (so both see the same words in an edit).


@dataclass(frozen=True, slots=True)
class _Word:
    """A judged word form: its offset in its token, its surface and lower-case plain form."""

    offset: int
    surface: str
    plain: str
    verdict: Verdict | None


def _unknown_words(s: DocWords, other: DocWords) -> tuple[dict[str, list[_Word]], float]:
    """Tokens of ``s`` holding lower-case words that may be typos: unknown to the lexicon,
    not used by ``other``, with a correction in the dictionary or possibly in ``other``; and
    the share of lower-case word forms the lexicon does not know.

    Capitalised words are left to the word diff: an unknown one is most likely a name, and
    only an edit that swaps it for a common word shows otherwise.
    """
    found: dict[str, list[_Word]] = {}
    lex = lexicon()
    lower = unknown = 0
    for token in s.vocab:
        for off, part in parts(token):
            plain = plain_word(part)
            if plain is None or not plain.islower():
                continue
            lower += 1
            if plain in other.lower_vocab or not is_unknown(plain):
                continue
            unknown += 1
            verdict = judge_word(plain)
            if verdict is None and not any(
                c in other.lower_vocab for c, _ in lex.candidates(plain, max_distance=_reach(plain))
            ):
                continue
            found.setdefault(token, []).append(_Word(off, part, plain, verdict))
    return found, unknown / max(1, lower)


def _reach(word: str) -> int:
    """How many edits away the other version's words may be (short words: one)."""
    return 1 if len(word) <= 5 else 2


def _names(
    s: DocWords, capitalised: dict[str, str], places: dict[str, list[tuple[int, int]]]
) -> set[str]:
    """The lower-case words whose capitalised form (``capitalised`` maps it to the word)
    ``s`` uses mid-sentence outside titles, as names are ("xinhua" beside "Xinhua said")."""
    names: set[str] = set()
    for token, word in capitalised.items():
        for k, i in places.get(token, ()):
            if s.indices[k] not in s.titles and not sentence_initial(s.texts[k], i):
                names.add(word)
                break
    return names


@dataclass(slots=True)
class _Hit:
    side: Side
    paragraph: int
    start: int
    end: int
    word: str
    suggestion: str
    confidence: float
    evidence: Evidence


def _aligned(blocks: Sequence[Block]) -> dict[Side, dict[int, tuple[int, ...]]]:
    """For each side, paragraph index -> the other side's paragraphs aligned with it."""
    maps: dict[Side, dict[int, tuple[int, ...]]] = {"left": {}, "right": {}}
    for b in blocks:
        for i in b.left:
            maps["left"][i] = b.right
        for j in b.right:
            maps["right"][j] = b.left
    return maps


def _side_hits(
    s: DocWords, other: DocWords, other_doc: Document, aligned: dict[int, tuple[int, ...]]
) -> list[_Hit]:
    words, unknown_share = _unknown_words(s, other)
    if not words:
        return []
    plain = {w.plain for ws in words.values() for w in ws}
    capitalised = {w.capitalize(): w for w in plain if w.capitalize() in s.vocab}
    places = occurrences(s, [*words, *capitalised])
    names = _names(s, capitalised, places)
    english = unknown_share <= MAX_UNKNOWN_SHARE
    lex = lexicon()
    near_cache: dict[tuple[int, ...], frozenset[str]] = {}
    hits = []
    for token in words:
        found_at = places[token]
        repeated = len(found_at) >= REPEATED
        for k, i in found_at:
            para = s.indices[k]
            for w in words[token]:
                if w.plain in names:
                    continue
                suggestion, confidence = None, 0.0
                evidence: Evidence = "dictionary"
                counterpart = aligned.get(para, ())
                if counterpart:
                    near = near_cache.get(counterpart)
                    if near is None:
                        near = near_cache[counterpart] = _words_of(other_doc, counterpart)
                    found = _counterpart_fixes(lex, w, near)
                    if found:
                        suggestion, confidence, evidence = found[0], 0.9, "both"
                if suggestion is None and w.verdict is not None and english and not repeated:
                    suggestion, confidence = w.verdict.suggestions[0], w.verdict.confidence
                if suggestion is None:
                    continue
                start = i + w.offset
                hits.append(
                    _Hit(
                        s.side,
                        para,
                        start,
                        start + len(w.surface),
                        w.surface,
                        _match_case(suggestion, w.surface),
                        confidence,
                        evidence,
                    )
                )
    return hits


def _counterpart_fixes(lex: Lexicon, w: _Word, near: frozenset[str]) -> list[str]:
    """Corrections of ``w`` that the aligned paragraphs of the other version use, best first.

    A distance-2 word there does not beat the dictionary's distance-1 correction
    ("brasen" is "brazen", even next to "bases").
    """
    reach = _reach(w.plain)
    if w.verdict is not None and w.verdict.distance == 1:
        reach = 1
    found = [
        (c, d)
        for c, d in lex.candidates(w.plain, max_distance=reach)
        if c in near and lex.zipf(c) - lex.zipf(w.plain) >= COUNTERPART_MARGIN
    ]
    return rank(lex, w.plain, found)


def _words_of(doc: Document, indices: tuple[int, ...]) -> frozenset[str]:
    return frozenset(
        w.lower()
        for i in indices
        if i < len(doc.paragraphs)
        for w in LETTER_WORD.findall(doc.paragraphs[i].text)
    )


def _match_case(suggestion: str, word: str) -> str:
    return suggestion.capitalize() if word[:1].isupper() else suggestion


def find_typos(left: Document, right: Document, blocks: Sequence[Block]) -> tuple[Typo, ...]:
    """Likely typos in both documents, in document order (left first).

    ``blocks`` pair the paragraphs, and their word edits are the strongest evidence; with
    ``blocks=()`` the dictionary alone judges. Capitalised words are flagged only through
    an edit of kind ``typo`` (see :func:`word_pair_kind`).
    """
    with collector_paused():
        return _find_typos(left, right, blocks)


def _find_typos(left: Document, right: Document, blocks: Sequence[Block]) -> tuple[Typo, ...]:
    sides = (prepare(left, "left"), prepare(right, "right"))
    aligned = _aligned(blocks)
    hits: dict[tuple[Side, int, int], _Hit] = {}
    for s, other, other_doc in ((sides[0], sides[1], right), (sides[1], sides[0], left)):
        for h in _side_hits(s, other, other_doc, aligned[s.side]):
            hits[(h.side, h.paragraph, h.start)] = h
    _add_edit_evidence(hits, blocks)
    return _typos(hits, left, right)


def _add_edit_evidence(hits: dict[tuple[Side, int, int], _Hit], blocks: Sequence[Block]) -> None:
    """Typos that an edit of the word diff pairs with their correct spelling."""
    for b in blocks:
        for e in b.edits:
            if e.op != "replace" or e.left is None or e.right is None:
                continue
            if e.kind != "typo":
                continue  # the edit classifier asks word_pair_kind about every one-word pair
            gone, added = _changed_words(e.left.text, e.right.text)
            if len(gone) != 1 or len(added) != 1:
                continue
            kind = word_pair_kind(gone[0].group(), added[0].group())
            if kind is None or kind[0] != "typo" or kind[1] is None:
                continue
            wrong_side: Side = "right" if kind[1] == gone[0].group() else "left"
            span, m = (e.right, added[0]) if wrong_side == "right" else (e.left, gone[0])
            key = (wrong_side, span.paragraph, span.start + m.start())
            prior = hits.get(key)
            hits[key] = _Hit(
                wrong_side,
                span.paragraph,
                span.start + m.start(),
                span.start + m.end(),
                m.group(),
                kind[1],
                0.8 if prior is None else 0.95,
                "counterpart" if prior is None else "both",
            )


def _changed_words(old: str, new: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """Words only in ``old`` and only in ``new`` (compared lower-cased), as matches."""
    ow, nw = list(WORD.finditer(old)), list(WORD.finditer(new))
    olow = {m.group().lower() for m in ow}
    nlow = {m.group().lower() for m in nw}
    return (
        [m for m in ow if m.group().lower() not in nlow],
        [m for m in nw if m.group().lower() not in olow],
    )


def _typos(
    hits: dict[tuple[Side, int, int], _Hit], left: Document, right: Document
) -> tuple[Typo, ...]:
    ids = IdMaker("t")
    seen: Counter[tuple[str, str, int]] = Counter()
    out = []
    for key in sorted(hits, key=lambda k: (k[0] != "left", k[1], k[2])):
        h = hits[key]
        doc = left if h.side == "left" else right
        text = doc.paragraphs[h.paragraph].text
        seen[(h.side, h.word, h.paragraph)] += 1
        tid = ids.make(h.side, h.word, text, str(seen[(h.side, h.word, h.paragraph)]))
        out.append(
            Typo(
                id=tid,
                side=h.side,
                paragraph=h.paragraph,
                start=h.start,
                end=h.end,
                word=h.word,
                suggestion=h.suggestion,
                confidence=h.confidence,
                evidence=h.evidence,
            )
        )
    return tuple(out)
