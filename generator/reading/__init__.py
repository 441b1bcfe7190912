"""Stage 1, reading: load a spec file safely, check its shape, validate it, and walk it."""
