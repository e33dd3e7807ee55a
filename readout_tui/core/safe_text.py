"""Make untrusted document text safe to show on a terminal.

A document is data. Control characters (ESC starts terminal escape sequences, BEL rings, CR
rewrites the line) are replaced by visible Unicode control pictures, so a hostile or broken
file can neither drive the terminal nor hide text. Rich markup needs no escaping here because
the UI and the command line never parse document text as markup; they build ``Text`` objects.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, e.g. CSI 0x9b).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL ...
    if code == 0x7F:
        return "␡"
    return f"<U+{code:04X}>"


def printable(text: str) -> str:
    """``text`` with control characters made visible.

    >>> printable("a\\x1b[31mred\\x07")
    'a␛[31mred␇'
    >>> printable("tab\\tand\\nnewline stay")
    'tab\\tand\\nnewline stay'
    """
    if text.isprintable() or not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_picture, text)
