"""The Markdown export: the revision as read, with CriticMarkup for every change.

Deletions are ``{--...--}``, insertions ``{++...++}``, substitutions ``{~~old~>new~~}`` and the
reviewer's status and note a comment ``{>>...<<}`` right after the change. Without a
CriticMarkup tool it still reads as plain Markdown. Document text is escaped so that it can
never open a CriticMarkup token, a Markdown structure or raw HTML (see :func:`md_escape`).
"""

from __future__ import annotations

import re

from readout_tui.core.export.layout import (
    RedlinePiece,
    block_label,
    commitment_pairs,
    describe_targets,
    percent,
    redline,
    strength_dots,
)
from readout_tui.core.model import Block, Comparison
from readout_tui.core.review import Review, all_targets, change_targets, progress, unmapped_items

_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Backslash-escapable ASCII punctuation that would start emphasis, code, links, headings,
# tables or strikethrough.
_BACKSLASH = re.compile(r"([\\`*_\[\]#|~])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
_LINE_START = re.compile(r"^([ \t]*)(?:([-+=])|(\d+)([.)]))")


def _escape_start(m: re.Match[str]) -> str:
    indent = "&#32;" * len(m.group(1))
    if m.group(2):
        return indent + "\\" + m.group(2)
    return indent + m.group(3) + "\\" + m.group(4)


def _guard_line_start(line: str) -> str:
    """Keep a line that starts with document text from reading as a list item, a setext
    underline or an indented code block."""
    stripped = line.lstrip(" \t")
    indent = "&#32;" * (len(line) - len(stripped))
    return indent + _LINE_START.sub(_escape_start, stripped, count=1)


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Make ``text`` inert in Markdown and CriticMarkup while reading the same once rendered.

    ``{`` and ``}`` become entities, so no CriticMarkup token can open or close inside
    document text; ``<``/``>`` become entities, so no raw HTML gets through; markup
    punctuation is backslash-escaped, as are list and heading markers at a line start
    (``line_start=False`` when the text continues a line).

    >>> md_escape("a {--b--} <i>*c*</i>")
    'a &#123;--b--&#125; &lt;i&gt;\\\\*c\\\\*&lt;/i&gt;'
    >>> md_escape("1. not a list")
    '1\\\\. not a list'
    """
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = _BACKSLASH.sub(r"\\\1", text)
    text = "".join(_ENTITIES.get(ch, ch) for ch in text)
    lines = text.split("\n")
    return "\n".join(
        _LINE_START.sub(_escape_start, line, count=1) if n or line_start else line
        for n, line in enumerate(lines)
    )


class _Writer:
    def __init__(self, comparison: Comparison, review: Review | None) -> None:
        self.c = comparison
        self.review = review
        self.described = describe_targets(comparison)

    def comment(self, target: str) -> str:
        """``{>>flagged · #tag: the note<<}`` for a reviewed target, else nothing."""
        if self.review is None:
            return ""
        item = self.review.items.get(target)
        if item is None or item.is_blank:
            return ""
        bits: list[str] = [] if item.status == "unreviewed" else [item.status]
        bits += [f"#{t}" for t in item.tags]
        head = " · ".join(bits)
        note = " ".join((item.note or "").split())  # one line: a comment must not break
        body = f"{head}: {note}" if head and note else head or note
        return "{>>" + md_escape(body) + "<<}"

    def piece(self, piece: RedlinePiece) -> str:
        text = " ".join(piece.text.split("\n"))
        if piece.op == "same":
            return md_escape(text, line_start=False)
        note = self.comment(piece.edit.id) if piece.edit else ""
        if piece.op == "delete":
            return "{--" + md_escape(text) + "--}" + note
        if piece.op == "insert":
            return "{++" + md_escape(text) + "++}" + note
        new = " ".join(piece.new.split("\n"))
        return "{~~" + md_escape(text) + "~>" + md_escape(new) + "~~}" + note

    def block(self, block: Block) -> str:
        paras: list[str] = [""]
        for piece in redline(self.c, block):
            if piece.op == "break":
                paras.append("")
            else:
                paras[-1] += self.piece(piece)
        text = "\n\n".join(_guard_line_start(p) for p in paras if p)
        if block.op == "equal" and not block.moved:
            return text
        label = block_label(block)
        if block.op not in ("delete", "insert", "boilerplate"):
            label += f", {percent(block.similarity)} similar"
        return f"*\\[{md_escape(label)}\\]*{self.comment(block.id)}\n\n{text}"

    def header(self) -> list[str]:
        c, s = self.c, self.c.summary
        title = c.left.title or c.right.title or f"{c.left.name} and {c.right.name}"
        lines = [f"# Comparison: {md_escape(title)}", ""]
        for label, doc in (("Original (left)", c.left), ("Revision (right)", c.right)):
            lines.append(
                f"- **{label}:** {md_escape(doc.name)} — {len(doc.paragraphs)} paragraphs, "
                f"{md_escape(doc.encoding)}, sha256 `{doc.sha256[:12]}`"
            )
        if self.review is not None:
            p = progress(self.review, change_targets(c))
            lines.append(
                f"- **Review session:** {md_escape(self.review.session)} — {p}, "
                f"{p.accepted} accepted, {p.flagged} flagged, {p.rejected} rejected"
            )
        ops = ", ".join(f"{n} {op}" for op, n in s.blocks_by_op.items() if n)
        kinds = ", ".join(f"{n} {kind}" for kind, n in s.edits_by_kind.items() if n)
        cm = s.commitments
        lines += [
            "",
            "## Summary",
            "",
            f"- {percent(s.left_retained)} of the original retained; "
            f"{percent(s.right_reused)} of the revision reused",
            f"- Blocks: {ops or 'none'}",
            f"- Word edits: {kinds or 'none'}",
            f"- Typos: {s.typos}; commitments: {cm.left} left, {cm.right} right, "
            f"{cm.dropped} dropped, {cm.added} added",
        ]
        lines += [f"- Notice: {md_escape(n)}" for n in c.notices]
        lines += [
            "",
            "Changes are marked with CriticMarkup: deletions, insertions and substitutions, "
            "with the reviewer's status and note as a comment after each change.",
        ]
        return lines

    def commitments(self) -> list[str]:
        groups = commitment_pairs(self.c)
        lines = ["", "## Commitments", ""]
        if not groups:
            return [*lines, "None found."]
        for speaker, pairs in groups.items():
            dropped = sum(c.status == "dropped" for c, _ in pairs)
            extra = f", {dropped} dropped" if dropped else ""
            lines += [f"### {md_escape(speaker)} ({len(pairs)}{extra})", ""]
            for c, other in pairs:
                holder = f" · holder: {md_escape(c.holder)}" if c.holder else ""
                lines.append(
                    f"- **{c.status.upper()}** · {c.type} {strength_dots(c.strength)}{holder} · "
                    f"{c.side} ¶{c.paragraph} — “{md_escape(c.text)}”{self.comment(c.id)}"
                )
                if other is not None:
                    lines.append(
                        f"  - {other.side} ¶{other.paragraph}, {md_escape(other.speaker)} "
                        f"{strength_dots(other.strength)}: “{md_escape(other.text)}”"
                        f"{self.comment(other.id)}"
                    )
            lines.append("")
        return lines[:-1]

    def detections(self) -> list[str]:
        lines = ["", "## Typos and artifacts", ""]
        for t in self.c.typos:
            lines.append(
                f"- typo, {t.side} ¶{t.paragraph}: {md_escape(t.word)} → "
                f"{md_escape(t.suggestion)} ({t.evidence}, {t.confidence:.2f}){self.comment(t.id)}"
            )
        for a in self.c.artifacts:
            lines.append(
                f"- artifact, {a.side} ¶{a.paragraph}: “{md_escape(a.text)}” "
                f"({md_escape(a.reason)}){self.comment(a.id)}"
            )
        return lines if len(lines) > 3 else [*lines, "None found."]

    def unmapped(self) -> list[str]:
        if self.review is None:
            return []
        items = unmapped_items(self.review, all_targets(self.c))
        if not items:
            return []
        lines = ["", "## Review items no longer in this comparison", ""]
        lines += [f"- {md_escape(i.target)} {self.comment(i.target)}" for i in items]
        return lines

    def render(self) -> str:
        lines = self.header()
        lines += ["", "## Text", ""]
        lines.append("\n\n".join(self.block(b) for b in self.c.blocks))
        lines += self.commitments() + self.detections() + self.unmapped()
        return "\n".join(lines).rstrip("\n") + "\n"


def write_markdown(comparison: Comparison, review: Review | None = None) -> str:
    """The comparison as CriticMarkup-annotated Markdown."""
    return _Writer(comparison, review).render()
