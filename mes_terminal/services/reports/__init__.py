"""Reports: OEE, downtime, production, scrap, SPC and the audit trail, and their outputs."""
