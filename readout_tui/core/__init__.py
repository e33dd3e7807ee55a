"""The pure comparison core: documents, alignment, edits, typos, commitments, review, export.

Nothing under ``readout_tui.core`` imports textual or rich (a test checks it), so the engine
can run in scripts, notebooks and pipelines without a terminal UI.
"""
