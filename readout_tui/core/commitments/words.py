"""Word tokens of a sentence, with offsets, for attribution and cue finding.

Words keep inner apostrophes and hyphens ("other's", "China-Russia", "won't"), a possessive
"s'" ("countries'") and dotted acronyms ("U.S."); a digit run is split from letters glued to
it ("1China" -> "1", "China"), which scraped text often contains. Every other non-space
character is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
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
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    for m in _TOKEN.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        texts.append(m.group())
    lows = [t.lower().replace("’", "'") for t in texts]
    return Words(text, starts, ends, texts, lows)
