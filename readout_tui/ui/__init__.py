"""The Textual reader: app, screens, widgets and the widget-free layout they draw from."""
