# The two commands a user types: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz lint format bench translations clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[test]"
	touch $(STAMP)

# dlsim checks Qt's xcb libraries before Qt starts (dlsim/xcb_check.py) and prints the apt-get line.
run: $(STAMP)
	$(BIN)/dlsim

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check dlsim tests bench
	$(BIN)/ruff format --check dlsim tests bench

# The GUI fuzzer's long run (a short one is in `make test`). The issue's "10^4 random actions on
# 5 seeds" is read as 10^4 actions in all: 2000 on each of seeds 0-4 (about 0.1 s an action, so
# ~20 min); `make fuzz FUZZ_ACTIONS=10000` runs 10^4 on each. Each seed prints its figures.
FUZZ_ACTIONS ?= 2000
FUZZ_SEEDS ?= 0,1,2,3,4
fuzz: $(STAMP)
	DLSIM_FUZZ_ACTIONS=$(FUZZ_ACTIONS) DLSIM_FUZZ_SEEDS=$(FUZZ_SEEDS) $(BIN)/python -m pytest tests/ui/test_fuzz.py -v -s

lint: $(STAMP)
	$(BIN)/ruff check dlsim tests bench
	$(BIN)/ruff format --check dlsim tests bench

format: $(STAMP)
	$(BIN)/ruff format dlsim tests bench
	$(BIN)/ruff check --fix dlsim tests bench

bench: $(STAMP)
	$(BIN)/python bench/engine_step.py

# New or changed texts into dlsim/i18n/*.ts, then the .qm files the app loads (dlsim/i18n_tools.py).
translations: $(STAMP)
	$(BIN)/python -m dlsim.i18n_tools update
	$(BIN)/python -m dlsim.i18n_tools release

clean:
	rm -rf $(VENV) build *.egg-info
