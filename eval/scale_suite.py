"""A fixed sample of the NIH collection's gold QA (``../shared/scale``), as a suite for ``cancer-qa eval``.

    python -m eval.scale_suite --gold ../shared/scale/nih-medquad-gold.jsonl.gz --index DIR \\
        --sample 1000 --out var/reports/scale-sample.jsonl

The gold names a document by its file stem, which several sources share (427 stems occur twice),
so each question's page is found by its URL in the built index ``DIR`` (``documents.jsonl``), and
by stem only when the URL is not there. Questions whose page or section is not in the index are
left out and counted. The sample is the same on every run (``--seed``). The output is derived from
``../shared`` and is written under ``var/`` (never committed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path


def _pages(index: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    by_url: dict[str, str] = {}
    sections: dict[str, set[str]] = {}
    with (index / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            url = (doc.get("meta") or {}).get("url")
            if url:
                by_url.setdefault(url, doc["id"])
            sections[doc["id"]] = {s["heading"] for s in doc["sections"]}
    return by_url, sections


def build_suite(gold: Path, index: Path, sample: int, seed: int) -> tuple[list[dict[str, object]], int]:
    by_url, sections = _pages(index)
    with gzip.open(gold, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    kept, missing = [], 0
    for row in rows:
        doc = by_url.get(row["url"]) or (row["doc"] if row["doc"] in sections else None)
        if doc is None or row["section"] not in sections[doc]:
            missing += 1
            continue
        kept.append(
            {
                "id": row["id"],
                "question": row["question"],
                "qtype": row["qtype"],
                "relevant": [{"doc": doc, "section": row["section"]}],
            }
        )
    random.Random(seed).shuffle(kept)
    return kept[:sample], missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True, help="the built index folder of the collection")
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    suite, missing = build_suite(args.gold, args.index, args.sample, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in suite), encoding="utf-8")
    print(
        f"{len(suite)} questions written to {args.out} ({missing} gold questions: no such page or section)"
    )


if __name__ == "__main__":
    main()
