"""Subcommands of `trunkline` that drive the generate pipeline."""
