"""Stage 3, modeling: build the IR of a client package (names, types, operations) from a checked spec."""
