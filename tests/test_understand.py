from __future__ import annotations

import pytest

from index.lexical import terms
from index.search import Hit
from ingest.model import Document, Metadata
from service.rerank import (
    BOTH_RISK_AND_PREVENTION,
    CHILDHOOD_PENALTY,
    FOCUS_WEIGHT,
    PROFESSIONAL_PENALTY,
    TYPE_BONUS,
    Reranker,
)
from service.understanding.spelling import Speller, american
from service.understanding.terms import expand, question_topics, topics


def test_question_and_heading_types() -> None:
    assert question_topics("What is the outlook for anal cancer?") == {"outlook"}
    assert question_topics("How to diagnose Kaposi sarcoma?") == {"diagnosis"}
    assert question_topics("what are the side effects of chemo") == {"side effects"}
    assert "diagnosis" in topics("Tests to Detect and Diagnose Anal Cancer")
    assert "outlook" in topics("Prognosis of Anal Cancer")
    # lay ways to ask for an outlook or for what something looks like
    assert "outlook" in question_topics("Could it still be cured now that it has spread?")
    assert question_topics("What decides how she will do after surgery?") == {"outlook"}
    assert question_topics("what does a basal cell carcinoma usually look like") == {"symptoms"}


def test_stages_phases_misspelled_symptoms_and_who_gets_it_more_often() -> None:
    assert question_topics("How is this leukemia staged?") == {"stages"}
    assert question_topics("what are the different phases, and can he move between them?") == {"stages"}
    assert question_topics("Which phase 2 trials take people over 70?") == {"trials"}
    assert question_topics("what are the sypmtoms of bladder cancer") == {"symptoms"}
    assert question_topics("Is it more common in people of Japanese descent?") == {"risk"}


def test_asking_how_to_lower_a_risk_asks_for_prevention_not_risk_factors() -> None:
    assert question_topics("Would losing weight actually lower the risk?") == {"prevention"}
    assert question_topics("what can i do to reduce my chances of getting liver cancer") == {"prevention"}
    assert question_topics("if I stop now will the risk go down?") == {"prevention"}
    assert question_topics("how much does the risk of throat cancer come down after stopping?") == {"prevention"}
    assert question_topics("will giving up the cigarettes help at all?") == {"prevention"}
    assert question_topics("Who is at risk for anal cancer?") == {"risk"}
    # Both asked: both kept.
    assert question_topics("What raises the risk, and how can I lower my risk?") == {"risk", "prevention"}
    # what makes no difference is told where prevention is ("the following do not affect the risk")
    assert "prevention" in question_topics("Which of these make no difference to the risk, according to research?")
    assert "prevention" in question_topics("Does hair dye really affect your risk of bladder cancer?")
    # a spread told as the condition of an outlook question does not ask for the stages
    assert "stages" not in question_topics("Can it still be cured once it has spread to the lymph nodes?")
    assert "stages" in question_topics("What stage is it if it has spread, and what is the outlook?")


def test_lay_words_and_typos_are_mapped() -> None:
    assert expand("prostrate cancer signs") == "prostate cancer signs"
    assert "neuropathy" in expand("my feet are numb") and "neuropathy" in expand("numbness in my hands")
    assert expand("what does that number mean?") == "what does that number mean?"  # not "numb..."
    assert "metastasis" in expand("has it spread")
    assert "leukemia" in expand("early leukimia symptoms")
    assert expand("can i take tykerb with food") == "can i take lapatinib with food"
    assert expand("what does stage 4 mean, and stage 2b?") == "what does stage IV mean, and stage IIB?"
    assert expand("my son has ALL, is all of it treatable") == (
        "childhood children has acute lymphoblastic leukemia, is all of it treatable"
    )


def _doc(doc_id: str, title: str, audience: str = "patient") -> Document:
    return Document(doc_id, f"{doc_id}.md", "markdown", Metadata(title=title, audience=audience), "", ())


PAGES = [
    _doc("child-hodgkin", "Childhood Hodgkin Lymphoma Treatment"),
    _doc("child-nhl", "Childhood Non-Hodgkin Lymphoma Treatment"),
    _doc("adult-hodgkin", "Adult Hodgkin Lymphoma Treatment"),
    _doc("hodgkin-hp", "Hodgkin Lymphoma Treatment", audience="professional"),
]


def test_focus_prefers_the_page_the_question_names() -> None:
    reranker = Reranker(PAGES)
    kids = set(terms("signs of hodgkin lymphoma in children"))
    scores = {d.id: reranker.focus_score(d.id, kids) for d in PAGES}
    assert scores["child-hodgkin"] == 1.0
    assert scores["child-hodgkin"] > scores["child-nhl"] > 0
    assert scores["child-hodgkin"] > scores["adult-hodgkin"]
    grown_up = set(terms("signs of hodgkin lymphoma"))
    assert reranker.focus_score("adult-hodgkin", grown_up) == 1.0  # "adult" is implied
    assert reranker.focus_score("child-hodgkin", grown_up) < 1.0


