"""Artifacts: scraping debris a researcher must not mistake for content."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_tui.core.artifacts import find_artifacts
from readout_tui.core.documents import document_from_text
from readout_tui.core.model import Artifact, Document

TITLE = "Ministers hold talks on trade and security"
LEAD = "The foreign ministers of the two countries met in the capital on Monday to discuss trade."
CLOSE = "Both sides agreed to meet again later this year, officials said after the talks."


def doc(*paragraphs: str) -> Document:
    return document_from_text("\n\n".join(paragraphs))


def found(*paragraphs: str) -> list[tuple[int, str, str]]:
    return [(a.paragraph, a.text, a.reason) for a in find_artifacts(doc(*paragraphs), "right")]


def test_sample_republication_debris(sample_docs: tuple[Document, Document]) -> None:
    _, right = sample_docs
    artifacts = find_artifacts(right, "right")
    by_paragraph = {a.paragraph: a for a in artifacts}
    thumb = by_paragraph[2]
    assert (thumb.start, thumb.text) == (0, "maxresdefault 1")
    assert "thumbnail" in thumb.reason
    assert "ticker" in by_paragraph[0].reason  # the currency lines above the headline
    assert set(by_paragraph) == {0, 2}


def test_sample_original_has_only_its_glued_date_field(
    sample_docs: tuple[Document, Document],
) -> None:
    left, _ = sample_docs
    assert [(a.paragraph, a.text) for a in find_artifacts(left, "left")] == [(0, "date 2021-02-05")]


@pytest.mark.parametrize(
    ("debris", "expected", "reason_word"),
    [
        ("hqdefault 2The ministers met on Monday.", "hqdefault 2", "thumbnail"),
        ("sddefault The ministers met on Monday.", "sddefault", "thumbnail"),
        ("IMG_20210204_1234.jpg The ministers met.", "IMG_20210204_1234.jpg", "image file"),
        ("talks-photo.JPEG (2) The ministers met.", "talks-photo.JPEG (2)", "image file"),
        ("See summit-meeting-1024x768 for the photo.", "summit-meeting-1024x768", "resized"),
        ("Trade &amp; security were discussed.", "&amp;", "entity"),
        ("It&#8217;s time, he said.", "&#8217;", "entity"),
        ("It&rsquo;s time, he said.", "&rsquo;", "entity"),
        ("They met.<br/>Then they ate.", "<br/>", "tag"),
        ("It&amp;amp;s time, he said.", "&amp;", "entity"),
        ("The sides agreedthat trade should grow.", "agreedthat", "glued"),
        ("Trade grew ofthe two countries.", "ofthe", "glued"),
        ("The ministers agreedThat trade should grow.", "agreedThat", "glued"),
        ("The talks ended well.Both sides were pleased.", ".Both", "sentences glued"),
        ("Relations grew in 1China and Russia.", "1China", "number glued"),
    ],
)
def test_debris_is_reported_with_its_reason(debris: str, expected: str, reason_word: str) -> None:
    hits = found(TITLE, LEAD, debris, CLOSE)
    assert [(p, text) for p, text, _ in hits] == [(2, expected)]
    assert reason_word in hits[0][2]


def test_opening_and_closing_tags_are_each_reported() -> None:
    hits = found(TITLE, LEAD, 'See <a href="x">this</a> and [caption id="a1"]it[/caption].')
    assert [text for _, text, _ in hits] == [
        '<a href="x">',
        "</a>",
        '[caption id="a1"]',
        "[/caption]",
    ]


def test_page_metadata_glued_before_the_dateline() -> None:
    hits = found("Posted: 2021-02-04 MOSCOW, Feb. 4 -- " + LEAD, CLOSE)
    assert [(p, text) for p, text, _ in hits] == [(0, "Posted: 2021-02-04")]


def test_a_repeated_lead_paragraph() -> None:
    hits = found(TITLE, LEAD, CLOSE, LEAD)
    assert [(p, r) for p, _, r in hits] == [(3, "repeats the lead paragraph (paragraph 1)")]


def test_a_paragraph_printed_twice_in_a_row() -> None:
    middle = "The talks covered energy, transport and the climate, the ministry said."
    hits = found(TITLE, LEAD, middle, middle, CLOSE)
    assert [(p, r) for p, _, r in hits] == [(3, "paragraph printed twice in a row")]


def test_furniture_paragraphs_are_reported_whole() -> None:
    hits = found("$ 89.7\n€ 97.1", TITLE, LEAD, "© 2021 Example News. All rights reserved.")
    assert [(p, text) for p, text, _ in hits] == [
        (0, "$ 89.7\n€ 97.1"),
        (3, "© 2021 Example News. All rights reserved."),
    ]
    assert "ticker" in hits[0][2] and "copyright" in hits[1][2]


@pytest.mark.parametrize(
    "clean",
    [
        "The iPhone, YouTube, eBay and McDonald's were mentioned by the minister.",
        "COVID-19 hit G20 economies in the 2020s; 5G networks grew 3x by 10am on the 1st.",
        "The U.S. and the E.U. agreed, e.g. on trade; see www.example.org/report.html today.",
        "Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5 in St. Petersburg.",
        "Wang Yi said the 2021-2025 plan would be reviewed, he said.",
        "He wrote 1 + 1 = 2 and x < y > z on the board, then left.",
        "The firstfruits and shoulderpieces of the sheepfolds were counted.",
        "Both sides should firmly support each other on issues of core interest.",
    ],
)
def test_clean_prose_has_no_artifacts(clean: str) -> None:
    assert found(TITLE, LEAD, clean, CLOSE) == []


def test_refrains_repeated_far_apart_are_not_debris() -> None:
    refrain = "His mercy endures forever, and his faithfulness to all generations."
    assert found(TITLE, LEAD, refrain, CLOSE, refrain, CLOSE + " Again.") == []


def _check(artifacts: tuple[Artifact, ...], d: Document) -> None:
    for a in artifacts:
        assert d.paragraphs[a.paragraph].text[a.start : a.end] == a.text
        assert a.reason
    assert len({a.id for a in artifacts}) == len(artifacts)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [LEAD, CLOSE, "maxresdefault 1China", "a &amp; b", "x<br>y", "agreedthat", "end.The"]
        ),
        min_size=1,
        max_size=8,
    )
)
def test_artifacts_point_at_their_text_and_ids_are_stable(pieces: list[str]) -> None:
    d = doc(TITLE, *(" ".join([p, CLOSE]) for p in pieces))
    artifacts = find_artifacts(d, "left")
    _check(artifacts, d)
    assert find_artifacts(d, "left") == artifacts
