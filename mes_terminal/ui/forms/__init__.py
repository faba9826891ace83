"""Python forms generated from ui/*.ui by tools/generate_ui.py; never edit by hand."""