def test_rerank_prefers_the_asked_section_and_patient_pages() -> None:
    hits = [
        Hit("hodgkin-hp", 0, "Prognosis", 0.68, "h#0"),
        Hit("adult-hodgkin", 0, "General Information About Adult Hodgkin Lymphoma", 0.70, "a#0"),
        Hit("adult-hodgkin", 3, "Prognosis of Adult Hodgkin Lymphoma", 0.66, "a#3"),
    ]
    ranked = Reranker(PAGES).rerank(hits, "hodgkin lymphoma outlook", {"outlook"})
    assert [(h.doc, h.section) for h in ranked] == [
        ("adult-hodgkin", 3),
        ("hodgkin-hp", 0),
        ("adult-hodgkin", 0),
    ]
    assert ranked[0].score == pytest.approx(0.66 + TYPE_BONUS + FOCUS_WEIGHT)
    assert ranked[1].score == pytest.approx(0.68 + TYPE_BONUS + FOCUS_WEIGHT - PROFESSIONAL_PENALTY)
    staff = Reranker(PAGES).rerank(hits, "hodgkin lymphoma outlook", {"outlook"}, patient=False)
    assert (staff[0].doc, staff[0].section) == ("hodgkin-hp", 0)


def test_an_adult_patient_moves_childhood_pages_down() -> None:
    hits = [
        Hit("child-hodgkin", 0, "General Information About Childhood Hodgkin Lymphoma", 0.70, "c#0"),
        Hit("adult-hodgkin", 0, "General Information About Adult Hodgkin Lymphoma", 0.69, "a#0"),
    ]
    reranker = Reranker(PAGES)
    plain = reranker.rerank(hits, "what is hodgkin lymphoma", set())
    told = reranker.rerank(hits, "what is hodgkin lymphoma (adult)", set())
    assert [h.doc for h in told] == ["adult-hodgkin", "child-hodgkin"]
    child = {h.doc: h.score for h in plain}["child-hodgkin"]
    assert {h.doc: h.score for h in told}["child-hodgkin"] < child - CHILDHOOD_PENALTY + 1e-9
    # a childhood question keeps its page
    kids = reranker.rerank(hits, "what is hodgkin lymphoma in children (adult)", set())
    assert kids[0].doc == "child-hodgkin"


def test_a_question_about_raising_and_lowering_a_risk_prefers_the_prevention_section() -> None:
    hits = [
        Hit("adult-hodgkin", 5, "Risk Factors for Breast Cancer", 0.70, "r#5"),
        Hit("adult-hodgkin", 4, "Prevention of Breast Cancer", 0.70, "p#4"),
    ]
    both = Reranker(PAGES).rerank(hits, "what raises the risk and what lowers my risk", {"risk", "prevention"})
    assert both[0].section == 4
    assert both[0].score - both[1].score == pytest.approx(TYPE_BONUS * BOTH_RISK_AND_PREVENTION)
    risk = Reranker(PAGES).rerank(hits, "what raises the risk", {"risk"})
    assert risk[0].section == 5


def test_spelling_fixes_typos_to_corpus_words_and_names_unknown_ones() -> None:
    speller = Speller(["Loss of appetite is common during chemotherapy. Exercise helps fatigue."])
    check = speller.check("no apetite on chemotherapy, should i excercise? what about sotorasib")
    assert check.text == "no appetite on chemotherapy, should i exercise? what about sotorasib"
    assert check.corrections == (("apetite", "appetite"), ("excercise", "exercise"))
    assert check.unknown == ("sotorasib",)
    assert speller.check("my wife is worried").unknown == ()


def test_another_form_of_a_corpus_word_is_not_a_typo() -> None:
    speller = Speller(["Treatment may cause infertility. Infantile forms are rare."])
    check = speller.check("can the treatment make him infertile")
    assert check.text == "can the treatment make him infertile" and check.corrections == ()
    assert check.unknown == ()


def test_british_spellings_take_the_pages_american_ones_and_are_not_unknown() -> None:
    speller = Speller(["A tumor in the esophagus can cause diarrhea. Pediatric care at a cancer center."])
    check = speller.check("my son's paediatric centre saw a tumour in his oesophagus and diarrhoea")
    assert check.text == "my son's pediatric center saw a tumor in his esophagus and diarrhea"
    assert check.unknown == ()
    # Only to a spelling the pages use: otherwise the word is what it was.
    assert speller.check("is it oesophageal").unknown == ("oesophageal",)
    assert "tumor" in american("tumour") and "oestrogen" not in american("oestrogen")
