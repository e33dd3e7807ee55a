"""Every export format: carries the review, escapes hostile text, stays well-formed."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from readout_tui.core.export import SUFFIXES, WRITERS, export_text
from readout_tui.core.export.csv_export import CHANGE_COLUMNS, COMMITMENT_COLUMNS
from readout_tui.core.export.layout import change_rows
from readout_tui.core.model import Commitment, Comparison, Typo
from readout_tui.core.review import Review, ReviewItem, change_targets, new_review
from tests.review_support import FIXED_TIME, simple_comparison

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "readout_tui/data/readout-diff-1.schema.json").read_text()
)
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
CRITIC = "{--not a deletion--} {++not added++} {~~a~>b~~} {>>not a note<<}"
HOSTILE_LEFT = f"""Report {SCRIPT}

The minister said {SCRIPT} was fine.

Shared line with {IMG} inside and {CRITIC} and *stars* _under_ `code` [l](http://x) &amp; done.

# Not a heading

- not a list

=HYPERLINK("http://evil","click")"""
HOSTILE_RIGHT = f"""Report {SCRIPT}

The minister said {IMG} was fine.

Shared line with {IMG} inside and {CRITIC} and *stars* _under_ `code` [l](http://x) &amp; done.

# Not a heading

- not a list

1. added {SCRIPT} paragraph

@SUM(A1:A9)"""


def hostile() -> tuple[Comparison, Review]:
    base = simple_comparison(HOSTILE_LEFT, HOSTILE_RIGHT)
    para = next(p for p in base.right.paragraphs if IMG in p.text)
    at = para.text.index("img")
    typo = Typo("t-1", "right", para.index, at, at + 3, "img", f"fix {SCRIPT}", 0.9, "dictionary")
    commit = Commitment(
        "c-1", "left", 1, 0, 10, f"said {SCRIPT}", f"Speaker {IMG}", None, "pledge", 4,
        "said", "dropped",
    )  # fmt: skip
    comp = simple_comparison(base.left, base.right, typos=(typo,), commitments=(commit,))
    items = [
        ReviewItem(t, ("accepted", "flagged", "rejected")[n % 3], f"note {n} {SCRIPT} {CRITIC}",
                   (f"tag{n}",), FIXED_TIME)
        for n, t in enumerate(change_targets(comp))
    ]  # fmt: skip
    items.append(ReviewItem("c-1", "flagged", f"=cmd|' /C calc'!A0 {IMG}", (), FIXED_TIME))
    items.append(ReviewItem("t-1", "accepted", "typo ok", (), FIXED_TIME))
    items.append(ReviewItem("gone-1", "rejected", "orphan note", ("old",), FIXED_TIME))
    return comp, new_review(f"session {SCRIPT}", items)


class Elements(HTMLParser):
    """Collects start tags with attributes, and the text, of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> Elements:
    parser = Elements()
    parser.feed(text)
    parser.close()
    return parser


def test_every_format_is_registered_with_a_suffix() -> None:
    assert set(WRITERS) == {"json", "html", "markdown", "tei", "csv", "commitments-csv"}
    assert set(SUFFIXES) == set(WRITERS)
    with pytest.raises(ValueError, match="unknown export format"):
        export_text("pdf", hostile()[0])


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("with_review", [True, False])
def test_every_format_renders_with_and_without_a_review(fmt: str, with_review: bool) -> None:
    comp, review = hostile()
    text = export_text(fmt, comp, review if with_review else None)
    assert text.endswith("\n")
    text = text.split("</style>")[-1]  # the stylesheet names every status
    # Statuses and notes appear exactly when there is a review.
    marker = "calc" if fmt == "commitments-csv" else "orphan note"
    assert (marker in text) == with_review
    assert ("flagged" in text) == with_review


# -- JSON ---------------------------------------------------------------------------------
def test_json_with_review_validates_against_the_schema() -> None:
    comp, review = hostile()
    data = json.loads(export_text("json", comp, review))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    targets = {i["target"]: i for i in data["review"]["items"]}
    assert targets["c-1"]["status"] == "flagged"
    assert targets["gone-1"]["note"] == "orphan note"  # unmapped items are kept
    assert json.loads(export_text("json", comp, None))["review"] is None


# -- HTML ---------------------------------------------------------------------------------
def test_html_renders_hostile_document_text_as_text() -> None:
    comp, review = hostile()
    page = export_text("html", comp, review)
    doc = parse_html(page)
    tags = {tag for tag, _ in doc.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    assert not [a for _, attrs in doc.tags for a in attrs if a.startswith("on")]
    text = "".join(doc.text)
    assert SCRIPT in text and IMG in text and CRITIC in text


def test_html_is_self_contained() -> None:
    comp, review = hostile()
    doc = parse_html(export_text("html", comp, review))
    for _, attrs in doc.tags:
        for name in ("src", "href", "action", "srcset"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)
    assert "@media print" in export_text("html", comp, None)


def test_html_footnotes_link_both_ways() -> None:
    comp, review = hostile()
    doc = parse_html(export_text("html", comp, review))
    ids = {attrs["id"] for _, attrs in doc.tags if attrs.get("id")}
    hrefs = [attrs["href"] for t, attrs in doc.tags if t == "a" and attrs.get("href")]
    notes = {i for i in ids if i and re.fullmatch(r"fn-\d+", i)}
    refs = {i for i in ids if i and i.startswith("fnref-")}
    known = {t for t in review.items if t != "gone-1"}
    assert len(notes) == sum(1 for i in review.items.values() if i.note)
    assert all(h[1:] in ids for h in hrefs if h), "every link has a target"
    referenced = {h for h in hrefs if re.fullmatch(r"#fn-\d+", h)}
    assert len(referenced) == sum(1 for t in known if review.items[t].note)
    assert referenced <= {f"#{n}" for n in notes}
    assert {f"#{r}" for r in refs} <= set(hrefs), "every reference has a back-link"


def test_html_shows_statuses_legend_and_commitments_per_speaker() -> None:
    comp, review = hostile()
    doc = parse_html(export_text("html", comp, review))
    text = "".join(doc.text)
    assert "Legend" in text and "Side by side" in text and "Inline redline" in text
    assert f"Speaker {IMG}" in text and "dropped" in text
    classes = " ".join(attrs.get("class") or "" for _, attrs in doc.tags)
    assert "st-accepted" in classes and "st-flagged" in classes and "st-rejected" in classes


# -- Markdown -----------------------------------------------------------------------------
_CRITIC = re.compile(r"\{--(.*?)--\}|\{\+\+(.*?)\+\+\}|\{~~(.*?)~>(.*?)~~\}|\{>>(.*?)<<\}", re.S)


def resolve_critic(text: str, *, accept: bool) -> str:
    """Apply every CriticMarkup change (accept) or undo it (reject); drop comments."""

    def pick(m: re.Match[str]) -> str:
        deleted, added, old, new, _comment = m.groups()
        if deleted is not None:
            return "" if accept else deleted
        if added is not None:
            return added if accept else ""
        if old is not None:
            return new if accept else old
        return ""

    return _CRITIC.sub(pick, text)


def render_md(text: str) -> Elements:
    return parse_html(MarkdownIt("commonmark", {"html": True}).render(text))


def norm(text: str) -> str:
    return " ".join(text.split())


def test_markdown_markup_in_documents_stays_text() -> None:
    comp, review = hostile()
    md = export_text("markdown", comp, review)
    for m in _CRITIC.finditer(md):  # no token was opened by the document's own text
        assert m.group(1) != "not a deletion" and m.group(2) != "not added"
        assert (m.group(3), m.group(4)) != ("a", "b") and m.group(5) != "not a note"
    doc = render_md(resolve_critic(md, accept=True))
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags and "img" not in tags
    assert tags.count("code") == 2  # the two sha256 digests; `code` in the text stays text
    assert tags.count("h1") == 1  # the report title only; "# Not a heading" is text
    # Our lists only: header, summary, commitments, typos, unmapped items.
    assert "ol" not in tags and tags.count("ul") == 5
    text = norm("".join(doc.text))
    for fragment in (SCRIPT, IMG, CRITIC, "# Not a heading", "- not a list", "*stars*"):
        assert norm(fragment) in text


def test_markdown_carries_statuses_and_notes_as_comments() -> None:
    comp, review = hostile()
    md = export_text("markdown", comp, review)
    comments = [m.group(5) for m in _CRITIC.finditer(md) if m.group(5) is not None]
    assert any(c.startswith("accepted") for c in comments)
    assert any("orphan note" in c for c in md.splitlines())


_word = st.text(
    alphabet=st.sampled_from(list("ab <>{}[]*_`#-+=~!&;|\\.1:/\"'")), min_size=1, max_size=12
)
_para = st.lists(_word, min_size=1, max_size=6).map(" ".join).filter(lambda s: s.strip())


def _doc(paras: list[str]) -> str:
    return "\n\n".join(p.strip() for p in paras)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_para, min_size=1, max_size=4), st.lists(_para, min_size=1, max_size=4))
def test_markdown_reads_back_as_either_version(left: list[str], right: list[str]) -> None:
    comp = simple_comparison(_doc(left), _doc(right))
    md = export_text("markdown", comp, None)
    for side, accept in (("right", True), ("left", False)):
        rendered = norm("".join(render_md(resolve_critic(md, accept=accept)).text))
        for p in comp.document(side).paragraphs:  # type: ignore[arg-type]
            if p.role == "body":
                assert norm(p.text) in rendered


# -- TEI ----------------------------------------------------------------------------------
TEI = "{http://www.tei-c.org/ns/1.0}"


def witness_text(ab: ET.Element, wit: str) -> str:
    """One witness's reading of an ``<ab>``: shared text plus its own readings."""
    out = [ab.text or ""]
    for child in ab:
        if child.tag == f"{TEI}app":
            for rdg in child.findall(f"{TEI}rdg"):
                if rdg.get("wit") == wit:
                    out.append("".join(rdg.itertext()))
        out.append(child.tail or "")
    return "".join(out)


def test_tei_is_well_formed_with_two_witnesses_and_empty_readings_for_omissions() -> None:
    comp, review = hostile()
    root = ET.fromstring(export_text("tei", comp, review))
    assert root.tag == f"{TEI}TEI"
    wits = root.findall(f".//{TEI}listWit/{TEI}witness")
    assert [w.get("{http://www.w3.org/XML/1998/namespace}id") for w in wits] == ["L", "R"]
    apps = root.findall(f".//{TEI}app")
    assert apps
    for app in apps:
        assert sorted(r.get("wit") for r in app.findall(f"{TEI}rdg")) == ["#L", "#R"]
    inserts = [a for a in apps if a.get("type") == "insert"]
    empty_left = ["".join(a.find(f"{TEI}rdg[@wit='#L']").itertext()) for a in inserts]  # type: ignore[union-attr]
    assert inserts and empty_left == [""] * len(inserts)
    notes = root.findall(f".//{TEI}note[@type='review']")
    assert {n.get("subtype") for n in notes} == {"accepted", "flagged", "rejected"}
    assert any("orphan note" in "".join(n.itertext()) for n in notes)


def test_tei_keeps_hostile_text_as_character_data() -> None:
    comp, review = hostile()
    root = ET.fromstring(export_text("tei", comp, review))
    text = "".join(root.itertext())
    assert SCRIPT in text and IMG in text
    assert not root.findall(f".//{TEI}script") and not root.findall(".//script")


def test_tei_replaces_characters_xml_cannot_hold() -> None:
    comp = simple_comparison("Bell \x07 and form\x0cfeed.", "Bell \x07 and form feed!")
    root = ET.fromstring(export_text("tei", comp, None))
    assert "\ufffd" in "".join(root.itertext())


@settings(max_examples=40, deadline=None)
@given(st.lists(_para, min_size=1, max_size=4), st.lists(_para, min_size=1, max_size=4))
def test_tei_witness_readings_rebuild_both_documents(left: list[str], right: list[str]) -> None:
    comp = simple_comparison(_doc(left), _doc(right))
    root = ET.fromstring(export_text("tei", comp, None))
    abs_ = {ab.get("{http://www.w3.org/XML/1998/namespace}id"): ab for ab in root.iter(f"{TEI}ab")}
    for block in comp.blocks:
        ab = abs_[block.id]
        for side, wit in (("left", "#L"), ("right", "#R")):
            paras = comp.document(side).paragraphs  # type: ignore[arg-type]
            expected = "".join(paras[i].text for i in getattr(block, side))
            assert witness_text(ab, wit).replace("\n\n", "") == expected


# -- CSV ----------------------------------------------------------------------------------
def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_changes_csv_has_one_row_per_change_with_review_columns() -> None:
    comp, review = hostile()
    text = export_text("csv", comp, review)
    rows = read_csv(text)
    assert tuple(rows[0]) == CHANGE_COLUMNS
    assert [r["id"] for r in rows] == [r.id for r in change_rows(comp)] + ["gone-1"]
    by_id = {r["id"]: r for r in rows}
    first = change_targets(comp)[0]
    assert by_id[first]["status"] == "accepted" and by_id[first]["tags"] == "tag0"
    assert by_id["gone-1"]["operation"] == "unmapped"


def test_csv_cells_cannot_start_a_spreadsheet_formula() -> None:
    comp, review = hostile()
    for fmt in ("csv", "commitments-csv"):
        for row in csv.reader(io.StringIO(export_text(fmt, comp, review), newline="")):
            for value in row:
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    rows = read_csv(export_text("commitments-csv", comp, review))
    assert rows[0]["note"].startswith("'=cmd")


def test_commitments_csv_row_per_commitment() -> None:
    comp, review = hostile()
    rows = read_csv(export_text("commitments-csv", comp, review))
    assert tuple(rows[0]) == COMMITMENT_COLUMNS
    assert [(r["id"], r["status"], r["review_status"], r["strength"]) for r in rows] == [
        ("c-1", "dropped", "flagged", "4")
    ]
    assert rows[0]["speaker"] == f"Speaker {IMG}"
