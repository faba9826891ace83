"""Plant data: loading a plant file, what it changed, and what the station setup asks."""
