"""``readout-tui sessions ...`` and ``readout-tui export`` with review sessions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from readout_tui.cli import main
from readout_tui.core import atomic
from readout_tui.core.compare import compare
from readout_tui.core.documents import load_document
from readout_tui.core.review import change_targets, set_note, set_status
from readout_tui.core.sessions import DATA_DIR_ENV, SessionStore, sessions_dir

OLD = """Ministers meet

The two ministers met on Monday and agreed to deepen cooperation.

They discussed trade, energy and culture at length.

Both sides will meet again next year."""
NEW = """Ministers meet

The two ministers met on Tuesday and agreed to deepen cooperation.

They discussed trade and energy at length.

A new paragraph about the weather."""


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def review_pair(old: Path, new: Path, note: str = "look at the \x1b[31mdate") -> list[str]:
    """Store a session for the pair through the API; returns the change targets."""
    left, right = load_document(old), load_document(new)
    comparison = compare(left, right)
    store = SessionStore.for_pair(left, right)
    targets = list(change_targets(comparison))
    review = set_status(store.load(comparison).review, targets[0], "flagged")
    review = set_note(review, targets[0], note)
    assert store.save(review).saved
    return targets


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_with_no_sessions(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "list")
    assert code == 0 and "no review sessions" in out


def test_list_show_and_rm(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    targets = review_pair(*pair)
    code, out, _ = run(capsys, "sessions", "list")
    assert code == 0 and "old.txt ⇄ new.txt" in out and "1 flagged" in out
    name = out.split()[0]
    code, out, _ = run(capsys, "sessions", "show", name[:8])
    assert code == 0
    assert f"flagged    {targets[0]}" in out and f"0/{len(targets)}" not in out
    assert f"1/{len(targets)} reviewed" in out
    assert "\x1b" not in out and "look at the" in out  # terminal escapes are defused
    code, out, _ = run(capsys, "sessions", "rm", name)
    assert code == 0 and "removed" in out
    assert not list(sessions_dir().glob("*.json"))


def test_show_marks_items_whose_change_is_gone(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    review_pair(old, new)
    new.write_text(NEW.replace("Tuesday", "Wednesday"), encoding="utf-8")
    session = next(sessions_dir().glob("*.json"))
    code, out, err = run(capsys, "sessions", "show", str(session))
    assert code == 0 and "no longer in the comparison" in out
    assert "changed since the session" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sessions", "show", "nope"], "no session matches"),
        (["sessions", "rm", "nope"], "no session matches"),
        (["sessions", "export", "nope"], "no session matches"),
    ],
)
def test_session_errors_are_one_line_with_status_2(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_show_of_a_corrupt_file_is_an_error_not_a_traceback(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    code, _, err = run(capsys, "sessions", "show", str(bad))
    assert code == 2 and "not JSON" in err


def test_sessions_export_reads_the_recorded_documents(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    targets = review_pair(*pair)
    out_file = tmp_path / "out.csv"
    session = next(sessions_dir().glob("*.json"))
    code, _, _ = run(capsys, "sessions", "export", session.stem, "-f", "csv", "-o", str(out_file))
    assert code == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out_file.read_text(), newline=""))}
    assert rows[targets[0]]["status"] == "flagged"


def test_sessions_export_without_the_documents_asks_for_them(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    review_pair(old, new)
    moved = old.with_name("moved.txt")
    old.rename(moved)
    session = next(sessions_dir().glob("*.json")).stem
    code, _, err = run(capsys, "sessions", "export", session)
    assert code == 2 and "--old and --new" in err
    code, out, _ = run(capsys, "sessions", "export", session, "--old", str(moved), "-f", "json")
    assert code == 0 and json.loads(out)["review"]["items"][0]["status"] == "flagged"


def test_export_picks_up_the_stored_session(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    targets = review_pair(old, new, note="the stored note")
    for fmt in ("json", "html", "markdown", "tei", "csv"):
        code, out, _ = run(capsys, "export", str(old), str(new), "-f", fmt)
        assert code == 0 and "the stored note" in out, fmt
    code, out, _ = run(capsys, "export", str(old), str(new), "--no-session")
    assert code == 0 and json.loads(out)["review"] is None
    assert targets


def test_export_with_an_explicit_session_file(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = pair
    review_pair(old, new, note="default session note")
    explicit = tmp_path / "mine.json"
    left, right = load_document(old), load_document(new)
    comparison = compare(left, right)
    store = SessionStore.for_pair(left, right, session_file=explicit)
    target = change_targets(comparison)[-1]
    store.save(set_note(store.load(comparison).review, target, "explicit note"))
    code, out, _ = run(capsys, "export", str(old), str(new), "--session", str(explicit))
    notes = {i["note"] for i in json.loads(out)["review"]["items"]}
    assert code == 0 and notes == {"explicit note"}
    code, _, err = run(capsys, "export", str(old), str(new), "--session", str(tmp_path / "x"))
    assert code == 2 and "no such session file" in err
    (tmp_path / "broken.json").write_text("[]", encoding="utf-8")
    code, _, err = run(
        capsys, "export", str(old), str(new), "--session", str(tmp_path / "broken.json")
    )
    assert code == 2 and "not a readout-tui session file" in err
    assert (tmp_path / "broken.json").read_text(encoding="utf-8") == "[]"  # left as it was


def test_export_warns_about_a_corrupt_stored_session_but_still_exports(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    review_pair(old, new)
    session = next(sessions_dir().glob("*.json"))
    session.write_text("{broken", encoding="utf-8")
    code, out, err = run(capsys, "export", str(old), str(new))
    assert code == 0 and json.loads(out)["review"] is None
    assert "warning" in err and session.read_text(encoding="utf-8") == "{broken"


def test_session_and_no_session_together_are_refused(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    with pytest.raises(SystemExit) as exc:
        main(["export", str(old), str(new), "--session", "x.json", "--no-session"])
    assert exc.value.code == 2


def test_export_never_overwrites_without_force(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = pair
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "export", str(old), str(new), "-f", "html", "-o", str(target))
    assert code == 2 and "--force" in err and target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(
        capsys, "export", str(old), str(new), "-f", "html", "-o", str(target), "--force"
    )
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_failed_export_leaves_the_old_file_and_no_temp_files(
    pair: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = pair
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.md"
    target.write_text("previous export", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    code, _, err = run(
        capsys, "export", str(old), str(new), "-f", "markdown", "-o", str(target), "--force"
    )
    assert code == 2 and "No space left" in err
    assert [p.name for p in out_dir.iterdir()] == ["report.md"]
    assert target.read_text(encoding="utf-8") == "previous export"
