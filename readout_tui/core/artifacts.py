"""Artifacts: scraping debris in a document, each with the reason it is debris.

A scraped republication carries the furniture of the page it came from: image file names and
video-thumbnail stems glued before the first sentence ("hqdefault 1China and..."), words glued
by a lost space ("agreedthat", "1China", "end.Next"), HTML entities and tags that were never
decoded (``&amp;``, ``&#8217;``, ``<br>``), page metadata glued to the text ("date
2021-02-05"), a lead paragraph printed twice, and ticker or menu lines. A researcher must not
mistake any of it for content, and it is evidence of how the copy was made.

The rules are shapes of text, not strings of any one site. Each scans the whole document text
in one pass of a regular expression (whose literal first character lets the engine skip
ahead), so a whole book costs a few tens of milliseconds; word gluing consults the lexicon for
each distinct word form once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from readout_tui.core.ids import IdMaker
from readout_tui.core.lexicon import lexicon
from readout_tui.core.model import Artifact, Document, Paragraph, Side
from readout_tui.core.perf import collector_paused
from readout_tui.core.typos import document_words, is_unknown

__all__ = ["find_artifacts"]

_IMAGE_EXT = "jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic"
# Found by the extension (a literal "." lets the engine skip ahead), then widened leftwards
# over the name and rightwards over a "copy number" a page may add ("photo.jpg 1").
_IMAGE_DOT = re.compile(rf"\.(?:{_IMAGE_EXT}|{_IMAGE_EXT.upper()})\b")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_%+~.-")
_COPY_NUMBER = re.compile(r"\s?\(?\d{1,3}\)?(?!\d)")
# Generated image names: video thumbnails ("maxresdefault", "hqdefault"), camera and
# screenshot names ("IMG_1234", "DSC01234"), resized copies ("photo-1024x768").
_THUMBNAIL = re.compile(r"(?:maxres|hq|mq|sd)(?=default)")
_CAMERA = re.compile(r"\b(?:IMG|DSCN?|PXL|Screenshot)[_-]?\d{3,}[\w-]*")
_RESIZED = re.compile(r"x(?<=\dx)\d{2,4}(?![\w.])")
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,9}|#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6});")
_HTML_TAGS = (
    "a abbr article aside b blockquote br caption center div em figcaption figure font footer "
    "h1 h2 h3 h4 h5 h6 header hr i iframe img li link meta nav noscript ol p picture script "
    "section small source span strong style sub sup table tbody td th thead tr u ul video"
)
_TAG = re.compile(
    r"</?(?:" + "|".join(sorted(_HTML_TAGS.split(), key=len, reverse=True)) + r")"
    r"(?:\s+[^<>]{0,300})?/?>",
    re.I,
)
_SHORTCODE = re.compile(r"\[/?(?:caption|embed|gallery|video|audio|playlist)\b[^\]]{0,300}\]", re.I)
# A capitalised word glued to what precedes it: a digit ("1China"), a sentence end
# ("agreed.The") or a lower-case word ("agreedThat"). Scanning from the capital (the
# lookbehind comes after it) keeps this one fast pass.
_GLUED_CAPITAL = re.compile(r"[A-Z](?<=[a-z0-9.!?][A-Z])[a-z]{2,}")
# A page field glued before the text: "date 2021-02-05 BEIJING, ...".
_METADATA = re.compile(
    r"^\s*(?:date|posted|published|updated|modified|source|author|by|time)\s*:?\s*"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?=\s)",
    re.I,
)
_CURRENCY = re.compile(r"[$€£¥₽₹₩₺₴]|\b(?:USD|EUR|GBP|RUB|CNY|JPY|BTC)\b")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved|registered|terms of|privacy", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_PUNCT = "\"'“”‘’«»()[]{},.;:!?-–—*"

#: Both halves of a glued word (itself unknown) must be at least this common (Zipf)...
GLUE_PART_ZIPF = 4.5
#: ...and the second a function word, this common ("that", "the", "of"; not "will")...
GLUE_FUNCTION_ZIPF = 6.6
#: ...or the first one of the two commonest ("the", "and").
GLUE_LEADING_ZIPF = 7.4
#: A repeated paragraph must have at least this many words to count.
REPEAT_MIN_WORDS = 6


def _paragraph_at(doc: Document, starts: list[int], offset: int) -> Paragraph | None:
    k = bisect_right(starts, offset) - 1
    if k < 0:
        return None
    p = doc.paragraphs[k]
    return p if offset < p.end else None


Find = tuple[int, int, int, str]  # paragraph, start, end (in the paragraph), reason


def _inline(doc: Document) -> Iterator[Find]:
    """Debris inside prose paragraphs."""
    starts = [p.start for p in doc.paragraphs]
    text = doc.text

    def place(start: int, end: int, reason: str) -> Find | None:
        p = _paragraph_at(doc, starts, start)
        if p is None or p.role == "boilerplate" or end > p.end:
            return None
        return p.index, start - p.start, end - p.start, reason

    def spans(pattern: re.Pattern[str], reason: str) -> Iterator[Find]:
        if pattern.pattern[0] in "&<[" and pattern.pattern[0] not in text:
            return
        for m in pattern.finditer(text):
            found = place(m.start(), m.end(), reason)
            if found is not None:
                yield found

    for m in _IMAGE_DOT.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in _NAME_CHARS:
            start -= 1
        copy = _COPY_NUMBER.match(text, m.end())
        end = copy.end() if copy and copy.group().strip("() ") else m.end()
        found = place(start, end, "image file name left in the text")
        if found is not None and start < m.start():
            yield found
    if "default" in text:
        for m in _THUMBNAIL.finditer(text):
            end = m.end() + len("default")
            number = _COPY_NUMBER.match(text, end)
            if number is not None and number.group().startswith((" ", "(")):
                end = number.end()  # "maxresdefault 1"; a glued digit is the next word's glue
            found = place(m.start(), end, "video thumbnail name left in the text")
            if found is not None and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                yield found
    if any(stem in text for stem in ("IMG", "DSC", "PXL", "Screenshot")):
        yield from spans(_CAMERA, "camera or screenshot file name left in the text")
    for m in _RESIZED.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in _NAME_CHARS:
            start -= 1
        if "-" in text[start : m.start()] and text[start].isalpha():
            found = place(start, m.end(), "resized image name left in the text")
            if found is not None:
                yield found
    yield from spans(_ENTITY, "HTML entity that was never decoded")
    yield from spans(_TAG, "HTML tag left in the text")
    yield from spans(_SHORTCODE, "content-management shortcode left in the text")
    yield from _glued_capitals(text, place)
    # Page fields sit at the head of a page: only the first prose paragraphs are looked at.
    for p in [p for p in doc.paragraphs[:12] if p.role != "boilerplate"][:4]:
        field = _METADATA.match(p.text)
        if field:
            yield p.index, field.start(), field.end(), "page metadata glued to the text"
    yield from _glued_words(doc, starts)


def _glued_capitals(text: str, place: Callable[[int, int, str], Find | None]) -> Iterator[Find]:
    lex = lexicon()
    for m in _GLUED_CAPITAL.finditer(text):
        i = m.start()
        before = text[i - 1]
        found: Find | None = None
        if before.isdigit():
            j = i - 1
            while j > 0 and text[j - 1].isdigit():
                j -= 1
            if i - j <= 4 and (j == 0 or not (text[j - 1].isalnum() or text[j - 1] in ".,")):
                found = place(j, m.end(), "number glued to the next word (a space was lost)")
        elif before in ".!?":
            word = text[max(0, i - 4) : i - 1]
            if len(word) == 3 and word.isalpha() and word.islower():
                # The join has no width: mark the end of one sentence and the next word.
                found = place(i - 1, m.end(), "sentences glued together (a space was lost)")
        else:
            j = i - 1
            while j > 0 and text[j - 1].isalpha() and text[j - 1].islower():
                j -= 1
            head = text[j:i]
            starts_word = j == 0 or not text[j - 1].isalnum()
            if (
                starts_word
                and len(head) >= 3
                and lex.zipf(head) >= GLUE_PART_ZIPF
                and lex.zipf(m.group().lower()) >= GLUE_PART_ZIPF
            ):
                found = place(j, m.end(), "two words glued together (a space was lost)")
        if found is not None:
            yield found


def _split_glued(word: str) -> tuple[str, str] | None:
    """``word`` as two words glued together, if the lexicon has no use for it whole.

    One half must be a function word ("agreedthat", "ofthe"): a lost space falls anywhere,
    so it mostly falls next to the commonest words, whereas two content words written as one
    ("shoulderpieces", "firstfruit") are usually a compound.
    """
    lex = lexicon()
    if not is_unknown(word):
        return None
    best: tuple[float, str, str] | None = None
    for i in range(2, len(word) - 1):
        a, b = word[:i], word[i:]
        za, zb = lex.zipf(a), lex.zipf(b)
        # The function word comes second ("agreedthat", "ofthe"), or is "the"/"and" first:
        # other words written together with a particle first are mostly compounds
        # ("intreated", "forborn", "overlived").
        glue = zb >= GLUE_FUNCTION_ZIPF or (za >= GLUE_LEADING_ZIPF and len(a) >= 3)
        if not glue or min(za, zb) < GLUE_PART_ZIPF or len(a) + len(b) < 5:
            continue
        if len(b) <= 2 and len(a) < 5:
            continue  # "lothe", "minas", "jailor": short words happen to end like that
        if not (lex.is_curated(a) and lex.is_curated(b)):
            continue
        if best is None or min(za, zb) > best[0]:
            best = (min(za, zb), a, b)
    return None if best is None else (best[1], best[2])


def _glued_words(doc: Document, starts: list[int]) -> Iterator[Find]:
    forms = {
        w: split
        for w in document_words(doc)
        if len(w) >= 5 and w.isalpha() and w.islower()
        for split in [_split_glued(w)]
        if split is not None
    }
    if not forms:
        return
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms))) + r")\b")
    for m in pattern.finditer(doc.text):
        p = _paragraph_at(doc, starts, m.start())
        if p is None or p.role == "boilerplate":
            continue
        a, b = forms[m.group()]
        yield (
            p.index,
            m.start() - p.start,
            m.end() - p.start,
            f'two words glued together ("{a} {b}"; a space was lost)',
        )


def _furniture_reason(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    kinds: list[str] = []
    for line in lines:
        if _CURRENCY.search(line) and re.search(r"\d", line):
            kind = "ticker line (prices or rates)"
        elif len(_LETTER.findall(line)) < 2:
            kind = "stray punctuation or numbers"
        elif _IMAGE_DOT.search(line) or "default" in line:
            kind = "image file name"
        elif _COPYRIGHT.search(line):
            kind = "copyright or registration notice"
        else:
            kind = "menu, share or navigation links"
        if kind not in kinds:
            kinds.append(kind)
    return "page furniture: " + ", ".join(kinds or ["empty"])


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _opening(text: str) -> str:
    """The first two words, lower-cased, without punctuation: a cheap key before ``_normal``."""
    return " ".join(w.strip(_PUNCT) for w in text[:80].lower().split()[:2])


def _repeats(doc: Document) -> Iterator[Find]:
    """A lead (title or first body paragraph) printed again, or a paragraph printed twice in a
    row. Only the lead is compared with the whole text: books repeat refrains legitimately."""
    prose = [p for p in doc.paragraphs if p.role in ("title", "body")]
    leads = [
        (len(p.text), _opening(p.text), _normal(p.text), p)
        for p in prose[:2]
        if len(p.text.split()) >= REPEAT_MIN_WORDS
    ]
    previous = ""
    for p in prose:
        stripped = p.text.strip()
        reason = None
        for size, opening, norm, lead in leads:
            if (
                lead.index != p.index
                and abs(len(p.text) - size) <= size // 5 + 10
                and _opening(p.text) == opening
                and _normal(p.text) == norm
            ):
                what = "title" if lead.role == "title" else "lead paragraph"
                reason = f"repeats the {what} (paragraph {lead.index})"
                break
        if reason is None and stripped == previous and len(stripped.split()) >= REPEAT_MIN_WORDS:
            reason = "paragraph printed twice in a row"
        if reason is not None:
            offset = p.text.index(stripped)
            yield p.index, offset, offset + len(stripped), reason
        previous = stripped


def find_artifacts(doc: Document, side: Side) -> tuple[Artifact, ...]:
    """Scraping debris in ``doc``, in document order, each with its reason.

    Paragraphs with role ``boilerplate`` are reported whole, with what kind of furniture they
    are; inside prose, overlapping finds keep the first (the wider) one.
    """
    with collector_paused():
        return _find_artifacts(doc, side)


def _find_artifacts(doc: Document, side: Side) -> tuple[Artifact, ...]:
    found: list[Find] = []
    for p in doc.paragraphs:
        if p.role == "boilerplate":
            stripped = p.text.strip()
            if stripped:
                s = p.text.index(stripped)
                found.append((p.index, s, s + len(stripped), _furniture_reason(p.text)))
    found.extend(_inline(doc))
    found.extend(_repeats(doc))
    found.sort(key=lambda f: (f[0], f[1], -f[2]))
    ids = IdMaker("a")
    out: list[Artifact] = []
    last_para, last_end = -1, -1
    for para, start, end, reason in found:
        if para == last_para and start < last_end:
            continue  # inside an earlier, wider find ("maxresdefault 1" holds the "1")
        text = doc.paragraphs[para].text
        out.append(
            Artifact(
                id=ids.make(side, text[start:end], text, reason),
                side=side,
                paragraph=para,
                start=start,
                end=end,
                text=text[start:end],
                reason=reason,
            )
        )
        last_para, last_end = para, end
    return tuple(out)
