# One target per habit. `make help` lists them.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
HOST    ?= 127.0.0.1
PORT    ?= 8000
N       ?= 10000

.PHONY: help install demo serve test lint format bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/gaia-kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

install: $(BIN)/gaia-kg  ## create .venv and install gaia-kg with the test tools

demo: install  ## load the demo catalogue into ./var/store and serve it on http://$(HOST):$(PORT)/
	$(BIN)/gaia-kg demo --host $(HOST) --port $(PORT)

serve: install  ## serve ./var/store
	$(BIN)/gaia-kg serve --host $(HOST) --port $(PORT)

test: install  ## lint, then every test (warnings are errors)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: install  ## ruff check + format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install  ## reformat the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install  ## load benchmark against raw pyoxigraph bulk load (N=$(N))
	$(BIN)/python bench/load.py --n $(N)

clean:  ## remove the virtualenv, caches and ./var
	rm -rf $(VENV) var .pytest_cache .ruff_cache *.egg-info
