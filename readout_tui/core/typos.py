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
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from rapidfuzz.distance import OSA

from readout_tui.core.ids import IdMaker
from readout_tui.core.lexicon import Lexicon, edit_bonus, lexicon
from readout_tui.core.model import Block, Document, EditKind, Evidence, Side, Typo
from readout_tui.core.perf import collector_paused

__all__ = [
    "Verdict",
    "document_words",
    "find_typos",
    "is_unknown",
    "judge_word",
    "word_pair_kind",
]

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
#: A form used this often in one document is deliberate unless the other version says not.
REPEATED = 3
#: Above this share of unknown lower-case word forms a text is not (plain) English: the
#: dictionary stays out.
MAX_UNKNOWN_SHARE = 0.2

# Word-like runs; inner separators keep URLs, e-mail addresses, abbreviations ("U.S."),
# compounds and contractions whole so each can be judged (or skipped) as one token.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.@/:][^\W_]+)*")
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.I)
_ROMAN = re.compile(
    r"^(?=[mdclxvi]+$)m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$"
)
# The edit classifier's notion of a word (so both see the same words in an edit).
_EDIT_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SINGLE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_VOWELS = frozenset("aeiouy")
_SKIP_CHARS = frozenset("0123456789.@/:_")
# Looking back from a word: after optional quotes or brackets, these end a sentence.
_OPENERS = "\"'“‘«([{*•-–— \t"
_ENDERS = ".!?:;…\n"
#: Up to this many word forms are found by substring search, more by a pass over paragraphs.
_FIND_EACH = 24


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


def _rank(lex: Lexicon, word: str, cands: Iterable[tuple[str, int]]) -> list[str]:
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
    ranked = _rank(lex, word, kept)
    best = ranked[0]
    dist = dict(kept)[best]
    gap = lex.zipf(best) - z
    confidence = 0.5 + 0.05 * min(gap, 4.0) - 0.1 * (dist - 1) + 0.1 * edit_bonus(word, best)
    return Verdict(word, tuple(ranked), dist, round(min(confidence, 0.85), 2))


def _plain(word: str) -> str | None:
    """``word`` without a possessive ending; ``None`` for contractions."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    return None if "'" in w else w


def _case_ok(word: str) -> bool:
    """Lower-case or capitalised; all-caps and inner capitals ("iPhone") are never judged."""
    return word.islower() or (word[:1].isupper() and word[1:].islower())


def _close(lex: Lexicon, wrong: str, right: str, margin: float) -> bool:
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
    if not (_SINGLE_WORD.fullmatch(old) and _SINGLE_WORD.fullmatch(new)):
        return None
    a, b = _plain(old), _plain(new)
    if a is None or b is None or not _case_ok(a) or not _case_ok(b):
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
        return ("typo", surface) if _close(lex, wrong, right, 2.0) else None
    return ("typo", surface) if _close(lex, wrong, right, COUNTERPART_MARGIN) else None


@dataclass(frozen=True, slots=True)
class _Side:
    """One document's judged text: its body and title paragraphs and their word tokens."""

    side: Side
    texts: list[str]  # body and title paragraph texts, URLs blanked out
    indices: list[int]  # the paragraph index of each text
    titles: frozenset[int]
    vocab: frozenset[str]
    lower_vocab: frozenset[str]
    chunks: dict[str, tuple[str, ...]]  # white-space separated chunk -> its tokens


# The last few documents' prepared text: find_typos and find_artifacts both read it.
_PREPARED: dict[tuple[str, int, int, str], _Side] = {}
_PREPARED_MAX = 4


def _prepare(doc: Document, side: Side) -> _Side:
    key = (doc.sha256, len(doc.text), len(doc.paragraphs), doc.format)
    prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = _build_side(doc, side)
        while len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.pop(next(iter(_PREPARED)))
        _PREPARED[key] = prepared
    return prepared if prepared.side == side else replace(prepared, side=side)


def _build_side(doc: Document, side: Side) -> _Side:
    texts: list[str] = []
    indices: list[int] = []
    for p in doc.paragraphs:
        if p.role in ("body", "title"):
            text = p.text
            if "://" in text or "www." in text or "@" in text:
                # URLs and e-mail addresses are blanked (offsets kept): no piece is judged.
                text = _URL.sub(lambda m: " " * len(m.group()), text)
            texts.append(text)
            indices.append(p.index)
    # Distinct white-space chunks first, then tokens of each distinct chunk: a third faster
    # than tokenising the whole text, and the chunks find paragraphs again later.
    distinct: set[str] = set()
    for text in texts:
        distinct.update(text.split())
    chunks: dict[str, tuple[str, ...]] = {}
    for chunk in distinct:
        tokens = tuple(_TOKEN.findall(chunk))
        if tokens:
            chunks[chunk] = tokens
    vocab = frozenset(t for tokens in chunks.values() for t in tokens)
    lower = frozenset(w.lower().replace("’", "'") for w in vocab)
    titles = frozenset(p.index for p in doc.paragraphs if p.role == "title")
    return _Side(side, texts, indices, titles, vocab, lower, chunks)


