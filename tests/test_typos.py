"""Typos: what a researcher sees flagged (and, above all, not flagged) in two versions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_tui.core.compare import compare
from readout_tui.core.documents import document_from_text
from readout_tui.core.model import Block, Document, Edit, Span, Typo
from readout_tui.core.typos import find_typos, word_pair_kind

FILLER = "The two ministers met in the capital on Monday and spoke about trade."


def doc(*paragraphs: str) -> Document:
    return document_from_text("\n\n".join(paragraphs))


def alone(text: str) -> tuple[Typo, ...]:
    """Typos of a body paragraph judged by the dictionary alone (empty other version)."""
    return find_typos(doc("Talks on trade held in the capital", text, FILLER), doc(""), ())


def pairs(left: Document, right: Document) -> tuple[Block, ...]:
    n = min(len(left.paragraphs), len(right.paragraphs))
    return tuple(Block(f"b{i}", "edit", (i,), (i,), 0.9) for i in range(n))


# --- the sample pair -------------------------------------------------------------------


def _hand_blocks(left: Document, right: Document) -> tuple[Block, ...]:
    # Right paragraph 7 ("Wang Yi also said ... duting ...") retells left paragraph 10.
    return (Block("b-hand", "edit", (10,), (7,), 0.4),)


@pytest.mark.parametrize("blocks_from", ["none", "hand", "compare"])
def test_sample_pair_has_exactly_the_one_real_typo(
    sample_docs: tuple[Document, Document], blocks_from: str
) -> None:
    left, right = sample_docs
    blocks = {
        "none": lambda: (),
        "hand": lambda: _hand_blocks(left, right),
        "compare": lambda: compare(left, right).blocks,
    }[blocks_from]()
    typos = find_typos(left, right, blocks)
    assert [(t.side, t.paragraph, t.word, t.suggestion) for t in typos] == [
        ("right", 7, "duting", "during")
    ]
    t = typos[0]
    assert right.paragraphs[7].text[t.start : t.end] == "duting"
    assert t.id.startswith("t-")


# --- never flagged ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # names: capitalised words the text uses mid-sentence, and unknown capitalised words
        "Officials said Mr Zhukovskiy and Ms Okonkwo-Barrett met Kuleba in Brussels.",
        "Zhukovskiy arrived first; later Zhukovskiy spoke to reporters.",
        "Beth-lehem and Kadesh-barnea lie on the old road.",
        # hyphenated compounds of known words, and their prefixes
        "They pledged all-weather, all-dimensional and win-win co-operation.",
        # numbers, ordinals, words with digits
        "The 20th anniversary of the 2001 treaty falls in 2021, after COVID-19 hit G20 states.",
        # abbreviations, acronyms and all-caps words
        "The U.S. and the EU, e.g. NATO and the UNSC, met; ASEAN and BRICS sent govt staff.",
        "SHOUTED HEADLINES ARE NEVER CHEKED FOR SPELLING.",
        # URLs and e-mail addresses
        "Read it at https://example.org/duting-report or write to duting@example.org today.",
        # contractions and possessives
        "It's the ministers' view that China's role won't change, he said.",
        # British and American spellings, regular variants missing from the table
        "The colour of the organisation's centre changed; the civilisation's labour honoured it.",
        "The color of the organization's center changed; the civilization's labor honored it.",
        # rare, technical and archaic words that are real English
        "He goeth forth with an inkhorn; the mandrakes and sheepfolds were unwalled.",
        "The multilateralism of the consortium's interlocutors was reaffirmed.",
        # Roman numerals and short forms
        "Chapter xiv of part ii was read by the committee.",
    ],
)
def test_never_flagged(sentence: str) -> None:
    assert alone(sentence) == ()


def test_words_the_other_version_uses_are_not_flagged() -> None:
    # An unknown form that both versions use is a deliberate spelling (or a shared term).
    left = doc("Headline on the talks today", "Talks went on duting the week, they said.")
    right = doc("Headline on the talks today", "Talks continued duting the week, he said.")
    assert find_typos(left, right, pairs(left, right)) == ()
    assert [t.word for t in find_typos(left, doc(""), ())] == ["duting"]


def test_a_text_that_is_not_english_is_left_alone() -> None:
    french = (
        "Les deux ministres ont souligné que la coopération stratégique entre leurs pays "
        "devait être renforcée, et ils ont convenu de poursuivre les consultations."
    )
    assert alone(french) == ()


# --- flagged by the dictionary ---------------------------------------------------------


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("duting", "during"),
        ("recieve", "receive"),
        ("goverment", "government"),
        ("seperate", "separate"),
        ("occured", "occurred"),
        ("definately", "definitely"),
        ("beleive", "believe"),
        ("agreemnet", "agreement"),
        ("cooperaton", "cooperation"),
        ("stategic", "strategic"),
    ],
)
def test_misspellings_are_flagged_with_the_intended_word(wrong: str, right: str) -> None:
    typos = alone(f"The ministers will {wrong} the new plan, officials said.")
    assert [(t.word, t.suggestion, t.evidence) for t in typos] == [(wrong, right, "dictionary")]
    assert 0 < typos[0].confidence < 0.9


def test_every_occurrence_is_reported_with_its_own_offsets_and_id() -> None:
    text = "Talks went on duting the day and duting the night."
    typos = alone(text)
    assert [t.start for t in typos] == [text.index("duting"), text.rindex("duting")]
    assert len({t.id for t in typos}) == 2


def test_a_form_repeated_many_times_is_deliberate_without_counterpart() -> None:
    text = "The carcase lay there; a second carcase, and a third carcase beside it."
    assert alone(text) == ()


# --- evidence from the other version ---------------------------------------------------


def test_the_aligned_counterpart_raises_confidence() -> None:
    left = doc("Talks on trade", "The talks were held during the week in the capital.")
    right = doc("Talks on trade", "The talks were held duting the week in the capital.")
    (typo,) = find_typos(left, right, pairs(left, right))
    assert (typo.side, typo.word, typo.suggestion, typo.evidence) == (
        "right",
        "duting",
        "during",
        "both",
    )
    assert typo.confidence >= 0.9


def test_the_counterparts_word_wins_over_a_more_common_correction() -> None:
    # "wilh" is one edit from "with" and from "will"; the dictionary prefers the commoner
    # "with", the other version shows "will".
    left = doc("Talks on trade", "The minister will visit the capital next week.")
    right = doc("Talks on trade", "The minister wilh visit the capital next week.")
    assert [t.suggestion for t in find_typos(doc(""), right, ())] == ["with"]
    assert [t.suggestion for t in find_typos(left, right, pairs(left, right))] == ["will"]


def _edit_block(left: Document, right: Document, old: str, new: str) -> Block:
    lt, rt = left.paragraphs[1].text, right.paragraphs[1].text
    ls, rs = lt.index(old), rt.index(new)
    edit = Edit(
        "e1",
        "replace",
        "typo",
        Span(1, ls, ls + len(old), old),
        Span(1, rs, rs + len(new), new),
        suggestion=old,
    )
    return Block("b1", "edit", (1,), (1,), 0.9, edits=(edit,))


def test_an_edit_pairing_a_capitalised_slip_flags_it() -> None:
    # Capitalised unknown words are names to the dictionary; the word diff shows otherwise.
    left = doc("Talks on trade", "During the week the talks were held in the capital.")
    right = doc("Talks on trade", "Duting the week the talks were held in the capital.")
    assert find_typos(left, right, ()) == ()
    block = _edit_block(left, right, "During", "Duting")
    (typo,) = find_typos(left, right, (block,))
    assert (typo.side, typo.word, typo.suggestion, typo.evidence) == (
        "right",
        "Duting",
        "During",
        "counterpart",
    )


def test_an_edit_and_the_dictionary_together_give_both() -> None:
    left = doc("Talks on trade", "The talks were held during the week in the capital.")
    right = doc("Talks on trade", "The talks were held duting the week in the capital.")
    (typo,) = find_typos(left, right, (_edit_block(left, right, "during", "duting"),))
    assert (typo.evidence, typo.suggestion) == ("both", "during")
    assert typo.confidence >= 0.9


def test_the_left_version_can_hold_the_typo() -> None:
    left = doc("Talks on trade", "The talks were held duting the week in the capital.")
    right = doc("Talks on trade", "The talks were held during the week in the capital.")
    (typo,) = find_typos(left, right, pairs(left, right))
    assert (typo.side, typo.paragraph, typo.word) == ("left", 1, "duting")


# --- word_pair_kind --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("during", "duting", ("typo", "during")),
        ("duting", "during", ("typo", "during")),
        ("Receive", "Recieve", ("typo", "Receive")),
        ("government", "goverment", ("typo", "government")),
        ("colour", "color", ("spelling_variant", None)),
        ("organised", "organized", ("spelling_variant", None)),
        ("centre", "center", ("spelling_variant", None)),
        ("civilisation", "civilization", ("spelling_variant", None)),
        ("travelled", "traveled", ("spelling_variant", None)),
        ("said", "noted", None),  # a paraphrase
        ("form", "from", None),  # both real words: not a misspelling
        ("four", "for", None),
        ("Lavrov", "Lavrova", None),  # two spellings of a name
        ("Smith", "Smyth", None),
        ("NATO", "NATA", None),
        ("China", "china", None),  # case only
        ("2021", "2012", None),
        ("two words", "too words", None),
    ],
)
def test_word_pair_kind(old: str, new: str, expected: object) -> None:
    assert word_pair_kind(old, new) == expected


# --- invariants ------------------------------------------------------------------------

_WORDS = ["the", "talks", "were", "held", "during", "week", "ministers", "agreed", "to", "meet"]
_SLIPS = ["duting", "agreeed", "minsters", "weeek", "taks"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_WORDS + _SLIPS), min_size=3, max_size=15),
        min_size=1,
        max_size=5,
    )
)
def test_typos_point_at_their_words_and_ids_are_stable(paragraphs: list[list[str]]) -> None:
    texts = [" ".join(words).capitalize() + "." for words in paragraphs]
    left, right = doc("Talks on trade", *texts), doc("")
    typos = find_typos(left, right, ())
    for t in typos:
        assert left.paragraphs[t.paragraph].text[t.start : t.end] == t.word
        assert t.word.lower() in _SLIPS
    assert len({t.id for t in typos}) == len(typos)
    assert find_typos(left, right, ()) == typos


def test_many_misspelled_forms_are_all_found_where_they_are(
    monkeypatch: pytest.MonkeyPatch, sample_docs: tuple[Document, Document]
) -> None:
    # Past a few forms occurrences are found paragraph by paragraph, not by substring search:
    # both ways must agree.
    import readout_tui.core.wordforms as wordforms

    slips = ["duting", "recieve", "goverment", "seperate", "occured", "definately", "beleive"]
    slips += ["agreemnet", "cooperaton", "stategic", "ministrs", "comunication", "sovereignity"]
    slips += ["relatons", "countires", "imporant", "developement", "secutiry", "economc"]
    slips += ["presidnet", "negotations", "internatonal", "commitee", "conferance", "pandemc"]
    assert len(slips) > wordforms.FIND_EACH
    paragraphs = [f"The {w} was discussed at length, and a {w}-like plan too." for w in slips]
    # Among a real statement's prose: a text mostly made of unknown words is not English.
    left = doc(*(p.text for p in sample_docs[0].paragraphs), *paragraphs)
    by_scan = find_typos(left, doc(""), ())
    monkeypatch.setattr(wordforms, "FIND_EACH", 1000)
    by_search = find_typos(left, doc(""), ())
    assert by_scan == by_search
    assert len(by_scan) == 2 * len(slips)
    assert {t.word for t in by_scan} == set(slips)
    for t in by_scan:
        assert left.paragraphs[t.paragraph].text[t.start : t.end] == t.word
