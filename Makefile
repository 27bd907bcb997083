# The two commands of the README: `make serve` (site) and `make test` (tests).
# Everything else they need is set up here, from pinned versions.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build serve-zensical build-zensical check hooks test browser mutate bench dist clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP)

MUTATE_STAMP := $(VENV)/.mutate-$(shell cat requirements-mutate.lock | cksum | cut -d' ' -f1)
$(MUTATE_STAMP): requirements-mutate.lock $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-mutate.lock
	rm -f $(VENV)/.mutate-* && touch $@

## Build the sample journal, then serve it at http://$(HOST)/
## --dirty: a rebuild after an edit skips the interview pages that did not change (see README).
SERVE_CMD := serve --dirty
serve: setup
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs $(SERVE_CMD) --dev-addr $(HOST)

build: setup
	$(BIN)/mkdocs build --strict

## The same site with Zensical, the successor of Material for MkDocs (docs/engines.md)
serve-zensical: setup
	$(BIN)/journal serve --engine zensical --dev-addr $(HOST)

build-zensical: setup
	$(BIN)/journal build --engine zensical --strict

check: setup
	$(BIN)/journal check

## A git pre-commit hook running `journal check --staged` (for teams not using pre-commit.com)
hooks: setup
	@hook="$$(git rev-parse --git-path hooks)/pre-commit"; \
	if [ -e "$$hook" ] && ! grep -q 'journal.*check --staged' "$$hook"; then \
	  echo "$$hook exists already: add this line to it: \"$(CURDIR)/$(BIN)/journal\" --root \"$(CURDIR)\" check --staged"; exit 1; fi; \
	mkdir -p "$$(dirname "$$hook")"; \
	printf '#!/bin/sh\n# Installed by `make hooks`: check the journal files being committed.\nexec "%s" --root "%s" check --staged\n' \
	  "$(CURDIR)/$(BIN)/journal" "$(CURDIR)" > "$$hook"; \
	chmod +x "$$hook"; echo "git now runs journal check on the notes of every commit ($$hook)"

## The browser tests drive Debian's chromium; install it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: setup browser
	$(BIN)/python -m pytest -n 2

## Mutation testing (docs/testing.md): clearance, attribution, anonymity, exports, citations, confidential files, conflicts.
## Before each release; about half an hour on two busy cores. `make mutate GROUPS=exports` runs one group.
mutate: setup $(MUTATE_STAMP)
	$(BIN)/python tests/mutate.py $(GROUPS)

## The wheel and the source archive a team installs, into dist/ (docs/upgrading.md)
dist: setup
	$(BIN)/python -m build --no-isolation --outdir dist .

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf site .journal .pytest_cache build dist mutants
