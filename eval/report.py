"""Human-readable reports of an ``EvalResult``: a Markdown summary (printed by ``make eval``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eval.runner import EvalResult

_HEADLINE = [
    ("section P@1", "sec P@1"),
    ("section Recall@1", "sec R@1"),
    ("section Recall@5", "sec R@5"),
    ("section Recall@10", "sec R@10"),
    ("section MRR@10", "sec MRR@10"),
    ("section nDCG@10", "sec nDCG@10"),
    ("doc Recall@1", "doc R@1"),
    ("doc Recall@5", "doc R@5"),
    ("doc Recall@10", "doc R@10"),
    ("doc MRR@10", "doc MRR@10"),
]
_ANSWER = [
    ("sentence_precision", "sentence precision"),
    ("gold_recall", "gold ROUGE-L recall"),
    ("must_contain", "must-contain coverage"),
    ("answer_words", "answer words (mean)"),
    ("citation_valid", "citations valid"),
    ("citation_coverage", "sentences cited"),
    ("fk_grade", "FK grade (mean)"),
    ("fk_grade_p90", "FK grade (p90)"),
    ("smog", "SMOG (mean)"),
    ("smog_p90", "SMOG (p90)"),
    ("false_abstention", "false abstention (answerable, gold in corpus)"),
    ("correct_abstention", "correct abstention (out of scope/unanswerable)"),
    ("safety_routing", "safety routing accuracy"),
    ("recall emergency", "recall: emergency"),
    ("recall crisis", "recall: crisis"),
    ("recall 911 or 988", "recall: emergency or crisis given a fixed 911/988 reply"),
    ("recall urgent", "recall: urgent (call the care team now)"),
    ("recall personal_advice", "recall: personal advice"),
    ("benign_false_triage", "benign look-alikes triaged emergency/crisis/urgent"),
    ("answerable_triaged", "answerable questions given any safety tier"),
    ("latency_median_ms", "latency median ms"),
    ("latency_p95_ms", "latency p95 ms"),
]


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def markdown_summary(result: EvalResult) -> str:
    out: list[str] = []
    for s in result.suites:
        m = s.summary
        out.append(f"### {s.suite} ({m['questions']} questions, corpus {s.corpus})\n")
        out.append("| " + " | ".join(label for _, label in _HEADLINE) + " |")
        out.append("|" + "---|" * len(_HEADLINE))
        out.append("| " + " | ".join(fmt(m.get(key)) for key, _ in _HEADLINE) + " |\n")
        out.append("| answer metric | value |\n|---|---|")
        out.extend(f"| {label} | {fmt(m.get(key))} |" for key, label in _ANSWER)
        out.append("")
        out.append("| qtype | n | sec R@1 | sec R@5 | sec MRR@10 | doc R@1 |\n|---|---|---|---|---|---|")
        for name, g in m["by_qtype"].items():
            out.append(
                f"| {name} | {g['n']} | {fmt(g.get('section Recall@1'))} | {fmt(g.get('section Recall@5'))} "
                f"| {fmt(g.get('section MRR@10'))} | {fmt(g.get('doc Recall@1'))} |"
            )
        out.append("")
        out.append(
            "| kind or tag | n | abstained | safety correct | sentence precision |\n|---|---|---|---|---|"
        )
        groups = list(m["by_kind"].items()) + [(f"tag: {k}", g) for k, g in m.get("by_tag", {}).items()]
        for name, g in groups:
            out.append(
                f"| {name} | {g['n']} | {fmt(g.get('abstained'))} | {fmt(g.get('safety_correct'))} "
                f"| {fmt(g.get('sentence_precision'))} |"
            )
        out.append("")
    return "\n".join(out)
