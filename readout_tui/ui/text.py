"""Display text for the reader: harmless characters and a fast word wrap.

Two jobs every pane needs, kept free of widgets so they are cheap and testable:

* :func:`visible` makes untrusted document text safe to draw. Terminal control characters
  (C0, DEL, C1, and so ESC and every ANSI sequence) become visible one-cell symbols, tabs and
  line breaks inside a paragraph become spaces. The mapping is one character for one
  character, so offsets from the engine (spans, typos, commitments) index the display string
  unchanged.
* :func:`wrap_lines` / :func:`count_lines` break a display string into lines of at most
  ``width`` terminal cells. Row heights for the whole document are computed from
  :func:`count_lines` on every resize, so its common case (text whose characters are all
  one cell wide) runs on C-level string searches, not a Python loop per character.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich._unicode_data import load as _load_cell_table
from rich.cells import get_character_cell_size

#: C0 controls, DEL and C1 controls: anything a terminal might act on.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

_C0_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}


def _control_table() -> dict[int, str]:
    table = dict(_C0_PICTURES)
    # Inside one paragraph a tab or line break is just a gap between words.
    for code in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x2028, 0x2029):
        table[code] = " "
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"  # C1 controls have no picture; show the replacement mark
    return table


_TRANSLATE = _control_table()


_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def is_clean(text: str) -> bool:
    """True when the only control character in ``text`` is the line feed.

    >>> is_clean("two\\nlines"), is_clean("tab\\there")
    (True, False)
    """
    return _CONTROL_BUT_NEWLINE.search(text) is None


def visible(text: str) -> str:
    """Return ``text`` with control characters replaced one for one by visible symbols.

    >>> visible("a\\x1b[31mred\\tb")
    'a␛[31mred b'
    >>> len(visible("x\\x00\\x85y")) == 4
    True
    """
    if _CONTROL.search(text) is None:
        return text
    return text.translate(_TRANSLATE)


@lru_cache(maxsize=4096)
def _cell(char: str) -> int:
    return get_character_cell_size(char)


def _not_narrow_below(limit: int) -> frozenset[str]:
    # Rich's cell table lists exactly the code points that are not one cell wide (zero or two
    # cells). Below U+3000 they are few (combining marks, a few wide symbols), so a set of them
    # lets a C-level ``isdisjoint`` decide most texts; a regex over the whole table is ~20x
    # slower.
    chars = {chr(code) for code in range(0x20)} | {chr(code) for code in range(0x7F, 0xA0)}
    chars |= {"\u2028", "\u2029"}
    for start, end, width in _load_cell_table("auto").widths:
        if width != 1:
            chars.update(chr(code) for code in range(start, min(end, limit - 1) + 1))
    return frozenset(chars)


_LOW_LIMIT = "\u3000"


def _maybe_wide_pattern() -> re.Pattern[str]:
    # One character class: the few code points below U+3000 that are not one cell wide, and
    # everything from U+3000 up (mostly wide; the rare narrow ones are checked one by one).
    # Merged into ranges it compiles to a fast lookup table; a class of every range in the
    # cell table is ~100x slower.
    codes = sorted(map(ord, _not_narrow_below(ord(_LOW_LIMIT))))
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges]
    return re.compile("[" + "".join(parts) + "\u3000-\U0010ffff]")


_MAYBE_WIDE = _maybe_wide_pattern()


def is_narrow(text: str) -> bool:
    """True when every character of ``text`` is one terminal cell wide.

    >>> is_narrow("plain “quoted” text"), is_narrow("日本"), is_narrow("e\u0301")
    (True, False, False)
    """
    found = _MAYBE_WIDE.search(text)
    if found is None:
        return True
    if found.group() < _LOW_LIMIT:
        return False
    return all(_cell(char) == 1 for char in text)


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    n = len(text)
    pos = 0
    while n - pos > width:
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:  # one word longer than the line: break it
            lines.append((pos, pos + width))
            pos += width
            continue
        lines.append((pos, cut))
        pos = cut + 1
        while pos < n and text[pos] == " ":
            pos += 1
    lines.append((pos, n))
    return lines


def count_narrow(text: str, width: int) -> int:
    """:func:`count_lines` for text known to be narrow, without building the lines.

    >>> count_narrow("aa bb cc", 5), count_narrow("abcdefgh", 3)
    (2, 3)
    """
    n = len(text)
    pos = 0
    lines = 1
    find = text.rfind
    while n - pos > width:
        cut = find(" ", pos, pos + width + 1)
        if cut <= pos:
            pos += width
        else:
            pos = cut + 1
            while pos < n and text[pos] == " ":
                pos += 1
        lines += 1
    return lines


def _wrap_wide(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = 0
    cells = 0
    last_space = -1
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        size = _cell(char)
        if cells + size > width and i > start:
            if char == " ":
                lines.append((start, i))
                i += 1
                while i < n and text[i] == " ":
                    i += 1
                start, cells, last_space = i, 0, -1
                continue
            if last_space > start:
                lines.append((start, last_space))
                i = last_space + 1
            else:
                lines.append((start, i))
            start, cells, last_space = i, 0, -1
            continue
        if char == " ":
            last_space = i
        cells += size
        i += 1
    lines.append((start, n))
    return lines


def wrap_lines(text: str, width: int, *, narrow: bool | None = None) -> list[tuple[int, int]]:
    """Break ``text`` into ``(start, end)`` character ranges of at most ``width`` cells.

    Lines break at spaces (the breaking space is dropped); a word longer than a line is cut.
    There is always at least one line, possibly empty.

    >>> t = "the quick brown fox"
    >>> [t[a:b] for a, b in wrap_lines(t, 10)]
    ['the quick', 'brown fox']
    >>> w = "abcdefgh"
    >>> [w[a:b] for a, b in wrap_lines(w, 3)]
    ['abc', 'def', 'gh']
    """
    width = max(1, width)
    if narrow is None:
        narrow = is_narrow(text)
    return _wrap_narrow(text, width) if narrow else _wrap_wide(text, width)


def count_lines(text: str, width: int, *, narrow: bool | None = None) -> int:
    """How many lines :func:`wrap_lines` would give (``narrow``: :func:`is_narrow`, if known).

    >>> count_lines("short", 80), count_lines("", 80), count_lines("aa bb cc", 5)
    (1, 1, 2)
    """
    width = max(1, width)
    if narrow is None:
        narrow = is_narrow(text)
    if narrow:
        return 1 if len(text) <= width else count_narrow(text, width)
    return len(_wrap_wide(text, width))
