"""Staff search in the service layer: the counterpart rule (patient and health-professional pages
on the same topic) and ``search_sections`` (whole sections, highlights, counterpart sections)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import BadParameterError, BadQuestionError
from core.settings import load_settings
from ingest import load_corpus
from ingest.model import Document, Metadata, Section
from service.qa import QAService
from service.staff.counterparts import Counterparts, pairs, title_words
from service.staff.search import Span, StaffResult, StaffSearch, WholeSection, search_sections
from tests.conftest import DEMO, TINY, FakeEmbedder, write

PDQ_P, PDQ_HP = "(PDQ®) – Patient Version", "(PDQ®) – Health Professional Version"


def _page(doc_id: str, title: str, audience: str, *types: str) -> Document:
    meta = Metadata(title=title, audience=audience, cancer_types=types)
    return Document(doc_id, f"{doc_id}.md", "markdown", meta, "Text.", (Section("Part", 0, 5),))


def _pairs(*pages: tuple[str, str, str, tuple[str, ...]]) -> set[tuple[str, str]]:
    return pairs(_page(i, t, a, *types) for i, t, a, types in pages)


def test_nci_versions_of_one_summary_pair_and_other_cancers_do_not() -> None:
    found = _pairs(
        ("breast-p", f"Breast Cancer Treatment {PDQ_P}", "patient", ("breast",)),
        ("breast-hp", f"Breast Cancer Treatment {PDQ_HP}", "professional", ("breast",)),
        ("lung-p", f"Lung Cancer Treatment {PDQ_P}", "patient", ("lung",)),
        ("colon-hp", f"Colon Cancer Treatment {PDQ_HP}", "professional", ("colon",)),
    )
    assert found == {("breast-p", "breast-hp")}


def test_our_pages_pair_by_a_shared_topic_word_or_a_cancer_overview() -> None:
    found = _pairs(
        ("her2", "HER2-Positive Breast Cancer", "patient", ("breast",)),
        ("her2-hp", "HER2-Targeted Therapy: Clinical Summary for Health Professionals", "professional", ("breast",)),
        ("mammograms", "Mammograms and Breast Cancer Screening", "patient", ("breast",)),
        ("liver", "Liver Cancer: An Overview", "patient", ("liver",)),
        ("liver-screening", "Liver Cancer Screening for People at High Risk", "patient", ("liver",)),
        ("hcc-hp", "Hepatocellular Carcinoma: Management Summary for Health Professionals", "professional", ("liver",)),
    )
    assert found == {("her2", "her2-hp"), ("liver", "hcc-hp")}


@pytest.mark.parametrize(
    ("patient", "professional"),
    [
        # a shared topic word, but different cancers
        (("HER2-Positive Breast Cancer", ("breast",)), ("HER2-Positive Gastric Cancer HP", ("stomach",))),
        # the same cancer, another kind of information
        (("Liver Cancer Prevention", ("liver",)), ("Liver Cancer Screening HP", ("liver",))),
        # childhood and adult pages
        (("Childhood Liver Cancer Treatment", ("liver",)), ("Adult Primary Liver Cancer Treatment HP", ("liver",))),
        # the overview of one cancer is not the overview of another
        (("Liver Cancer: An Overview", ("liver",)), ("Breast Cancer HP", ("breast",))),
        # no specific cancer type and different titles
        ((f"Fatigue {PDQ_P}", ("general",)), (f"Nausea and Vomiting {PDQ_HP}", ("general",))),
    ],
)
def test_no_false_pairs(patient: tuple[str, tuple[str, ...]], professional: tuple[str, tuple[str, ...]]) -> None:
    assert _pairs(("p", patient[0], "patient", patient[1]), ("h", professional[0], "professional", professional[1])) == set()


def test_pages_of_one_audience_never_pair_and_general_pages_pair_on_the_same_title() -> None:
    title = f"Nausea and Vomiting {PDQ_P}"
    assert _pairs(("a", title, "patient", ("general",)), ("b", title, "patient", ("general",))) == set()
    found = _pairs(
        ("p", title, "patient", ("general",)),
        ("h", f"Nausea and Vomiting {PDQ_HP}", "professional", ("general",)),
        ("u", title, "unknown", ("general",)),
    )
    assert found == {("p", "h")}


def test_each_page_keeps_its_closest_version() -> None:
    found = _pairs(
        ("sclc", f"Small Cell Lung Cancer Treatment {PDQ_P}", "patient", ("lung",)),
        ("nsclc", f"Non-Small Cell Lung Cancer Treatment {PDQ_P}", "patient", ("lung",)),
        ("sclc-hp", f"Small Cell Lung Cancer Treatment {PDQ_HP}", "professional", ("lung",)),
        ("nsclc-hp", f"Non-Small Cell Lung Cancer Treatment {PDQ_HP}", "professional", ("lung",)),
    )
    assert found == {("sclc", "sclc-hp"), ("nsclc", "nsclc-hp")}
    assert title_words(f"Non-Hodgkin Lymphoma {PDQ_P}", ()).words == {"nonhodgkin", "lymphoma"}


def test_the_demo_corpus_pairs_its_two_professional_pages() -> None:
    counterparts = Counterparts(load_corpus(DEMO).documents)
    assert counterparts.pairs == {
        ("her2-positive-breast-cancer", "her2-targeted-therapy-hp"),
        ("her2-targeted-drugs-qa", "her2-targeted-therapy-hp"),
        ("lapatinib", "her2-targeted-therapy-hp"),
        ("liver-cancer", "hepatocellular-carcinoma-hp"),
    }
    assert counterparts.of("liver-cancer") == ("hepatocellular-carcinoma-hp",)
    assert counterparts.of("her2-targeted-therapy-hp") == (
        "her2-positive-breast-cancer", "her2-targeted-drugs-qa", "lapatinib",
    )
    assert counterparts.of("melanoma") == ()


LAPATINIB_HP = {
    "lapatinib-hp.md": """
        ---
        title: "Lapatinib (PDQ®) – Health Professional Version"
        url: https://example.org/lapatinib-hp
        source: NCI
        audienceLevel: professional
        cancerTypes: [breast]
        lastReviewed: 2025-06-01
        ---
        # Lapatinib

        ## Adverse effects of lapatinib

        Lapatinib toxicities are mostly mild. The most frequent are these:

        - Diarrhea, which is dose limiting.
        - Palmar-plantar rash on the hands.

        Hepatotoxicity is rare but can be severe.

        ## Lapatinib pharmacology

        Lapatinib is an oral dual tyrosine kinase inhibitor of EGFR and HER2.
        """,
}


@pytest.fixture
def service(tmp_path: Path) -> QAService:
    from index.build import build_index

    embedder = FakeEmbedder()
    corpus = tmp_path / "corpus"
    for name, text in {**TINY, **LAPATINIB_HP}.items():
        write(corpus, name, text)
    settings = load_settings(corpus=corpus, data_dir=tmp_path / "data", model=embedder.name)
    build_index(corpus, settings.resolved_index_dir(), lambda: embedder, embedder.name, 160)
    return QAService.open(settings, embedder)


def _sentences(service: QAService, section: WholeSection) -> set[str]:
    doc = service.index.documents[section.doc]
    return {doc.text[s.start : s.end] for s in doc.sentences if s.section == section.section_n}


def test_whole_sections_with_highlighted_sentences_and_the_counterpart(service: QAService) -> None:
    found = search_sections(service, "  lapatinib   side effects ", k=5)
    assert found.query == "lapatinib side effects"
    assert [r.rank for r in found.results] == list(range(1, len(found.results) + 1))
    top = found.results[0]
    assert (top.section.doc, top.section.section) == ("lapatinib", "Side effects of lapatinib")
    doc = service.index.documents["lapatinib"]
    part = doc.sections[top.section.section_n]
    assert top.section.text == doc.text[part.start : part.end].strip()
    assert top.section.text == doc.text[top.section.offset : top.section.offset + len(top.section.text)]
    assert "Rash on the hands." in top.section.text  # the whole section, list included
    for result in found.results:
        for whole in filter(None, (result.section, result.counterpart)):
            assert whole.highlights, whole
            quoted = [whole.text[h.start : h.end] for h in whole.highlights]
            assert set(quoted) <= _sentences(service, whole)
            assert [h.start for h in whole.highlights] == sorted(h.start for h in whole.highlights)
    assert top.counterpart is not None
    assert top.counterpart.doc == "lapatinib-hp" and top.counterpart.audience == "professional"
    assert top.counterpart.section == "Adverse effects of lapatinib"
    melanoma = [r for r in found.results if r.section.doc == "melanoma"]
    assert all(r.counterpart is None for r in melanoma)
    hp = next(r for r in found.results if r.section.doc == "lapatinib-hp")
    assert hp.counterpart is not None and hp.counterpart.doc == "lapatinib"


def test_filters_rank_only_what_they_allow_but_the_counterpart_is_the_other_audience(service: QAService) -> None:
    from index.search import Filters

    found = search_sections(service, "lapatinib side effects", Filters(audiences=("professional",)))
    assert {r.section.audience for r in found.results} == {"professional"}
    assert found.results[0].counterpart is not None and found.results[0].counterpart.audience == "patient"


@pytest.mark.parametrize(
    ("query", "k", "error", "message"),
    [
        ("  ", 10, BadQuestionError, "query is empty"),
        ("x" * 2001, 10, BadQuestionError, "query is too long (2001 characters; the limit is 2000)"),
        ("lapatinib", 0, BadParameterError, "k=0 is out of range: ask for 1 to 50 results"),
        ("lapatinib", 51, BadParameterError, "k=51 is out of range: ask for 1 to 50 results"),
    ],
)
def test_bad_queries_raise_clear_errors(service: QAService, query: str, k: int, error: type, message: str) -> None:
    with pytest.raises(error) as err:
        search_sections(service, query, k=k)
    assert str(err.value) == message


def test_types_round_trip_and_the_api_shape(service: QAService) -> None:
    found = search_sections(service, "lapatinib side effects", k=3)
    assert StaffSearch.from_dict(found.to_dict()) == found
    assert Span.from_dict(Span(1, 2).to_dict()) == Span(1, 2)
    first = found.results[0]
    assert StaffResult.from_dict(first.to_dict()) == first
    assert WholeSection.from_dict(first.section.to_dict()) == first.section
    body = found.api()
    assert set(body) == {"query", "results"}
    assert set(body["results"][0]) == {
        "rank", "doc", "title", "section", "score", "audience", "url", "source", "last_reviewed",
        "section_text", "highlights", "counterpart",
    }
    assert body["results"][0]["counterpart"] == {"doc": "lapatinib-hp", "section": "Adverse effects of lapatinib"}
