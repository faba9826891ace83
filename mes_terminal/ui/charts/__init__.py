"""Charts drawn with QtCharts over frozen chart views from the services."""
