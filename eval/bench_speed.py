"""Every speed figure of the service in one run, saved as JSON and an HTML page with a chart.

    python -m eval.bench_speed --corpus DIR --suite FILE [--builds] [--out var/reports/bench.json]

Measures, on this machine, in one run:
- **encoders**, side by side in fresh processes: the sentence-transformers (torch) path and the
  ONNX path each load the model and embed the suite's questions one at a time; load seconds,
  milliseconds a question, peak memory, and the smallest cosine between their vectors. Ratios
  (torch / ONNX) make a regression visible whatever the machine.
- **ask**: wall time of ``cancer-qa ask`` from the shell with the index built (median of 3).
- **server**: start to first answer and warm one-client latency (one worker); answers a second at
  1, 4 and 16 clients and the memory of the server with one and with two workers.
- **builds** (``--builds``): the corpus copied to a temporary folder and indexed from scratch with
  an empty cache (time, peak memory), then one document edited and the index updated.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eval.bench import first_answer, load, memory_mb, start_server
from eval.metrics import percentile
from eval.suite import load_suite

_ENCODER = """
import json, sys, time, resource
import numpy as np
questions = json.load(open(sys.argv[2]))
started = time.perf_counter()
if sys.argv[1] == "torch":
    from index.embedder import MiniLMEmbedder
    embedder = MiniLMEmbedder()
else:
    from index.encoder import OnnxEmbedder
    embedder = OnnxEmbedder(__import__("pathlib").Path(sys.argv[3]))
loaded = time.perf_counter() - started
embedder.encode(questions[:5])
started = time.perf_counter()
vectors = np.stack([embedder.encode([q])[0] for q in questions])
each = (time.perf_counter() - started) / len(questions) * 1000
np.save(sys.argv[4], vectors)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": round(loaded, 2), "ms_per_question": round(each, 2), "peak_mb": round(peak, 1),
                  "torch_imported": "torch" in sys.modules}))
