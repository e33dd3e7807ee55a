"""Documents: read a file (or bytes, or a string) into a segmented :class:`Document`.

This is where untrusted input enters the core, so it is where bad input is refused with a
one-line :class:`InputError`: a missing path, a directory, an unreadable or oversized file,
binary data, empty text, undecodable bytes.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from readout_tui.core.decode import decode_bytes
from readout_tui.core.errors import InputError
from readout_tui.core.model import DocFormat, Document, Paragraph
from readout_tui.core.roles import classify_roles
from readout_tui.core.segment import html_to_text, looks_like_html, split_paragraphs

#: Files larger than this are refused unless the caller raises the limit (``--max-size``).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def _detect_format(text: str, path: str | None) -> DocFormat:
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in _HTML_SUFFIXES or (suffix not in _MARKDOWN_SUFFIXES and looks_like_html(text)):
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def document_from_text(
    text: str,
    *,
    path: str | None = None,
    encoding: str = "utf-8",
    sha256: str | None = None,
    format: DocFormat | None = None,
) -> Document:
    """Segment ``text`` into a :class:`Document` (HTML is reduced to its visible text first).

    >>> doc = document_from_text("Headline here\\n\\nBody text, he said.")
    >>> [(p.role, p.text) for p in doc.paragraphs]
    [('title', 'Headline here'), ('body', 'Body text, he said.')]
    >>> doc.title
    'Headline here'
    """
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fmt = format or _detect_format(text, path)
    html_title: str | None = None
    if fmt == "html":
        text, html_title = html_to_text(text)
    spans = split_paragraphs(text)
    roles = classify_roles([text[s:e] for s, e in spans])
    paragraphs = tuple(
        Paragraph(index=i, text=text[s:e], start=s, end=e, role=role)
        for i, ((s, e), role) in enumerate(zip(spans, roles, strict=True))
    )
    title = next((p.text.lstrip("#").strip() for p in paragraphs if p.role == "title"), None)
    return Document(
        path=path,
        sha256=sha256,
        encoding=encoding,
        format=fmt,
        text=text,
        paragraphs=paragraphs,
        title=title or html_title,
    )


def document_from_bytes(data: bytes, *, path: str | None = None) -> Document:
    """Decode ``data`` (see :func:`~readout_tui.core.decode.decode_bytes`) and segment it."""
    name = path or "input"
    text, encoding = decode_bytes(data, name=name)
    doc = document_from_text(
        text, path=path, encoding=encoding, sha256=hashlib.sha256(data).hexdigest()
    )
    if not doc.paragraphs:
        raise InputError(f"{name}: no text found")
    return doc


def load_document(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and segment the file at ``path``, refusing bad input with an :class:`InputError`."""
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    if st.st_size > max_bytes:
        raise InputError(
            f"{name}: file is {st.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
            "(raise it with --max-size)"
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew since stat, or a special file that reports size 0
        raise InputError(f"{name}: over the {max_bytes / 1e6:.0f} MB limit")
    return document_from_bytes(data, path=name)
