"""An English lexicon with word frequencies, spelling candidates and British/American variants.

Typo detection needs three things a hand-written list cannot give: which words are English,
how common each one is, and which common words lie within one or two keystrokes of a word
that is not English. They come from well-kept packages:

* ``symspellpy``'s ``frequency_dictionary_en_82_765.txt`` (Google Books counts intersected
  with the SCOWL word list): a curated vocabulary free of common misspellings;
* ``wordfreq``: broad frequencies (Zipf scale) for 320k English forms, including the
  American forms and inflections the curated list lacks; it also contains frequent web
  misspellings ("teh", "recieve"), so it decides how common a word is, not whether it is one;
* ``english-words``' ``web2`` list (Webster's Second International, public domain, 234k
  words): the rare, technical and archaic words ("inkhorn", "shorn", "almug") that neither
  frequency list knows; it holds lemmas, so regular inflections are recognised by rule
  (:meth:`Lexicon.is_inflection`);
* ``breame``: a table of 1,700 British/American spelling pairs, extended here by the regular
  suffix rules (-ise/-ize, -our/-or, -yse/-yze, -tre/-ter, doubled -l-) checked against the
  vocabulary, for the many derived forms the table lacks.

Loading everything takes 0.15 to 0.3 s, once per process (:func:`lexicon`). Candidate search
avoids SymSpell's precomputed index (almost 3 s to build at distance 2): distance-1 candidates
are generated and looked up, distance-2 ones come from ``rapidfuzz``'s optimal-string-alignment
distance (transpositions count as one edit) over the vocabulary, and both are cached per word.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache
from itertools import takewhile

from rapidfuzz import process
from rapidfuzz.distance import OSA

from readout_tui.core.lexicon_data import load_word_lists
from readout_tui.core.perf import collector_paused

#: log10(count) - this = Zipf value, fitted on common words ("the", "during") of both lists.
_SYMSPELL_ZIPF_OFFSET = 2.63
#: wordfreq forms at least this common (Zipf) are suggestion candidates (1 per 1M words).
_CANDIDATE_ZIPF = 3.0
_CANDIDATE_CB = round((9.0 - _CANDIDATE_ZIPF) * 100)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

# British -> American suffix rules; each (british, american) replaces a word ending.
_VARIANT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourable", "orable"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    # Early Modern English "-ick" ("musick", "publickly"), still met in older texts.
    ("ick", "ic"),
    ("icks", "ics"),
    ("ickly", "icly"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llers", "lers"),
)

# QWERTY neighbours: a substitution by an adjacent key is the commonest slip of the finger.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard() -> dict[str, frozenset[str]]:
    pos = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    return {
        a: frozenset(
            b for b, (r2, c2) in pos.items() if b != a and abs(r2 - r) <= 1 and abs(c2 - c) <= 1
        )
        for a, (r, c) in pos.items()
    }


_ADJACENT = _keyboard()
_VOWELS = frozenset("aeiouy")


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from ``word``.

    >>> {"duting"[:2] + "r" + "duting"[3:], "udting"} <= edits1("duting")
    True
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | transposes | replaces | inserts


def edit_bonus(word: str, candidate: str) -> float:
    """How typical the one-edit slip from ``candidate`` to ``word`` is (0 for other pairs).

    A left-out letter, swapped letters, an adjacent key, a doubled or undoubled letter and
    one vowel for another are the commonest typing and spelling slips, so they rank a
    candidate higher (weights tuned on codespell's misspellings, see the typo benchmark).

    >>> edit_bonus("duting", "during") > edit_bonus("duting", "dating") > 0
    True
    """
    if len(word) == len(candidate):
        diff = [i for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            if word[i] == candidate[i + 1] and word[i + 1] == candidate[i]:
                return 1.0  # transposition
        if len(diff) == 1:
            a, b = word[diff[0]], candidate[diff[0]]
            if b in _ADJACENT.get(a, ()):
                return 1.0
            if a in _VOWELS and b in _VOWELS:
                return 0.8
            return 0.3
        return 0.0
    if len(candidate) == len(word) + 1:
        return 1.0 if _one_insertion(word, candidate) is not None else 0.0  # left out
    if len(word) != len(candidate) + 1:
        return 0.0
    at = _one_insertion(candidate, word)
    if at is None:
        return 0.0
    extra = word[at]
    neighbours = word[at - 1 : at] + word[at + 1 : at + 2]
    if extra in neighbours:
        return 1.0  # doubled letter ("untill")
    if any(extra in _ADJACENT.get(n, ()) for n in neighbours):
        return 0.8  # the finger caught the next key
    return 0.4


def _one_insertion(shorter: str, longer: str) -> int | None:
    """Where ``longer`` has one letter more than ``shorter`` (``None`` if not so)."""
    i = next(
        (k for k, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    return i if longer[:i] + longer[i + 1 :] == shorter else None


class Lexicon:
    """English vocabulary, frequencies and spelling variants (build it with :func:`lexicon`)."""

    __slots__ = (
        "_by_initial",
        "_candidate_set",
        "_candidates",
        "_centibels",
        "_common",
        "_curated",
        "_variants",
        "_webster",
    )

    def __init__(
        self,
        curated: dict[str, int],
        centibels: dict[str, int],
        variants: dict[str, str],
        webster: frozenset[str] = frozenset(),
    ) -> None:
        self._curated = curated
        # The candidate-grade words of wordfreq, commonest first (its first bins).
        # (``centibels`` is in bin order, so they are its first entries.)
        self._common = [
            w for w, _ in takewhile(lambda wc: wc[1] <= _CANDIDATE_CB, centibels.items())
        ]
        # wordfreq's bins: a word in bin ``n`` is used 10 ** (-n / 100) of the time.
        self._centibels = centibels
        self._webster = webster
        self._variants = variants  # british -> american and american -> british
        self._by_initial: dict[str, list[str]] | None = None
        self._candidate_set: frozenset[str] | None = None
        self._candidates: dict[tuple[str, int], tuple[tuple[str, int], ...]] = {}

    def zipf(self, word: str) -> float:
        """Zipf frequency (log10 of uses per billion words) of a lower-case word; 0 if unseen.

        >>> lex = lexicon()
        >>> lex.zipf("the") > lex.zipf("during") > lex.zipf("duting") == 0.0
        True
        """
        z = 0.0
        cb = self._centibels.get(word)
        if cb is not None:
            z = 9.0 - cb / 100.0
        count = self._curated.get(word)
        if count:
            z = max(z, math.log10(count) - _SYMSPELL_ZIPF_OFFSET)
        return z

    def is_curated(self, word: str) -> bool:
        """In the curated (SCOWL-based) vocabulary or the British/American table."""
        return word in self._curated or word in self._variants

    def in_dictionary(self, word: str) -> bool:
        """Listed by any of the word lists (curated, variants table, Webster's)."""
        return word in self._curated or word in self._variants or word in self._webster

    def is_inflection(self, word: str) -> bool:
        """A regular inflection or derivation of a listed word ("mandrakes", "travailed").

        A form whose other doubling is a common word is a slip, not an inflection:
        "begining" (but "beginning"), "commited" (but "committed").

        >>> lex = lexicon()
        >>> lex.is_inflection("thunderings"), lex.is_inflection("travailed")
        (True, True)
        >>> lex.is_inflection("begining"), lex.is_inflection("commited")
        (False, False)
        """
        return _is_inflection(self, word)

    def is_candidate(self, word: str) -> bool:
        """Common enough to be offered as the word that was meant."""
        if word in self._curated or word in self._variants:
            return word.isalpha()
        return self._centibels.get(word, 10_000) <= _CANDIDATE_CB and word.isalpha()

    def candidates(self, word: str, *, max_distance: int = 2) -> tuple[tuple[str, int], ...]:
        """Candidate words within ``max_distance`` edits of ``word``, as ``(word, distance)``.

        Distance-2 words are searched only when no distance-1 word exists, as a speller does.

        >>> ("during", 1) in lexicon().candidates("duting")
        True
        """
        key = (word, max_distance)
        found = self._candidates.get(key)
        if found is None:
            if self._candidate_set is None:
                every = set(self._common).union(self._curated, self._variants)
                self._candidate_set = frozenset(w for w in every if w.isalpha())
            near = sorted(edits1(word) & self._candidate_set)
            out = [(w, 1) for w in near]
            if not out and max_distance >= 2 and len(word) >= 5:
                pool = self._pool(word[:2])
                hits = process.extract(word, pool, scorer=OSA.distance, score_cutoff=2, limit=None)
                out = sorted((w, int(d)) for w, d, _ in hits if d > 0)
            found = tuple(out)
            self._candidates[key] = found
        return found

    def _pool(self, initials: str) -> list[str]:
        """Distance-2 search scans the common words (a slip two edits from a rare word is
        seldom recognisable) that start with the query's first or second letter: a 13th of
        them, about 1 ms a query instead of 30, at the cost of the rare distance-2 slip that
        changes the first letter."""
        if self._by_initial is None:
            by_initial: dict[str, list[str]] = {}
            for w in self._common:
                if w.isalpha() and w.isascii():
                    by_initial.setdefault(w[0], []).append(w)
            self._by_initial = by_initial
        key = "".join(dict.fromkeys(initials))
        pool = self._by_initial.get(key)
        if pool is None:
            pool = self._by_initial[key] = [w for ch in key for w in self._by_initial.get(ch, ())]
        return pool

    def american(self, word: str) -> str | None:
        """The other spelling of a British or American word, from the table (else ``None``)."""
        return self._variants.get(word)

    def variant_form(self, word: str) -> str | None:
        """The other regular spelling of ``word`` when that one is a known word.

        >>> lexicon().variant_form("musick"), lexicon().variant_form("duting")
        ('music', None)
        """
        table = self._variants.get(word)
        if table is not None:
            return table
        for british, american in _VARIANT_SUFFIXES:
            for x, y in ((british, american), (american, british)):
                stem = word[: -len(x)]
                if word.endswith(x) and len(stem) >= 3:
                    other = stem + y
                    if self.in_dictionary(other) or self.is_candidate(other):
                        return other
        return None

    def are_variants(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` are the British and American spellings of one word.

        >>> lex = lexicon()
        >>> lex.are_variants("colour", "color"), lex.are_variants("civilisation", "civilization")
        (True, True)
        >>> lex.are_variants("four", "for"), lex.are_variants("colour", "cooler")
        (False, False)
        """
        return _are_variants(self, a, b)


@lru_cache(maxsize=65536)
def _are_variants_cached(lex: Lexicon, a: str, b: str) -> bool:
    if lex.american(a) == b or lex.american(b) == a:
        return True
    if a[:3] != b[:3]:
        return False  # the rules below change endings only
    for british, american in _VARIANT_SUFFIXES:
        for x, y in ((a, b), (b, a)):
            if not x.endswith(british):
                continue
            stem = x[: -len(british)]
            # A stem of three letters or more keeps "four"/"for" and "tour"/"tor" apart.
            if len(stem) >= 3 and stem + american == y and lex.zipf(x) > 0 and lex.zipf(y) > 0:
                return True
    return False


def _are_variants(lex: Lexicon, a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b or abs(len(a) - len(b)) > 3:
        return False
    return _are_variants_cached(lex, a, b)


# Inflection rules: (suffix, what replaces it to give the lemma, kind, shortest lemma).
# "noun" suffixes rarely arise from a slip, so a listed lemma vouches for the form; "verb"
# suffixes do ("lefted", "chosed", "beforing"), so they vouch only for rare curated lemmas,
# whose inflections may be too rare to be counted; "old" is Early Modern English ("goest",
# "seeth", "saidst", "lovedst", "crieth"), the lemma any known word.
_INFLECTIONS: tuple[tuple[str, str, str, int], ...] = (
    ("s", "", "noun", 5),
    ("es", "", "noun", 3),
    ("ies", "y", "noun", 3),
    ("iers", "y", "noun", 3),
    ("ily", "y", "noun", 3),
    ("iness", "y", "noun", 3),
    ("ings", "", "noun", 4),
    ("ings", "e", "noun", 4),
    ("ers", "", "noun", 4),
    ("ers", "e", "noun", 4),
    ("ly", "", "noun", 4),
    ("ness", "", "noun", 3),
    ("ment", "", "noun", 3),
    ("ments", "", "noun", 3),
    ("less", "", "noun", 3),
    ("ful", "", "noun", 3),
    ("ied", "y", "verb", 3),
    ("ier", "y", "verb", 3),
    ("iest", "y", "verb", 3),
    ("ed", "", "verb", 3),
    ("ed", "e", "verb", 3),
    ("ing", "", "verb", 3),
    ("ing", "e", "verb", 3),
    ("er", "", "verb", 3),
    ("er", "e", "verb", 3),
    ("est", "", "verb", 3),
    ("est", "e", "verb", 3),
    ("eth", "", "old", 2),
    ("eth", "e", "old", 2),
    ("ieth", "y", "old", 2),
    ("est", "", "old", 2),
    ("est", "e", "old", 2),
    ("iest", "y", "old", 2),
    ("st", "", "old", 2),
    ("th", "", "old", 2),
    ("edst", "", "old", 2),
    ("edst", "e", "old", 2),
)
#: Above this Zipf frequency a lemma's real inflections are common enough to be counted.
_RARE_LEMMA_ZIPF = 4.0


def _lemma_ok(lex: Lexicon, lemma: str, suffix: str, kind: str) -> bool:
    if kind == "verb":
        return lex.is_curated(lemma) and lex.zipf(lemma) < _RARE_LEMMA_ZIPF
    if kind == "old":
        return lex.in_dictionary(lemma) or lex.zipf(lemma) >= 3.0
    if suffix == "s" and (lemma.endswith(("s", "x", "z", "sh", "ch"))):
        return False  # those take "-es"
    if suffix == "es" and not lemma.endswith(("s", "x", "z", "sh", "ch", "o")):
        return False
    # Webster's short entries are mostly obscure; only long ones vouch for a plural.
    return (
        lex.is_curated(lemma)
        or lex.zipf(lemma) >= 3.0
        or (lemma in lex._webster and len(lemma) >= 7)
    )


@lru_cache(maxsize=65536)
def _is_inflection(lex: Lexicon, word: str) -> bool:
    for suffix, repl, kind, shortest in _INFLECTIONS:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) + len(repl) < shortest:
            continue
        lemma = stem + repl
        if suffix in ("st", "th") and lemma[-1] not in "ed":
            continue  # "goest", "seeth", "saidst"; not "must" or "fifth"-like slips
        doubled = len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS
        if not _lemma_ok(lex, lemma, suffix, kind) and not (
            doubled and _lemma_ok(lex, stem[:-1], suffix, kind)
        ):
            continue
        if suffix[0] in "aeiy" and not repl:
            # The other doubling ("begining"/"beginning", "comming"/"coming") is common?
            other = stem[:-1] + suffix if doubled else stem + stem[-1] + suffix
            if other != word and lex.zipf(other) >= 3.0:
                return False
        return True
    return False


@cache
def lexicon() -> Lexicon:
    """The process-wide English lexicon, loaded on first use (0.15 s from the cache that the
    first load writes, 0.3 s without; see :mod:`readout_tui.core.lexicon_data`)."""
    # Loading makes a million small objects that all stay alive: a paused collector does not
    # rescan them (and the caller's heap) again and again.
    with collector_paused():
        lists = load_word_lists()
        return Lexicon(lists.curated, lists.centibels, lists.variants, lists.webster)