"""


def _run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        command, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, done.stdout


def encoders(questions: list[str], index: Path, work: Path) -> dict[str, Any]:
    import numpy as np

    (work / "q.json").write_text(json.dumps(questions))
    out: dict[str, Any] = {}
    for path in ("torch", "onnx"):
        vectors = str(work / f"{path}.npy")
        _, printed = _run(
            [sys.executable, "-c", _ENCODER, path, str(work / "q.json"), str(index / "encoder"), vectors]
        )
        out[path] = json.loads(printed.strip().splitlines()[-1])
    cosine = np.sum(np.load(work / "torch.npy") * np.load(work / "onnx.npy"), axis=1)
    out["min_cosine"] = round(float(cosine.min()), 6)
    out["ratio_torch_over_onnx"] = {
        k: round(out["torch"][k] / out["onnx"][k], 2) for k in ("load_s", "ms_per_question", "peak_mb")
    }
    return out


def ask_wall(corpus: str) -> dict[str, Any]:
    cli = [
        sys.executable,
        "-m",
        "cancer_qa",
        "ask",
        "What are the side effects of chemotherapy?",
        "--corpus",
        corpus,
    ]
    times = [_run(cli)[0] for _ in range(3)]
    return {"ask_wall_s": round(statistics.median(times), 2), "runs_s": [round(t, 2) for t in times]}


def server(corpus: str, questions: list[str], port: int) -> dict[str, Any]:
    base = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {}
    for workers in (1, 2):
        proc = start_server(corpus, port, workers)
        try:
            ready = first_answer(base, proc)
            load(base, questions, 100 * workers, 4 * workers)  # warm every worker
            if workers == 1:
                out["first_answer_s"] = round(ready, 2)
                latencies, errors = load(base, questions, 400, 1)
                out["one_client"] = {
                    "p50_ms": round(percentile(latencies, 0.5), 1),
                    "p95_ms": round(percentile(latencies, 0.95), 1),
                    "errors": errors,
                }
            levels = {}
            for clients in (1, 4, 16):
                started = time.perf_counter()
                latencies, errors = load(base, questions, 100 * clients, clients)
                levels[str(clients)] = {
                    "answers_per_s": round(100 * clients / (time.perf_counter() - started), 1),
                    "p95_ms": round(percentile(latencies, 0.95), 1),
                    "errors": errors,
                }
            out[f"workers_{workers}"] = {"throughput": levels, **memory_mb(proc.pid)}
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return out


def builds(corpus: Path) -> dict[str, Any]:
    """Scratch build with an empty cache, then one document edited and the index updated."""
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        copy, data = Path(tmp) / "corpus", Path(tmp) / "data"
        shutil.copytree(corpus, copy)
        env = {"QA_DATA_DIR": str(data)}
        index = [sys.executable, "-m", "cancer_qa", "index", "--corpus", str(copy)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        scratch, _ = _run(index, env)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        page = max(sorted(copy.rglob("*.md")), key=lambda p: p.stat().st_size)
        text = page.read_text(encoding="utf-8")
        cut = text.index(". ", len(text) // 2) + 1
        page.write_text(
            text[:cut] + " This sentence was added for the benchmark." + text[cut:], encoding="utf-8"
        )
        started = time.perf_counter()
        done = subprocess.run(index, env={**os.environ, **env}, capture_output=True, text=True, check=True)
        edit = time.perf_counter() - started
        changes = next((line for line in done.stderr.splitlines() if line.startswith("changes:")), "")
    return {
        "scratch_s": round(scratch, 1),
        "scratch_peak_mb": round(max(peak, before) / 1024, 1),
        "after_one_edit_s": round(edit, 1),
        "edited": str(page.relative_to(copy)),
        "changes": changes,
    }


def html(result: dict[str, Any]) -> str:
    """A small page: the figures as JSON and a bar chart of the torch / ONNX ratios."""
    ratios = result["encoders"]["ratio_torch_over_onnx"]
    top = max(max(ratios.values()), 1.0)
    bars = "".join(
        f'<text x="0" y="{30 + i * 34}">{name}</text>'
        f'<rect x="170" y="{16 + i * 34}" width="{300 * value / top:.0f}" height="20" fill="#3a6ea5"/>'
        f'<text x="{176 + 300 * value / top:.0f}" y="{30 + i * 34}">{value}×</text>'
        for i, (name, value) in enumerate(ratios.items())
    )
    height = 30 + 34 * len(ratios)
    chart = f'<svg role="img" aria-label="torch over ONNX ratios" width="560" height="{height}">{bars}</svg>'
    body = json.dumps(result, indent=2)
    return (
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>cancer-qa benchmark</title>"
        "<body style='font-family:sans-serif;max-width:60rem;margin:2rem auto'>"
        f"<h1>Benchmark</h1><h2>Torch path / ONNX path (higher: ONNX is ahead)</h2>{chart}"
        f"<h2>Every figure</h2><pre>{body}</pre></body></html>"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--suite", required=True, type=Path)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument(
        "--builds", action="store_true", help="also time a scratch build and a one-page update"
    )
    parser.add_argument("--out", type=Path, default=Path("var/reports/bench.json"))
    args = parser.parse_args()
    from core.settings import load_settings

    questions = [q.question for q in load_suite(args.suite).questions]
    index = load_settings(corpus=Path(args.corpus)).resolved_index_dir()
    result: dict[str, Any] = {"corpus": args.corpus, "suite": str(args.suite), "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        result["ask"] = ask_wall(args.corpus)  # builds the index when it is missing
        result["encoders"] = encoders(questions[:200], index, Path(work))
    result["server"] = server(args.corpus, questions, args.port)
    if args.builds:
        result["builds"] = builds(Path(args.corpus))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    args.out.with_suffix(".html").write_text(html(result), encoding="utf-8")
    print(json.dumps(result, indent=2))
    print(f"saved: {args.out} and {args.out.with_suffix('.html')}", file=sys.stderr)


if __name__ == "__main__":
    main()
