"""Session files: resume, corrupt files, changed documents, two instances, explicit files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from filelock import FileLock

from readout_tui.core import sessions
from readout_tui.core.documents import document_from_text
from readout_tui.core.model import Comparison, Document
from readout_tui.core.review import change_targets, set_note, set_status
from readout_tui.core.sessions import (
    DATA_DIR_ENV,
    SESSION_VERSION,
    SessionError,
    SessionStore,
    list_sessions,
    read_session,
    resolve_session,
    sessions_dir,
)
from tests.review_support import simple_comparison

LEFT = "Heading\n\nThe ministers met on Monday.\n\nThey agreed to meet again.\n\nTrade grew."
RIGHT = "Heading\n\nThe ministers met on Tuesday.\n\nThey agreed to meet again soon."


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


def docs(
    left: str = LEFT, right: str = RIGHT, folder: Path | None = None
) -> tuple[Document, Document]:
    lpath = str(folder / "a.txt") if folder else "a.txt"
    rpath = str(folder / "b.txt") if folder else "b.txt"
    return document_from_text(left, path=lpath), document_from_text(right, path=rpath)


def open_pair(
    left: str = LEFT, right: str = RIGHT, **kw: object
) -> tuple[SessionStore, Comparison]:
    ldoc, rdoc = docs(left, right)
    return SessionStore.for_pair(ldoc, rdoc, **kw), simple_comparison(ldoc, rdoc)  # type: ignore[arg-type]


def test_data_dir_follows_the_environment(data_dir: Path) -> None:
    assert sessions_dir() == data_dir / "sessions"


def test_a_new_pair_starts_a_new_session_and_writes_nothing_until_saved() -> None:
    store, comp = open_pair()
    result = store.load(comp)
    assert (result.status, result.warnings, result.review.items) == ("new", (), {})
    assert store.path is not None and not store.path.exists()


def test_saved_review_is_resumed_by_a_new_store_and_says_so() -> None:
    store, comp = open_pair()
    first = change_targets(comp)[0]
    review = set_note(store.load(comp).review, first, "check this\nsecond line")
    assert store.save(review).saved
    again, comp2 = open_pair()
    result = again.load(comp2)
    assert result.status == "resumed"
    assert result.review.get(first).note == "check this\nsecond line"
    assert "Resumed" in result.message and result.unmapped == ()


def test_the_session_file_is_keyed_by_content_not_by_file_name(tmp_path: Path) -> None:
    store, comp = open_pair()
    store.save(set_status(store.load(comp).review, change_targets(comp)[0], "accepted"))
    left = document_from_text(LEFT, path=str(tmp_path / "renamed-left.md"))
    right = document_from_text(RIGHT, path=str(tmp_path / "elsewhere.txt"))
    assert SessionStore.for_pair(left, right).path == store.path


def test_the_file_has_a_version_key_and_both_hashes() -> None:
    store, comp = open_pair()
    store.save(set_status(store.load(comp).review, change_targets(comp)[0], "flagged"))
    assert store.path is not None
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    assert raw["version"] == SESSION_VERSION
    assert raw["documents"]["left"]["sha256"] == comp.left.sha256
    assert raw["documents"]["right"]["sha256"] == comp.right.sha256


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00binary",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "readout-tui-session", "version": 99, "items": []}',
        b'{"format": "readout-tui-session", "version": 1, "session": "s", '
        b'"documents": {"left": {}, "right": {}}, "items": []}',
        b'{"format": "readout-tui-session", "version": 1, "session": "s", '
        b'"documents": {"left": {"sha256": "a", "name": "a"}, '
        b'"right": {"sha256": "b", "name": "b"}}, "items": [{"target": 5}]}',
        b"[]",
        b"",
    ],
)
def test_a_corrupt_file_is_moved_aside_with_a_warning(content: bytes) -> None:
    store, comp = open_pair()
    assert store.path is not None
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    result = store.load(comp)
    assert result.status == "new"
    assert len(result.warnings) == 1 and "moved aside" in result.warnings[0]
    aside = list(store.path.parent.glob(f"{store.path.name}.corrupt-*"))
    assert [p.read_bytes() for p in aside] == [content]
    # The next save writes a good file in its place.
    assert store.save(set_status(result.review, change_targets(comp)[0], "accepted")).saved
    assert read_session(store.path).review.get(change_targets(comp)[0]).status == "accepted"


def test_a_corrupt_file_that_cannot_be_moved_is_left_alone_and_not_overwritten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, comp = open_pair()
    assert store.path is not None
    store.path.parent.mkdir(parents=True)
    store.path.write_text("garbage", encoding="utf-8")

    def refuse(path: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sessions, "move_aside", refuse)
    result = store.load(comp)
    assert "will not be saved" in result.warnings[0]
    saved = store.save(set_status(result.review, change_targets(comp)[0], "accepted"))
    assert not saved.saved
    assert store.path.read_text(encoding="utf-8") == "garbage"


def test_a_read_only_store_reports_but_does_not_move_a_corrupt_file() -> None:
    store, comp = open_pair(read_only=True)
    assert store.path is not None
    store.path.parent.mkdir(parents=True)
    store.path.write_text("garbage", encoding="utf-8")
    result = store.load(comp)
    assert result.warnings and store.path.read_text(encoding="utf-8") == "garbage"
    assert not store.save(result.review).saved


def test_changed_documents_carry_the_review_over_and_keep_unmapped_items(tmp_path: Path) -> None:
    ldoc, rdoc = docs(folder=tmp_path)
    comp = simple_comparison(ldoc, rdoc)
    store = SessionStore.for_pair(ldoc, rdoc)
    targets = change_targets(comp)
    review = store.load(comp).review
    for target in targets:
        review = set_note(review, target, f"note on {target}")
    assert store.save(review).saved

    # The right document is edited: one paragraph changes, the others stay.
    changed = RIGHT.replace("again soon", "again later")
    ldoc2, rdoc2 = docs(LEFT, changed, folder=tmp_path)
    comp2 = simple_comparison(ldoc2, rdoc2)
    store2 = SessionStore.for_pair(ldoc2, rdoc2)
    assert store2.path != store.path
    result = store2.load(comp2)
    assert result.status == "remapped" and result.source == store.path
    known = {t for t in targets if t in change_targets(comp2) or t in {b.id for b in comp2.blocks}}
    assert known, "the unchanged paragraph's change keeps its id"
    assert all(result.review.get(t).note == f"note on {t}" for t in targets)
    assert {i.target for i in result.unmapped} == set(targets) - known
    assert "no longer match" in result.message
    # Saving the new session keeps the unmapped items; the old session is untouched.
    assert store2.save(result.review).saved
    assert store2.path is not None
    assert set(read_session(store2.path).review.items) == set(targets)
    assert set(read_session(store.path).review.items) == set(targets)  # type: ignore[arg-type]


def test_an_explicit_session_file_for_other_documents_is_remapped(tmp_path: Path) -> None:
    file = tmp_path / "review.json"
    store, comp = open_pair(session_file=file)
    target = change_targets(comp)[0]
    store.save(set_note(store.load(comp).review, target, "first"))
    other_store, other_comp = open_pair(LEFT, RIGHT + "\n\nA new closing line.", session_file=file)
    result = other_store.load(other_comp)
    assert result.status == "remapped" and result.review.get(target).note == "first"
    assert other_store.path == file and not list(sessions_dir().glob("*.json"))


def test_two_instances_on_the_same_pair_keep_each_others_notes() -> None:
    a, comp = open_pair()
    b, _ = open_pair()
    first, second = change_targets(comp)[:2]
    ra, rb = a.load(comp).review, b.load(comp).review
    ra = set_note(ra, first, "from A")
    rb = set_note(rb, second, "from B")
    assert a.save(ra).saved
    merged_b = b.save(rb)
    assert merged_b.review.get(first).note == "from A"  # B sees A's note at once
    ra = set_status(ra, first, "accepted")
    merged_a = a.save(ra)  # A never loaded B's note, and must not erase it
    assert merged_a.review.get(second).note == "from B"
    assert a.path is not None
    on_disk = read_session(a.path).review
    assert (on_disk.get(first).note, on_disk.get(first).status) == ("from A", "accepted")
    assert on_disk.get(second).note == "from B"


def test_the_newer_change_wins_when_both_instances_edit_the_same_item() -> None:
    a, comp = open_pair()
    b, _ = open_pair()
    target = change_targets(comp)[0]
    ra = set_note(a.load(comp).review, target, "older", now="2024-01-01T00:00:00+00:00")
    rb = set_note(b.load(comp).review, target, "newer", now="2024-01-02T00:00:00+00:00")
    b.save(rb)
    assert a.save(ra).review.get(target).note == "newer"


def test_a_save_that_cannot_get_the_lock_reports_and_keeps_the_review(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, comp = open_pair()
    review = set_status(store.load(comp).review, change_targets(comp)[0], "flagged")
    monkeypatch.setattr(sessions, "LOCK_TIMEOUT", 0.05)
    assert store.path is not None
    holder = sessions._lock_for(store.path)
    other = FileLock(holder.lock_file)
    with other:
        result = store.save(review)
    assert not result.saved and "locked" in result.warnings[0]
    assert result.review == review and not store.path.exists()


def test_no_session_keeps_nothing(data_dir: Path) -> None:
    store, comp = open_pair(no_session=True)
    result = store.load(comp)
    assert result.status == "off" and not store.enabled
    assert not store.save(set_status(result.review, change_targets(comp)[0], "accepted")).saved
    assert not data_dir.exists()


def test_a_failed_write_is_a_warning_and_leaves_the_old_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, comp = open_pair()
    target = change_targets(comp)[0]
    review = set_status(store.load(comp).review, target, "accepted")
    store.save(review)
    assert store.path is not None
    before = store.path.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sessions, "write_text_atomic", disk_full)
    result = store.save(set_status(review, target, "rejected"))
    assert not result.saved and "No space left" in result.warnings[0]
    assert store.path.read_bytes() == before


def test_list_and_resolve_sessions(data_dir: Path) -> None:
    store, comp = open_pair()
    store.save(set_status(store.load(comp).review, change_targets(comp)[0], "accepted"))
    assert store.path is not None
    (store.path.parent / "zz-broken.json").write_text("{", encoding="utf-8")
    infos = list_sessions()
    assert [i.path for i in infos if i.data] == [store.path]
    assert [i.path.name for i in infos if i.error] == ["zz-broken.json"]
    assert resolve_session(store.path.stem[:6]) == store.path
    assert resolve_session(str(store.path)) == store.path
    with pytest.raises(SessionError, match="no session matches"):
        resolve_session("nothing-like-this")


def _save_many(data_dir: str, worker: int, count: int) -> None:
    import os

    os.environ[DATA_DIR_ENV] = data_dir
    store, comp = open_pair()
    review = store.load(comp).review
    for n in range(count):
        review = set_note(review, f"w{worker}-{n}", f"note {n} from worker {worker}")
        review = store.save(review).review


def test_two_processes_saving_at_once_lose_nothing(data_dir: Path) -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_save_many, args=(str(data_dir), w, 15)) for w in range(2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
    assert [p.exitcode for p in workers] == [0, 0]
    store, _ = open_pair()
    assert store.path is not None
    items = read_session(store.path).review.items
    assert {f"w{w}-{n}" for w in range(2) for n in range(15)} <= set(items)


def test_an_instance_that_keeps_its_own_review_still_keeps_the_others_notes() -> None:
    a, comp = open_pair()
    b, _ = open_pair()
    first, second = change_targets(comp)[:2]
    ra = set_note(a.load(comp).review, first, "from A")
    b.load(comp)
    a.save(ra)
    b.save(set_note(b.load(comp).review, second, "from B"))
    for n in range(3):  # A ignores what save() returns and keeps saving its own review
        ra = set_status(ra, first, ("accepted", "flagged", "rejected")[n])
        a.save(ra)
    assert a.path is not None
    on_disk = read_session(a.path).review
    assert on_disk.get(second).note == "from B" and on_disk.get(first).status == "rejected"


@pytest.mark.parametrize("indent", [None, 4])
def test_an_earlier_session_rewritten_by_another_tool_is_still_found(
    tmp_path: Path, indent: int | None
) -> None:
    ldoc, rdoc = docs(folder=tmp_path)
    comp = simple_comparison(ldoc, rdoc)
    store = SessionStore.for_pair(ldoc, rdoc)
    target = change_targets(comp)[0]
    store.save(set_note(store.load(comp).review, target, "kept"))
    assert store.path is not None
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    store.path.write_text(json.dumps(raw, indent=indent), encoding="utf-8")
    ldoc2, rdoc2 = docs(LEFT, RIGHT + "\n\nMore.", folder=tmp_path)
    result = SessionStore.for_pair(ldoc2, rdoc2).load(simple_comparison(ldoc2, rdoc2))
    assert result.status == "remapped" and result.review.get(target).note == "kept"


def test_saves_from_several_threads_of_one_app_lose_nothing() -> None:
    from concurrent.futures import ThreadPoolExecutor

    store, comp = open_pair()
    base = store.load(comp).review

    def work(worker: int) -> None:
        review = base
        for n in range(10):
            review = set_note(review, f"t{worker}-{n}", "x")
            store.save(review)  # each thread keeps only its own items

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(work, range(4)))
    assert store.path is not None
    items = read_session(store.path).review.items
    assert {f"t{w}-{n}" for w in range(4) for n in range(10)} <= set(items)
