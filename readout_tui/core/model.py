"""The comparison model: frozen records shared by the engine, the app and every exporter.

One internal model feeds everything: the engine builds a :class:`Comparison`, the Textual app
renders it, and each exporter writes it. The records mirror the public ``readout-diff/1`` JSON
format (see ``readout_tui/data/readout-diff-1.schema.json``) field for field, so the JSON
writer is a plain walk over them.

Offsets: a paragraph's ``start``/``end`` index the document's decoded ``text`` (end exclusive);
a :class:`Span`'s ``start``/``end`` index its paragraph's ``text``. A span may be empty: an
insert carries an empty left span that says where on the left the words went in, and a delete
an empty right span, so every edit has a position on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Side = Literal["left", "right"]
Role = Literal["body", "title", "dateline", "boilerplate"]
BlockOp = Literal["equal", "edit", "split", "merge", "delete", "insert", "move", "boilerplate"]
EditOp = Literal["insert", "delete", "replace"]
EditKind = Literal[
    "typo",
    "spelling_variant",
    "punctuation",
    "case",
    "whitespace",
    "name",
    "number",
    "date",
    "modality",
    "paraphrase",
    "artifact",
]
CommitmentType = Literal[
    "pledge", "readiness", "support", "agreement", "proposal", "position", "opposition", "plan"
]
CommitmentStatus = Literal[
    "kept", "dropped", "added", "softened", "strengthened", "reattributed", "changed"
]
Evidence = Literal["counterpart", "dictionary", "both"]
DocFormat = Literal["text", "markdown", "html"]

SIDES: tuple[Side, Side] = ("left", "right")
BLOCK_OPS: tuple[BlockOp, ...] = get_args(BlockOp)
EDIT_KINDS: tuple[EditKind, ...] = get_args(EditKind)
COMMITMENT_TYPES: tuple[CommitmentType, ...] = get_args(CommitmentType)
COMMITMENT_STATUSES: tuple[CommitmentStatus, ...] = get_args(CommitmentStatus)

#: Edit kinds that change form, not content; the app dims them by default.
NORMALISATION_KINDS: frozenset[EditKind] = frozenset({"punctuation", "case", "whitespace"})


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document: ``document.text[start:end] == text``."""

    index: int
    text: str
    start: int
    end: int
    role: Role = "body"


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded, segmented document.

    ``text`` is the decoded source that paragraph offsets index; for HTML it is the visible
    text extracted by the parser (blocks separated by blank lines), since offsets into markup
    could not satisfy ``text[start:end] == paragraph.text``.
    """

    path: str | None
    sha256: str
    encoding: str
    format: DocFormat
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None

    @property
    def name(self) -> str:
        """A short display name: the file name, else the title, else ``"(unnamed)"``."""
        if self.path:
            return self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return self.title or "(unnamed)"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of paragraph ``paragraph``; ``text`` is that slice."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Edit:
    """A word-level change inside a block.

    ``left`` and ``right`` are always present in the engine's output (empty spans mark where
    an insert or delete sits on the other side); the JSON schema also admits ``null``.
    """

    id: str
    op: EditOp
    kind: EditKind
    left: Span | None
    right: Span | None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of the alignment: paragraphs of the left matched with paragraphs of the right."""

    id: str
    op: BlockOp
    left: tuple[int, ...]
    right: tuple[int, ...]
    similarity: float
    moved: bool = False
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True, slots=True)
class Typo:
    """A likely misspelling and the word that was probably meant."""

    id: str
    side: Side
    paragraph: int
    start: int
    end: int
    word: str
    suggestion: str
    confidence: float
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Artifact:
    """Scraping debris (image names, glued words, entities, tickers) with the reason."""

    id: str
    side: Side
    paragraph: int
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Commitment:
    """A commitment made in one version, attributed and compared with the other version."""

    id: str
    side: Side
    paragraph: int
    start: int
    end: int
    text: str
    speaker: str
    holder: str | None
    type: CommitmentType
    strength: int
    cue: str
    status: CommitmentStatus
    counterpart: str | None = None


@dataclass(frozen=True, slots=True)
class CommitmentCounts:
    left: int = 0
    right: int = 0
    dropped: int = 0
    added: int = 0


@dataclass(frozen=True, slots=True)
class Summary:
    """Headline figures of a comparison."""

    left_paragraphs: int
    right_paragraphs: int
    blocks_by_op: dict[str, int]
    edits_by_kind: dict[str, int]
    typos: int
    commitments: CommitmentCounts
    left_retained: float
    right_reused: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything known about two versions of a text; the single source for app and exports."""

    left: Document
    right: Document
    blocks: tuple[Block, ...]
    summary: Summary
    typos: tuple[Typo, ...] = ()
    artifacts: tuple[Artifact, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    # Notes for the user that are not errors ("identical files", "almost no shared text").
    notices: tuple[str, ...] = field(default=())

    def document(self, side: Side) -> Document:
        return self.left if side == "left" else self.right
