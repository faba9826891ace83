"""Finite-capacity scheduling: a problem in (operations, stations, calendars), a plan out.

Pure like `documents/`: no Qt, no database, no services. Times are whole minutes from the problem's
origin (the benchmark instances use their own units); the services convert to and from real time.
`solve.schedule` is the entry point; `check.violations` verifies any plan without the model's code.
"""
