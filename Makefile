# Every CI step is a target here; `.ci/run` calls `make test` and `make eval`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
CQA     := $(VENV)/bin/cancer-qa
CORPUS  ?= corpus/demo
HOST    ?= 127.0.0.1
PORT    ?= 8000
SHARED  ?= ../shared
LONG_READ := eval/suites/long-dev.jsonl,eval/suites/long-blind.jsonl,eval/suites/long-blind-2.jsonl,eval/suites/long-blind-3.jsonl,eval/suites/long-blind-4.jsonl,eval/suites/long-blind-6.jsonl,eval/suites/long-blind-7.jsonl,eval/suites/long-blind-8.jsonl,eval/suites/long-blind-9.jsonl,eval/suites/long-blind-11.jsonl
REPORTS ?= var/reports

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup run index test test-fast test-browser eval eval-demo eval-shared eval-baseline lint clean calibrate triage-model bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	# torch first and exactly: the CPU wheel cached on the machine (a looser pin pulls CUDA builds).
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

run: setup  ## build the index if missing or stale, then serve the chat
	$(CQA) serve --corpus $(CORPUS) --host $(HOST) --port $(PORT)

index: setup
	$(CQA) index --corpus $(CORPUS)

test: setup  ## unit tests (fake embedder) and integration tests (real model, real HTTP)
	$(PY) -m pytest -q -ra

test-fast: setup
	$(PY) -m pytest -q -m "not integration"

test-browser: setup  ## Playwright + Debian's Chromium (/usr/bin/chromium); screenshots in var/screenshots
	$(PY) -m pytest -q -ra -m browser

BASELINE ?= eval/baseline.json
GATE     ?= --baseline $(BASELINE)
DEMO_SUITES   := --suite eval/suites/demo.jsonl --suite eval/suites/demo-realistic.jsonl --suite eval/suites/safety.jsonl \
                 --suite eval/suites/safety-blind.jsonl --suite eval/suites/safety-blind-2.jsonl \
                 --suite eval/suites/safety-blind-3.jsonl --suite eval/suites/safety-blind-4.jsonl \
                 --suite eval/suites/safety-blind-5.jsonl --suite eval/suites/safety-blind-6.jsonl \
                 --suite eval/suites/safety-blind-7.jsonl --suite eval/suites/safety-blind-8.jsonl \
                 --suite eval/suites/safety-blind-9.jsonl --suite eval/suites/safety-blind-10.jsonl \
                 --suite eval/suites/safety-blind-11.jsonl --suite eval/suites/safety-blind-12.jsonl \
                 --suite eval/suites/safety-blind-13.jsonl --suite eval/suites/safety-blind-14.jsonl \
                 --suite eval/suites/safety-blind-15.jsonl --suite eval/suites/safety-blind-16.jsonl \
                 --suite eval/suites/safety-blind-18.jsonl --suite eval/suites/safety-blind-19.jsonl \
                 --suite eval/suites/safety-blind-20.jsonl --suite eval/suites/safety-blind-21.jsonl \
                 --suite eval/suites/safety-blind-23.jsonl \
                 --suite eval/suites/safety-blind-24.jsonl --suite eval/suites/safety-blind-25.jsonl \
                 --suite eval/suites/safety-blind-26.jsonl --suite eval/suites/safety-blind-28.jsonl \
                 --suite eval/suites/safety-blind-29.jsonl
SHARED_SUITES := --suite $(SHARED)/eval/medquad-cancergov-dev.jsonl --suite eval/suites/shared-realistic.jsonl \
                 --suite eval/suites/long-dev.jsonl --suite eval/suites/long-blind.jsonl \
                 --suite eval/suites/long-blind-2.jsonl --suite eval/suites/long-blind-3.jsonl \
                 --suite eval/suites/long-blind-4.jsonl --suite eval/suites/long-blind-6.jsonl \
                 --suite eval/suites/long-blind-7.jsonl --suite eval/suites/long-blind-8.jsonl \
                 --suite eval/suites/long-blind-9.jsonl --suite eval/suites/long-blind-11.jsonl \
                 --suite eval/suites/long-blind-12.jsonl --suite eval/suites/long-blind-13.jsonl \
                 --suite eval/suites/long-blind-14.jsonl --suite eval/suites/long-blind-16.jsonl \
                 --suite eval/suites/long-blind-17.jsonl \
                 --suite eval/suites/safety.jsonl
