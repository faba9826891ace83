"""The operator terminal: a full-screen touch window over `services.terminal.TerminalService`."""
