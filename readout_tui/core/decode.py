"""Bytes to text: BOMs, UTF-8, and legacy encodings through charset-normalizer.

Researchers get files from everywhere: UTF-8 with or without a BOM, UTF-16 saved by Windows
tools, cp1251 Russian wire copy, cp1252 Western pages. Guessing is a solved problem, so the
guess is charset-normalizer's; this module only adds the fast paths and the refusals (binary
data, empty input) with one-line messages.
"""

from __future__ import annotations

import codecs

from readout_tui.core.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 control bytes in the first 8 KiB mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 100)


def decode_bytes(data: bytes, *, name: str = "input") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    >>> decode_bytes("naïve".encode("utf-8"))
    ('naïve', 'utf-8')
    >>> decode_bytes(codecs.BOM_UTF8 + b"hi")
    ('hi', 'utf-8-sig')

    Raises :class:`InputError` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid {encoding} despite its BOM ({exc.reason})"
                ) from None
    if _looks_binary(data):
        raise InputError(f"{name}: looks like binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: it is slow to import

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding (undecodable bytes)")
    return str(best), best.encoding
