"""Extraction: the commitments of one document, each with clause, speaker, holder and type.

For every sentence that has a cue (see :mod:`.cues`), attribution (see :mod:`.attribution`)
says who speaks each region; in each region a cue's subject is found by scanning back over
auxiliaries and adverbs ("Russia is ready to", "China firmly supports"), and its clause runs
from that subject to the end of the region, or to the next coordinated clause with a cue of
its own (", and is willing to ..."). A cue nested inside another commitment's clause ("...
send a message that the two countries will ...") belongs to that commitment.

Speaker and holder are kept apart: in "China is willing to ..., said Wang" the speaker is Wang
Yi and the holder China; when the narrator says "the two sides pledged", the speaker is both
sides. A sentence without a frame continues the last speaker of its paragraph (the
foreign-ministry style: "Wang Yi said that ... . China is ready to ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from readout_tui.core.commitments.attribution import (
    UNKNOWN,
    Frame,
    Region,
    SpeechState,
    find_frames,
    regions,
)
from readout_tui.core.commitments.cues import (
    CUE_PREFIX,
    CUE_WORDS,
    Cue,
    adjust_strength,
    find_cues,
    is_negation,
    negated_type,
)
from readout_tui.core.commitments.lexicon import (
    SPEECH_PHRASES,
    SPEECH_VERBS,
)
from readout_tui.core.commitments.participants import BOTH_SIDES, Cast, Party, learn_cast
from readout_tui.core.commitments.sentences import sentence_spans
from readout_tui.core.commitments.subjects import (
    AGENTS,
    Tokens,
    main_subject,
    noun_parties,
    subject_of,
)
from readout_tui.core.commitments.words import QUOTES, Words, tokenize, trie_pattern
from readout_tui.core.model import CommitmentType, Document

_TRIM = frozenset(",.;:-–—") | {"--"}
_OPEN_Q = frozenset("“‘")
_CLOSE_Q = frozenset("”’")

# Words a sentence needs to hold a cue or a speech frame, as one trie-shaped pattern.
_TRIGGER = re.compile(
    trie_pattern(
        {w for w in CUE_WORDS | SPEECH_VERBS | set(SPEECH_PHRASES) if w.isalpha()}
        | {w.capitalize() for w in CUE_WORDS | SPEECH_VERBS if w.isalpha()}
        | {"won't", "won’t"}
    )
)
_HE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


@dataclass(frozen=True, slots=True)
class Found:
    """One extracted commitment, before ids and statuses are given."""

    paragraph: int
    start: int
    end: int
    text: str
    speaker: str
    holder: str | None
    type: CommitmentType
    strength: int
    cue: str
    negated: bool
    party: str  # who is committed, normalised: for matching across versions


@dataclass(slots=True)
class _Clause:
    first: int  # region-local token positions
    cue: Cue
    party: Party | None
    split_at: int | None  # the coordinator that opened this clause
    thing: bool = False  # the subject is no party ("Bilateral ties should ...")
    heir: Party | None = None  # what a following clause without a subject inherits


def _past_after_present(words: Words, before: Cue, cue: Cue) -> bool:
    """ "said China opposes X, and called on Y": a past verb after a present one has the
    speaker, not the reported subject, as its subject."""
    first = words.lows[cue.first]
    return first.endswith("ed") and not words.lows[before.first].endswith("ed")


def _speaker_of(party: Party, cast: Cast) -> tuple[str, str | None]:
    """Canonical speaker name for a speaking party, and the holder it implies."""
    if party.kind == "country":
        principal = cast.principal(party.name)
        if principal is not None:
            return principal.name, party.name
        return party.name, None
    if party.kind == "both":
        return BOTH_SIDES, None
    return party.name, None


def _holder(
    party: Party | None, speaker: str, implied: str | None, state: SpeechState
) -> str | None:
    if party is None or party.kind in ("it", "we", "they"):
        return implied
    if party.kind == "he":
        last = state.he()
        return None if last is None or last.name == speaker else last.name
    if party.kind == "both":
        return None if speaker == BOTH_SIDES and party.generic else party.text
    if party.kind in ("person", "country"):
        return None if party.name == speaker else party.name
    return None if party.text == speaker else party.text


def _key(party: Party | None, holder: str | None, speaker: str) -> str:
    if party is not None and party.kind == "both":
        return BOTH_SIDES
    return (holder or speaker).lower()


class _Sentence:
    """Extraction state for one sentence."""

    def __init__(self, words: Words, cast: Cast, state: SpeechState, para_speaker: Party | None):
        self.words = words
        self.cast = cast
        self.state = state
        self.para_speaker = para_speaker

    def region(
        self, region: Region, cues: Sequence[Cue], paragraph: int, offset: int
    ) -> Iterator[Found]:
        t = Tokens(self.words, region)
        mine = [c for c in cues if c.first in t.pos_of]  # the caller passes this region's
        clauses: list[_Clause] = []
        for cue in mine:
            p = t.pos_of[cue.first]
            if cue.noun:
                possessor, subject = noun_parties(t, p, self.cast)
                party = possessor or subject
                if clauses and p <= self._end_limit(t, clauses[-1]):
                    continue
                # "the United States' support for X and urged Y": the urging is not the
                # possessor's, so a following clause inherits the subject, not the owner.
                clauses.append(_Clause(0 if not clauses else p, cue, party, None, heir=subject))
                continue
            start, party, coord = subject_of(t, p, self.cast)
            if clauses:
                if coord is None:
                    continue  # nested in the open clause: "... a message that X will ..."
                if party is None and not _past_after_present(self.words, clauses[-1].cue, cue):
                    party = clauses[-1].heir
                first = start if start is not None else coord + 1
                clauses.append(_Clause(first, cue, party, coord, heir=party))
                continue
            thing = False
            if self.words.lows[cue.first] == "it":  # "it is important (for X) to"
                party = None
                if cue.holder_span is not None:
                    a, b = cue.holder_span
                    named = self.words.texts[a : b + 1]
                    party = self.cast.resolve(named)
                    if party is None:
                        shown = " ".join(named)
                        party = Party("institution", shown, shown)
                first = p
            elif party is not None and party.kind != "it":
                first = start if start is not None else 0
            elif party is None and start is not None:
                first, thing = start, True
            else:
                # No subject ("..., should be upheld") or "it": the clause is the region.
                if party is None:
                    main = main_subject(t, self.cast)
                    party = main[1] if main else None
                first = 0
            clauses.append(_Clause(first, cue, party, None, thing, heir=party))
        for n, clause in enumerate(clauses):
            nxt = clauses[n + 1] if n + 1 < len(clauses) else None
            end = nxt.split_at if nxt is not None and nxt.split_at is not None else len(t.idx)
            end = min(end, self._end_limit(t, clause) + 1)
            found = self._make(t, clause, region, end, paragraph, offset)
            if found is not None:
                yield found
        owner = region.owner
        if (
            not clauses
            and owner is not None
            and owner.agreement
            and owner.speaker is not UNKNOWN
            and region.start >= owner.end
        ):
            yield from self._agreement(owner, t, region, paragraph, offset)

    def _end_limit(self, t: Tokens, clause: _Clause) -> int:
        """Last region position a clause may reach: before a semicolon after its cue."""
        p = t.pos_of.get(clause.cue.last, t.pos_of[clause.cue.first])
        return t.semicolon[p + 1] - 1

    def _speaker(self, region: Region, party: Party | None) -> tuple[str, str | None] | None:
        owner = region.owner
        if owner is not None:
            if owner.speaker is UNKNOWN:
                return None  # "..., he said" with nobody to refer to: no guess
            return _speaker_of(owner.speaker, self.cast)
        if party is not None:
            if party.kind == "country" and self.para_speaker is not None:
                return _speaker_of(self.para_speaker, self.cast)[0], None
            if party.kind in ("person", "both", "institution"):
                return _speaker_of(party, self.cast)
            # The narrator's "Japan will ..." is a commitment of a side of the talks only.
            if party.kind == "country" and self.cast.principal(party.name) is not None:
                return _speaker_of(party, self.cast)
            he = self.state.he() if party.kind == "he" else None
            if he is not None:
                return he.name, None
        if self.para_speaker is not None:
            return _speaker_of(self.para_speaker, self.cast)
        return None

    def _make(
        self, t: Tokens, clause: _Clause, region: Region, end: int, paragraph: int, offset: int
    ) -> Found | None:
        cue, party = clause.cue, clause.party
        kind: CommitmentType = cue.type
        if cue.modal and not cue.passive:
            agentive = party is not None and party.kind in AGENTS
            if kind == "pledge" and not agentive:
                return None  # "the situation will ..." is a prediction
            if kind == "proposal" and clause.thing:
                kind = "position"
        spk = self._speaker(region, party)
        if spk is None:
            return None
        speaker, implied = spk
        holder = _holder(party, speaker, implied, self.state)
        first = clause.first
        while first < end and (t.texts[first] in _TRIM or t.texts[first] in _CLOSE_Q):
            first += 1
        last = end - 1
        while last > first and (t.texts[last] in _TRIM or t.texts[last] in QUOTES):
            last -= 1
        if last < first:
            return None
        words = self.words
        a, b = t.idx[first], t.idx[last]
        # Keep a quote only when the clause holds its partner.
        if words.texts[a] in QUOTES and not any(
            words.texts[k] in QUOTES for k in range(a + 1, b + 1)
        ):
            a = t.idx[first + 1] if first + 1 <= last else a
        start, stop = words.starts[a], words.ends[b]
        c0, c1 = cue.first, cue.last
        while c0 > 0 and words.lows[c0 - 1] in CUE_PREFIX and c0 - 1 >= a:
            c0 -= 1
        if cue.modal:
            while c1 + 1 < len(words) and is_negation(words.lows[c1 + 1]):
                c1 += 1
        negated = any(
            is_negation(words.lows[k])
            for k in range(c0, c1 + 1)
            if not (words.lows[k] == "no" and k == cue.last and not cue.modal)
        )
        lows = [words.lows[k] for k in range(a, b + 1)]
        strength = adjust_strength(cue.strength, lows)
        if negated:
            verb = words.lows[c1 + 1] if c1 + 1 < len(words) else ""
            kind = negated_type(kind, verb)
        return Found(
            paragraph=paragraph,
            start=offset + start,
            end=offset + stop,
            text=words.text[start:stop],
            speaker=speaker,
            holder=holder,
            type=kind,
            strength=strength,
            cue=words.text[words.starts[c0] : words.ends[c1]],
            negated=negated,
            party=_key(party, holder, speaker),
        )

    def _agreement(
        self, owner: Frame, t: Tokens, region: Region, paragraph: int, offset: int
    ) -> Iterator[Found]:
        """ "The two sides agreed that ...": an agreement on the whole content."""
        words = self.words
        last = len(t.idx) - 1
        while last >= 0 and (t.texts[last] in _TRIM or t.texts[last] in QUOTES):
            last -= 1
        if last < 0:
            return
        speaker, implied = _speaker_of(owner.speaker, self.cast)
        start, stop = words.starts[owner.start], words.ends[t.idx[last]]
        verb = next(k for k in range(owner.start, owner.end) if words.lows[k].startswith("agree"))
        yield Found(
            paragraph=paragraph,
            start=offset + start,
            end=offset + stop,
            text=words.text[start:stop],
            speaker=speaker,
            holder=implied,
            type="agreement",
            strength=4,
            cue=words.text[words.starts[verb] : words.ends[min(verb + 1, owner.end - 1)]],
            negated=False,
            party=_key(owner.speaker, implied, speaker),
        )


def _hinted_paragraphs(doc: Document, cast: Cast) -> set[int]:
    """Paragraphs that name a party of the cast (a person, title, side, principal country).

    Nothing can be attributed in a paragraph that names no party, unless "he" refers back to
    a speaker named in the paragraphs just before, so the rest of the document is skipped
    without a closer look: on a 31k-paragraph text this is most of the time saved. Capitalised
    words are found with one regex (few positions start with a capital, so it scans fast);
    the few lower-case ones with ``str.find``, which beats a regex on them.
    """
    words = cast.hint_words() | {"Two", "Both"}
    capital = sorted(w for w in words if w[:1].isupper())
    lower = sorted({w for w in words if not w[:1].isupper()} | {"two ", "both "})
    text = doc.text
    positions = [m.start() for m in re.finditer(trie_pattern(capital), text)] if capital else []
    for word in lower:
        i = text.find(word)
        while i >= 0:
            positions.append(i)
            i = text.find(word, i + 1)
    starts = [p.start for p in doc.paragraphs]
    return {bisect.bisect_right(starts, pos) - 1 for pos in positions}


def find_commitments(doc: Document, *, cast: Cast | None = None) -> list[Found]:
    """Every commitment of ``doc``'s body paragraphs, in reading order."""
    if cast is None:
        cast = learn_cast(doc.text)
    hinted = _hinted_paragraphs(doc, cast)
    state = SpeechState()
    out: list[Found] = []
    for para in doc.paragraphs:
        index = para.index
        if para.role != "body":
            continue
        if index not in hinted:
            state.paragraph = index
            if state.he() is None or _HE.search(para.text) is None:
                continue
        state.paragraph = index
        text = para.text
        offsets = [m.start() for m in _TRIGGER.finditer(text)]
        if not offsets:
            continue
        para_speaker: Party | None = None
        for s, e in sentence_spans(text):
            lo = bisect.bisect_left(offsets, s)
            if lo >= len(offsets) or offsets[lo] >= e:
                continue
            words = tokenize(text[s:e])
            frames = find_frames(words, cast, state)
            cues = find_cues(words.lows)
            top = [f for f in frames if not f.nested]
            if cues:
                sentence = _Sentence(words, cast, state, para_speaker)
                firsts = [c.first for c in cues]
                for region in regions(words, frames):
                    a = bisect.bisect_left(firsts, region.start)
                    b = bisect.bisect_left(firsts, region.end)
                    if a < b:
                        out.extend(sentence.region(region, cues[a:b], index, s))
                    elif region.owner is not None and region.owner.agreement:
                        out.extend(sentence.region(region, (), index, s))
            if top:
                para_speaker = top[-1].speaker if top[-1].speaker is not UNKNOWN else None
    return out
