"""Read models: every read a screen or the event feed makes, SQL in and frozen DTOs out (reports: reports/)."""
