"""Device adapters: scanners (keyboard wedge, serial) and label printer transports."""
