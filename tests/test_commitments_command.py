"""``readout-tui commitments FILE [OTHER]``: tables per speaker, JSON, filters and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from readout_tui.cli import main
from readout_tui.commands.commitments import render_tables, rows
from readout_tui.core.commitments import compare_commitments
from readout_tui.core.documents import load_document
from readout_tui.core.model import Comparison
from readout_tui.samples import sample_paths

DATA = Path(__file__).parent / "data" / "commitments"
LEFT, RIGHT = (str(p) for p in sample_paths())


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["commitments", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_one_file_lists_commitments_per_speaker(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, str(DATA / "japan_australia.txt"))
    assert status == 0
    assert "Yoko Kamikawa (4)" in out and "Penny Wong (5)" in out and "both sides (1)" in out
    assert "Japan is prepared to expand defense cooperation with Australia" in out
    assert "dropped" not in out  # no statuses without a second version


def test_two_files_show_statuses_and_counterparts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys, str(DATA / "japan_australia.txt"), str(DATA / "japan_australia_rewrite.txt")
    )
    assert status == 0
    lines = out.splitlines()
    line = next(x for x in lines if "Japan is prepared to expand" in x)
    assert "softened" in line and "4→3" in line and "is prepared to → is willing to" in line
    assert any("dropped" in x and "would not accept coercion" in x for x in lines)
    assert any("added" in x and "two-plus-two meeting" in x for x in lines)
    assert any("reattributed" in x and "speaker→Yoko Kamikawa" in x for x in lines)


def test_sample_pair_plain_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, LEFT, RIGHT)
    assert status == 0
    assert out.startswith("xinhua-2021-02-04-wang-yi-lavrov.txt: 18 commitments")
    for heading in ("both sides (3)", "Wang Yi (11)", "Sergei Lavrov (4)"):
        assert heading in out
    assert "\x1b[" not in out  # piped: no terminal escapes


def test_json_matches_the_export_records(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, LEFT, RIGHT, "--json")
    assert status == 0
    data = json.loads(out)
    left, right = load_document(LEFT), load_document(RIGHT)
    assert data["counts"] == {"left": 18, "right": 13, "dropped": 5, "added": 0}
    assert {s["speaker"] for s in data["speakers"]} == {"Wang Yi", "Sergei Lavrov", "both sides"}
    for c in data["commitments"]:
        doc = left if c["side"] == "left" else right
        assert doc.paragraphs[c["paragraph"]].text[c["start"] : c["end"]] == c["text"]
        assert set(c) == {
            "id", "side", "paragraph", "start", "end", "text", "speaker", "holder",
            "type", "strength", "cue", "status", "counterpart",
        }  # fmt: skip


def test_status_filter(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, LEFT, RIGHT, "--json", "--status", "dropped")
    assert status == 0
    found = json.loads(out)["commitments"]
    assert len(found) == 5 and {c["status"] for c in found} == {"dropped"}


def test_one_file_json_has_no_counts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, str(DATA / "qin_colonna.txt"), "--json")
    data = json.loads(out)
    assert status == 0 and data["right"] is None and data["counts"] is None
    assert [c["speaker"] for c in data["commitments"]] == [
        "Qin Gang", "Qin Gang", "Catherine Colonna", "Catherine Colonna",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nowhere.txt"], "no such file"),
        (["-"], "standard input"),
        ([".", LEFT], "is a directory"),
        ([LEFT, "--status", "dropped"], "needs two files"),
        ([LEFT, "--max-size", "1K"], "limit"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2 and out == ""
    assert message in err and err.count("\n") == 1


HOSTILE = (
    "Talks\n\nCanadian Foreign Minister Melanie Joly met German Foreign Minister Annalena "
    "Baerbock.\n\n[bold red]Canada[/] is ready to help \x1b[31m[link=http://x]now[/link], "
    "Joly said."
)


def test_document_text_is_never_markup_or_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    status, out, _ = _run(capsys, str(path))
    assert status == 0
    assert "[bold red]Canada[/] is ready to help ␛[31m[link=http://x]now[/link]" in out
    assert "\x1b" not in out


def test_terminal_tables_show_text_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    doc = load_document(path)
    from readout_tui.core.commitments import extract_commitments

    console = Console(record=True, width=200, force_terminal=True, color_system="truecolor")
    for table in render_tables(rows(extract_commitments(doc, "left")), compared=False):
        console.print(table)
    text = console.export_text()
    assert "Melanie Joly (1)" in text
    assert "[bold red]Canada[/] is ready to help ␛[31m[link=http://x]now[/link]" in text


def test_tables_for_a_comparison(sample_comparison: Comparison) -> None:
    c = sample_comparison
    found = compare_commitments(c.left, c.right, c.blocks)
    console = Console(record=True, width=220, force_terminal=True)
    tables = render_tables(rows(found), compared=True)
    for table in tables:
        console.print(table)
    text = console.export_text()
    assert len(tables) == 3
    assert "dropped" in text and "kept" in text
