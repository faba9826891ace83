"""Read models: every read a screen or the command line makes, SQL in and frozen DTOs out."""
