"""The demo plant, its history and its inspector."""
