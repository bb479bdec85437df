# Set-up is part of every target: `make run` and `make test` work on a fresh clone and are quick
# once .venv is up to date with pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint format demo screenshots bench stress reliability clean \
	package package-test install-desktop uninstall-desktop

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
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.suite --markdown

# Crash, fault and hostile-input tests at scale (README, Reliability): 1,500 writers killed,
# thousands of damaged photos and journals. HAIRJOURNAL_SEED=N replays a run's choices.
stress: $(TEST_STAMP)
	HAIRJOURNAL_STRESS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/reliability \
		tests/store/test_write_faults.py tests/services/test_photo_import_faults.py

# The figures of the README's Reliability section, measured at the stress scale.
reliability: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.reliability.report --scale stress

# The README's screenshots, made by the app itself from the demo journal (HOME: the status bar
# shows the journal as ~/demo.hairjournal).
screenshots: $(RUN_STAMP)
	@folder=$$(mktemp -d) && \
	$(BIN)/hairjournal demo $$folder/demo.hairjournal && \
	for view in dashboard log sessions photos charts compare export; do \
		HOME=$$folder QT_QPA_PLATFORM=offscreen $(BIN)/hairjournal --journal $$folder/demo.hairjournal \
			--screenshot resources/screenshots/$$view.png --view $$view --size 1280x800 || exit 1; \
	done; \
	rm -r $$folder

# A one-folder build of the app for this system (PyInstaller) in dist/hairjournal; about a minute.
PACKAGE_STAMP := $(VENV)/.installed-package
$(PACKAGE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(RUN_STAMP)

package: $(PACKAGE_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/hairjournal.spec
	@du -sh dist/hairjournal

# Builds the package, then runs the built program as a person would (tests/packaging/built_app.py).
package-test: package $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/packaging/built_app.py

# The menu entry, icons, file type and app details for this user (APP=PATH: the program to start).
install-desktop:
	$(PYTHON) packaging/install_desktop.py install $(if $(APP),--command "$$APP")

uninstall-desktop:
	$(PYTHON) packaging/install_desktop.py uninstall

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
