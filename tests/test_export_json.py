"""The readout-diff/1 JSON export: schema, invariants, stable ids."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import jsonschema
import pytest

from readout_tui.core.compare import compare
from readout_tui.core.documents import document_from_text
from readout_tui.core.export.json_export import dumps
from readout_tui.core.model import Comparison


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = (files("readout_tui") / "data" / "readout-diff-1.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_sample_export_is_valid(sample_comparison: Comparison, schema: dict[str, Any]) -> None:
    export = json.loads(dumps(sample_comparison))
    jsonschema.Draft202012Validator(schema).validate(export)
    assert export["schema"] == "readout-diff/1"


def test_offsets_and_spans_index_their_text(sample_comparison: Comparison) -> None:
    export = json.loads(dumps(sample_comparison))
    sources = {"left": sample_comparison.left.text, "right": sample_comparison.right.text}
    paras = {s: export["documents"][s]["paragraphs"] for s in ("left", "right")}
    for side, ps in paras.items():
        for p in ps:
            assert sources[side][p["start"] : p["end"]] == p["text"]
    for block in export["blocks"]:
        for edit in block["edits"]:
            for side in ("left", "right"):
                span = edit[side]
                assert (
                    paras[side][span["paragraph"]]["text"][span["start"] : span["end"]]
                    == span["text"]
                )


def test_every_paragraph_in_exactly_one_block(sample_comparison: Comparison) -> None:
    for side in ("left", "right"):
        seen = sorted(i for b in sample_comparison.blocks for i in getattr(b, side))
        assert seen == list(range(len(sample_comparison.document(side).paragraphs)))  # type: ignore[arg-type]


def test_ids_are_stable_and_unique(sample_docs: tuple[Any, Any]) -> None:
    first, second = compare(*sample_docs), compare(*sample_docs)
    ids = [b.id for b in first.blocks] + [e.id for b in first.blocks for e in b.edits]
    assert ids == [b.id for b in second.blocks] + [e.id for b in second.blocks for e in b.edits]
    assert len(set(ids)) == len(ids)


def test_ids_survive_an_edit_elsewhere() -> None:
    base = ["Alpha paragraph about trade.", "Beta paragraph about energy.", "Gamma on health."]
    a = compare(document_from_text("\n\n".join(base)), document_from_text("\n\n".join(base)))
    changed = [*base[:2], "Gamma on public health."]
    b = compare(document_from_text("\n\n".join(base)), document_from_text("\n\n".join(changed)))
    assert [x.id for x in a.blocks[:2]] == [x.id for x in b.blocks[:2]]
    assert a.blocks[2].id != b.blocks[2].id


def test_summary_counts(sample_comparison: Comparison) -> None:
    s = sample_comparison.summary
    assert s.blocks_by_op["delete"] == 6 and s.blocks_by_op["split"] == 2
    assert sum(s.blocks_by_op.values()) == len(sample_comparison.blocks)
    assert 0.4 < s.left_retained < s.right_reused <= 1.0


def test_sample_edit_kinds(sample_comparison: Comparison) -> None:
    kinds = {
        (e.left.text.strip(), e.right.text.strip()): e.kind
        for b in sample_comparison.blocks
        for e in b.edits
        if e.left is not None and e.right is not None
    }
    assert kinds[("said Thursday", "agreed")] == "paraphrase"
    assert kinds[("", "Sergei")] == "name"
    assert kinds[("minister", "Foreign Minister")] == "name"
    assert kinds[("", "Two")] != "name"  # capitalised because it opens a sentence
    debris = [k for (old, new), k in kinds.items() if new.startswith("maxresdefault")]
    assert debris == ["artifact"]


def test_sample_typos_and_artifacts(sample_comparison: Comparison) -> None:
    assert [(t.side, t.word, t.suggestion) for t in sample_comparison.typos] == [
        ("right", "duting", "during")
    ]
    assert sample_comparison.summary.typos == 1
    right_debris = {a.text for a in sample_comparison.artifacts if a.side == "right"}
    assert "maxresdefault 1" in right_debris


def test_edit_ids_survive_changes_elsewhere_in_their_paragraph() -> None:
    old = "The ministers met in Beijing on Thursday. They agreed to expand trade and energy ties."
    new = "The ministers met in Beijing on Friday. They agreed to expand trade and energy ties."
    newer = "The ministers met in Beijing on Friday. They agreed to expand trade and energy links."
    first = compare(document_from_text(old), document_from_text(new))
    second = compare(document_from_text(old), document_from_text(newer))
    assert first.blocks[0].id != second.blocks[0].id  # the block's text changed
    day = {e.left.text: e.id for e in first.blocks[0].edits if e.left is not None}
    day_again = {e.left.text: e.id for e in second.blocks[0].edits if e.left is not None}
    assert day["Thursday"] == day_again["Thursday"]


def test_repeated_edits_get_distinct_ids() -> None:
    para = "Officials said the talks were useful."
    left = document_from_text("\n\n".join([para] * 3))
    right = document_from_text("\n\n".join([para.replace("useful", "fruitful")] * 3))
    ids = [e.id for b in compare(left, right).blocks for e in b.edits]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert ids[1] == ids[0] + "-2" and ids[2] == ids[0] + "-3"


def test_an_unchanged_text_is_wholly_retained_whatever_its_apostrophes() -> None:
    text = "The minister's view: China's and Russia's positions coincide, he said."
    other = text + "\n\nA new closing paragraph about something else entirely."
    s = compare(document_from_text(text), document_from_text(other)).summary
    assert s.left_retained == 1.0
