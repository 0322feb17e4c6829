# Local d'abord! — the two commands of the README, and the daily ones.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
TEST_ENV := var/test.env
# Where `make demo` serves; its Wagtail Site is pointed there so that absolute links work.
DEMO_ADDRESS ?= 127.0.0.1:8000

.PHONY: help demo test services lint format bench check messages clean-services

help:
	@echo "make demo   - serve the demo site on http://$(DEMO_ADDRESS) (SQLite, no service needed)"
	@echo "make test   - install and start PostgreSQL, Redis, OpenSearch, Elasticsearch, Chromium; run every test"
	@echo "make lint   - ruff and Django's checks"
	@echo "make bench  - benchmarks (run by hand; see bench/README.md)"
	@echo "make clean-services - stop the test services and delete their data (deploy/local/services.sh reset)"

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv is missing: installing it"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv; \
	  $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,elasticsearch]'
	touch $@

demo: $(VENV)/.installed
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=portal.settings.dev FETCH_PRODUCT_IMAGES=false $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.dev FETCH_PRODUCT_IMAGES=false $(MANAGE) load_demo --site-url http://$(DEMO_ADDRESS)
	DJANGO_SETTINGS_MODULE=portal.settings.dev FETCH_PRODUCT_IMAGES=false $(MANAGE) runserver $(DEMO_ADDRESS)

services:
	@mkdir -p var
	deploy/local/services.sh all > $(TEST_ENV)
	@cat $(TEST_ENV)

test: $(VENV)/.installed services
	set -a && source $(TEST_ENV) && set +a && $(BIN)/ruff check . && \
	  $(BIN)/python deploy/ci/audit_dependencies.py && \
	  $(BIN)/python manage.py makemigrations --check --dry-run --settings=portal.settings.test && \
	  $(BIN)/pytest && \
	  echo "tests/search again, on Elasticsearch ($$ELASTICSEARCH_URL):" && \
	  SEARCH_ENGINE=elasticsearch SEARCH_URL=$$ELASTICSEARCH_URL $(BIN)/pytest tests/search

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages:
	$(MANAGE) makemessages -l fr -l en --ignore='.venv/*' --ignore='node_modules/*' --ignore='shops/reference/*' --ignore='static/vendor/*'
	$(MANAGE) compilemessages --ignore='.venv/*'

bench: $(VENV)/.installed services
	set -a && source $(TEST_ENV) && set +a && \
	  $(BIN)/python manage.py migrate --noinput --settings=portal.settings.test && \
	  $(BIN)/python bench/import_catalogue.py --products 100000

# Stop what `make test` started and delete its data and caches: the next run is a cold machine's.
clean-services:
	deploy/local/services.sh reset