def document_words(doc: Document) -> frozenset[str]:
    """The distinct word tokens of ``doc``'s body and title paragraphs (URLs left out).

    Cached for the last few documents, so the artifact finder reuses the typo finder's pass.
    """
    return _prepare(doc, "left").vocab


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] in _ENDERS:
        return True
    return text[i] in '"”’»)' and i > 0 and text[i - 1] in ".!?"


def _occurrences(s: _Side, tokens: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each token occurs: (index into ``s.texts``, offset in that text)."""
    wanted = set(tokens)
    out: dict[str, list[tuple[int, int]]] = {w: [] for w in wanted}
    if not wanted:
        return out
    if len(wanted) <= _FIND_EACH:
        # A few forms: C-speed substring search over the joined text, then check each hit is
        # a whole token (about 2 ms a form on a 4 MB book).
        joined = "\n".join(s.texts)
        starts = list(accumulate((len(t) + 1 for t in s.texts[:-1]), initial=0))
        for w in wanted:
            i = joined.find(w)
            while i >= 0:
                m = _TOKEN.match(joined, i)
                if m is not None and m.end() == i + len(w) and _token_start(joined, i):
                    k = bisect_right(starts, i) - 1
                    out[w].append((k, i - starts[k]))
                i = joined.find(w, i + 1)
        return out
    # Many forms: pick paragraphs by their white-space chunks (one C-level split each), and
    # tokenise only those again for offsets.
    holders = {c for c, toks in s.chunks.items() if not wanted.isdisjoint(toks)}
    for k, text in enumerate(s.texts):
        if holders.isdisjoint(text.split()):
            continue
        for m in _TOKEN.finditer(text):
            if m.group() in wanted:
                out[m.group()].append((k, m.start()))
    return out


def _token_start(text: str, i: int) -> bool:
    """True when a token can start at ``i`` (it is not the inside of a longer one)."""
    if i == 0:
        return True
    prev = text[i - 1]
    if prev.isalnum() or prev == "_":
        return False
    return not (prev in "-'’.@/:" and i >= 2 and text[i - 2].isalnum())


def _parts(token: str) -> list[tuple[int, str]]:
    """The judged words of a token with their offsets: the token, or a compound's parts."""
    if _SKIP_CHARS.intersection(token):
        return []  # numbers, URLs, e-mail addresses, abbreviations such as "U.S"
    if "-" not in token:
        return [(0, token)]
    if token[0].isupper():
        return []  # a hyphenated name ("Beth-lehem", "Abed-nego")
    out, pos = [], 0
    for part in token.split("-"):
        # Short parts are prefixes and particles ("co-", "non-", "-in-law"): not judged.
        if len(part) >= 4:
            out.append((pos, part))
        pos += len(part) + 1
    return out


@dataclass(frozen=True, slots=True)
class _Word:
    """A judged word form: its offset in its token, its surface and lower-case plain form."""

    offset: int
    surface: str
    plain: str
    verdict: Verdict | None


def _unknown_words(s: _Side, other: _Side) -> tuple[dict[str, list[_Word]], float]:
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
        for off, part in _parts(token):
            plain = _plain(part)
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
    s: _Side, capitalised: dict[str, str], occurrences: dict[str, list[tuple[int, int]]]
) -> set[str]:
    """The lower-case words whose capitalised form (``capitalised`` maps it to the word)
    ``s`` uses mid-sentence outside titles, as names are ("xinhua" beside "Xinhua said")."""
    names: set[str] = set()
    for token, word in capitalised.items():
        for k, i in occurrences.get(token, ()):
            if s.indices[k] not in s.titles and not _sentence_initial(s.texts[k], i):
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
    s: _Side, other: _Side, other_doc: Document, aligned: dict[int, tuple[int, ...]]
) -> list[_Hit]:
    words, unknown_share = _unknown_words(s, other)
    if not words:
        return []
    plain = {w.plain for ws in words.values() for w in ws}
    capitalised = {w.capitalize(): w for w in plain if w.capitalize() in s.vocab}
    occurrences = _occurrences(s, [*words, *capitalised])
    names = _names(s, capitalised, occurrences)
    english = unknown_share <= MAX_UNKNOWN_SHARE
    lex = lexicon()
    near_cache: dict[tuple[int, ...], frozenset[str]] = {}
    hits = []
    for token in words:
        places = occurrences[token]
        repeated = len(places) >= REPEATED
        for k, i in places:
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
    return _rank(lex, w.plain, found)


def _words_of(doc: Document, indices: tuple[int, ...]) -> frozenset[str]:
    return frozenset(
        w.lower()
        for i in indices
        if i < len(doc.paragraphs)
        for w in _SINGLE_WORD.findall(doc.paragraphs[i].text)
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
    sides = (_prepare(left, "left"), _prepare(right, "right"))
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
    ow, nw = list(_EDIT_WORD.finditer(old)), list(_EDIT_WORD.finditer(new))
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
