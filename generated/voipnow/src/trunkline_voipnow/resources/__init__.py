"""Namespaces of the client, one module per tag, loaded on first use."""
