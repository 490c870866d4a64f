# sopgen: every target makes its own virtual environment on first use,
# so a fresh clone needs only Python 3.11+ (and make).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DATA   ?= data
OUT    ?= output

.PHONY: all build pdf html check test bench serve schema lint clean diff impor

all: check build

# The installer's own chatter goes to $(VENV)/install.log and is shown only when it fails.
$(BIN)/sopgen: pyproject.toml setup.py
	@echo "Memasang sopgen dan dependensinya ke $(VENV)/ (pertama kali sekitar satu menit)..."
	@$(PYTHON) -m venv $(VENV)
	@{ $(BIN)/python -m pip install --quiet --upgrade pip \
	   && $(BIN)/python -m pip install --quiet -e '.[test]'; } >$(VENV)/install.log 2>&1 \
	 || { cat $(VENV)/install.log; echo "Pemasangan gagal; rincian di atas."; exit 1; }
	@touch $@
	@echo "Terpasang. Berikutnya cukup 'make' (atau make pdf, make html, make check)."

JOBS ?=
build: $(BIN)/sopgen        ## binder, per-procedure PDFs and handbook in one run (cached, parallel)
	$(BIN)/sopgen build $(DATA) $(OUT) $(if $(JOBS),-j $(JOBS))

pdf: $(BIN)/sopgen          ## the official binder: output/pdf/*.pdf
	$(BIN)/sopgen pdf $(DATA) $(OUT)

html: $(BIN)/sopgen         ## the handbook: output/html/index.html
	$(BIN)/sopgen html $(DATA) $(OUT)

check: $(BIN)/sopgen        ## validate the YAML and show lints
	$(BIN)/sopgen check $(DATA) $(OUT)

serve: $(BIN)/sopgen        ## live preview while editing
	$(BIN)/sopgen serve $(DATA) $(OUT)

OLD ?= HEAD
diff: $(BIN)/sopgen         ## what changed since OLD (git), also as output/perubahan.html
	$(BIN)/sopgen diff $(OLD) $(DATA) --html $(OUT)/perubahan.html

schema: $(BIN)/sopgen      ## update schema/dokumen.schema.json and schema/prosedur.schema.json
	$(BIN)/sopgen schema --output schema

# Test-only tools from the npm registry (axe-core, the Nu validator), when npm exists.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm tidak ada: uji aksesibilitas/validasi HTML akan gagal dengan pesan jelas"; fi

test: $(BIN)/sopgen node_modules/.package-lock.json  ## the whole test suite
	$(BIN)/python -m pytest -n auto --dist loadfile

bench: $(BIN)/sopgen        ## speed figures (not a test)
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/bench_layout.py
	$(BIN)/python bench/bench_impor.py

FILES ?=
KE    ?= $(DATA)
impor: $(BIN)/sopgen        ## existing SOPs -> YAML: make impor FILES="a.pdf b.xlsx" [KE=data]
	@test -n "$(FILES)" || { echo 'pakai: make impor FILES="sop-1.pdf sop-2.xlsx" (KE=folder tujuan, bawaan data)'; exit 2; }
	$(BIN)/sopgen impor $(FILES) --ke $(KE)

lint: $(BIN)/sopgen        ## style and static checks (CI runs it before the tests)
	$(BIN)/python -m ruff check sopgen tests bench
	$(BIN)/python -m ruff format --check sopgen tests bench

clean:
	rm -rf $(OUT) .pytest_cache
