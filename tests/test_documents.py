"""Reading documents: encodings, segmentation with exact offsets, HTML, roles."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readout_tui.core.documents import document_from_bytes, document_from_text, load_document
from readout_tui.core.errors import InputError
from readout_tui.core.roles import classify_roles, is_boilerplate, is_dateline
from readout_tui.core.segment import split_paragraphs

RUSSIAN = "Лавров заявил, что Россия готова к сотрудничеству.\n\nВторой абзац текста."
WESTERN = (
    "Le ministre des Affaires étrangères a déclaré jeudi que la coopération entre les deux "
    "pays était « très étroite » et qu'elle se développerait encore davantage cette année, "
    "notamment dans les domaines de l'énergie, de la santé publique et de l'éducation.\n\n"
    "Les deux parties ont également évoqué la situation régionale et réaffirmé leur volonté "
    "de préserver la stabilité stratégique à l'échelle mondiale."
)


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (b"plain ascii", "utf-8", "plain ascii"),
        ("naïve café".encode(), "utf-8", "naïve café"),
        (codecs.BOM_UTF8 + b"with bom", "utf-8-sig", "with bom"),
        ("utf sixteen ✓".encode("utf-16"), "utf-16", "utf sixteen ✓"),
        (codecs.BOM_UTF16_BE + "big endian".encode("utf-16-be"), "utf-16", "big endian"),
    ],
)
def test_decodes_unicode_encodings(data: bytes, encoding: str, text: str) -> None:
    doc = document_from_bytes(data)
    assert doc.encoding == encoding
    assert doc.text == text


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [(RUSSIAN, "cp1251", "cp1251"), (WESTERN, "cp1252", "cp1252")],
)
def test_detects_legacy_single_byte_encodings(text: str, codec: str, expected: str) -> None:
    doc = document_from_bytes(text.encode(codec))
    assert doc.text == text
    assert doc.encoding == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_refuses_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        document_from_bytes(data, path="x.txt")


def test_load_document_errors_are_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path): "is a directory",
    }
    for path, message in cases.items():
        with pytest.raises(InputError, match=message) as err:
            load_document(path)
        assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="limit"):
        load_document(big, max_bytes=1000)


def test_paragraphs_split_on_blank_lines_and_keep_offsets() -> None:
    text = "  Title line\n\nFirst para\ncontinues here.\n \t\nSecond para.\n\n\n"
    doc = document_from_text(text)
    assert [p.text for p in doc.paragraphs] == [
        "Title line",
        "First para\ncontinues here.",
        "Second para.",
    ]
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text


def test_text_without_blank_lines_falls_back_to_lines() -> None:
    doc = document_from_text("One line.\nAnother line.\r\nThird line.")
    assert [p.text for p in doc.paragraphs] == ["One line.", "Another line.", "Third line."]


def test_crlf_blank_lines_split() -> None:
    doc = document_from_text("First.\r\n\r\nSecond.\r\n")
    assert [p.text for p in doc.paragraphs] == ["First.", "Second."]


@given(st.text(alphabet=st.sampled_from("ab \n\r\t.\u00a0é"), max_size=80))
def test_offsets_always_index_the_source(text: str) -> None:
    for start, end in split_paragraphs(text):
        piece = text[start:end]
        assert piece and piece == piece.strip()


def test_html_keeps_visible_block_text_only() -> None:
    html = """<!DOCTYPE html><html><head><title>Readout</title>
    <style>p {color: red}</style><script>alert("x")</script></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <h1>Talks held</h1><p>The ministers met &amp; talked.</p>
    <div>Second <b>block</b> of text.</div><footer>© 2021 Site</footer></body></html>"""
    doc = document_from_text(html, path="page.html")
    assert doc.format == "html"
    assert [p.text for p in doc.paragraphs] == [
        "Talks held",
        "The ministers met & talked.",
        "Second block of text.",
    ]
    assert "alert" not in doc.text and "Home" not in doc.text
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    "text",
    [
        "$ 89.7\n€ 97.1",
        ", , :",
        "USD 74.2 / EUR 89.9",
        "maxresdefault 1",
        "photo_2021-02-04.jpg",
        "© 2021 Example News Agency. All rights reserved.",
        "Registered as a mass media outlet, registration certificate No. 123",
        "Home | World | Business | Sport | Culture",
        "Share",
    ],
)
def test_page_furniture_is_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "China and Russia agreed to deepen cooperation, Wang said.",
        "Russia is ready to strengthen cooperation with China in vaccine research, he said.",
        "The 2021 budget grew by 5 percent.",
        "Talks on energy",
    ],
)
def test_prose_is_not_boilerplate(text: str) -> None:
    assert not is_boilerplate(text)


def test_roles_find_headline_and_dateline() -> None:
    roles = classify_roles(
        [
            "$ 12.5",
            "BEIJING, Feb. 4 (Xinhua) --",
            "Ministers agree on closer ties",
            "The two ministers agreed on Thursday to deepen their cooperation, officials said.",
            "Short line",
        ]
    )
    assert roles == ["boilerplate", "dateline", "title", "body", "body"]
    assert is_dateline("February 4, 2021")


def test_sample_pair_roles(sample_docs: tuple[object, object]) -> None:
    left, right = sample_docs
    assert all(p.role == "body" for p in left.paragraphs)  # type: ignore[attr-defined]
    roles = [p.role for p in right.paragraphs]  # type: ignore[attr-defined]
    assert roles[:3] == ["boilerplate", "title", "body"]
    assert right.title.endswith("what China and Russia agreed")  # type: ignore[attr-defined]
