"""Device adapters: scanners, printer transports, machine signals."""
