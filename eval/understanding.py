"""How well message understanding recovers the question from real, messy text:
``python -m eval.understanding --suite ../shared/eval/consumer-dev.jsonl [--corpus DIR]``.

Each row of the suite has a consumer's message (``question``) and the one-question summary a
person wrote of it (``summary``). For each message ``service.understanding.message.read_message``
gives the main question and its focus, and we report:

- ``focus recovered``: the share of messages whose focus (all its content words, stemmed) is in
  the human summary; ``focus found`` is how often there was a focus at all;
- ``summary terms kept``: the share of the summary's content words that the main question (plus
  the focus) keeps, against the same share for the whole message (what retrieval read before);
- ``words read``: the main question's length against the whole message's, the noise dropped.

With ``--corpus``, focus names come from that corpus's titles and headings, then the rarest
words; without, from the rarest words only. The messages need no model and are never logged.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from index.lexical import terms
from service.understanding.focus import FocusFinder
from service.understanding.message import read_message


def score(rows: list[dict[str, str]], names: FocusFinder | None = None) -> dict[str, float]:
    found = recovered = 0
    kept, whole, ratio = [], [], []
    for row in rows:
        message = read_message(row["question"], names)
        summary = set(terms(row["summary"]))
        if message.focus:
            found += 1
            recovered += set(terms(message.focus)) <= summary
        if summary:
            asked = set(terms(message.query)) | set(terms(message.focus or ""))
            kept.append(len(summary & asked) / len(summary))
            whole.append(len(summary & set(terms(row["question"]))) / len(summary))
        ratio.append(len(message.query.split()) / max(1, len(row["question"].split())))
    n = max(1, len(rows))
    return {
        "messages": len(rows),
        "focus found": round(found / n, 4),
        "focus recovered": round(recovered / n, 4),
        "summary terms kept (main question)": round(statistics.fmean(kept), 4) if kept else 0.0,
        "summary terms kept (whole message)": round(statistics.fmean(whole), 4) if whole else 0.0,
        "words read / words sent": round(statistics.fmean(ratio), 4) if ratio else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", type=Path, required=True, help="JSONL with question and summary")
    ap.add_argument("--corpus", type=Path, help="corpus whose titles name the focus (optional)")
    args = ap.parse_args()
    if not args.suite.exists():
        raise SystemExit(f"{args.suite} not found (it ships in ../shared/eval)")
    rows = [json.loads(line) for line in args.suite.read_text(encoding="utf-8").splitlines() if line.strip()]
    names = None
    if args.corpus:
        from ingest.loader import load_corpus

        names = FocusFinder(load_corpus(args.corpus).documents)
    for name, value in score(rows, names).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
