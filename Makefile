# Every target CI uses is here; .ci/run calls `make test` verbatim.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup demo test lint bench evaluate clean

EVAL := ../shared/eval/data

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, at the exact local CPU build; anything else pulls CUDA wheels.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## Set up, then run storyline on the bundled example: Markdown to the terminal, report.html on disk.
demo: setup
	$(BIN)/storyline summarize examples/harbor --out report.html --out -

## Set up, then run the linters and the whole test suite.
test: setup lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check storyline tests benchmarks
	$(BIN)/ruff format --check storyline tests benchmarks
	$(BIN)/mypy storyline

bench: setup
	$(BIN)/python benchmarks/bench_summarize.py

## The evaluation runs of docs/evaluation.md (needs ../shared/eval/data; minutes, not a test).
evaluate: setup
	mkdir -p results
	$(BIN)/storyline evaluate $(EVAL)/multi_news/test.jsonl --words 250 --metric f1 --jobs 2 \
		--out results/multinews_test.json --plot docs/results/multinews_test.png
	$(BIN)/storyline evaluate $(EVAL)/duc2004/test.jsonl --words 100 --metric recall --jobs 2 \
		--compare $(EVAL)/duc2004/system_outputs.jsonl \
		--out results/duc2004.json --plot docs/results/duc2004.png
	$(BIN)/python benchmarks/rouge_vs_rouge155.py
	$(BIN)/python benchmarks/ablation.py --set multi_news
	$(BIN)/python benchmarks/ablation.py --set duc2004

clean:
	rm -rf $(VENV) report.html .pytest_cache .ruff_cache .mypy_cache
