# Two commands on a fresh machine (see README.md):
#   make serve   install everything, build the site and serve it with live preview
#   make test    install everything and run every test and check
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system build serve test lint clean

setup: system $(STAMP) $(NODE_STAMP)

# Debian packages: Chromium for browser tests, ICU headers for PyICU (collation),
# Node.js/npm and Java for the quality gates.
system:
	@bash .ci/system-packages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Quality-gate tools at the exact versions of package-lock.json: the Nu Html
# Checker (vnu-jar) and axe-core. --ignore-scripts: vnu-jar's install script
# would download a Java runtime; the checker runs on the machine's Java.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

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
	rm -rf site $(VENV) node_modules
