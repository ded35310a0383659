# Two commands on a fresh machine (see README.md):
#   make serve   install everything, build the site and serve it with live preview
#   make test    install everything and run every test and check
# The Python is found by .ci/find-python (CPython 3.11.2 to 3.14); `make test PYTHON=python3.13`
# picks one, and switching recreates the venv.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHON
SERVE_ADDR ?= 127.0.0.1:8000

.PHONY: setup system venv build serve test lint jstest lock clean

setup: system venv $(NODE_STAMP)

# Debian packages (Chromium, Node.js/npm, a Java runtime), only those missing.
system:
	@bash .ci/system-packages

# The venv and the locked Python packages; a no-op when the stamp (interpreter,
# pyproject.toml, lock) is current.
venv: system
	@bash .ci/venv $(VENV)

# Quality-gate tools at the exact versions of package-lock.json: the Nu Html
# Checker (vnu-jar) and axe-core. --ignore-scripts: vnu-jar's install script
# would download a Java runtime; the checker runs on the machine's Java.
$(NODE_STAMP): package.json package-lock.json
	@echo "==> npm packages from package-lock.json"
	@npm ci --ignore-scripts --no-audit --no-fund --silent
	@touch $(NODE_STAMP)

build: setup
	$(BIN)/mkdocs build --strict

serve: build
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

# Lint first (seconds), then the browser code's unit tests (node --test,
# seconds), then pytest, which builds the bundled site with `mkdocs build
# --strict` itself (tests/conftest.py, bundled_site) and runs on every core
# with pytest-xdist.
test: setup lint jstest
	@echo "==> pytest"
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

lint: venv $(NODE_STAMP)
	@echo "==> ruff, mypy and ESLint"
	@$(BIN)/ruff check plugins tests benchmarks
	@$(BIN)/mypy plugins/kb_generator
	@node_modules/.bin/eslint -c .ci/eslint.config.mjs plugins tests

# Unit tests of the browser code: every tests/**/*.test.mjs under Node.js's
# own test runner (Node 18 has it; no test framework to install).
JS_TESTS = $(shell find tests -name '*.test.mjs' | sort)
jstest: $(NODE_STAMP)
	@echo "==> node --test"
	@node --test --test-reporter=spec $(JS_TESTS)  # one line a test (Node >= 18.15)

# Rewrites .ci/requirements.lock from pyproject.toml for every supported Python.
lock: venv
	$(BIN)/python -m pip install --quiet uv==0.13.9
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--no-header --index-url https://pypi.org/simple --no-emit-index-url -o .ci/requirements.lock.new
	{ head -n 2 .ci/requirements.lock; grep -v '^ *#' .ci/requirements.lock.new; } > .ci/requirements.lock
	rm .ci/requirements.lock.new

clean:
	rm -rf site $(VENV) node_modules
