"""Participants learnt from the text, and resolution of noun phrases to parties.

A readout introduces its people once with their titles ("Chinese State Councilor and Foreign
Minister Wang Yi", "Prime Minister Fumio Kishida of Japan") and then refers to them by
surname ("Wang"), by role ("the Chinese foreign minister", "the Russian minister") or by
pronoun. :func:`learn_cast` finds those introductions, merges repeated mentions of the same
person and derives each person's aliases; an alias claimed by two people ("the president"
when two presidents are mentioned) is dropped rather than guessed.

:meth:`Cast.resolve` turns a phrase into a :class:`Party`: a person, both sides ("the two
sides", "China and Russia" when those are the two principals' countries), a country, an
institution ("the ministry"), or a pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from readout_tui.core.commitments.lexicon import (
    BOTH_HEADS,
    CAPITALS,
    COUNTRY_ALIASES,
    DEMONYMS,
    INSTITUTIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)

PartyKind = Literal["person", "both", "country", "institution", "he", "we", "it", "they"]

BOTH_SIDES = "both sides"


@dataclass(frozen=True, slots=True)
class Person:
    """A titled person named in the text."""

    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Party:
    """What a noun phrase refers to: ``name`` is canonical, ``text`` as written."""

    kind: PartyKind
    name: str
    text: str
    generic: bool = False  # "the two sides": both sides without saying who


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"(?:[{_UPPER}][^\W\d_]+(?:['’\-][^\W\d_]+)*|[{_UPPER}]\.)"
_TITLE = (
    rf"(?:(?:{_alt(TITLE_MODIFIERS)})\s+){{0,3}}(?:{_alt(TITLE_HEADS)})"
    r"(?:\s+(?:of|for)\s+(?:State|Foreign\s+Affairs|Defen[cs]e|Finance|Trade|Commerce"
    r"|Economy|Home\s+Affairs|the\s+Interior|National\s+Defen[cs]e))?"
)
_PERSON = re.compile(
    rf"(?:(?P<dem>{_alt(DEMONYMS)})\s+|(?P<poss>[{_UPPER}][a-z]+(?:\s[{_UPPER}][a-z]+)?)['’]s\s+)?"
    rf"(?P<titles>{_TITLE}(?:\s+(?:and|&)\s+{_TITLE})*)\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}(?:,?\s+Jr\.)?)"
    rf"(?:[ ]of[ ](?:the[ ])?(?P<of>[{_UPPER}][a-z]+(?:[ ][{_UPPER}][a-z]+){{0,2}}))?"
)
# Cheap pre-filter: only text near a title head can introduce a person. No leading \b: a
# pattern that opens with plain alternatives lets the regex engine skip ahead quickly.
_TITLE_HIT = re.compile(rf"(?:{_alt(TITLE_HEADS)})\s+(?:[{_UPPER}]|of\s|for\s)")
_TITLE_SPLIT = re.compile(r"\s+(?:and|&)\s+")
_HEAD_RE = re.compile(rf"\b({_alt(TITLE_HEADS)})\b")
_OF_TITLE = re.compile(r"(\w+) (?:of|for) (?:the )?(\w+)(?: Affairs)?")

# Capitalised words that end a name ("Foreign Minister Wang Yi Thursday").
_NOT_NAME = (
    frozenset(
        """The A An And Of In On At For To With By From As But Or Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September
    October November December Beijing Moscow Washington Tokyo""".split()
    )
    | frozenset(DEMONYMS)
    | frozenset(TITLE_HEADS)
    | frozenset(TITLE_MODIFIERS)
)

_COUNTRIES: dict[str, str] = {c.lower(): c for c in DEMONYMS.values()} | COUNTRY_ALIASES | CAPITALS
_DEMONYM_OF: dict[str, str] = {}
for _dem, _country in DEMONYMS.items():
    _DEMONYM_OF.setdefault(_country, _dem)


def country_name(phrase: str) -> str | None:
    """The country a phrase names, if any.

    >>> country_name("the United States"), country_name("Beijing"), country_name("the sea")
    ('United States', 'China', None)
    """
    low = phrase.lower().replace("’", "'")
    if low.startswith("the "):
        low = low[4:]
    return _COUNTRIES.get(low)


@dataclass(slots=True)
class _Mention:
    pos: int
    tokens: list[str]
    titles: list[str]
    dem: str | None
    country: str | None


@dataclass(slots=True)
class _Entry:
    tokens: list[str]
    name: str
    country: str | None
    first: int
    mentions: int = 1
    titles: list[tuple[str, str | None]] = field(default_factory=list)  # (title, demonym)


def _clean_name(raw: str) -> list[str]:
    tokens = raw.replace(",", " ").split()
    out: list[str] = []
    for tok in tokens:
        if tok in _NOT_NAME:
            break
        if tok[-2:] in ("'s", "’s"):  # "King David's house": the name ends here
            out.append(tok[:-2])
            break
        out.append(tok)
    return out


def _mentions(text: str) -> list[_Mention]:
    found: list[_Mention] = []
    seen: set[int] = set()
    for hit in _TITLE_HIT.finditer(text):
        if hit.start() and text[hit.start() - 1].isalpha():
            continue
        # Nationality and title words before a head fit in 60 characters, a name after it.
        lo = max(0, hit.start() - 60)
        for m in _PERSON.finditer(text, lo, min(len(text), hit.end() + 60)):
            if m.start() in seen or not (m.start() <= hit.start() < m.end()):
                continue
            seen.add(m.start())
            tokens = _clean_name(m.group("name"))
            if not tokens or all(len(t) <= 2 for t in tokens):
                continue
            dem = m.group("dem")
            country = DEMONYMS.get(dem) if dem else None
            for group in ("poss", "of"):
                words = (m.group(group) or "").split()
                while country is None and words:  # "of Japan President ...": shortest fit
                    country = country_name(" ".join(words))
                    words.pop()
            titles = [" ".join(t.split()) for t in _TITLE_SPLIT.split(m.group("titles"))]
            found.append(_Mention(m.start(), tokens, titles, dem, country))
    found.sort(key=lambda m: m.pos)
    return found


def _key_tokens(tokens: Sequence[str]) -> set[str]:
    return {t for t in tokens if len(t) > 2 and not t.endswith(".")}


def _group(mentions: list[_Mention]) -> list[_Entry]:
    entries: list[_Entry] = []
    for m in sorted(mentions, key=lambda m: (-len(m.tokens), m.pos)):
        keys = _key_tokens(m.tokens)
        owners = [
            e
            for e in entries
            if keys <= _key_tokens(e.tokens)
            and (m.country is None or e.country is None or m.country == e.country)
        ]
        if len(owners) == 1:
            entry = owners[0]
            entry.mentions += 1
            entry.first = min(entry.first, m.pos)
            entry.country = entry.country or m.country
        else:
            entry = _Entry(m.tokens, " ".join(m.tokens), m.country, m.pos)
            entries.append(entry)
        entry.titles.extend((t, m.dem) for t in m.titles)
    entries.sort(key=lambda e: e.first)
    return entries


def _role_aliases(entry: _Entry) -> set[str]:
    out: set[str] = set()
    country = entry.country
    dems = {d for _, d in entry.titles if d} | (
        {_DEMONYM_OF[country]} if country in _DEMONYM_OF else set()
    )
    for title, _ in entry.titles:
        head_match = _HEAD_RE.search(title)
        forms = {title}
        if head_match:
            forms.add(head_match.group(1))
        # "Minister for Foreign Affairs" is also called "Foreign Minister".
        of_form = _OF_TITLE.fullmatch(title)
        if of_form:
            forms.add(f"{of_form.group(2)} {of_form.group(1)}")
        for form in forms:
            out.update({form, f"the {form}"})
            for dem in dems:
                out.update({f"{dem} {form}", f"the {dem} {form}"})
            if country:
                out.update({f"{country}'s {form}", f"the {form} of {country}"})
            # "President Macron", "Foreign Minister Wang": a title before a surname.
            out.update(f"{form} {t}" for t in entry.tokens if len(t) > 2)
    chain = " and ".join(t for t, _ in dict.fromkeys(entry.titles))
    for dem in dems:
        out.add(f"{dem} {chain}")
    return {a.lower() for a in out}


class Cast:
    """The people of a document and everything needed to resolve phrases to parties."""

    __slots__ = ("_both", "_names", "_roles", "persons", "principals")

    def __init__(
        self, persons: Sequence[Person], names: dict[str, Person], roles: dict[str, Person]
    ):
        self.persons = tuple(persons)
        self._names = names
        self._roles = roles
        # The two principals: the first persons of the first two countries named.
        principals: dict[str, Person] = {}
        for person in persons:
            if person.country and person.country not in principals and len(principals) < 2:
                principals[person.country] = person
        self.principals = principals
        self._both: set[str] = set()
        if len(principals) == 2:
            a, b = (c.lower() for c in principals)
            for x, y in ((a, b), (b, a)):
                for lead in ("", "both "):
                    self._both.add(f"{lead}{x} and {y}")
                    self._both.add(f"{lead}the {x} and the {y}")
                    self._both.add(f"{lead}the {x} and {y}")

    def hint_words(self) -> set[str]:
        """Words without which no phrase of a sentence can name a party of this cast."""
        heads = {h.lower() for h in TITLE_HEADS}
        out: set[str] = set()
        for alias in self._names:
            out.update(t for t in alias.split() if len(t) > 2)
        for alias in self._roles:
            for word in alias.split():
                if word in heads:
                    out.update({word, word.capitalize()})
        for country in self.principals:
            out.add(country)
            dem = _DEMONYM_OF.get(country)
            if dem:
                out.add(dem)
            out.update(c.title() for c, named in CAPITALS.items() if named == country)
        out.update(INSTITUTIONS)
        out.update(w.capitalize() for w in INSTITUTIONS)
        return out

    def principal(self, country: str) -> Person | None:
        """The person who speaks for ``country`` in this document, if one does."""
        return self.principals.get(country)

    def resolve(self, words: Sequence[str]) -> Party | None:
        """The party a phrase (a list of words as written) refers to, or ``None``.

        >>> cast = learn_cast("Japanese Foreign Minister Yoko Kamikawa met Australian "
        ...     "Foreign Minister Penny Wong.")
        >>> [cast.resolve(p.split()).name for p in ("Kamikawa", "the Australian minister",
        ...     "Japan and Australia", "the two sides", "Wong")]
        ['Yoko Kamikawa', 'Penny Wong', 'both sides', 'both sides', 'Penny Wong']
        """
        if words and words[0] in _HONORIFICS:  # "Mr. Kishida"
            words = words[1:]
        if not words:
            return None
        text = " ".join(words)
        low = text.lower().replace("’", "'")
        n = len(words)
        if n == 1:
            pron = _PRONOUNS.get(low)
            if pron is not None:
                return Party(pron, low, low)
        shown = _shown(words)
        if low in self._both or _is_both(low.split()):
            generic = low.endswith("sides")
            return Party("both", BOTH_SIDES, shown, generic)
        person = self._roles.get(low) or self._names.get(text)
        if person is not None:
            return Party("person", person.name, shown)
        # Country names are capitalised: "us" is a pronoun, "US" a country.
        country = country_name(low) if words[-1][:1].isupper() else None
        if country is None and n <= 3 and low.endswith(" side"):
            stem = low[:-5].removeprefix("the ")
            country = next((c for d, c in DEMONYMS.items() if d.lower() == stem), None)
        if country is not None:
            return Party("country", country, country if low != "the " + country.lower() else shown)
        if (
            n <= 6
            and words[-1].lower() in INSTITUTIONS
            and (words[0][0].isupper() or low[:4] == "the ")
        ):
            return Party("institution", shown, shown)
        return None


_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr", "Madam"})

_PRONOUNS: dict[str, PartyKind] = {
    "he": "he",
    "she": "he",
    "we": "we",
    "i": "we",
    "it": "it",
    "this": "it",
    "that": "it",
    "they": "they",
}


def _shown(words: Sequence[str]) -> str:
    """A phrase for display: a leading determiner in lower case ("the two heads of state")."""
    first = words[0]
    if first.lower() in {"the", "both", "two", "a", "an", "all"}:
        first = first.lower()
    return " ".join([first, *words[1:]])


def _is_both(words: Sequence[str]) -> bool:
    """ "the two sides", "both countries", "the two foreign ministers", "two heads of state"."""
    if len(words) < 2 or len(words) > 6:
        return False
    i = 1 if words[0] in {"the", "all"} and len(words) > 2 else 0
    if words[i] not in {"two", "both"}:
        return False
    rest = list(words[i + 1 :])
    if rest[:2] == ["heads", "of"]:
        return rest[2:] in (["state"], ["government"], ["state", "and", "government"])
    # A head noun, after at most two modifiers ("foreign ministers", "prime ministers").
    return 1 <= len(rest) <= 3 and rest[-1] in BOTH_HEADS and all(w.isalpha() for w in rest)


def learn_cast(text: str) -> Cast:
    """Find the titled people of ``text`` and their aliases."""
    entries = _group(_mentions(text))
    persons = [Person(e.name, e.country) for e in entries]
    name_claims: dict[str, set[int]] = {}
    role_claims: dict[str, set[int]] = {}
    for i, entry in enumerate(entries):
        names = {entry.name, *(t for t in entry.tokens if len(t) > 2 and not t.endswith("."))}
        for alias in names:
            name_claims.setdefault(alias, set()).add(i)
        for alias in _role_aliases(entry):
            role_claims.setdefault(alias, set()).add(i)
    names_map = {a: persons[next(iter(c))] for a, c in name_claims.items() if len(c) == 1}
    roles_map = {
        a: persons[next(iter(c))]
        for a, c in role_claims.items()
        if len(c) == 1 and country_name(a) is None
    }
    return Cast(persons, names_map, roles_map)
