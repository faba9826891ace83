"""Printing labels and travelers: building documents from records, sending, recording."""
