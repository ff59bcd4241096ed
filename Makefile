# Two commands: `make run` (set up everything and serve the demo) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) example_site/manage.py
STAMP := $(VENV)/.installed
# The cache `make run` serves with: shared by the server and the import worker.
RUN_CACHE_URL := db://wagtail_disclosure_cache

.PHONY: run test setup install migrate demo lint messages bench bench-full clean matrix

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(MANAGE) migrate --noinput
	CACHE_URL=$(RUN_CACHE_URL) $(MANAGE) createcachetable

demo: migrate
	$(MANAGE) disclosure_demo

setup: demo
	$(MANAGE) disclosure_demo_user

run: setup
	@echo ""
	@echo "  示例站点 / site:   http://127.0.0.1:8000/"
	@echo "  管理后台 / admin:  http://127.0.0.1:8000/admin/   (admin / admin unless you changed it)"
	@echo ""
	@echo "  后台任务 / task worker: started with the server (large imports run there)"
	@echo ""
	export DJANGO_DEBUG=1 CACHE_URL=$(RUN_CACHE_URL); \
	$(MANAGE) db_worker --backend imports & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

# pytest makes its own test databases: the demo database of `make setup` is not needed.
test: install
	$(PY) -m pytest

# Every other supported Python/Django/Wagtail (noxfile.py; .ci/run runs it after make test).
matrix: install
	$(VENV)/bin/nox

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run

messages: install
	cd wagtail_disclosure && ../$(PY) ../example_site/manage.py makemessages -l zh_Hans --no-obsolete && ../$(PY) ../example_site/manage.py compilemessages -l zh_Hans

# Benchmarks build their own throwaway databases (BENCH_DATABASE_URL for PostgreSQL).
bench: install
	$(VENV)/bin/pip install --quiet -e ".[bench]"
	$(PY) benchmarks/run_all.py

bench-full: install
	$(VENV)/bin/pip install --quiet -e ".[bench]"
	$(PY) benchmarks/run_all.py --full

clean:
	rm -rf $(VENV) .nox example_site/db.sqlite3 example_site/media
