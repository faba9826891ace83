"""Planning the plant: the scheduler's problem read from the database, its plan, and publishing it."""
