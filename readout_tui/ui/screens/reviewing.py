"""The review keys of the main screen: verdicts, notes, tags, unreviewed-only walking,
accept-all, and the session and export dialogs.

:class:`ReviewActions` is the base of :class:`~readout_tui.ui.screens.main.MainScreen`; it
holds what the keys act on and leaves layout and moving to the main screen. Every change of
the review goes to the :class:`~readout_tui.ui.review_book.ReviewBook` in memory and asks
the :class:`~readout_tui.ui.review_session.SessionKeeper` to save soon, so a key press
never waits for the disk.

What a key acts on (:meth:`ReviewActions.subject`): the current change; a folded run of
omitted or added paragraphs as a whole; with the cursor on a block and no current change,
every change of that block (a note then goes on the block itself); with the commitments list
focused, the highlighted commitment.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import cached_property

from textual.screen import Screen

from readout_tui.core.model import Artifact, Commitment, Typo
from readout_tui.core.review import REVIEW_STATUSES, all_targets
from readout_tui.ui.changes import BLOCK_LEVEL, FILTER_BY_NAME
from readout_tui.ui.positions import load_position, save_position
from readout_tui.ui.reader import Reader
from readout_tui.ui.review_book import STATUS_VERBS, ReviewBook, parse_tags
from readout_tui.ui.review_session import ReviewSetup, SessionKeeper
from readout_tui.ui.screens.confirm import ConfirmScreen
from readout_tui.ui.screens.export import ExportScreen
from readout_tui.ui.screens.note import NoteScreen
from readout_tui.ui.screens.session import SessionScreen
from readout_tui.ui.screens.tags import TagScreen
from readout_tui.ui.text import visible
from readout_tui.ui.widgets.details import DetailsBar, quote
from readout_tui.ui.widgets.diffview import DiffView
from readout_tui.ui.widgets.sidebar import CommitmentsSidebar


@dataclass(frozen=True, slots=True)
class Subject:
    """What a review key acts on."""

    targets: tuple[str, ...]  # marked by a, x, r
    note_target: str  # where a note or tags go
    label: str  # "this change", "2 omitted paragraphs"...
    title: str  # the dialogs' heading
    context: str  # the dialogs' second line


class ReviewActions(Screen[None]):
    """Review state and actions; the main screen supplies layout and syncing."""

    reader: Reader
    setup: ReviewSetup
    keeper: SessionKeeper
    unreviewed_only: bool

    @property
    def book(self) -> ReviewBook:
        return self.setup.book

    @property
    def diff(self) -> DiffView:
        return self.query_one(DiffView)

    @property
    def sidebar(self) -> CommitmentsSidebar:
        return self.query_one(CommitmentsSidebar)

    # Supplied by the main screen.
    def _sync(self) -> None:
        raise NotImplementedError

    def _update_status(self) -> None:
        raise NotImplementedError

    def _focus_stop(self) -> str | None:
        raise NotImplementedError

    def show_commitment(self, commitment: Commitment, counterpart: Commitment | None) -> None:
        raise NotImplementedError

    def _say(self, message: str) -> None:
        self.notify(message, markup=False, timeout=3)

    # -- what is shown ---------------------------------------------------------------------------

    def review_status(self) -> str:
        """The header's part: progress, whether it is kept, the walking mode."""
        parts = [str(self.book.progress) + ("" if self.keeper.keeps else " (not kept)")]
        if self.unreviewed_only:
            parts.append("unreviewed only")
        return " · ".join(parts)

    def review_lines(self) -> tuple[str, str]:
        """The review of the selection for the details bar: (head part, body part)."""
        diff, book, layout = self.diff, self.book, self.reader.layout
        if diff.current >= 0:
            return book.describe(book.ids[diff.current])
        row = diff.cursor_row
        if not 0 <= row < layout.row_count:
            return "", ""
        start, end = layout.row_start[row], layout.row_end[row]
        head, body = book.describe(self._block_id(start))
        reviewed, total = book.count_reviewed(book.changes_of_items(start, end))
        if reviewed:
            count = f"{reviewed}/{total} reviewed"
            head = f"{head} · {count}" if head else count
        return head, body

    def announce_session(self) -> None:
        """Say once what the load found (resumed, carried over, moved aside...), and go back
        to where the reader was when they quit."""
        loaded = self.setup.loaded
        back = self._restore_position()
        if loaded.status in ("resumed", "remapped", "off") and not loaded.warnings:
            message = loaded.message
            if loaded.unmapped:
                message += " · i lists them"
            if back:
                message += " · back where you left off"
            self.notify(message, markup=False, timeout=6)
        for warning in loaded.warnings:
            self.notify(visible(warning), severity="warning", markup=False, timeout=12)

    def position_target(self) -> str:
        """The review target the cursor is on: the current change, else the block."""
        diff, layout = self.diff, self.reader.layout
        if diff.current >= 0:
            return self.book.ids[diff.current]
        return self._block_id(layout.row_start[max(0, min(diff.cursor_row, layout.row_count - 1))])

    def remember_position(self) -> None:
        """Note the cursor's place for the next time this session is opened (on quit)."""
        path = self.setup.loaded.path
        if self.keeper.keeps and path is not None and self.reader.layout.row_count:
            save_position(path, self.position_target())

    def _restore_position(self) -> bool:
        loaded = self.setup.loaded
        if loaded.path is None or loaded.status not in ("resumed", "remapped"):
            return False
        target = load_position(loaded.path)
        if target is None and loaded.source is not None:  # carried over from older documents
            target = load_position(loaded.source)
        if target is None or not (target in self.book.change_of or target in self._records):
            return False
        self.go_to(target)
        return True

    def review_merged(self) -> None:
        """Another instance's work came in with a save: show it."""
        self._redraw_review(sidebar=True)
        self._say("Merged review items saved by another readout-tui window")

    def _redraw_review(self, *, sidebar: bool) -> None:
        self.diff.invalidate()
        if sidebar:
            self.sidebar.refresh_review()
        self._update_status()
        self._sync()

    def _review_changed(self, subject: Subject | None = None) -> None:
        self.keeper.changed()
        on_commitment = subject is None or subject.label == "this commitment"
        self._redraw_review(sidebar=on_commitment)

    # -- the subject of a key --------------------------------------------------------------------

    def _block_id(self, item: int) -> str:
        return self.reader.layout.block(item).id

    def subject(self) -> Subject:
        """What the review keys act on now (see the module docstring)."""
        if self._focus_stop() == "list":
            option = self.sidebar.option_list.highlighted_option
            commitment = self.sidebar.by_id.get(option.id or "") if option else None
            if commitment is not None:
                title = f"commitment · {visible(commitment.speaker)} · {commitment.type}"
                clause = quote(commitment.text)
                return Subject((commitment.id,), commitment.id, "this commitment", title, clause)
        diff, reader, book = self.diff, self.reader, self.book
        layout, index = reader.layout, reader.index
        head, body = self.query_one(DetailsBar).lines
        if diff.current >= 0:
            change = diff.current
            changes = [change]
            label = "this change"
            if reader.folded_block_level(change):
                group = layout.groups[layout.item_group[index.item[change]]]
                changes = [
                    c
                    for c in book.changes_of_items(group.start, group.end)
                    if index.edit[c] == BLOCK_LEVEL
                ]
                if len(changes) > 1:
                    label = f"{len(changes)} {group.cls} paragraphs"
            targets = tuple(book.ids[c] for c in changes)
            return Subject(targets, book.ids[change], label, head, body)
        row = diff.cursor_row
        start, end = layout.row_start[row], layout.row_end[row]
        changes = list(book.changes_of_items(start, end))
        note_target = book.ids[changes[0]] if len(changes) == 1 else self._block_id(start)
        where = "run" if end - start > 1 else "block"
        label = "this change" if len(changes) == 1 else f"{len(changes)} changes in this {where}"
        return Subject(tuple(book.ids[c] for c in changes), note_target, label, head, body)

    # -- verdicts ------------------------------------------------------------------------------

    def action_review(self, status: str) -> None:
        if status not in REVIEW_STATUSES:
            return
        subject = self.subject()
        if not subject.targets:
            self._say("Nothing to review here · c writes a note on this paragraph")
            return
        now = self.book.mark(subject.targets, status)
        self._review_changed(subject)
        if subject.label != "this change":
            self._say(f"{STATUS_VERBS[now]}: {subject.label}")

    def action_accept_all(self) -> None:
        book, reader = self.book, self.reader
        changes = [c for c in reader.selection if book.is_unreviewed(c)]
        if not changes:
            self._say("Nothing unreviewed to accept here")
            return
        label = FILTER_BY_NAME[reader.filter_name].label
        question = f"Accept all {len(changes)} unreviewed changes that ] visits ({label})?"

        def answer(yes: bool | None) -> None:
            if yes:
                book.mark([book.ids[c] for c in changes], "accepted")
                gc.freeze()  # long-lived items: out of the collector's scans (see app.py)
                self._review_changed(None)
                self._say(f"Accepted {len(changes)} changes")

        self.app.push_screen(ConfirmScreen(question, yes="Accept all"), answer)

    # -- notes and tags --------------------------------------------------------------------------

    def action_note(self) -> None:
        subject = self.subject()
        target = subject.note_target
        before = self.book.item(target).note or ""

        def done(text: str | None) -> None:
            if text is None:
                return
            if text.strip() == before.strip():
                return
            self.book.set_note(target, text)
            self._review_changed(subject)  # the details bar shows the note (or its absence)

        screen = NoteScreen(f"Note on {subject.title}", subject.context, before)
        self.app.push_screen(screen, done)

    def action_tags(self) -> None:
        subject = self.subject()
        target = subject.note_target

        def done(text: str | None) -> None:
            if not text:
                return
            add, remove = parse_tags(text)
            self.book.change_tags(target, add, remove)
            self._review_changed(subject)

        tags = self.book.item(target).tags
        self.app.push_screen(TagScreen(f"Tags of {subject.title}", tags), done)

    # -- walking -------------------------------------------------------------------------------

    def action_toggle_unreviewed(self) -> None:
        self.unreviewed_only = not self.unreviewed_only
        self._update_status()
        if self.unreviewed_only:
            book = self.book
            left = sum(book.is_unreviewed(c) for c in self.reader.selection)
            self._say(f"] and [ visit only unreviewed changes ({left} left)")
        else:
            self._say("] and [ visit every change again")

    def _step_unreviewed(self, step: int) -> None:
        diff, reader = self.diff, self.reader
        item, current = diff.anchor_item()
        change, wrapped = self.book.next_unreviewed(reader.selection, current, item, step)
        if change < 0:
            self.app.bell()
            scope = "" if reader.filter_name == "all" else " under this filter"
            self._say(f"Every change is reviewed{scope}")
            return
        if wrapped:
            self._say("Wrapped to the " + ("first" if step > 0 else "last") + " unreviewed change")
        diff.select_change(change)

    # -- dialogs ---------------------------------------------------------------------------------

    @cached_property
    def _known(self) -> frozenset[str]:
        return all_targets(self.reader.comparison)

    @cached_property
    def _records(self) -> dict[str, int | Typo | Artifact | Commitment]:
        """Ids that are not changes of the reader: blocks (by index), typos, artifacts and
        commitments."""
        comparison = self.reader.comparison
        out: dict[str, int | Typo | Artifact | Commitment] = {}
        for n, block in enumerate(comparison.blocks):
            out[block.id] = n
        for typo in comparison.typos:
            out[typo.id] = typo
        for artifact in comparison.artifacts:
            out[artifact.id] = artifact
        for commitment in comparison.commitments:
            out[commitment.id] = commitment
        return out

    def _locate(self, target: str) -> str:
        """Where a review target is, in a few words."""
        reader, book = self.reader, self.book
        change = book.change_of.get(target)
        if change is not None:
            spans = reader.index.spans(change)
            where = " → ".join(f"{side} ¶{para + 1}" for side, para, _s, _e in spans)
            if not where:
                block = reader.comparison.blocks[reader.index.block(change)]
                where = f"block {reader.index.block(change) + 1}"
                paras = block.left or block.right
                if paras:
                    where = f"{'left' if block.left else 'right'} ¶{paras[0] + 1}"
            return f"{reader.index.kind_of(change).replace('_', ' ')} · {where}"
        value = self._records.get(target)
        if value is None:
            return visible(target)
        if isinstance(value, int):
            return f"paragraph · block {value + 1}"
        if isinstance(value, Commitment):
            return f"commitment · {visible(value.speaker)} · {value.side} ¶{value.paragraph + 1}"
        return f"{type(value).__name__.lower()} · {value.side} ¶{value.paragraph + 1}"

    def go_to(self, target: str) -> None:
        """Bring a review target into view."""
        reader, diff = self.reader, self.diff
        change = self.book.change_of.get(target)
        if change is not None:
            diff.focus()
            diff.select_change(change)
            return
        value = self._records.get(target)
        if isinstance(value, int):
            item = reader.layout.block_item[value]
            if reader.reveal_item(item):
                diff.invalidate(rows=True)
            diff.move_to(reader.layout.item_row[item])
        elif isinstance(value, Commitment):
            counterpart = self.sidebar.by_id.get(value.counterpart or "")
            self.show_commitment(value, counterpart)
        elif value is not None:
            diff.show_location(value.side, value.paragraph, value.start)

    def action_session(self) -> None:
        def done(target: str | None) -> None:
            if target:
                self.go_to(target)

        screen = SessionScreen(
            self.setup.loaded,
            self.book,
            kept=self.keeper.keeps,
            known=self._known,
            locate=self._locate,
        )
        self.app.push_screen(screen, done)

    def action_export(self) -> None:
        book = self.book

        def done(message: str | None) -> None:
            if message:
                self.notify(message, markup=False, timeout=6)

        screen = ExportScreen(
            self.reader.comparison, lambda: book.review if book.has_marks() else None
        )
        self.app.push_screen(screen, done)
