"""Word forms of a document: its distinct tokens, and where chosen ones occur.

Typo and artifact detection both judge each distinct word form once, then locate only the
forms that matter. :func:`prepare` reads a document's body and title paragraphs once (cached
for the last few documents, so both stages share it): white-space chunks first, then the
tokens of each distinct chunk, which is a third faster than tokenising the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import accumulate

from readout_tui.core.model import Document, Side

# Word-like runs; inner separators keep URLs, e-mail addresses, abbreviations ("U.S."),
# compounds and contractions whole so each can be judged (or skipped) as one token.
TOKEN = re.compile(r"[^\W_]+(?:[-'’.@/:][^\W_]+)*")
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.I)
_SKIP_CHARS = frozenset("0123456789.@/:_")
# Looking back from a word: after optional quotes or brackets, these end a sentence.
_OPENERS = "\"'“‘«([{*•-–— \t"
_ENDERS = ".!?:;…\n"
#: Up to this many word forms are found by substring search, more by a pass over paragraphs.
FIND_EACH = 24


@dataclass(frozen=True, slots=True)
class DocWords:
    """One document's judged text: its body and title paragraphs and their word tokens."""

    side: Side
    texts: list[str]  # body and title paragraph texts, URLs blanked out
    indices: list[int]  # the paragraph index of each text
    titles: frozenset[int]
    vocab: frozenset[str]
    lower_vocab: frozenset[str]
    chunks: dict[str, tuple[str, ...]]  # white-space separated chunk -> its tokens


# The last few documents' prepared text: find_typos and find_artifacts both read it.
_PREPARED: dict[tuple[str, int, int, str], DocWords] = {}
_PREPARED_MAX = 4


def _key(doc: Document) -> tuple[str, int, int, str]:
    return (doc.sha256, len(doc.text), len(doc.paragraphs), doc.format)


def remember(doc: Document, prepared: DocWords) -> None:
    """Put word forms prepared elsewhere (another process) into the cache for ``doc``."""
    while len(_PREPARED) >= _PREPARED_MAX:
        _PREPARED.pop(next(iter(_PREPARED)))
    _PREPARED[_key(doc)] = prepared


def prepare(doc: Document, side: Side) -> DocWords:
    key = _key(doc)
    prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = _build_side(doc, side)
        while len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.pop(next(iter(_PREPARED)))
        _PREPARED[key] = prepared
    return prepared if prepared.side == side else replace(prepared, side=side)


def _build_side(doc: Document, side: Side) -> DocWords:
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
        tokens = tuple(TOKEN.findall(chunk))
        if tokens:
            chunks[chunk] = tokens
    vocab = frozenset(t for tokens in chunks.values() for t in tokens)
    lower = frozenset(w.lower().replace("’", "'") for w in vocab)
    titles = frozenset(p.index for p in doc.paragraphs if p.role == "title")
    return DocWords(side, texts, indices, titles, vocab, lower, chunks)


def clear_cache() -> None:
    """Forget the prepared documents (benchmarks time a cold start with it)."""
    _PREPARED.clear()


def document_words(doc: Document) -> frozenset[str]:
    """The distinct word tokens of ``doc``'s body and title paragraphs (URLs left out).

    Cached for the last few documents, so the artifact finder reuses the typo finder's pass.
    """
    return prepare(doc, "left").vocab


def sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] in _ENDERS:
        return True
    return text[i] in '"”’»)' and i > 0 and text[i - 1] in ".!?"


def occurrences(s: DocWords, tokens: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each token occurs: (index into ``s.texts``, offset in that text)."""
    wanted = set(tokens)
    out: dict[str, list[tuple[int, int]]] = {w: [] for w in wanted}
    if not wanted:
        return out
    if len(wanted) <= FIND_EACH:
        # A few forms: C-speed substring search over the joined text, then check each hit is
        # a whole token (about 2 ms a form on a 4 MB book).
        joined = "\n".join(s.texts)
        starts = list(accumulate((len(t) + 1 for t in s.texts[:-1]), initial=0))
        for w in wanted:
            i = joined.find(w)
            while i >= 0:
                m = TOKEN.match(joined, i)
                if m is not None and m.end() == i + len(w) and token_start(joined, i):
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
        for m in TOKEN.finditer(text):
            if m.group() in wanted:
                out[m.group()].append((k, m.start()))
    return out


def token_start(text: str, i: int) -> bool:
    """True when a token can start at ``i`` (it is not the inside of a longer one)."""
    if i == 0:
        return True
    prev = text[i - 1]
    if prev.isalnum() or prev == "_":
        return False
    return not (prev in "-'’.@/:" and i >= 2 and text[i - 2].isalnum())


def parts(token: str) -> list[tuple[int, str]]:
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
