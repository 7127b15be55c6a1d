# Two commands are all a newcomer needs: `make play` and `make test`.
# Both create .venv with the project and its dev tools on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: play test lint typecheck unit setup clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

play: $(STAMP)
	$(BIN)/quizgame $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check quizgame tests bench
	$(BIN)/ruff format --check quizgame tests bench
	$(BIN)/lint-imports --no-cache  # the layers in pyproject.toml [tool.importlinter]

typecheck: $(STAMP)
	$(BIN)/mypy

# The results-store tests run against SQLite and a real PostgreSQL: they start a throwaway server
# from the OS package's binaries (apt-get install postgresql; .ci/run installs it). Without them
# those tests skip with the reason, except under CI=true, where they fail.
unit: $(STAMP)
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	for f in bench/[a-z]*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
