"""Added latency of safety triage per message: ``python -m eval.bench_triage [--suite FILE ...]``.

Times what ``QAService.ask`` adds for triage: the rules-only pass, then the learned pass with what
the rules found and the message's vector (which the service computes for retrieval anyway, so it
is computed here before the clock starts). Prints the median, p95 and maximum over the suites'
messages, several rounds.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eval.metrics import percentile
from eval.suite import load_suite
from service.safety import triage
from service.safety.triage import default_model

SUITES = sorted((Path(__file__).parent / "suites").glob("*.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, action="append", help="default: every eval/suites/*.jsonl")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from index.embedder import load_embedder
    from service.understanding.terms import expand

    questions = [q.question for path in args.suite or SUITES for q in load_suite(path).questions]
    embedder = load_embedder("all-MiniLM-L6-v2")
    vectors = embedder.encode([expand(" ".join(q.split())) for q in questions])
    model = default_model()
    times = []
    for _ in range(args.rounds):
        for text, vector in zip(questions, vectors, strict=True):
            started = time.perf_counter()
            rules = triage(text, learned=False)
            triage(text, vector, embedder.name, model, rules=rules)
            times.append((time.perf_counter() - started) * 1000)
    print(
        f"triage added latency over {len(questions)} messages x {args.rounds}: "
        f"median {percentile(times, 0.5):.2f} ms, p95 {percentile(times, 0.95):.2f} ms, "
        f"max {max(times):.2f} ms"
    )


if __name__ == "__main__":
    main()
