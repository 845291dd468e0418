# Two commands on a fresh machine with Python 3.11 and make:
#   make demo   installs summitry into .venv and extracts the events of examples/
#   make test   installs the development dependencies and runs every test
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
OUT ?= out

.PHONY: demo test fuzz lint install install-dev web bench clean

# the web app's scripts: bundled from frontend/ with npm and esbuild into the package's static/dist
WEB_BUILT = src/summitry/web/static/dist/app.js
WEB_SOURCES = $(wildcard frontend/src/*.js frontend/src/*/*.js) frontend/build.mjs frontend/package-lock.json

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@$(MAKE) --no-print-directory web

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@$(MAKE) --no-print-directory web

# Without npm everything but the web page's charts, map and graph works: say so and go on.
web:
	@if command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory $(WEB_BUILT); \
	else \
		echo "make: npm not found: the web app's page is not built (the CLI, the Python API and the JSON API work)." >&2; \
		echo "make: install Node.js and npm (apt-get install npm), then run make install again." >&2; \
	fi

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error

$(WEB_BUILT): frontend/node_modules/.package-lock.json $(WEB_SOURCES)
	cd frontend && npm run --silent build

demo: install
	@mkdir -p $(OUT)
	$(BIN)/summitry extract examples/corpus.jsonl -o $(OUT)/events.jsonl
	$(BIN)/summitry ingest examples/corpus.jsonl --db $(OUT)/demo.duckdb
	$(BIN)/summitry events --db $(OUT)/demo.duckdb --format table
	@echo
	@echo "Event records (JSON Lines): $(OUT)/events.jsonl   database: $(OUT)/demo.duckdb"

test: install-dev
	SUMMITRY_TEST_PG_DSN="$${SUMMITRY_TEST_PG_DSN:-$$(bash scripts/postgres.sh 2>/dev/null | tail -n 1)}" \
		$(BIN)/python -m pytest -q

# The property tests of tests/test_fuzz.py on thousands of generated cases each (make test runs a few dozen).
fuzz: install-dev
	SUMMITRY_FUZZ=1 $(BIN)/python -m pytest -q tests/test_fuzz.py

lint: install-dev
	$(BIN)/ruff check src tests benchmarks examples devset

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(OUT) .pytest_cache src/summitry/web/static/dist
