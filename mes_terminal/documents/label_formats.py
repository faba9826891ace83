"""The label sizes and printer resolutions we offer: a module of its own, so the command line can name
them without loading the templates."""

# The sizes we ship, by the name `--size` takes; each has a template in resources/labels.
SIZES = ("4x6", "4x2", "100x50")
DEFAULT_SIZE = "4x6"
# Thermal printer resolutions the ZPL renderer knows (dots per inch).
DPIS = (203, 300)
