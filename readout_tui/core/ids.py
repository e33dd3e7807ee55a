"""Stable, content-derived identifiers for blocks, edits, typos, artifacts and commitments.

Review sessions refer to these ids, so they must not depend on run order or memory: an id is
a short hash of what the record is about, plus an occurrence number when the same content
appears more than once. Re-running on the same two inputs gives the same ids, and editing one
paragraph of a document leaves the ids of the others unchanged.
"""

from __future__ import annotations

from hashlib import blake2b


def content_hash(*parts: str, size: int = 6) -> str:
    """A short hex digest of ``parts`` (joined unambiguously).

    >>> content_hash("a", "b") == content_hash("a", "b") != content_hash("ab", "")
    True
    """
    h = blake2b(digest_size=size)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class IdMaker:
    """Hands out ``prefix-hash`` ids, numbering repeats of the same content ``-2``, ``-3``...

    >>> ids = IdMaker("b")
    >>> a, b, c = ids.make("x"), ids.make("y"), ids.make("x")
    >>> a == IdMaker("b").make("x"), c.endswith("-2"), a != b
    (True, True, True)
    """

    __slots__ = ("_prefix", "_seen")

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._seen: dict[str, int] = {}

    def make(self, *parts: str) -> str:
        base = f"{self._prefix}-{content_hash(*parts)}"
        n = self._seen.get(base, 0) + 1
        self._seen[base] = n
        return base if n == 1 else f"{base}-{n}"
