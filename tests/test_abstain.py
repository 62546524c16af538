"""Abstention evidence, the stored model, suggestions and the answer's reading grade."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core.errors import ConfigError
from index.lexical import terms
from ingest.model import Document, Metadata, Section
from service.answering.abstain import AbstainModel, Answerability, Evidence
from service.answering.readability import answer_grade, entries_text
from service.answering.suggest import follow_ups, nearby_topics, short_title


def _doc(doc_id: str, title: str, text: str, headings: tuple[str, ...] = ()) -> Document:
    sections = tuple(Section(h, 0, len(text)) for h in headings) or (Section(title, 0, len(text)),)
    return Document(doc_id, f"{doc_id}.md", "markdown", Metadata(title=title), text, sections)


DOCS = [
    _doc("lapatinib", "Lapatinib", "Lapatinib is a pill for breast cancer. It can cause diarrhea and rash."),
    _doc("melanoma", "Melanoma", "Melanoma is a skin cancer. Surgery removes it."),
]


def test_coverage_counts_the_question_subject_not_its_type_or_context() -> None:
    answerability = Answerability(DOCS)
    covered = answerability.evidence("my husband is scared, does lapatinib cause rash?", "lapatinib", 0.6, ())
    assert covered == Evidence(dense=0.6, coverage=1.0, rare_unknown=0.0, common_unknown=0.0)
    missing = answerability.evidence("sotorasib side effects", "lapatinib", 0.5, ("sotorasib",))
    assert missing.coverage == 0.0
    assert missing.rare_unknown == 1.0  # "sotorasib" is unseen in everyday English too
    everyday = answerability.evidence("renew my passport", "melanoma", 0.1, ("renew", "passport"))
    causes = answerability.evidence(
        "what causes lapatinib rash", "lapatinib", 0.6, (), "Signs and Symptoms of Rash"
    )
    assert causes.type_fit == 0.0
    assert (
        answerability.evidence("what causes it", "lapatinib", 0.6, (), "Risk Factors for Rash").type_fit
        == 1.0
    )
    assert answerability.evidence("tell me about lapatinib", "lapatinib", 0.6, (), "Anything").type_fit == 0.5
    # The question names a cancer ("melanoma" is specialist): is the top page about it?
    assert answerability.evidence("stages of uveal melanoma", "melanoma", 0.6, ()).site_fit == 1.0
    assert answerability.evidence("stages of uveal melanoma", "lapatinib", 0.6, ()).site_fit == 0.0
    assert answerability.evidence("does lapatinib cause rash", "lapatinib", 0.6, ()).site_fit == 0.5
    assert everyday.common_unknown == 1.0 and 0 < everyday.rare_unknown < 1


def test_model_probability_threshold_and_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = AbstainModel(
        weights=(4.0, 2.0, -3.0, -1.0, 1.0, 2.0, 3.0), bias=-3.0, threshold=0.5, meta={"questions": 3}
    )
    strong = Evidence(0.8, 1.0, 0.0, 0.0, 1.0, sentence=0.7)
    weak = Evidence(0.2, 0.1, 1.0, 1.0, 0.0, sentence=0.2)
    assert model.probability(strong) == pytest.approx(1 / (1 + np.exp(-(3.2 + 2.0 - 3.0 + 1.0 + 1.0 + 2.1))))
    assert not model.abstains(strong) and model.abstains(weak)
    path = tmp_path / "abstain.json"
    path.write_text(json.dumps(model.to_dict()))
    assert AbstainModel.load(path) == model
    assert Evidence.from_dict(json.loads(json.dumps(strong.to_dict()))) == strong
    assert model.probability(Evidence(0.8, 1.0, 0.0, 0.0, 0.0, sentence=0.7)) < model.probability(strong)  # a poor type fit
    # a section near the question as a whole, but with no sentence that says the thing asked
    assert model.probability(Evidence(0.8, 1.0, 0.0, 0.0, 1.0, sentence=0.1)) < model.probability(strong)
    bad = {**model.to_dict(), "features": ["dense", "coverage"]}
    with pytest.raises(ConfigError, match="abstain model features"):
        AbstainModel.from_dict(bad)


def test_follow_ups_offer_other_sections_people_want_next() -> None:
    page = _doc(
        "breast",
        "Breast Cancer Treatment (PDQ®) – Patient Version",
        "x" * 10,
        (
            "General Information About Breast Cancer",
            "Signs and Symptoms of Breast Cancer",
            "Prognosis of Breast Cancer",
            "Treatment Option Overview",
            "Clinical Trials and New Treatments for Breast Cancer",
        ),
    )
    assert short_title(page.title) == "Breast Cancer Treatment"
    assert follow_ups(page, answered=1) == (
        "Treatment Option Overview",
        "Clinical Trials and New Treatments for Breast Cancer",
        "Prognosis of Breast Cancer",
    )


def test_suggestions_put_the_subject_first_in_plain_words() -> None:
    page = _doc(
        "t", "Trastuzumab (Herceptin)", "x" * 10, ("What is trastuzumab?", "Heart checks during treatment")
    )
    assert follow_ups(page, answered=0) == ("Trastuzumab: heart checks during treatment",)
    acronym = _doc("h", "Trastuzumab", "x" * 10, ("About it", "HER2 testing"))
    assert follow_ups(acronym, answered=0) == ("Trastuzumab: HER2 testing",)  # an acronym keeps its case


def test_nearby_topics_are_distinct_pages_above_a_floor() -> None:
    from index.search import Hit

    docs = {d.id: d for d in DOCS}
    hits = [
        Hit("lapatinib", 0, "Side effects", 0.6, "l#0"),
        Hit("lapatinib", 1, "How it is taken", 0.55, "l#1"),
        Hit("melanoma", 0, "Melanoma", 0.5, "m#0"),
        Hit("melanoma", 1, "Surgery", 0.2, "m#1"),
    ]
    assert nearby_topics(hits, docs) == ("Lapatinib: side effects", "Melanoma")
    assert nearby_topics(hits[3:], docs) == ()


def test_reading_grade_counts_each_entry_as_a_sentence() -> None:
    entries = ["Common side effects include the following:", "Diarrhea", "Rash"]
    assert entries_text(entries) == "Common side effects include the following. Diarrhea. Rash."
    items = ["Side effects include the following:", "Feeling very tired all day", "Loose stools that last"]
    glued = " ".join(items)
    assert answer_grade(items) < answer_grade([glued])


def test_a_question_only_for_what_the_pages_never_give_is_not_answered() -> None:
    from service.answering.gaps import missing

    corpus = frozenset(terms("pancreatic leukemia chronic lymphocytic prognosis survival stage"))
    figures = missing(
        "what is the 5-year survival rate for stage 4 pancreatic cancer, as a percentage", (), corpus
    )
    assert figures is not None and figures.kind == "figures" and figures.blocks
    half = missing("chronic lymphocytic leukemia life expectancy, what affects it", (), corpus)
    assert half is not None and half.kind == "figures" and not half.blocks  # the factors are answered
    cost = missing("how much does a round of keytruda cost without insurance", (), corpus)
    assert cost is not None and cost.blocks
    assert missing("what is the prognosis for pancreatic cancer", (), corpus) is None


def test_a_section_that_speaks_of_costs_answers_a_cost_question_after_all() -> None:
    from service.answering.gaps import missing

    cost = missing("does insurance cover clinical trials", (), frozenset(terms("insurance clinical trials")))
    assert cost is not None and cost.blocks
    assert cost.answered_by("Federal law requires most health plans to cover routine costs in trials.")
    assert not cost.answered_by("Clinical trials test new treatments.")


def test_how_many_people_a_condition_affects_is_answered_by_a_page_that_says() -> None:
    from service.answering.gaps import missing

    corpus = frozenset(terms("alexander disease pancreatic"))
    often = missing("How many people are affected by Alexander disease?", (), corpus)
    assert often is not None and often.kind == "frequency" and often.blocks
    assert often.answered_by("The prevalence of Alexander disease is unknown.")
    assert often.answered_by("This condition affects about 1 in 100,000 newborns.")
    assert not often.answered_by("Alexander disease damages the white matter of the brain.")
    # How many survive is still a survival figure, which a count of cases does not give.
    survive = missing("How many people survive pancreatic cancer?", (), corpus)
    assert survive is not None and survive.kind == "figures"
    assert not survive.answered_by("About 60,000 people are diagnosed each year.")


def test_a_cancer_site_is_read_from_the_words_just_before_cancer() -> None:
    from service.answering.gaps import missing, sites

    assert sites("What are the downsides of lung cancer screening?") == []
    assert sites("I'm a bit paranoid about skin cancer, does sunscreen help?") == []
    assert sites("my dad has renal cell carcinoma") == ["renal", "carcinoma"]
    assert sites("squamous cell skin cancer on my ear") == ["squamous"]
    assert sites("is vaginal cancer common?") == ["vaginal"]
    # an everyday word before a named site is not a page we lack
    assert missing("what are the downsides of lung cancer screening", [], {"lung", "cancer"}) is None
