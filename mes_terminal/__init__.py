"""MES Terminal: a Manufacturing Execution System for operator terminals and supervisors."""

__version__ = "0.1.0"
