"""Diff specs, version and release packages, build and publish them."""
