"""Records, engine, unit of work and migrations: everything that speaks SQL."""
