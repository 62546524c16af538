"""Does a message in Spanish get the reply in Spanish, and an English one never?

    python -m eval.language_check --messages FILE [--corpus DIR]

``FILE`` is JSONL with ``text`` and ``lang`` (ISO 639-1: ``es``, ``en``, or another language).
Every message is asked through the service in-process; the reply is "in Spanish" when its
``message_lang`` is ``es``. Prints Spanish recall (and how the Spanish messages that were not
answered in Spanish were answered: a safety reply, an English decline, an answer), the share of
English messages and of other languages' messages wrongly answered in Spanish, and the misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from core.settings import load_settings
from service.qa import QAService


def _outcome(answer: dict[str, object]) -> str:
    if answer.get("message_lang") == "es":
        return "spanish reply"
    if answer.get("safety"):
        return f"safety {answer['safety']}"
    return "declined" if answer.get("abstained") else "answered"


def main(argv: list[str] | None = None) -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--messages", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path("corpus/demo"))
    args = parser.parse_args(argv)
    service = QAService.open(load_settings(corpus=args.corpus))
    lines = args.messages.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    by_lang: dict[str, Counter[str]] = {}
    wrong: list[tuple[str, str, str]] = []
    for row in rows:
        outcome = _outcome(service.ask(row["text"]).to_dict())
        by_lang.setdefault(row["lang"], Counter())[outcome] += 1
        if (row["lang"] == "es") != (outcome == "spanish reply"):
            wrong.append((row["lang"], outcome, row["text"]))
    spanish = by_lang.get("es", Counter())
    english = by_lang.get("en", Counter())
    others = sum((c for lang, c in by_lang.items() if lang not in ("es", "en")), Counter())
    counts = ", ".join(f"{k} {sum(v.values())}" for k, v in sorted(by_lang.items()))
    print(f"messages: {len(rows)} ({counts})")
    print(f"Spanish answered in Spanish: {spanish['spanish reply']}/{sum(spanish.values())}: {dict(spanish)}")
    print(f"English answered in Spanish: {english['spanish reply']}/{sum(english.values())}")
    print(f"other languages answered in Spanish: {others['spanish reply']}/{sum(others.values())}")
    for lang, outcome, text in wrong:
        print(f"  [{lang} -> {outcome}] {text[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
