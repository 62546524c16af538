from __future__ import annotations

from index.search import Hit
from service.understand import expand, question_topics, rerank, topics


def test_question_and_heading_types() -> None:
    assert question_topics("What is the outlook for anal cancer?") == {"outlook"}
    assert question_topics("How to diagnose Kaposi sarcoma?") == {"diagnosis"}
    assert question_topics("what are the side effects of chemo") == {"side effects"}
    assert "diagnosis" in topics("Tests to Detect and Diagnose Anal Cancer")
    assert "outlook" in topics("Prognosis of Anal Cancer")


def test_lay_words_and_typos_are_mapped() -> None:
    assert expand("prostrate cancer signs") == "prostate cancer signs"
    assert "metastasis" in expand("has it spread")
    assert "leukemia" in expand("early leukimia symptoms")


def test_rerank_prefers_the_asked_section_within_contending_pages() -> None:
    hits = [
        Hit("anal", 0, "General Information About Anal Cancer", 0.70, "a#0"),
        Hit("anal", 3, "Prognosis of Anal Cancer", 0.66, "a#3"),
        Hit("colon", 2, "Prognosis of Colon Cancer", 0.55, "c#2"),
    ]
    ranked = rerank(hits, {"outlook"})
    assert [(h.doc, h.section) for h in ranked] == [("anal", 3), ("anal", 0), ("colon", 2)]
    assert ranked[0].score == 0.66 + 0.08
    assert ranked[2].score == 0.55
