"""The supervisor console: line status, work orders, dispatch, andon, audit trail and master data."""
