"""Added latency of safety triage per message: ``python -m eval.bench_triage [--suite FILE ...]``.

Times what ``QAService.ask`` adds for triage: the rules-only pass, then the learned pass with what
the rules found and the message's vector (which the service computes for retrieval anyway, so it
is computed here before the clock starts). Prints the median, p95 and maximum over the suites'
messages, several rounds, and the same over each message's best round (a shared machine's noise
only ever adds time).
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
    times: list[list[float]] = [[] for _ in questions]
    for _ in range(args.rounds):
        for i, (text, vector) in enumerate(zip(questions, vectors, strict=True)):
            started = time.perf_counter()
            rules = triage(text, learned=False)
            triage(text, vector, embedder.name, model, rules=rules)
            times[i].append((time.perf_counter() - started) * 1000)
    every = [t for per_message in times for t in per_message]
    best = [min(per_message) for per_message in times]
    print(
        f"triage added latency over {len(questions)} messages x {args.rounds}: "
        f"median {percentile(every, 0.5):.2f} ms, p95 {percentile(every, 0.95):.2f} ms, "
        f"max {max(every):.2f} ms; each message's best round (less machine noise): "
        f"median {percentile(best, 0.5):.2f} ms, p95 {percentile(best, 0.95):.2f} ms"
    )


if __name__ == "__main__":
    main()
