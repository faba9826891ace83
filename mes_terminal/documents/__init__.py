"""Pure renderers: lot labels, travelers, reports as PDF or ZPL bytes."""
