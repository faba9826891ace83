"""The station setup: a dialog an administrator fills in once per workstation (database, station, devices)."""
