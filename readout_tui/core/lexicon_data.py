"""The lexicon's word lists, read from their packages or from a local cache of them.

Reading the four packages' lists (and importing ``wordfreq``) costs about 0.3 s of CPU;
reading one ``marshal`` file made from them costs half that, which matters when a whole
comparison must finish in a few seconds. The cache lives in the user cache folder
(``$READOUT_TUI_CACHE_DIR`` overrides it), is named after the packages' versions and the
format, so an upgrade makes a new one, and is only ever an optimisation: any failure to read
or write it falls back to the packages.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from pathlib import Path

import platformdirs

from readout_tui.core.ids import content_hash

CACHE_DIR_ENV = "READOUT_TUI_CACHE_DIR"
#: Bump when the cached structure changes.
FORMAT = 1
_PACKAGES = ("symspellpy", "wordfreq", "breame", "english-words")
_SYMSPELL_DICTIONARY = "frequency_dictionary_en_82_765.txt"


@dataclass(frozen=True, slots=True)
class WordLists:
    """Raw word lists. ``centibels`` maps a wordfreq word to its bin (the word is used
    ``10 ** (-bin / 100)`` of the time) and keeps wordfreq's order, commonest first."""

    curated: dict[str, int]
    centibels: dict[str, int]
    variants: dict[str, str]
    webster: frozenset[str]


def cache_path() -> Path | None:
    """Where the cache for the installed package versions lives (``None``: no cache)."""
    try:
        versions = [metadata.version(p) for p in _PACKAGES]
    except metadata.PackageNotFoundError:
        return None
    override = os.environ.get(CACHE_DIR_ENV)
    base = Path(override) if override else platformdirs.user_cache_path("readout-tui")
    return base / f"lexicon-{content_hash(str(FORMAT), *versions)}.marshal"


def load_word_lists(*, use_cache: bool = True) -> WordLists:
    """The word lists, from the cache when it is there, else from the packages (and cached)."""
    path = cache_path() if use_cache else None
    if path is not None:
        cached = _read(path)
        if cached is not None:
            return cached
    lists = from_packages()
    if path is not None:
        _write(path, lists)
    return lists


def from_packages() -> WordLists:
    """Read every list from its package (imports are local: the cache spares them)."""
    import wordfreq
    from breame.data.spelling_constants import (  # type: ignore[import-untyped]
        BRITISH_ENGLISH_SPELLINGS,
    )
    from english_words import get_english_words_set  # type: ignore[import-untyped]

    text = files("symspellpy").joinpath(_SYMSPELL_DICTIONARY).read_text(encoding="utf-8")
    fields = text.split()  # "word count" lines: words and counts alternate
    curated = dict(zip(fields[::2], map(int, fields[1::2]), strict=True))
    # The public frequency list is bins of words, bin n holding words of frequency
    # 10 ** (-n / 100); indexing it directly is 3x faster than ``get_frequency_dict``.
    bins = wordfreq.get_frequency_list("en")
    centibels = {w: n for n, words in enumerate(bins) for w in words}
    variants: dict[str, str] = {}
    for british, american in BRITISH_ENGLISH_SPELLINGS.items():
        variants[british] = american
        variants.setdefault(american, british)
    webster = frozenset(get_english_words_set(["web2"], alpha=True, lower=True))
    return WordLists(curated, centibels, variants, webster)


def _read(path: Path) -> WordLists | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == 5 and data[0] == FORMAT):
        return None
    _, curated, centibels, variants, webster = data
    if not (
        isinstance(curated, dict)
        and isinstance(centibels, dict)
        and isinstance(variants, dict)
        and isinstance(webster, (list, tuple))
    ):
        return None
    return WordLists(curated, centibels, variants, frozenset(webster))


def _write(path: Path, lists: WordLists) -> None:
    data = (FORMAT, lists.curated, lists.centibels, lists.variants, sorted(lists.webster))
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(data))
        tmp.replace(path)
    except OSError:
        # A read-only or full disk only costs the next run the slower load.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
