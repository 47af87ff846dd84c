# The guide's commands. `make help` lists them; the README says when to use which.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      ?= .venv
PY        := $(VENV)/bin/python
MKDOCS    := $(VENV)/bin/mkdocs
GUIDE     := $(PY) scripts/guide.py
# ProperDocs, the maintained fork of MkDocs 1.x, in a venv of its own without MkDocs (docs-dev/decisions/0015-properdocs-escape-route.md).
PROPERDOCS_VENV ?= .venv-properdocs
PROPERDOCS      := $(PROPERDOCS_VENV)/bin/properdocs
HOST      ?= 127.0.0.1:8000
# The test tiers run on one pytest-xdist worker per core, a test file's tests on one worker (its
# module fixtures made once); the sites served and built are shared by the workers
# (docs-dev/decisions/0025-test-tiers.md). `make test-fast PYTEST_WORKERS=` runs in one process.
PYTEST_WORKERS ?= -n auto --dist loadfile
# The browser tier on the workers too since Chromium stopped building its own address-bar popup
# for every new window (src/guide_tools/browser.py; the figures: docs-dev/decisions/0025-test-tiers.md).
# `make test-browser BROWSER_WORKERS=` runs it in one process.
BROWSER_WORKERS ?= $(PYTEST_WORKERS)
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

$(VENV)/.lint-installed: $(VENV)/.test-installed requirements-lint.txt
	$(PY) -m pip install --quiet -r requirements-lint.txt
	touch $@

# The site's pinned tree without its dependency on MkDocs (--no-deps), with ProperDocs in its
# place; then the same plugins (ours, editable) build the same mkdocs.yml. static-i18n gets the
# fix of patches/ (its lunr languages under ProperDocs), until a release has it.
STATIC_I18N_PATCH := patches/mkdocs-static-i18n-1.3.1-lunr-languages.patch
$(PROPERDOCS_VENV)/.installed: requirements.txt requirements-properdocs.txt pyproject.toml $(STATIC_I18N_PATCH)
	test -x $(PROPERDOCS_VENV)/bin/python || python3 -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --no-deps -r requirements.txt -r requirements-properdocs.txt
	$(PROPERDOCS_VENV)/bin/python -m pip uninstall --quiet --yes mkdocs mkdocs-get-deps
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --no-deps -e .
	! $(PROPERDOCS_VENV)/bin/python -c "import importlib.metadata as m; m.distribution('mkdocs')" 2>/dev/null
	cd "$$($(PROPERDOCS_VENV)/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')" && \
	  { patch --dry-run --reverse --force --silent -p1 < $(CURDIR)/$(STATIC_I18N_PATCH) >/dev/null 2>&1 || \
	    patch --forward --force -p1 < $(CURDIR)/$(STATIC_I18N_PATCH); }
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
serve: install ## Serve the site with live reload at http://127.0.0.1:8000 (docs/, data/, overrides/, plugin assets); a failed build shows the check's messages in the browser
	$(GUIDE) serve $(addprefix --watch ,$(WATCH)) --dev-addr $(HOST) --config-file $(CONFIG)

.PHONY: build
build: install ## Build the site into site/ (strict: any warning fails)
	$(MKDOCS) build --strict --clean

.PHONY: check
check: install ## Check pages and built site: structure, links, front matter, glossary, typography, URL contract, stale translations
	$(GUIDE) check --build

.PHONY: fix
fix: install ## Fix what the check can fix (Chinese typography) in place, then list what is left (exit 0: nothing left)
	$(GUIDE) fix

.PHONY: translation-status
translation-status: install ## List each translation as up to date, stale (with the source's diff) or missing (PAGE=docs/en/<page>.md: that one only)
	$(GUIDE) translation-status $(PAGE)

.PHONY: update-translation
update-translation: install ## Record that PAGE=docs/en/<page>.md matches its zh source again (rewrites its source_hash line)
	@test -n "$(PAGE)" || { echo "make update-translation: say which page, e.g. make update-translation PAGE=docs/en/causes.md" >&2; exit 2; }
	$(GUIDE) translation-status --update $(PAGE)

.PHONY: system-packages
system-packages: ## Install Chromium, CJK fonts, Java and Node.js for the tests (needs root)
	@scripts/ensure-system-packages.sh

