"""Edit classification: what kind of change an edit is.

The kinds tell a researcher where to look: normalisation (``whitespace`` — including quote and
dash style —, ``case``, ``punctuation``) is noise the app dims; ``name``, ``number``, ``date``
and ``modality`` are the substantive small changes that alter who, how much, when and how
firmly; ``typo`` and ``spelling_variant`` come from the spelling lexicon; the rest is
``paraphrase``. Rules are checked from the most specific to the most general.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from readout_tui.core.model import EditKind, Span
from readout_tui.core.tokens import MONTH_ABBREVIATIONS, MONTH_NAMES, STOPWORDS, WORD, normalise

#: ``(old word, new word) -> (kind, suggestion)`` or None; the typo stage provides it.
WordPairHook = Callable[[str, str], "tuple[EditKind, str | None] | None"]

_NON_WORD = re.compile(r"[\W_]+")

MODALITY: frozenset[str] = frozenset(
    [
        "will",
        "would",
        "shall",
        "should",
        "must",
        "may",
        "might",
        "can",
        "could",
        "need",
        "ought",
        "cannot",
        "won't",
        "wouldn't",
        "shouldn't",
        "mustn't",
        "can't",
        "couldn't",
        "firmly",
        "strongly",
        "staunchly",
        "resolutely",
        "fully",
        "totally",
        "completely",
        "steadfastly",
        "unswervingly",
        "continuously",
        "consistently",
        "always",
        "never",
        "actively",
        "earnestly",
        "jointly",
        "vigorously",
        "further",
        "deeply",
        "sincerely",
        "definitely",
        "certainly",
        "possibly",
        "perhaps",
        "probably",
        "likely",
        "unlikely",
        "ready",
        "willing",
        "prepared",
        "determined",
        "committed",
        "hope",
        "hopes",
        "hoped",
        "pledge",
        "pledged",
        "pledges",
        "vow",
        "vowed",
        "promise",
        "promised",
        "intend",
        "intends",
        "plan",
        "plans",
        "aim",
        "aims",
        "expect",
        "expects",
        "not",
        "no",
    ]
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [*MONTH_NAMES, *MONTH_ABBREVIATIONS]
DATE_WORDS: frozenset[str] = frozenset(
    [*_WEEKDAYS, *_MONTHS, "today", "yesterday", "tomorrow", "tonight", "week", "year", "month"]
)
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")


def _changed_words(old: str, new: str) -> tuple[list[str], list[str]]:
    """Words only in ``old`` and only in ``new`` (by lower-cased form, original case kept)."""
    ow, nw = WORD.findall(old), WORD.findall(new)
    olow = {w.lower() for w in ow}
    nlow = {w.lower() for w in nw}
    return [w for w in ow if w.lower() not in nlow], [w for w in nw if w.lower() not in olow]


def _is_date_word(w: str) -> bool:
    lw = w.lower()
    return lw in DATE_WORDS or bool(_ORDINAL.match(lw)) or bool(_YEARISH.match(lw))


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() and w.lower() not in STOPWORDS and len(w) > 1 and not w.isupper()


_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(m for m in _MONTHS) + r")\.?\s*$", re.IGNORECASE)


def follows_month(before: str) -> bool:
    """True when ``before`` (the text just before an edit) ends with a month name.

    >>> follows_month("BEIJING, Feb. "), follows_month("the 4")
    (True, False)
    """
    return bool(_MONTH_BEFORE.search(before[-12:]))


def classify_edit(
    old: str,
    new: str,
    *,
    word_pair: WordPairHook | None = None,
    after_month: bool = False,
) -> EditKind:
    """Kind of the change from ``old`` to ``new``.

    >>> classify_edit("“yes”", '"yes"'), classify_edit("China", "china")
    ('whitespace', 'case')
    >>> classify_edit("China,", "china"), classify_edit("relations,", "relations")
    ('case', 'punctuation')
    >>> classify_edit(",", ";"), classify_edit("Lavrov", "Sergei Lavrov")
    ('punctuation', 'name')
    >>> classify_edit("Thursday", "Oct 27"), classify_edit("12", "15")
    ('date', 'number')
    >>> classify_edit("firmly supports", "supports"), classify_edit("will", "may")
    ('modality', 'modality')
    >>> classify_edit("pointing out the direction", "showing the way")
    'paraphrase'

    ``after_month`` says the edit follows a month name, so a changed number is a day.
    """
    # Letters and digits alone decide between a change of form and one of words: most edits
    # change words, and this one comparison sends them straight to the word rules.
    letters_old, letters_new = _NON_WORD.sub("", old), _NON_WORD.sub("", new)
    if letters_old.lower() == letters_new.lower():
        if normalise(old) == normalise(new):
            return "whitespace"
        if letters_old == letters_new:
            return "punctuation"
        return "case"
    gone, added = _changed_words(old, new)
    if word_pair is not None and len(gone) == 1 and len(added) == 1:
        verdict = word_pair(gone[0], added[0])
        if verdict is not None:
            return verdict[0]
    changed = gone + added
    if not changed:  # same words, other order or spacing around punctuation
        return "paraphrase"
    lowered = [w.lower() for w in changed]
    if all(w in MODALITY for w in lowered):
        return "modality"
    if all(_is_date_word(w) or w.isdigit() for w in changed) and any(
        w.lower() in DATE_WORDS or _YEARISH.match(w) for w in changed
    ):
        return "date"
    if all(any(ch.isdigit() for ch in w) for w in changed):
        if after_month and all(_ORDINAL.match(w) for w in changed):
            return "date"
        return "number"
    if all(_is_name_word(w) for w in changed):
        return "name"
    return "paraphrase"


def typo_suggestion(old: str, new: str, *, word_pair: WordPairHook | None) -> str | None:
    """The intended word when the edit is a single-word typo fix or slip, else None."""
    if word_pair is None:
        return None
    gone, added = _changed_words(old, new)
    if len(gone) == 1 and len(added) == 1:
        verdict = word_pair(gone[0], added[0])
        if verdict is not None and verdict[0] == "typo":
            return verdict[1]
    return None


def make_classifier(
    *, word_pair: WordPairHook | None = None, cache_size: int = 1 << 16
) -> Callable[[str, str, bool], EditKind]:
    """A memoised :func:`classify_edit` for one comparison run.

    Long texts repeat the same small edits ("unto" -> "to") thousands of times; caching the
    verdict per ``(old, new)`` pair makes classification cost per distinct edit, not per edit.
    """

    @lru_cache(maxsize=cache_size)
    def classify(old: str, new: str, after_month: bool = False) -> EditKind:
        return classify_edit(old, new, word_pair=word_pair, after_month=after_month)

    return classify


_SENTENCE_GAP = re.compile(r"[.!?:;\"“”]\s*$")


def _opens_sentence(span: Span, text: str) -> bool:
    start = span.start + (len(span.text) - len(span.text.lstrip()))
    return start == 0 or bool(_SENTENCE_GAP.search(text[max(0, start - 3) : start]))


def classify_in_context(
    classify: Callable[[str, str, bool], EditKind],
    left: Span,
    right: Span,
    left_text: str,
    right_text: str,
    *,
    is_common: Callable[[str], bool],
) -> EditKind:
    """The kind of an edit, using the paragraph text around it (``left_text``/``right_text``).

    Two rules need context: a number changed right after a month name is a day ("Feb. 4"),
    and a common word capitalised only because it opens a sentence ("Two sides" for "the
    two sides") is no evidence of a name.
    """
    kind = classify(left.text, right.text, False)
    if kind == "number" and follows_month(left_text[max(0, left.start - 12) : left.start]):
        kind = classify(left.text, right.text, True)
    if kind == "name" and _common_opener(left, right, left_text, right_text, is_common):
        kind = "paraphrase"
    return kind


def _common_opener(
    left: Span, right: Span, left_text: str, right_text: str, is_common: Callable[[str], bool]
) -> bool:
    """True when each changed side is one common word that opens a sentence."""
    for span, text in ((right, right_text), (left, left_text)):
        word = span.text.strip()
        if not word:
            continue
        if not word.isalpha() or not _opens_sentence(span, text) or not is_common(word):
            return False
    return True
