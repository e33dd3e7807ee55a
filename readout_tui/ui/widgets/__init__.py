"""Widgets of the reader: the aligned panes, header, details bar, sidebar, search line."""
