"""credsite: a static-site generator for microcredentials."""

__version__ = "0.1.0"
