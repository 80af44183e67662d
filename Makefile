# Relais: `make run` starts everything locally, `make test` proves it. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV       := .venv
BIN        := $(VENV)/bin
RASA       := PYTHONPATH=$(CURDIR) $(BIN)/rasa
MODEL      := models/relais.tar.gz
# The trained components' code decides what the model stores; the crisis guard's code and the triage it calls
# are loaded at run time, so changing them needs no retraining.
TRAINED_COMPONENTS := bot/components/spacy_nlp.py bot/components/stored_crf.py bot/components/linear_response_selector.py
TRAIN_DATA := config.yml $(TRAINED_COMPONENTS) $(shell find bot/domain nlu stories -name '*.yml' 2>/dev/null)
WIDGET_SRC := $(shell find widget/src widget/package.json widget/package-lock.json widget/build.mjs -type f 2>/dev/null)
UV         := $(shell command -v uv 2>/dev/null || echo python3 -m uv)

.PHONY: help install lint run run-production test test-python validate test-stories test-model-free evaluate simulate train widget browser nginx bench purge clean

help:
	@echo "make run       install what is missing, train if needed, start every process on 127.0.0.1"
	@echo "make test      install, lint, train, validate the data, run the Rasa test stories and the pytest suite"
	@echo "make lint      ruff (lint and format check) and mypy, configured in pyproject.toml"
	@echo "make evaluate CASES=file.yml OUT=file.jsonl   run conversations through the whole bot"
	@echo "make simulate [SIM_CONVERSATIONS=N SIM_SEED=S SIM_SENDERS=K]   long conversation-simulator run, report in var/simulate/"
	@echo "make run-production   nginx, 2 Rasa + 2 action servers, PostgreSQL and Redis on this machine"
	@echo "make bench [MODE=production]   load benchmark: Relais then rasa init's stock assistant"
	@echo "make purge     apply the retention (old closed cases anonymised, idle Rasa trackers deleted)"

install: $(VENV)/.installed

# One locked environment: Python 3.10 found on PATH or in pyenv (scripts/find-python310 says what to install).
# Bytecode is compiled once here: these machines set PYTHONDONTWRITEBYTECODE, so without it every Rasa start
# recompiled TensorFlow, spaCy and Rasa from source (measured: `import rasa.core.agent` 22 s -> 7.7 s).
$(VENV)/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	@PY=$$(scripts/find-python310) && $(UV) sync --frozen --compile-bytecode --python "$$PY"
	@touch $@

# Trains only when the configuration, domain, data or a trained custom component changed. `python -m bot.train` is
# `rasa train` with a token's fingerprint computed once per content (bot/train.py: a fifth of the training's CPU).
# `make test` validates the data beside the training (`make validate`, stricter: warnings fail): the training's
# own validation is skipped there (TRAIN_FLAGS).
train: $(MODEL)
$(MODEL): $(TRAIN_DATA) | install
	PYTHONPATH=$(CURDIR) $(BIN)/python -m bot.train --config config.yml --domain bot/domain --data nlu stories \
	  --out models --fixed-model-name relais $(TRAIN_FLAGS)
	@touch $@

widget: widget/dist/.built
widget/dist/.built: $(WIDGET_SRC)
	@if [ -f widget/package.json ]; then \
	  cd widget && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; \
	fi
	@mkdir -p widget/dist && touch $@

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

validate: install
	$(BIN)/python -m ops validate

test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/rasa --out results/stories --fail-on-prediction-errors

# Two xdist workers, one per core: while one waits on the bot's answer, the other runs (tests/conftest.py says how
# the tests are grouped and queued). PYTEST_WORKERS=0 runs them in this process.
PYTEST_WORKERS ?= 2
test-python: $(MODEL) widget browser nginx
	$(BIN)/python -m pytest $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder) \
	  $(addprefix --ignore=,$(PYTEST_IGNORE))

