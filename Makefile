# Two commands matter: `make run` and `make test`. Both start from nothing but Python.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Debian's Chromium flags for a closed network; Playwright's own browser download is not used.
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test bench audit install install-test browser model lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser

browser:
	@{ command -v chromium && command -v pdffonts && command -v pdftoppm; } >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium and poppler-utils for the browser and PDF tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

model: install
	$(BIN)/screening model check || $(BIN)/screening model train

run: install
	$(BIN)/screening banks validate
	$(BIN)/screening db upgrade
	$(MAKE) --no-print-directory model
	$(BIN)/screening demo
	$(BIN)/uvicorn screening.web.asgi:app --host 127.0.0.1 --port 8501

test: install-test
	$(BIN)/ruff check screening tests bench app.py
	$(BIN)/mypy
	$(BIN)/screening banks validate --strict
	$(BIN)/python -m pytest -n 2 --dist loadgroup -p no:cacheprovider

bench: install
	$(BIN)/python -m bench.run

# The banks audit: can a candidate score by option length or wording alone? (slow: leave-one-item-out)
audit: install
	$(BIN)/screening banks audit --strict

clean:
	rm -rf $(VENV) var/*.db var/*.db-*
