"""`trunkline mock`: a mock HTTP server of a spec."""
