"""Screens of the reader: loading, main, help and the filter dialog."""
