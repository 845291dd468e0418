# Two commands on a fresh machine with Python 3.11 and make:
#   make demo   installs summitry into .venv and extracts the events of examples/
#   make test   installs the development dependencies and runs every test
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
OUT ?= out

.PHONY: demo test lint install install-dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'

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

lint: install-dev
	$(BIN)/ruff check src tests benchmarks examples devset

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(OUT) .pytest_cache
