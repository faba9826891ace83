"""The schema (records), engines, the unit of work, the handlers' repositories and the migrations.

Reads for screens and reports live in services/queries and services/reports, not here."""
