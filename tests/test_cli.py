"""The command line: exports, the readable diff, and one-line errors for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readout_tui.cli import main
from readout_tui.samples import sample_paths

LEFT, RIGHT = (str(p) for p in sample_paths())


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readout_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, str]:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    big = tmp_path / "big.txt"
    big.write_text("Some words in a sentence. " * 100)
    unreadable = tmp_path / "secret.txt"
    unreadable.write_text("text")
    unreadable.chmod(0)
    return {
        "missing": str(tmp_path / "nope.txt"),
        "directory": str(tmp_path),
        "binary": str(binary),
        "empty": str(empty),
        "big": str(big),
        "unreadable": str(unreadable),
    }


@pytest.mark.parametrize(
    ("case", "extra", "message"),
    [
        ("missing", [], "no such file"),
        ("directory", [], "is a directory"),
        ("binary", [], "binary"),
        ("empty", [], "empty"),
        ("big", ["--max-size", "1K"], "limit"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    bad_files: dict[str, str],
    case: str,
    extra: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["export", bad_files[case], RIGHT, *extra])
    err = capsys.readouterr().err
    assert status == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file(bad_files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", bad_files["unreadable"], RIGHT]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_bad_option_value_exits_2_without_traceback() -> None:
    result = run_cli("export", LEFT, RIGHT, "--max-size", "lots")
    assert result.returncode == 2
    assert "not a size" in result.stderr and "Traceback" not in result.stderr


def test_export_json_to_file_and_no_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["export", LEFT, RIGHT, "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "readout-diff/1"
    assert len(data["documents"]["left"]["paragraphs"]) == 20
    before = out.read_bytes()
    assert main(["export", LEFT, RIGHT, "-o", str(out)]) == 2
    assert out.read_bytes() == before
    assert main(["export", LEFT, RIGHT, "-o", str(out), "--force"]) == 0


def test_export_defaults_to_the_sample_pair(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"]["right"]["paragraphs"][2]["text"].startswith("maxresdefault")


def test_diff_plain_when_piped_marks_edits() -> None:
    result = run_cli("diff", LEFT, RIGHT, "--inline")
    assert result.returncode == 0
    out = result.stdout
    assert "\x1b[" not in out  # no colour codes in a pipe
    assert "[-said Thursday-]{+agreed+}" in out
    assert "[omitted] Last week, Chinese President Xi Jinping" in out


def test_diff_side_by_side_shows_both_versions() -> None:
    result = run_cli("diff", LEFT, RIGHT, "--side-by-side", env={"COLUMNS": "160"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any("xinhua" in line and "republication" in line for line in lines)
    assert any("omitted" in line and "Last week" in line for line in lines)


def test_diff_shows_control_characters_and_markup_literally(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The minister spoke [bold red]loudly[/] today.\n\nSecond paragraph here.")
    b.write_text("The minister spoke \x1b[31m[bold red]softly[/] today.\n\nSecond paragraph here.")
    result = run_cli("diff", str(a), str(b), "--inline")
    assert result.returncode == 0
    out = result.stdout
    assert "bold red]" in out and "[/] today" in out  # markup shown, not applied
    assert "\x1b" not in out and "␛" in out  # the escape is made visible, never sent


def test_identical_files_are_reported_not_an_error(tmp_path: Path) -> None:
    result = run_cli("diff", LEFT, LEFT)
    assert result.returncode == 0
    assert "identical" in result.stdout


def test_version_flag() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("readout-tui ")


def test_exports_are_readable_by_others(tmp_path: Path) -> None:
    out = tmp_path / "shared.json"
    old = os.umask(0o022)
    try:
        assert main(["export", LEFT, RIGHT, "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_session_file_that_is_a_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    assert main(["export", LEFT, RIGHT, "--session", str(folder)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert folder.is_dir() and not list(tmp_path.glob("notes.*"))
