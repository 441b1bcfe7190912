"""Stage 5, formatting: black, the formatter of record, over what rendering could not lay out itself."""
