from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import SuiteError
from eval.metrics import percentile, retrieval_scores, rouge_l_recall
from eval.report import markdown_summary
from eval.runner import run_eval
from eval.suite import load_suite


def test_retrieval_metrics_on_known_rankings() -> None:
    qrels = {"q1": {"a::s": 1}, "q2": {"b::s": 1}, "q3": {"c::s": 1, "d::s": 1}}
    rankings = {"q1": ["a::s", "x"], "q2": ["x", "y", "b::s"], "q3": ["c::s"] + [f"z{i}" for i in range(12)]}
    scores = retrieval_scores(qrels, rankings)
    assert scores["q1"]["Recall@1"] == 1.0 and scores["q1"]["MRR@10"] == 1.0
    assert scores["q2"]["Recall@1"] == 0.0 and scores["q2"]["Recall@5"] == 1.0
    assert scores["q2"]["MRR@10"] == pytest.approx(1 / 3)
    assert scores["q3"]["Recall@10"] == 0.5


def test_missing_ranking_scores_zero() -> None:
    scores = retrieval_scores({"q": {"a": 1}}, {})
    assert scores["q"]["Recall@10"] == 0.0 and scores["q"]["MRR@10"] == 0.0


def test_rouge_and_percentile() -> None:
    assert rouge_l_recall("the cat sat on the mat", "the cat sat") == pytest.approx(0.5)
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert percentile([0.0, 10.0], 0.95) == pytest.approx(9.5)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"id": "1"}', "missing or empty field 'question'"),
        ('{"id": "1", "question": "q", "kind": "maybe"}', "kind 'maybe' is not one of"),
        ('{"id": "1", "question": "q", "relevant": [{"doc": "d"}]}', "'relevant' must be a list"),
    ],
)
def test_malformed_suites_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "0", "question": "ok"}\n' + line + "\n")
    with pytest.raises(SuiteError, match=f"s.jsonl:2: {message}"):
        load_suite(path)


def test_repeated_ids_are_kept_under_new_ids(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "question": "one"}\n{"id": "a", "question": "two"}\n')
    suite = load_suite(path)
    assert [q.id for q in suite.questions] == ["a", "a~2"]
    assert suite.warnings == (f"{path}:2: duplicate id 'a' renamed a~2",)


def test_run_eval_on_tiny_corpus(tiny_settings, tiny_service, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        {
            "id": "1",
            "question": "What are the side effects of lapatinib?",
            "qtype": "side effects",
            "relevant": [{"doc": "lapatinib", "section": "Side effects of lapatinib"}],
            "must_contain": ["diarrhea"],
        },
        {
            "id": "2",
            "question": "How is melanoma treated?",
            "qtype": "treatment",
            "relevant": [{"doc": "melanoma", "section": "Melanoma treatment"}],
            "must_contain": ["surgery", "radiation"],
        },
        {"id": "3", "question": "What is the capital of France?", "kind": "out_of_scope", "relevant": []},
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    result = run_eval(tiny_settings, [path], service=tiny_service)
    summary = result.suites[0].summary
    assert summary["questions"] == 3
    assert summary["section Recall@1"] == 1.0 and summary["doc Recall@1"] == 1.0
    assert summary["must_contain"] == pytest.approx(0.75)
    assert summary["sentence_precision"] == 1.0
    assert summary["citation_valid"] == 1.0
    assert summary["false_abstention"] == 0.0 and summary["correct_abstention"] == 1.0
    assert summary["by_qtype"]["treatment"]["section Recall@1"] == 1.0
    assert "| sec R@1 |" in markdown_summary(result)


def test_the_scale_sample_finds_pages_by_url_then_by_stem_and_counts_the_rest(
    tiny_settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import gzip

    from eval.scale_suite import build_suite

    index = tiny_settings.resolved_index_dir()
    sections = {json.loads(line)["id"]: [s["heading"] for s in json.loads(line)["sections"]]
                for line in (index / "documents.jsonl").read_text().splitlines()}  # fmt: skip
    rows = [
        {"id": "1", "question": "q1", "qtype": "x", "doc": "other-stem", "url": "https://example.org/lapatinib",
         "section": sections["lapatinib"][0]},
        {"id": "2", "question": "q2", "qtype": "x", "doc": "melanoma", "url": "https://nowhere.example",
         "section": sections["melanoma"][0]},
        {"id": "3", "question": "q3", "qtype": "x", "doc": "melanoma", "url": "https://nowhere.example",
         "section": "No such section"},
        {"id": "4", "question": "q4", "qtype": "x", "doc": "absent", "url": "https://nowhere.example", "section": "s"},
    ]  # fmt: skip
    gold = tmp_path / "gold.jsonl.gz"
    with gzip.open(gold, "wt") as out:
        out.write("".join(json.dumps(r) + "\n" for r in rows))
    suite, missing = build_suite(gold, index, sample=10, seed=1)
    assert missing == 2
    assert sorted((q["id"], q["relevant"][0]["doc"]) for q in suite) == [("1", "lapatinib"), ("2", "melanoma")]
    assert build_suite(gold, index, sample=1, seed=1)[0] == build_suite(gold, index, sample=1, seed=1)[0]
