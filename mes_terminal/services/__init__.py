"""Use cases, in rooms by purpose: commands/ (what changes), queries/ (what screens read), reports/,
plant/, printing/, demo/; terminal.py and supervisor.py are the two clients' entry points."""
