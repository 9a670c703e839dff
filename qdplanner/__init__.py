"""qdplanner: program management for city innovation plans."""

__version__ = "0.1.0"
