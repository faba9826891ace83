"""What handlers read, lock and change inside their transaction."""
