"""The core must not import the UI stack: it runs in scripts and pipelines without a terminal."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import readout_tui.core


def test_core_imports_neither_textual_nor_rich() -> None:
    modules = [
        m.name for m in pkgutil.walk_packages(readout_tui.core.__path__, prefix="readout_tui.core.")
    ]
    assert "readout_tui.core.compare" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from readout_tui.core.compare import compare\n"
        "from readout_tui.core.documents import document_from_text\n"
        "compare(document_from_text('a b c.\\n\\nd e f.'), document_from_text('a b c.'))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
