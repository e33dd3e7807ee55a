"""Word tokens of a sentence, with offsets, for attribution and cue finding.

Words keep inner apostrophes and hyphens ("other's", "China-Russia", "won't"); dotted
acronyms ("U.S.") and honorifics ("Mr.") keep their dots. A digit run is split from letters
glued to it ("1China" -> "1", "China"), which scraped text often contains. Every other
non-space character is a token of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Mrs?|Ms|Dr|Prof)\.(?=\s)"
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:(?<=s)['’](?![^\W\d_]))?"
    r"|\d+(?:[.,:]\d+)*"
    r"|--|\S"
)

#: Quote characters, which are tokens of their own.
QUOTES = frozenset("\"“”'‘’")
#: Tokens that are punctuation (not words).
PUNCT = frozenset(",.;:!?()[]{}-–—/") | {"--"} | QUOTES


@dataclass(frozen=True, slots=True)
class Words:
    """Tokens of ``text``: ``texts[i] == text[starts[i]:ends[i]]``; ``lows`` lower-cased."""

    text: str
    starts: list[int]
    ends: list[int]
    texts: list[str]
    lows: list[str]

    def __len__(self) -> int:
        return len(self.texts)

    def is_word(self, i: int) -> bool:
        return self.texts[i] not in PUNCT


def tokenize(text: str) -> Words:
    """Split ``text`` into word and punctuation tokens.

    >>> tokenize("1China's “won't” U.S. allies'").texts
    ['1', "China's", '“', "won't", '”', 'U.S.', "allies'"]
    """
    matches = list(_TOKEN.finditer(text))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    texts = [m.group() for m in matches]
    lowered = text.lower().replace("’", "'")
    if len(lowered) == len(text):  # lower() keeps offsets (it does, but for a few letters)
        lows = [lowered[a:b] for a, b in zip(starts, ends, strict=True)]
    else:
        lows = [t.lower().replace("’", "'") for t in texts]
    return Words(text, starts, ends, texts, lows)


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, with shared prefixes factored out.

    Python's regex engine tries the alternatives of ``a|b|c`` one by one at every position;
    a trie (``s(?:aid|hould)``) rejects most positions after one character, which makes
    scanning long texts for a hundred words several times faster.

    >>> import re
    >>> p = re.compile(trie_pattern(["said", "says", "should", "s"]))
    >>> [m.group() for m in p.finditer("she says he should")]
    ['s', 'says', 'should']
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: the rest is optional
            return f"(?:{body})?"
        return body

    return build(trie)
