"""``python -m readout_tui``: the same entry point as the ``readout-tui`` script."""

import sys

from readout_tui.cli import main

sys.exit(main())
