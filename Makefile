# MES Terminal — the commands that do everything on a fresh Debian/Ubuntu machine.
#
#   make run     set up, then open the demo (SQLite in the user data directory)
#   make test    set up, then run the whole test suite (PostgreSQL too when MES_TEST_DATABASE_URL is set)
#   make lint    ruff, the import-linter contracts and mypy
#   make bench   the quick benchmarks: command spine, event chain, terminal, scan-to-consume, documents, board latency
#   make bench-large  the benchmarks over generated large data: genealogy, OEE, board of 200 stations
#   make clean   remove the virtual environment, caches and build output
#
# Setup creates .venv, installs the package editable with its test extras (again only when
# pyproject.toml changed), and checks Qt's system libraries: as root it installs what is missing with
# apt-get, otherwise it prints the apt-get line to run.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help

VENV := .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Verified on a minimal Debian 12 (see PLATFORM.md in the project's shared notes).
# Offscreen Qt, enough for the tests:
QT_OFFSCREEN_PACKAGES := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 \
	libglib2.0-0 libxkbcommon0
# A real window (xcb), and Xvfb for screenshots and headless runs:
QT_XCB_PACKAGES := libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 \
	libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 xvfb xauth
# The tests read printed PDFs back as pictures and text (pdftoppm, pdftotext):
TEST_PACKAGES := poppler-utils
SYSTEM_PACKAGES := $(QT_OFFSCREEN_PACKAGES) $(QT_XCB_PACKAGES) $(TEST_PACKAGES)

.PHONY: help setup system-deps system-packages run test lint bench bench-large clean

help:
	@sed -n 's/^#   //p' $(firstword $(MAKEFILE_LIST))

setup: system-deps $(STAMP)

run: setup
	$(VENV)/bin/mes-terminal demo

# Offscreen unless the caller chose a platform: the suite needs no display. One worker per core, a test
# module on one worker (its module fixtures built once); PYTEST_WORKERS=0 runs in this process.
PYTEST_WORKERS ?= auto
test: setup
	QT_QPA_PLATFORM="$${QT_QPA_PLATFORM:-offscreen}" $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# All of them run, so one report shows every problem.
lint: $(STAMP)
	@status=0
	$(VENV)/bin/ruff check . || status=1
	$(VENV)/bin/ruff format --check . || status=1
	$(VENV)/bin/lint-imports || status=1
	$(VENV)/bin/mypy || status=1  # the files and strictness are in pyproject.toml [tool.mypy]
	# Generated forms and translations must match their sources.
	$(PYTHON) tools/generate_ui.py && git diff --exit-code --stat -- mes_terminal/ui/forms resources/translations || status=1
	exit $$status

bench: $(STAMP)
	$(PYTHON) benchmarks/spine.py
	$(PYTHON) benchmarks/event_chain.py
	QT_QPA_PLATFORM="$${QT_QPA_PLATFORM:-offscreen}" $(PYTHON) benchmarks/terminal.py
	$(PYTHON) benchmarks/consume.py
	$(PYTHON) benchmarks/documents.py
	$(PYTHON) benchmarks/board_latency.py

# The benchmarks that generate large data sets first (minutes each).
bench-large: $(STAMP)
	$(PYTHON) benchmarks/genealogy.py
	$(PYTHON) benchmarks/oee.py
	$(PYTHON) benchmarks/board.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis .import_linter_cache .mypy_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# The list, for scripts that install it themselves (.ci/run).
system-packages:
	@echo $(SYSTEM_PACKAGES)

# Qt's system libraries: installed when missing as root, else the apt-get line to run.
system-deps:
	@command -v dpkg >/dev/null || exit 0   # not Debian/Ubuntu: nothing to check
	missing=""
	for package in $(SYSTEM_PACKAGES); do
		dpkg -s "$$package" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=" $$package"
	done
	[ -n "$$missing" ] || exit 0
	if [ "$$(id -u)" -eq 0 ]; then
		echo "Installing system packages:$$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q
		apt-get install -y -q --no-install-recommends $$missing
	else
		echo "Qt needs system packages that are missing. Install them with:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing" >&2
	fi

# Debian's python3 makes venvs only with python3-venv (ensurepip) installed.
$(PYTHON):
	@if ! python3 -c 'import ensurepip' 2>/dev/null; then
		if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-venv
		else
			echo "python3 cannot create a virtual environment. Install: sudo apt-get install python3-venv" >&2
			exit 1
		fi
	fi
	python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install -e '.[test,machines]'
	$(PYTHON) -m compileall -q mes_terminal  # bytecode, as a wheel install has it: starts do not compile
	touch $@