# The tiers are folders (tests/conftest.py says which and refuses a Chromium test outside them);
# `make test` runs all three, cheapest first, and stops at the first that fails.
.PHONY: test
test: system-packages test-fast test-browser test-audit ## Install what the tests need and run them all: the three tiers below, in order
.PHONY: test-fast
test-fast: $(VENV)/.test-installed node_modules/.installed ## Run the tests that need no browser (units, golden fixtures, builds): the inner loop
	$(PY) -m pytest $(PYTEST_WORKERS) --ignore=tests/browser --ignore=tests/audit

.PHONY: test-browser
test-browser: system-packages $(VENV)/.test-installed node_modules/.installed ## Run the browser tests (Playwright + Chromium), tests/browser/
	$(PY) -m pytest $(BROWSER_WORKERS) tests/browser

.PHONY: test-audit
test-audit: system-packages $(VENV)/.test-installed node_modules/.installed ## Run the audits as tests (valid HTML, axe, Lighthouse), tests/audit/
	$(PY) -m pytest $(PYTEST_WORKERS) tests/audit

.PHONY: audit
audit: test-audit ## The same as test-audit

.PHONY: bench
bench: $(VENV)/.test-installed ## Build; print build time, first-visit weight per page, search index size (SCALE=100: a site 100x larger)
	$(GUIDE) bench $(if $(SCALE),--scale $(SCALE))

.PHONY: bench-budget
bench-budget: $(VENV)/.test-installed ## Bench the site; fail when a figure is over data/budgets.yml
	$(GUIDE) bench --budget data/budgets.yml

# Lighthouse's performance is timing and moves with the machine's load: a figure, not a test.
.PHONY: bench-lighthouse
bench-lighthouse: system-packages $(VENV)/.test-installed node_modules/.installed ## Build for a local origin; print Lighthouse's scores (performance too, with the timings that cost points) of every audited page
	$(GUIDE) lighthouse

# The x100 site takes minutes: the scheduled workflow runs it (pull-request.yml), not every change.
.PHONY: bench-budget-scale
bench-budget-scale: $(VENV)/.test-installed ## Bench the x100 site; fail when over data/budgets.yml's scale limits
	$(GUIDE) bench --scale 100 --budget data/budgets.yml

.PHONY: search-eval
search-eval: system-packages $(VENV)/.test-installed ## Type every query of data/search-eval/ into our search box; print first / top 3 per set and language
	$(GUIDE) search-eval $(if $(SET),--set $(SET))

.PHONY: screenshots
screenshots: system-packages $(VENV)/.test-installed ## Save phone-width screenshots (home, checklist ticked, solutions, support; every language, light/dark) into screenshots/
	$(GUIDE) screenshots

.PHONY: lint
lint: $(VENV)/.lint-installed node_modules/.installed ## Lint: ruff (lint + format check) and mypy on the Python, ESLint on the JavaScript assets
	$(VENV)/bin/ruff check src scripts tests
	$(VENV)/bin/ruff format --check src scripts tests
	$(VENV)/bin/mypy
	node_modules/.bin/eslint .

.PHONY: build-properdocs
build-properdocs: $(PROPERDOCS_VENV)/.installed $(VENV)/.test-installed node_modules/.installed ## Build the site with ProperDocs (the maintained fork) into site-properdocs/, then run the build tests on it
	NO_MKDOCS_2_WARNING=1 $(PROPERDOCS) build --strict --clean -f mkdocs.yml --site-dir site-properdocs
	MKDOCS=$(PROPERDOCS) $(PY) -m pytest --ignore=tests/browser --ignore=tests/audit

# The one CI definition: .ci/run and the workflows run its steps in this order (tests/test_ci.py).
# Cheapest and most telling first: a lint or check message comes before minutes of browsers.
# System packages first: lint's ESLint needs npm, which the browser tests' packages bring.
.PHONY: ci
ci: system-packages ## Everything CI runs, in order: lint, check, make test (fast tests, browser tests, audits), budgets, ProperDocs
	$(MAKE) lint
	$(MAKE) check
	$(MAKE) test
	$(MAKE) bench-budget
	$(MAKE) build-properdocs

.PHONY: clean
clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site site-properdocs .pytest_cache .bench node_modules screenshots
