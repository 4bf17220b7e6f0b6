# Two commands for a newcomer (see README):
#   make run    set everything up, build the graph from seeds/ into data/store and serve it
#   make test   set everything up and run the checks and the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= data/store
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: setup run build serve test lint clean

$(BIN)/kg: pyproject.toml package-lock.json .ci/setup
	bash .ci/setup
	@touch $(BIN)/kg

setup: $(BIN)/kg

build: setup
	$(BIN)/kg build --store $(STORE)

run: build
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

serve: setup
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check .

test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) data build *.egg-info .pytest_cache .ruff_cache
