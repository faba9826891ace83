"""Qt user interface: the operator terminal and the supervisor console."""
