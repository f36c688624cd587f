# kommunlager: two commands on a fresh machine, `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: run test lint system-packages ui docs cards accuracy bench env clean

run: $(STAMP)  ## build the warehouse from the shipped sample reports
	$(BIN)/kommunlager build --raw-dir data/raw --warehouse data/warehouse.duckdb

test: lint system-packages  ## lint and the whole test suite
	$(BIN)/pytest -n 2 --dist loadfile tests

system-packages:  ## the Debian programs the tests drive (Chromium, Redis, LibreOffice, poppler), when missing
	bash .ci/system-packages

lint: $(STAMP)
	$(BIN)/ruff check extract orchestration expectations tests bench
	$(BIN)/ruff format --check extract orchestration expectations tests bench
	$(BIN)/sqlfluff lint dbt_project/models dbt_project/tests

ui: $(STAMP)  ## the Dagster UI with assets, checks, schedule and sensor
	$(BIN)/python -m orchestration.dagster_home
	$(BIN)/python -m orchestration.ui -m orchestration.definitions -h 127.0.0.1 -p 3000

DOCS_PORT ?= 8080
docs: $(STAMP)  ## dbt docs of the built warehouse (make run first), served offline on 127.0.0.1
	cd dbt_project && ../$(BIN)/dbt docs generate --static --vars '{"extracted_dir": "$(CURDIR)/data/extracted"}'
	@echo "dbt docs: http://127.0.0.1:$(DOCS_PORT)/static_index.html (or open dbt_project/target/static_index.html)"
	$(BIN)/python -m http.server $(DOCS_PORT) --bind 127.0.0.1 --directory dbt_project/target

cards: $(STAMP)  ## offline HTML report cards of the built warehouse: data/cards/index.html
	$(BIN)/python -m orchestration.report_cards data/warehouse.duckdb data/raw

accuracy: $(STAMP)  ## gold facts found / wrong / missing per rendering
	$(BIN)/python -m bench.accuracy

# SCALE=1: the whole build at 100, 500 and 2 000 reports instead (bench/results/scale.md);
# SIZES="100 500" measures other sizes.
bench: $(STAMP)  ## throughput, scaling, incremental cost, memory
	$(BIN)/python -m bench.run $(if $(SCALE),--scale $(if $(SIZES),--sizes $(SIZES)))

env: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip uv
	# Bytecode compiled once here: a build starts several interpreters (CLI, dbt, workers),
	# and where .pyc cannot be written (PYTHONDONTWRITEBYTECODE, a read-only venv) each
	# would otherwise compile its imports anew (about half the CPU of loading the code location).
	$(BIN)/uv pip sync --python $(BIN)/python --compile-bytecode requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf data/extracted data/quality data/dbt_target data/warehouse.duckdb* data/warehouse.*.duckdb* data/build.log* data/quality.building data/cards data/plots dbt_project/target dbt_project/logs .dagster_home
