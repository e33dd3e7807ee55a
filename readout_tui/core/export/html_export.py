"""The HTML report: one self-contained file to read, share and print.

Side-by-side and inline redline views, a legend, the summary, commitments per speaker with
their statuses, and the review's notes as footnotes linked both ways. No scripts and no
external assets, so it works offline and is safe to open. Every piece of document or note
text goes through :func:`html.escape`: a document that contains markup reads as text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from html import escape

import readout_tui
from readout_tui.core.export.html_style import CSS
from readout_tui.core.export.layout import (
    Footnote,
    Mark,
    Run,
    block_label,
    commitment_pairs,
    describe_targets,
    footnotes,
    paragraph_marks,
    percent,
    redline,
    runs,
    strength_dots,
)
from readout_tui.core.model import NORMALISATION_KINDS, Block, Commitment, Comparison, Side
from readout_tui.core.review import Review, change_targets, progress

_BADGE = {"accepted": "✓ accepted", "flagged": "⚑ flagged", "rejected": "✗ rejected"}


def _e(text: str) -> str:
    return escape(text, quote=True)


def _anchor(target: str) -> str:
    return "t-" + re.sub(r"[^A-Za-z0-9_-]", "_", target)


class _Report:
    """Renders one comparison; collects footnote back-references while it goes."""

    def __init__(self, comparison: Comparison, review: Review | None) -> None:
        self.c = comparison
        self.review = review
        self.notes: dict[str, Footnote] = footnotes(comparison, review)
        self.backrefs: dict[int, list[tuple[str, str]]] = defaultdict(list)
        self.anchored: set[str] = set()
        self.described = describe_targets(comparison)

    # -- review decorations -------------------------------------------------------------
    def badge(self, target: str) -> str:
        if self.review is None:
            return ""
        item = self.review.items.get(target)
        if item is None or item.status == "unreviewed":
            tags = ""
        else:
            tags = f'<span class="st st-{item.status}">{_BADGE[item.status]}</span>'
        if item is not None:
            tags += "".join(f'<span class="tag">{_e(t)}</span>' for t in item.tags)
        return tags

    def fnref(self, target: str, where: str, label: str) -> str:
        note = self.notes.get(target)
        if note is None:
            return ""
        ref_id = f"fnref-{note.number}-{where}"
        self.backrefs[note.number].append((ref_id, label))
        return (
            f'<sup class="fnref"><a href="#fn-{note.number}" id="{ref_id}">{note.number}</a></sup>'
        )

    def target_id(self, target: str) -> str:
        """An ``id`` attribute for the first place a target is shown (notes link to it)."""
        if target in self.anchored:
            return ""
        self.anchored.add(target)
        return f' id="{_anchor(target)}"'

    # -- paragraphs ---------------------------------------------------------------------
    def run_html(self, run: Run, side: Side, view: str) -> str:
        html = _e(run.text)
        for mark in reversed(run.marks):
            html = self.wrap(mark, side, html)
        for mark in run.ends:
            if mark.kind == "typo":
                html += f'<span class="sugg"> → {_e(mark.detail)}</span>'
            if self.owns(mark, side):
                html += self.badge(mark.target) + self.fnref(mark.target, view, "side by side")
        return html

    @staticmethod
    def owns(mark: Mark, side: Side) -> bool:
        # A replace is marked on both sides; its badge and note sit on the right only.
        return mark.kind != "replace" or side == "right"

    def wrap(self, mark: Mark, side: Side, inner: str) -> str:
        title = _e(f"{mark.kind} · {mark.detail}" if mark.detail else mark.kind)
        ident = self.target_id(mark.target) if self.owns(mark, side) else ""
        norm = " norm" if mark.detail in NORMALISATION_KINDS else ""
        if mark.kind in ("delete", "insert", "replace"):
            tag = "del" if side == "left" else "ins"
            return (
                f'<{tag} class="k-{_e(mark.detail)}{norm}" title="{title}"{ident}>{inner}</{tag}>'
            )
        cls = "typo" if mark.kind == "typo" else "artifact"
        return f'<span class="{cls}" title="{title}"{ident}>{inner}</span>'

    def paragraphs(self, side: Side, indices: Iterable[int], marks: dict[int, list[Mark]]) -> str:
        doc = self.c.document(side)
        out = []
        for i in indices:
            if 0 <= i < len(doc.paragraphs):
                para = doc.paragraphs[i]
                body = "".join(
                    self.run_html(r, side, "s") for r in runs(para.text, marks.get(i, []))
                )
                out.append(f'<p data-para="{i}">{body}</p>')
        return "".join(out)

    # -- sections -----------------------------------------------------------------------
    def header(self) -> str:
        c = self.c
        title = c.left.title or c.right.title or f"{c.left.name} and {c.right.name}"
        docs = []
        for side, doc in (("Left · original", c.left), ("Right · revised", c.right)):
            docs.append(
                f'<dl class="doc"><dt>{side}</dt><dd class="name">{_e(doc.name)}</dd>'
                f'<dd class="meta">{len(doc.paragraphs)} paragraphs · {_e(doc.encoding)} · '
                f'sha256 <code title="{_e(doc.sha256)}">{_e(doc.sha256[:12])}…</code></dd></dl>'
            )
        toc = [("summary", "Summary"), ("side-by-side", "Side by side"), ("inline", "Redline")]
        toc += [("commitments", "Commitments"), ("detections", "Typos & artifacts")]
        if self.notes:
            toc.append(("notes", "Notes"))
        links = "".join(f'<a href="#{a}">{t}</a>' for a, t in toc)
        return (
            '<header class="report"><p class="kicker">Comparison report</p>'
            f'<h1>{_e(title)}</h1><div class="docs">{"".join(docs)}</div>'
            f'<nav class="toc">{links}</nav></header>'
        )

    def summary(self) -> str:
        s = self.c.summary
        changed = sum(n for op, n in s.blocks_by_op.items() if op not in ("equal", "boilerplate"))
        cards = [
            (percent(s.left_retained), "of the original retained"),
            (percent(s.right_reused), "of the revision reused"),
            (str(changed), "changed blocks"),
            (str(sum(s.edits_by_kind.values())), "word edits"),
            (str(s.typos), "likely typos"),
            (f"{s.commitments.dropped} / {s.commitments.added}", "commitments dropped / added"),
        ]
        if self.review is not None:
            p = progress(self.review, change_targets(self.c))
            cards.append((f"{p.reviewed}/{p.total}", "changes reviewed"))
            cards.append(
                (f"{p.accepted} · {p.flagged} · {p.rejected}", "accepted · flagged · rejected")
            )
        html = "".join(
            f'<div class="card"><div class="v">{_e(v)}</div><div class="k">{_e(k)}</div></div>'
            for v, k in cards
        )
        tables = [
            _kv("Blocks", s.blocks_by_op),
            _kv("Edits by kind", s.edits_by_kind),
            _kv("Commitments", asdict(s.commitments), zeros=True),
        ]
        notices = ""
        if self.c.notices:
            notices = '<div class="notices">' + "<br>".join(_e(n) for n in self.c.notices)
            notices += "</div>"
        return (
            f'<section id="summary"><h2>Summary</h2><div class="cards">{html}</div>'
            f'<div class="counts">{"".join(tables)}</div>{notices}</section>'
        )

    def legend(self) -> str:
        items = [
            '<del title="deleted or replaced">removed words</del> in the original',
            '<ins title="inserted or replacing">added words</ins> in the revision',
            '<span class="typo">typo</span><span class="sugg"> → suggestion</span>',
            '<span class="artifact">scraping artifact</span>',
            '<span class="norm"><del>faded</del></span> punctuation, case or spacing only',
            '<span class="pb">¶</span> paragraph break inside a block',
        ]
        if self.review is not None:
            items += [f'<span class="st st-{k}">{v}</span>' for k, v in _BADGE.items()]
            items.append('<sup class="fnref"><a>1</a></sup> reviewer\'s note')
        lis = "".join(f"<li>{i}</li>" for i in items)
        return f'<section id="legend"><h2>Legend</h2><ul class="legend">{lis}</ul></section>'

    def side_by_side(self) -> str:
        lmarks, rmarks = paragraph_marks(self.c, "left"), paragraph_marks(self.c, "right")
        rows = []
        for block in self.c.blocks:
            left = self.paragraphs("left", block.left, lmarks)
            right = self.paragraphs("right", block.right, rmarks)
            sim = f'<span class="sim">{percent(block.similarity)} similar</span>'
            sim = sim if block.op not in ("equal", "delete", "insert", "boilerplate") else ""
            meta = (
                f'<span class="op">{_e(block_label(block))}</span>{sim}'
                f"{self.badge(block.id)}{self.fnref(block.id, 's', 'side by side')}"
            )
            lcell = _cell("l", left, "not in the original")
            rcell = _cell("r", right, "omitted in the revision")
            rows.append(
                f'<tr class="op-{_e(block.op)}"{self.target_id(block.id)}>'
                f'<td class="meta">{meta}</td>{lcell}{rcell}</tr>'
            )
        head = (
            f"<thead><tr><th>Block</th><th>Original · {_e(self.c.left.name)}</th>"
            f"<th>Revision · {_e(self.c.right.name)}</th></tr></thead>"
        )
        cols = '<colgroup><col class="meta"><col><col></colgroup>'
        return (
            '<section id="side-by-side"><h2>Side by side</h2>'
            f'<table class="sbs">{cols}{head}<tbody>{"".join(rows)}</tbody></table></section>'
        )

    def redline_block(self, block: Block) -> str:
        paras: list[list[str]] = [[]]
        whole = block.op in ("delete", "insert")
        for piece in redline(self.c, block):
            edit = piece.edit
            cls = ' class="whole"' if whole else ""
            if edit is not None and not whole:
                norm = " norm" if edit.kind in NORMALISATION_KINDS else ""
                cls = f' class="k-{_e(edit.kind)}{norm}"'
            extra = self.badge(edit.id) + self.fnref(edit.id, "i", "redline") if edit else ""
            if piece.op == "break":
                paras.append([])
            elif piece.op == "same":
                paras[-1].append(_e(piece.text))
            elif piece.op == "delete":
                paras[-1].append(f"<del{cls}>{_e(piece.text)}</del>{extra}")
            elif piece.op == "insert":
                paras[-1].append(f"<ins{cls}>{_e(piece.text)}</ins>{extra}")
            else:
                paras[-1].append(f"<del{cls}>{_e(piece.text)}</del><ins{cls}>{_e(piece.new)}</ins>")
                paras[-1].append(extra)
        body = '<span class="pb">¶</span></p><p>'.join("".join(p) for p in paras)
        head = (
            f'<div class="head"><span class="op">{_e(block_label(block))}</span>'
            f"{self.badge(block.id)}{self.fnref(block.id, 'i', 'redline')}</div>"
        )
        return f'<div class="rl op-{_e(block.op)}">{head}<p>{body}</p></div>'

    def inline(self) -> str:
        parts = [self.redline_block(b) for b in self.c.blocks if b.op != "boilerplate"]
        return (
            '<section id="inline"><h2>Inline redline</h2><p class="small">The revision as '
            "read, with the original's removed words struck through; boilerplate is left out."
            f"</p>{''.join(parts)}</section>"
        )

    def commitment_row(self, c: Commitment, other: Commitment | None) -> str:
        clause = _clause(c)
        if other is not None:
            counterpart = f'<blockquote class="clause">{_clause(other)}</blockquote>'
            if (other.speaker, other.holder) != (c.speaker, c.holder):
                who = other.speaker + (f" for {other.holder}" if other.holder else "")
                counterpart = f'<span class="side">{_e(who)}</span>' + counterpart
            counterpart += f'<span class="side">right ¶{other.paragraph}</span>'
        else:
            counterpart = '<span class="small">—</span>'
        holder = _e(c.holder) if c.holder else "—"
        strength = strength_dots(c.strength)
        if other is not None and other.strength != c.strength:
            strength += f" → {strength_dots(other.strength)}"
        review = self.badge(c.id) + self.fnref(c.id, "c", "commitments")
        anchor = ""
        if other is not None:
            review += self.badge(other.id) + self.fnref(other.id, "c", "commitments")
            anchor = f"<span{self.target_id(other.id)}></span>"
        return (
            f"<tr{self.target_id(c.id)}>"
            f'<td><span class="cstatus cs-{_e(c.status)}">{_e(c.status)}</span>{anchor}</td>'
            f'<td>{_e(c.type)}<br><span class="dots" title="strength {c.strength} of 5">'
            f"{strength}</span></td><td>{holder}</td>"
            f'<td><blockquote class="clause">{clause}</blockquote>'
            f'<span class="side">{_e(c.side)} ¶{c.paragraph}</span></td>'
            f"<td>{counterpart}</td><td>{review}</td></tr>"
        )

    def commitments(self) -> str:
        groups = commitment_pairs(self.c)
        if not groups:
            return '<section id="commitments"><h2>Commitments</h2><p>None found.</p></section>'
        parts = []
        cols = "".join(f'<col style="width:{w}%">' for w in (10, 11, 10, 33, 27, 9))
        for speaker, pairs in groups.items():
            dropped = sum(c.status == "dropped" for c, _ in pairs)
            count = f"{len(pairs)}" + (f" · {dropped} dropped" if dropped else "")
            rows = "".join(self.commitment_row(c, other) for c, other in pairs)
            parts.append(
                f'<h3>{_e(speaker)} <span class="small">({count})</span></h3>'
                f'<table class="grid commitments"><colgroup>{cols}</colgroup><thead><tr>'
                "<th>Status</th><th>Type</th><th>Holder</th><th>Clause</th>"
                "<th>In the other version</th><th>Review</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>"
            )
        return f'<section id="commitments"><h2>Commitments</h2>{"".join(parts)}</section>'

    def detections(self) -> str:
        rows = []
        for t in self.c.typos:
            rows.append(
                f"<tr><td>typo</td><td>{t.side} ¶{t.paragraph}</td>"
                f'<td><span class="typo">{_e(t.word)}</span> → {_e(t.suggestion)}</td>'
                f"<td>{t.confidence:.2f} · {_e(t.evidence)}</td>"
                f"<td>{self.badge(t.id)}{self.fnref(t.id, 't', 'typos')}</td></tr>"
            )
        for a in self.c.artifacts:
            rows.append(
                f"<tr><td>artifact</td><td>{a.side} ¶{a.paragraph}</td>"
                f'<td><span class="artifact">{_e(a.text)}</span></td><td>{_e(a.reason)}</td>'
                f"<td>{self.badge(a.id)}{self.fnref(a.id, 't', 'typos')}</td></tr>"
            )
        if not rows:
            body = "<p>None found.</p>"
        else:
            body = (
                '<table class="grid"><thead><tr><th>What</th><th>Where</th><th>Text</th>'
                f"<th>Detail</th><th>Review</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            )
        return f'<section id="detections"><h2>Typos and artifacts</h2>{body}</section>'

    def notes_section(self) -> str:
        if not self.notes:
            return ""
        lis = []
        for note in self.notes.values():
            item = note.item
            back = "".join(
                f'<a href="#{ref}" title="back to the {label}">↩ {label}</a>'
                for ref, label in self.backrefs.get(note.number, [])
            )
            if note.mapped:
                what = _e(self.described.get(note.target, note.target))
                where = f'<a href="#{_anchor(note.target)}">{what}</a>'
                where += f' <code class="small">{_e(note.target)}</code>'
            else:
                where = f"<code>{_e(note.target)}</code> (no longer in this comparison)"
            status = f'<span class="st st-{item.status}">{_e(item.status)}</span>'
            tags = "".join(f'<span class="tag">{_e(t)}</span>' for t in item.tags)
            lis.append(
                f'<li id="fn-{note.number}"><div class="small">{status} on {where}{tags}</div>'
                f'<p class="note-text">{_e(item.note or "")}</p>'
                f'<div class="back">{back}</div></li>'
            )
        return f'<section id="notes"><h2>Notes</h2><ol class="notes">{"".join(lis)}</ol></section>'

    def render(self) -> str:
        c = self.c
        body = (
            self.header()
            + self.summary()
            + self.legend()
            + self.side_by_side()
            + self.inline()
            + self.commitments()
            + self.detections()
        )
        body += self.notes_section()
        session = f" · review session <code>{_e(self.review.session)}</code>" if self.review else ""
        version = readout_tui.__version__
        footer = f"<footer>Generated by readout-tui {_e(version)}{session}</footer>"
        title = f"Comparison: {c.left.name} ⇄ {c.right.name}"
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="readout-tui {_e(version)}">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head>\n"
            f'<body><div class="page">{body}{footer}</div></body></html>\n'
        )


def _clause(c: Commitment) -> str:
    """The commitment's clause with its cue words in bold."""
    at = c.text.lower().find(c.cue.lower()) if c.cue else -1
    if at < 0:
        return _e(c.text)
    end = at + len(c.cue)
    return f"{_e(c.text[:at])}<strong>{_e(c.text[at:end])}</strong>{_e(c.text[end:])}"


def _kv(title: str, counts: dict[str, int], *, zeros: bool = False) -> str:
    rows = "".join(
        f'<tr><td>{_e(k)}</td><td class="n">{v}</td></tr>' for k, v in counts.items() if v or zeros
    )
    return (
        f'<table class="kv"><thead><tr><th colspan="2">{_e(title)}</th></tr></thead>{rows}</table>'
    )


def _cell(side: str, html: str, empty: str) -> str:
    if html:
        return f'<td class="{side}">{html}</td>'
    return f'<td class="{side} empty"><span>{_e(empty)}</span></td>'


def write_html(comparison: Comparison, review: Review | None = None) -> str:
    """The report as one HTML file's text."""
    return _Report(comparison, review).render()
