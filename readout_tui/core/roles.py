"""Paragraph roles: title, dateline, boilerplate (page furniture) or body.

Republished statements arrive wrapped in the furniture of the page they were scraped from:
currency tickers, menus, share buttons, copyright and registration lines, lone image file names,
stray punctuation. These rules are general (shapes of text, not strings from any one site); a
boilerplate paragraph takes no part in alignment and the app shows it collapsed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readout_tui.core.model import Role

_CURRENCY = r"[$€£¥₽₹₩₺₴]|\b(?:USD|EUR|GBP|RUB|CNY|JPY|BTC)\b"
_TICKER_LINE = re.compile(
    rf"^\s*(?:(?:{_CURRENCY})\s*[+-]?\d[\d\s.,]*%?|[+-]?\d[\d\s.,]*\s*(?:{_CURRENCY})|[+-]?\d[\d.,]*\s*%)"
    r"(?:\s*[/|·•,;]\s*(?:(?:" + _CURRENCY + r")\s*[+-]?\d[\d.,]*%?|[+-]?\d[\d.,]*\s*%))*\s*$",
    re.I,
)
_IMAGE_NAME = re.compile(
    r"^\s*[\w.-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)(?:\s+\d+)?\s*$|"
    r"^\s*(?:maxres|hq|mq|sd)default(?:\s+\d+)?\s*$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:^|\s)(?:©|\(c\)|copyright\b|all rights reserved|reproduction (?:is )?prohibited|"
    r"registered (?:as|with|by)\b|registration (?:certificate|number|no\.)|mass media registration|"
    r"terms of (?:use|service)|privacy policy|cookie)",
    re.I,
)
_SOCIAL = re.compile(
    r"^(?:share|tweet|print|e-?mail|subscribe|follow us|read more|related|advertisement|"
    r"comments?|login|log in|sign in|sign up|menu|search|home|back to top)\b",
    re.I,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'-]{1,40},\s+)?(?:\(?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\)?|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?|"
    r"[A-Z][A-Z .'-]{2,40},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([A-Za-z ]+\))?\s*(?:--|—|–)?)"
    r"\s*$"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
SENTENCE_END = frozenset(".!?\"”’')»:;,")


_LETTER = re.compile(r"[^\W\d_]")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def is_boilerplate(text: str) -> bool:
    """True for page furniture rather than prose.

    >>> is_boilerplate("$ 89.7\\n€ 97.1")
    True
    >>> is_boilerplate("© 2021 Example News. All rights reserved.")
    True
    >>> is_boilerplate("Home | World | Business | Sport")
    True
    >>> is_boilerplate("China and Russia agreed on cooperation, he said.")
    False
    """
    stripped = text.strip()
    # Fast exits keep whole books fast: furniture is short, and a run of words ending like a
    # sentence is prose unless it is a copyright or registration line.
    if len(stripped) > 400:
        return False
    if stripped.count(" ") >= 8 and stripped[-1] in SENTENCE_END:
        return bool(_COPYRIGHT.search(stripped)) and len(_WORD.findall(stripped)) <= 25
    words = _WORD.findall(stripped)
    if len(words) > 25:
        return False
    if _letters(stripped) < 3:
        return True  # stray punctuation, bare numbers, ", , :"
    lines = [line.strip() for line in stripped.splitlines() if line.strip()]
    if all(_TICKER_LINE.match(line) or _letters(line) < 2 for line in lines):
        return True
    if all(_IMAGE_NAME.match(line) for line in lines):
        return True
    if _COPYRIGHT.search(stripped):
        return True
    if len(words) <= 6 and _SOCIAL.match(stripped) and not stripped.endswith((".", '"', "”")):
        return True
    # Menus: several very short items, one per line or separated by bars/bullets, no sentence.
    items = [i.strip() for i in re.split(r"\n|\s[|·•»]\s|\s{3,}", stripped) if i.strip()]
    return (
        len(items) >= 3
        and all(len(_WORD.findall(i)) <= 3 for i in items)
        and not re.search(r"[.!?]\s*$", stripped)
    )


def is_dateline(text: str) -> bool:
    """True for a paragraph that is only a place and/or date line.

    >>> is_dateline("BEIJING, Feb. 4 (Xinhua) --")
    True
    >>> is_dateline("February 4, 2021")
    True
    >>> is_dateline("China and Russia said on Feb. 4, 2021 that ...")
    False
    """
    return bool(_DATELINE.match(text.strip()))


def _looks_like_title(text: str) -> bool:
    stripped = text.strip().lstrip("#").strip()
    words = _WORD.findall(stripped)
    if not 2 <= len(words) <= 30 or "\n" in stripped:
        return False
    # Headlines do not end like sentences; reported speech ("..., he said.") does.
    return not re.search(r"[.;,]\s*$", stripped) or text.lstrip().startswith("#")


def classify_roles(texts: Sequence[str]) -> list[Role]:
    """Assign a role to each paragraph of a document.

    The title is the first prose paragraph when it is short, is not a sentence, and is followed
    by body text; only the document head is searched, so a short line deep in the text stays
    body.

    >>> classify_roles(["$ 89.7", "Talks held: what was agreed", "The two sides agreed to meet."])
    ['boilerplate', 'title', 'body']
    """
    roles: list[Role] = []
    seen_prose = False
    for i, text in enumerate(texts):
        role: Role = "body"
        if is_boilerplate(text):
            role = "boilerplate"
        elif not seen_prose and is_dateline(text):
            role = "dateline"
        elif not seen_prose:
            following = next((t for t in texts[i + 1 : i + 4] if not is_boilerplate(t)), "")
            if _looks_like_title(text) and len(following) > len(text):
                role = "title"
            seen_prose = True
        roles.append(role)
    return roles
