"""A self-contained HTML report (inline CSS and SVG charts; no third-party assets).

Per suite: the headline metrics, per-qtype bars, a reading-grade histogram, the latency
distribution, and the 20 worst questions with their answers, so a person can see what failed.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from eval.report import fmt

if TYPE_CHECKING:
    from eval.runner import EvalResult, SuiteResult

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:auto;padding:1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
th{background:#f0f4f8}.bad{background:#fde8e8}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
figure{margin:0}figcaption{font-weight:600}.answer{color:#333;font-size:.92rem}code{font-size:.85rem}
"""


def _e(value: Any) -> str:
    return html.escape(str(value))


def _bars(rows: list[tuple[str, list[float | None]]], series: list[str], title: str) -> str:
    colors = ["#005ea2", "#73b3e7", "#e5a000"]
    width, row_h, label_w = 420, 16 * len(series) + 8, 130
    height = row_h * len(rows) + 24
    parts = [f'<svg role="img" aria-label="{_e(title)}" width="{width + label_w + 50}" height="{height}">']
    for r, (label, values) in enumerate(rows):
        y = r * row_h + 4
        parts.append(f'<text x="0" y="{y + row_h / 2 + 4}" font-size="12">{_e(label)}</text>')
        for s, value in enumerate(values):
            v = value or 0.0
            parts.append(
                f'<rect x="{label_w}" y="{y + s * 16}" width="{v * width:.1f}" height="14" '
                f'fill="{colors[s]}">'
                f"<title>{_e(series[s])}: {v:.3f}</title></rect>"
                f'<text x="{label_w + v * width + 4:.1f}" y="{y + s * 16 + 11}" font-size="11">{v:.2f}</text>'
            )
    legend = " ".join(f'<tspan fill="{colors[i]}">■</tspan> {_e(name)}' for i, name in enumerate(series))
    parts.append(f'<text x="{label_w}" y="{height - 6}" font-size="12">{legend}</text></svg>')
    return f"<figure><figcaption>{_e(title)}</figcaption>{''.join(parts)}</figure>"


def _histogram(values: list[float], bins: list[float], title: str, unit: str) -> str:
    counts = [0] * (len(bins) - 1)
    for v in values:
        for i in range(len(bins) - 1):
            last = i == len(bins) - 2
            if bins[i] <= v < bins[i + 1] or (last and v >= bins[i]):
                counts[i] += 1
                break
    top = max(counts) or 1
    bar_w, height = 34, 160
    parts = [
        f'<svg role="img" aria-label="{_e(title)}" width="{bar_w * len(counts) + 20}" height="{height + 40}">'
    ]
    for i, c in enumerate(counts):
        h = c / top * height
        x = i * bar_w + 10
        parts.append(
            f'<rect x="{x}" y="{height - h + 10}" width="{bar_w - 4}" height="{h:.1f}" fill="#005ea2">'
            f"<title>{bins[i]:g}-{bins[i + 1]:g}{unit}: {c}</title></rect>"
            f'<text x="{x}" y="{height + 24}" font-size="10">{bins[i]:g}</text>'
            f'<text x="{x + 4}" y="{height - h + 6}" font-size="10">{c}</text>'
        )
    parts.append("</svg>")
    return f"<figure><figcaption>{_e(title)}</figcaption>{''.join(parts)}</figure>"


def badness(r: dict[str, Any]) -> float:
    score = 0.0
    if r["kind"] in ("emergency", "crisis", "personal_advice") or r.get("safety"):
        score += 3.0 * (1.0 - r["safety_correct"])
    if r["kind"] in ("out_of_scope", "unanswerable"):
        score += 2.0 * (1.0 - r["abstained"])
    if r["kind"] == "answerable":
        score += 2.0 * r["abstained"]
        if r.get("relevant"):
            score += 1.0 - r.get("section MRR@10", 0.0)
        score += 1.0 - r.get("must_contain", 1.0)
        score += 1.0 - r.get("sentence_precision", 1.0)
    return score


def _worst(s: SuiteResult, n: int = 20) -> str:
    rows = sorted(s.records, key=lambda r: -badness(r))[:n]
    out = [
        "<table><tr><th>id</th><th>question</th><th>kind</th><th>expected</th><th>top sections</th>"
        "<th>answer</th><th>flags</th></tr>"
    ]
    for r in rows:
        flags = [f"abstained={bool(r['abstained'])}", f"safety={r.get('safety')}"]
        for key in ("section MRR@10", "must_contain", "sentence_precision", "fk_grade"):
            if key in r:
                flags.append(f"{key}={fmt(r[key])}")
        out.append(
            f"<tr class='bad'><td>{_e(r['id'])}</td><td>{_e(r['question'])}</td><td>{_e(r['kind'])}</td>"
            f"<td><code>{_e('; '.join(r['relevant']))}</code></td>"
            f"<td><code>{_e('; '.join(r['sections'][:3]))}</code></td>"
            f"<td class='answer'>{_e(r['answer'][:600])}</td><td>{_e(', '.join(flags))}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def _suite(s: SuiteResult) -> str:
    m = s.summary
    keys = [
        "section P@1",
        "section Recall@1",
        "section Recall@5",
        "section MRR@10",
        "doc Recall@1",
        "doc Recall@5",
        "sentence_precision",
        "gold_recall",
        "must_contain",
        "citation_valid",
        "fk_grade",
        "fk_grade_p90",
        "false_abstention",
        "correct_abstention",
        "safety_routing",
        "latency_median_ms",
        "latency_p95_ms",
    ]
    head = "".join(f"<th>{_e(k)}</th>" for k in keys)
    cells = "".join(f"<td>{fmt(m.get(k))}</td>" for k in keys)
    qrows = [
        (name, [g.get("section Recall@1"), g.get("section Recall@5"), g.get("must_contain")])
        for name, g in m["by_qtype"].items()
        if g.get("section Recall@1") is not None
    ]
    grades = [r["fk_grade"] for r in s.records if "fk_grade" in r]
    latencies = [r["latency_ms"] for r in s.records]
    charts = [
        _bars(qrows, ["section Recall@1", "section Recall@5", "must-contain"], "By question type"),
        _histogram(grades, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 99], "Answer reading grade (FK)", ""),
        _histogram(latencies, [0, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300, 10_000], "Latency", " ms"),
    ]
    kinds = "".join(
        f"<tr><td>{_e(k)}</td><td>{g['n']}</td><td>{fmt(g.get('abstained'))}</td>"
        f"<td>{fmt(g.get('safety_correct'))}</td></tr>"
        for k, g in m["by_kind"].items()
    )
    return (
        f"<section><h2>{_e(s.suite)} <small>({m['questions']} questions, corpus {_e(s.corpus)})</small></h2>"
        f"<table><tr>{head}</tr><tr>{cells}</tr></table>"
        f"<table><tr><th>kind</th><th>n</th><th>abstained</th><th>safety correct</th></tr>{kinds}</table>"
        f"<div class='charts'>{''.join(charts)}</div>"
        f"<h3>20 worst questions</h3>{_worst(s)}</section>"
    )


def html_report(result: EvalResult) -> str:
    body = "".join(_suite(s) for s in result.suites)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>cancer-qa eval report</title>"
        f"<style>{_STYLE}</style></head><body><h1>cancer-qa eval report</h1>{body}</body></html>"
    )