# The blind safety suites run once, on the demo corpus: triage comes before retrieval, so running
# them again on the NCI corpus only re-checks the same tiers (and cost CI about four minutes).

eval: setup  ## score the gold suites and gate against eval/baseline.json (shared suites when ../shared exists)
	@# the demo and the NCI corpora are scored side by side (two processes; CI has two cores)
	$(MAKE) --no-print-directory -j2 eval-demo eval-shared

eval-demo:
	$(CQA) eval --corpus corpus/demo $(DEMO_SUITES) $(GATE) \
		--report $(REPORTS)/demo.json --html $(REPORTS)/demo.html

eval-shared:
	@if [ -d "$(SHARED)/corpus" ]; then \
		$(CQA) eval --corpus $(SHARED)/corpus $(SHARED_SUITES) $(GATE) \
			--report $(REPORTS)/shared.json --html $(REPORTS)/shared.html && \
		$(PY) -m eval.understanding --suite $(SHARED)/eval/consumer-dev.jsonl --corpus $(SHARED)/corpus; \
	else \
		echo "NOTE: $(SHARED)/corpus not found: shared suites (medquad-cancergov-dev, shared-realistic, safety on NCI) skipped"; \
	fi

eval-baseline: setup  ## record the current figures as the new baseline, on purpose (one corpus after the other: both write the file)
	$(MAKE) --no-print-directory eval-demo GATE="--baseline $(BASELINE) --update-baseline"
	$(MAKE) --no-print-directory eval-shared GATE="--baseline $(BASELINE) --update-baseline"

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache

calibrate: setup  ## refit the abstention model (service/answering/abstain.json) on the suites; needs ../shared
	$(PY) -m eval.calibrate --max-false 0.10 \
		--run corpus/demo:eval/suites/demo.jsonl,eval/suites/demo-realistic.jsonl,eval/suites/safety.jsonl \
		--run $(SHARED)/corpus:$(SHARED)/eval/medquad-cancergov-dev.jsonl,eval/suites/shared-realistic.jsonl,$(LONG_READ),eval/suites/safety.jsonl

triage-model: setup  ## retrain the learned layer of safety triage (service/safety/triage_model.json) from eval/triage/
	$(PY) -m eval.train_triage

bench: setup  ## speed targets: triage latency, load on the demo corpus, then every speed figure (NCI corpus when ../shared is there)
	$(PY) -m eval.bench_triage
	# Load: 10,000 questions from 32 concurrent clients after 2,000 at the same concurrency; 0 errors, memory growth <= 5%.
	$(PY) -m eval.bench --corpus $(CORPUS) --suite eval/suites/demo-realistic.jsonl --requests 10000 \
		--clients 32 --warmup 2000
	# An index rebuilt and swapped while 4 clients ask: 0 failed requests, swap time, memory before/peak/after.
	$(PY) -m eval.bench_swap --corpus $(CORPUS) --out $(REPORTS)/swap.json
	# Torch and ONNX side by side, ask, start-up, latency, throughput, memory, builds: var/reports/bench.json and .html
	@if [ -d $(SHARED)/corpus ]; then \
		$(PY) -m eval.bench_speed --corpus $(SHARED)/corpus --suite eval/suites/shared-realistic.jsonl --builds; \
	else \
		echo "NOTE: $(SHARED)/corpus not found; speed figures on the demo corpus only"; \
		$(PY) -m eval.bench_speed --corpus $(CORPUS) --suite eval/suites/demo-realistic.jsonl --builds; \
	fi
