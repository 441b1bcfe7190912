"""Where the real API departs from the spec: checks of observed exchanges, reports, `verify` and `proxy`."""
