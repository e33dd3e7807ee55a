"""Exporters: one comparison model, several writers.

Each writer turns a :class:`~readout_tui.core.model.Comparison` (and, when a review session
exists, its :class:`~readout_tui.core.review.Review`) into the text of one file. ``WRITERS``
maps the ``--format`` names of ``readout-tui export`` to them; the app's export dialog offers
the same list, and ``SUFFIXES`` gives the file name suffix to propose. Writer modules are
imported on first use, so listing the formats costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from readout_tui.core.model import Comparison
from readout_tui.core.review import Review

#: A writer: ``(comparison, review) -> file text``; ``review`` is ``None`` without a session.
Writer = Callable[[Comparison, Review | None], str]


def _json(comparison: Comparison, review: Review | None) -> str:
    from readout_tui.core.export.json_export import dumps

    return dumps(comparison, review=review)


def _html(comparison: Comparison, review: Review | None) -> str:
    from readout_tui.core.export.html_export import write_html

    return write_html(comparison, review)


def _markdown(comparison: Comparison, review: Review | None) -> str:
    from readout_tui.core.export.markdown_export import write_markdown

    return write_markdown(comparison, review)


def _tei(comparison: Comparison, review: Review | None) -> str:
    from readout_tui.core.export.tei_export import write_tei

    return write_tei(comparison, review)


def _csv(comparison: Comparison, review: Review | None) -> str:
    from readout_tui.core.export.csv_export import write_changes_csv

    return write_changes_csv(comparison, review)


def _commitments_csv(comparison: Comparison, review: Review | None) -> str:
    from readout_tui.core.export.csv_export import write_commitments_csv

    return write_commitments_csv(comparison, review)


WRITERS: dict[str, Writer] = {
    "json": _json,
    "html": _html,
    "markdown": _markdown,
    "tei": _tei,
    "csv": _csv,
    "commitments-csv": _commitments_csv,
}
#: File name suffix for each format, used when the app proposes an output name.
SUFFIXES: dict[str, str] = {
    "json": ".json",
    "html": ".html",
    "markdown": ".md",
    "tei": ".tei.xml",
    "csv": ".csv",
    "commitments-csv": ".commitments.csv",
}
#: One line per format, for help texts and the app's export dialog.
DESCRIPTIONS: dict[str, str] = {
    "json": "readout-diff/1 JSON, with the review",
    "html": "self-contained report: side by side, redline, commitments, notes",
    "markdown": "CriticMarkup-annotated Markdown",
    "tei": "TEI P5 XML, parallel segmentation",
    "csv": "one row per change, with status and note",
    "commitments-csv": "one row per commitment, with status and note",
}


def export_text(fmt: str, comparison: Comparison, review: Review | None = None) -> str:
    """Render ``comparison`` in format ``fmt`` (a key of :data:`WRITERS`)."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}") from None
    return writer(comparison, review)


def export_bytes(fmt: str, comparison: Comparison, review: Review | None = None) -> bytes:
    """Render ``comparison`` in format ``fmt`` as the UTF-8 bytes of the file.

    JSON goes straight from the serialiser to bytes: on a large comparison that saves two
    copies of a text of tens of megabytes.
    """
    if fmt == "json":
        from readout_tui.core.export.json_export import dumps_bytes

        return dumps_bytes(comparison, review=review)
    return export_text(fmt, comparison, review).encode("utf-8")
