"""The ERP exchange over ISA-95 (B2MML V0600 / V0700) and CSV: work orders and lots in, performance out."""
