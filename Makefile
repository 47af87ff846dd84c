# The guide's commands. `make help` lists them; the README says when to use which.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      ?= .venv
PY        := $(VENV)/bin/python
MKDOCS    := $(VENV)/bin/mkdocs
HOST      ?= 127.0.0.1:8000
CONFIG    ?= mkdocs.yml
# Material 9.x warns about MkDocs 2 on every run; that warning only, nothing else, is silenced.
export NO_MKDOCS_2_WARNING := 1

$(VENV)/.site-installed: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

$(VENV)/.compare-installed: $(VENV)/.test-installed requirements-compare.txt
	$(PY) -m pip install --quiet -r requirements-compare.txt
	touch $@

# axe-core, Lighthouse and the Nu HTML Checker, pinned in package-lock.json. Install scripts are
# skipped: vnu-jar's would download a Java runtime; Debian's is used instead.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: help
help: ## List the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-20s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: install
install: $(VENV)/.site-installed ## Create .venv and install the pinned dependencies

# MkDocs watches docs/ and mkdocs.yml only; the pages are also made of the data files, the theme
# overrides and our plugins' assets and templates, so an edit to any of them rebuilds too.
CONFIG_DIR = $(dir $(CONFIG))
WATCH      = $(CONFIG_DIR)data $(CONFIG_DIR)overrides $(wildcard src/wallet_guide/*/assets src/wallet_guide/*/templates)

.PHONY: serve
serve: install ## Serve the site with live reload at http://127.0.0.1:8000 (docs/, data/, overrides/, plugin assets)
	$(MKDOCS) serve --livereload $(addprefix --watch ,$(WATCH)) --dev-addr $(HOST) --config-file $(CONFIG)

.PHONY: build
build: install ## Build the site into site/ (strict: any warning fails)
	$(MKDOCS) build --strict --clean

.PHONY: check
check: install ## Check pages and built site: structure, links, front matter, glossary, typography, URL contract, stale translations
	$(PY) scripts/guide.py check --build

.PHONY: fix
fix: install ## Fix what the check can fix (Chinese typography) in place, then list what is left (exit 0: nothing left)
	$(PY) scripts/guide.py check --fix

.PHONY: translation-status
translation-status: install ## List each translation as up to date, stale (with the source's diff) or missing (PAGE=docs/en/<page>.md: that one only)
	$(PY) scripts/guide.py translation-status $(PAGE)

.PHONY: update-translation
update-translation: install ## Record that PAGE=docs/en/<page>.md matches its zh source again (rewrites its source_hash line)
	@test -n "$(PAGE)" || { echo "make update-translation: say which page, e.g. make update-translation PAGE=docs/en/causes.md" >&2; exit 2; }
	$(PY) scripts/guide.py translation-status --update $(PAGE)

.PHONY: system-packages
system-packages: ## Install Chromium, CJK fonts, Java and Node.js for the tests (needs root)
	@scripts/ensure-system-packages.sh

.PHONY: test
test: system-packages $(VENV)/.test-installed node_modules/.installed ## Install what the tests need and run them all
	$(PY) -m pytest

.PHONY: audit
audit: system-packages $(VENV)/.test-installed node_modules/.installed ## Run only the whole-site audits (vnu, axe, Lighthouse)
	$(PY) -m pytest -m audit

.PHONY: bench
bench: $(VENV)/.test-installed ## Build; print build time, first-visit weight per page, search index size (SCALE=100: a site 100x larger)
	$(PY) -m scripts.bench $(if $(SCALE),--scale $(SCALE))

.PHONY: bench-budget
bench-budget: $(VENV)/.test-installed ## Bench the site and the x100 site; fail when over data/budgets.yml
	$(PY) -m scripts.bench --budget data/budgets.yml
	$(PY) -m scripts.bench --scale 100 --budget data/budgets.yml

.PHONY: compare-search
compare-search: system-packages $(VENV)/.compare-installed ## Measure our search against Material+jieba and Pagefind (README, "Search")
	$(PY) -m scripts.compare_search

.PHONY: screenshots
screenshots: system-packages $(VENV)/.test-installed ## Save phone-width screenshots (home, checklist ticked, solutions, support; zh/en, light/dark) into screenshots/
	$(PY) -m scripts.screenshots

.PHONY: clean
clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .bench node_modules screenshots
