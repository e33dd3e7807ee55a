"""readout-tui: compare two versions of an official statement in the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("readout-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
