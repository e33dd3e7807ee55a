"""Paragraph segmentation with exact character offsets, and HTML to visible text.

Plain text and Markdown split on blank lines; a text with no blank line at all falls back to
one paragraph per line (wire copy pasted from some systems has no blank lines). HTML goes
through a real parser (selectolax/lexbor): scripts, styles, navigation and other page chrome
are dropped and each block element becomes a paragraph of the extracted text.

Every paragraph is returned as ``(start, end)`` into the text it was cut from, trimmed of
surrounding white space, so that ``text[start:end]`` is the paragraph.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
_NEWLINE = re.compile(r"\n")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph of ``text``.

    >>> t = "One.\\n\\n  Two\\nlines.\\n"
    >>> [t[s:e] for s, e in split_paragraphs(t)]
    ['One.', 'Two\\nlines.']
    >>> t = "a\\nb\\nc"
    >>> [t[s:e] for s, e in split_paragraphs(t)]
    ['a', 'b', 'c']
    """
    # Offsets must stay valid in the original text, so carriage returns are replaced one for
    # one in a probe copy instead of being removed: "\r\n" ends a line, a lone "\r" too.
    probe = text.replace("\r", " ") if "\n" in text else text.replace("\r", "\n")
    separator = _BLANK_LINE if _BLANK_LINE.search(probe) else _NEWLINE
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in separator.finditer(probe):
        piece = _trimmed(text, pos, match.start())
        if piece:
            spans.append(piece)
        pos = match.end()
    piece = _trimmed(text, pos, len(text))
    if piece:
        spans.append(piece)
    return spans


# Elements whose content is never the article's text.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "menu",
)
# Elements that start a new paragraph of visible text.
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "figcaption",
        "figure",
        "section",
        "article",
        "main",
        "address",
        "hr",
        "br",
        "title",
        "body",
        "center",
    ]
)
_WS = re.compile(r"\s+")


def html_to_text(html: str) -> tuple[str, str | None]:
    """Extract visible block text from ``html``: ``(text, title)``.

    Blocks are separated by blank lines so that :func:`split_paragraphs` cuts them back apart.

    >>> html_to_text("<title>T</title><nav>Menu</nav><p>Hello <b>there</b></p><p>x&amp;y</p>")
    ('Hello there\\n\\nx&y', 'T')
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = _WS.sub(" ", title_node.text()).strip() if title_node is not None else None
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        joined = _WS.sub(" ", "".join(current)).strip()
        if joined:
            blocks.append(joined)
        current.clear()

    def walk(node: object) -> None:
        for child in node.iter(include_text=True):  # type: ignore[attr-defined]
            tag = child.tag
            if tag == "-text":
                current.append(child.text_content or "")
            elif tag in ("-comment", "title", "head"):
                continue
            elif tag in _BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    if root is not None:
        walk(root)
    flush()
    return "\n\n".join(blocks), (title or None)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than prose mentioning a tag.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    True
    >>> looks_like_html("Use the <p> tag for paragraphs.")
    False
    """
    head = text.lstrip()[:2048].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in head:
        return True
    tags = re.findall(r"</?(p|div|body|br|span|h[1-6]|li|a)\b[^>]*>", text[:20000], re.I)
    return len(tags) >= 4 and text.lstrip().startswith("<")
