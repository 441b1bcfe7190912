"""The `trunkline` commands, one module each: arguments in, a call into the stage or subsystem that does the work."""
