"""Tokenisation shared by alignment and word diff.

Two views of a paragraph:

* :func:`diff_tokens` cuts it into words, single punctuation marks and white-space runs that
  together cover every character, so a diff over them is lossless and edits land on word
  boundaries;
* :func:`content_words` keeps only lower-cased words that carry meaning (function words are
  dropped), which is what paragraph alignment compares.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# A unit is a word (inner apostrophes kept: "other's", "that’s") or one punctuation mark,
# together with the white space before it; white space at the very end is a unit of its own.
# The units cover every character, so "".join(units) == text, and a diff over them needs half
# as many tokens as one that treats white space separately.
#: A word: letters or digits, inner apostrophes kept ("other's", "that’s").
WORD = re.compile(r"\w+(?:['’]\w+)*")
#: A plain run of word characters (an apostrophe ends it): the alignment's features.
WORD_RUN = re.compile(r"\w+")
#: A word of letters only (no digits), inner apostrophes kept: what a lexicon can judge.
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DIFF_TOKEN = re.compile(r"\s*(?:" + WORD.pattern + r"|[^\w\s])|\s+")

# Function words that carry no evidence of which paragraph matches which.
STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "for",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "from",
        "as",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "through",
        "during",
        "without",
        "within",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "it's",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "having",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "him",
        "we",
        "us",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "not",
        "no",
        "also",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "own",
        "same",
        "too",
        "very",
        "can",
        "will",
        "just",
        "should",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "s",
        "t",
    ]
)

MONTH_NAMES: tuple[str, ...] = tuple(
    "january february march april may june july august september october november december".split()
)
#: Abbreviated month names ("Feb. 4"): dates for the edit classifier, and abbreviations that
#: do not end a sentence for the sentence splitter.
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "`": "'",
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "\u00a0": " ",
    }
)


def diff_tokens(text: str) -> list[str]:
    """Lossless diff units: ``"".join(diff_tokens(t)) == t``.

    >>> diff_tokens("Wang's view: “yes”. ")
    ["Wang's", ' view', ':', ' “', 'yes', '”', '.', ' ']
    """
    return _DIFF_TOKEN.findall(text)


def words(text: str) -> list[str]:
    """Lower-cased word tokens.

    >>> words("China-Russia ties, he said")
    ['china', 'russia', 'ties', 'he', 'said']
    """
    return WORD_RUN.findall(text.lower())


def content_words(text: str) -> list[str]:
    """Lower-cased words minus function words (the alignment's features).

    >>> content_words("The two sides should promote trade")
    ['two', 'sides', 'promote', 'trade']
    """
    return [w for w in WORD_RUN.findall(text.lower()) if w not in STOPWORDS]


def normalise(text: str) -> str:
    """Fold quote and dash styles and white space, for "equal after normalisation" checks.

    >>> normalise("“Yes” — he said\u00a0 so") == normalise('"Yes" - he said so')
    True
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split())


def is_space(token: str) -> bool:
    return token.isspace()


def is_word(token: str) -> bool:
    return bool(token) and (token[0].isalnum() or token[0] == "_")


def join(tokens: Iterable[str]) -> str:
    return "".join(tokens)
