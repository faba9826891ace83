"""Widgets shared by the terminal and the console: banners, keypads, big-button choices."""