# The unit tests that need neither the model nor a started process: `make test` runs them beside the training, then the
# rest of pytest without them. The training is single-threaded (about 4 minutes on a quiet 2-core AMD EPYC); beside it
# lint, validation and the widget take about 1 minute of CPU, these tests about 6. They run on two xdist workers that
# share the cores with the training (three processes on two cores) and take their tests one batch at a time, so that
# phase one ends when its work is done: as two fixed halves, one of them started only when the training ended (CI on
# 6dd7dcd, 2026-12-07: training 3.8 min, then the second half's 3.0 min on its core while the other had been idle).
MODEL_FREE_TESTS := tests/unit/triage tests/unit/intake tests/unit/guidance tests/unit/places tests/unit/chamber \
  tests/unit/actions tests/unit/cases tests/unit/inbox
test-model-free: install
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 $(MODEL_FREE_TESTS)

# Lint: seconds, beside the training's first minute.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Two at a time on the two cores: the training first (the longest, single-threaded), and beside it lint, validation,
# the widget and the model-free unit tests (each command's output printed whole when it ends); then the Rasa test
# stories beside the rest of pytest, unsynchronised so that pytest's progress shows as it goes (the stories' lines
# come in its first minute). The apt-get installs stay one after the other.
test: install browser nginx
	@$(MAKE) --no-print-directory -j2 --output-sync=line train lint validate widget test-model-free \
	  TRAIN_FLAGS=--skip-validation
	@$(MAKE) --no-print-directory -j2 test-stories test-python PYTEST_IGNORE="$(MODEL_FREE_TESTS)"

run: install $(MODEL) widget
	$(BIN)/python -m ops run

# Debian's nginx for the production layout, run by us on unprivileged ports (never the system service).
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }

# The production layout on this machine against the local PostgreSQL and Redis (deploy/README.md).
# Any RELAIS_* variable already set wins; the two secrets are generated once into var/production/secrets.
PROD_SECRETS := var/production/secrets
PROD_PG      := postgresql+psycopg2://postgres@127.0.0.1:5432/test
run-production: install $(MODEL) widget nginx
	@umask 077 && mkdir -p $(PROD_SECRETS) && chmod 700 $(PROD_SECRETS)
	@umask 077; for name in rasa-token session-secret; do test -s $(PROD_SECRETS)/$$name || \
	  $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(48))" > $(PROD_SECRETS)/$$name; done
	RELAIS_ENV=production \
	RELAIS_DATABASE_URL="$${RELAIS_DATABASE_URL:-$(PROD_PG)?options=-csearch_path%3Drelais}" \
	RELAIS_TRACKER_DB_URL="$${RELAIS_TRACKER_DB_URL:-$(PROD_PG)?options=-csearch_path%3Drelais_rasa}" \
	RELAIS_LOCK_STORE_URL="$${RELAIS_LOCK_STORE_URL:-redis://127.0.0.1:6379/1}" \
	RELAIS_RASA_TOKEN="$${RELAIS_RASA_TOKEN:-$$(cat $(PROD_SECRETS)/rasa-token)}" \
	RELAIS_SESSION_SECRET="$${RELAIS_SESSION_SECRET:-$$(cat $(PROD_SECRETS)/session-secret)}" \
	$(BIN)/python -m ops run --production

# Not part of `make test`: run it on a quiet machine (see README, Benchmark). MODE=production, ARGS="--profile".
bench: install $(MODEL) nginx
	$(BIN)/python -m bench --mode $(or $(MODE),embedded) $(ARGS)

purge: install
	$(BIN)/python -m ops purge

evaluate: $(MODEL)
	@test -n "$(CASES)" -a -n "$(OUT)" || { echo "usage: make evaluate CASES=file.yml OUT=file.jsonl"; exit 2; }
	$(BIN)/python -m ops evaluate --cases "$(CASES)" --out "$(OUT)"

# Before a release: thousands of simulated artisans against a fresh stack (tests/simulator); `make test` runs 50.
# Writes var/simulate/report.md and report.json; exits 1 when an invariant was broken.
simulate: $(MODEL)
	$(BIN)/python -m tests.simulator --conversations $(or $(SIM_CONVERSATIONS),2000) \
	  --seed $(or $(SIM_SEED),1) --senders $(or $(SIM_SENDERS),4) --out var/simulate

clean:
	rm -rf models results var/logs widget/dist
