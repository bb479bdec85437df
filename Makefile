# Set-up is part of every target: `make run` and `make test` work on a fresh clone and are quick
# once .venv is up to date with pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint format demo screenshots bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Hair Journal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/hairjournal

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

demo: $(RUN_STAMP)
	rm -f demo.hairjournal
	$(BIN)/hairjournal demo demo.hairjournal

# Performance against a baseline measured in the same run (budgets: README, Performance).
# Photos that take a while to generate are kept in build/bench between runs, as are results.
bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.photo_import
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.chart_redraw

# The README's screenshots, made by the app itself from the demo journal.
screenshots: $(RUN_STAMP)
	@folder=$$(mktemp -d) && \
	$(BIN)/hairjournal demo $$folder/demo.hairjournal && \
	for view in dashboard log sessions photos; do \
		QT_QPA_PLATFORM=offscreen $(BIN)/hairjournal --journal $$folder/demo.hairjournal \
			--screenshot resources/screenshots/$$view.png --view $$view --size 1280x800 || exit 1; \
	done; \
	rm -r $$folder

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
