"""Trunkline: typed Python clients generated from checked OpenAPI specs."""

__version__ = "0.1.0"
