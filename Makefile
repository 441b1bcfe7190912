# The two commands of a fresh machine: `make run` (lint, then generate every client) and
# `make test`. Both create the virtual environment first when it is missing or stale.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast check lint

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/trunkline lint specs
	$(VENV)/bin/trunkline generate

test: $(STAMP)
	$(PY) -m pytest

# The edit loop: everything but the tests marked slow (tests/conftest.py says which), in a few minutes.
test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/trunkline lint specs

check: $(STAMP)
	$(VENV)/bin/trunkline check
