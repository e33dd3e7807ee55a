"""The one exception type the core raises for bad input.

Its message is a single line meant for the user; the command line prints it and exits with
status 2, the app shows it, and nobody sees a traceback.
"""


class InputError(Exception):
    """Input the comparison cannot use: missing, unreadable, binary, empty or too large."""
