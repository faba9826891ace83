"""ERP exchange: B2MML and CSV import and export."""
