"""Stage 4, rendering: turn the IR into files in memory (jinja2 templates, datamodel-code-generator models)."""
