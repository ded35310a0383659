# Two commands on a fresh machine (see README.md):
#   make serve   install everything, build the site and serve it with live preview
#   make test    install everything and run every test and check
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system build serve test lint clean

setup: system $(STAMP)

# Debian packages: Chromium for browser tests, ICU headers for PyICU (collation).
system:
	@bash .ci/system-packages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: setup
	$(BIN)/mkdocs build --strict

serve: build
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/mypy plugins
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m pytest -q

clean:
	rm -rf site $(VENV)
