from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import CorpusError
from ingest import chunk_documents, count_tokens, embedding_text, load_corpus
from ingest.loader import load_file
from tests.conftest import SHARED, write


def test_markdown_sections_metadata_and_clean_text(tiny_corpus: Path) -> None:
    doc = load_file(tiny_corpus / "lapatinib.md", "lapatinib.md")
    assert doc.id == "lapatinib"
    assert [s.heading for s in doc.sections] == ["What is lapatinib?", "Side effects of lapatinib"]
    assert doc.meta.title == "Lapatinib"
    assert doc.meta.url == "https://example.org/lapatinib"
    assert doc.meta.cancer_types == ("breast",)
    assert doc.meta.audience == "patient"
    assert doc.meta.last_reviewed == "2026-01-05"
    assert doc.section_text(1) == (
        "Lapatinib can cause side effects. Common side effects include the following:\n"
        "Diarrhea.\nRash on the hands.\nLiver problems."
    )
    quotes = [(doc.text[s.start : s.end], s.item) for s in doc.sentences if s.section == 1]
    assert quotes == [
        ("Lapatinib can cause side effects.", False),
        ("Common side effects include the following:", False),
        ("Diarrhea.", True),
        ("Rash on the hands.", True),
        ("Liver problems.", True),
    ]


def test_numbered_bold_questions_start_sections_and_inline_markup_is_dropped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "qa.txt",
        """
        ---
        title: 'HER2 drugs: Q&A'
        ---
        # HER2 drugs: Q&A

        1. **What is *HER2*?**
        HER2 is a protein on some **breast cancer** cells. See [the NCI page](https://cancer.gov).
        2. **How is it treated?**

        With drugs such as trastuzumab.
        """,
    )
    doc = load_file(path, "qa.txt")
    assert [s.heading for s in doc.sections] == ["What is HER2?", "How is it treated?"]
    assert doc.section_text(0) == "HER2 is a protein on some breast cancer cells. See the NCI page."
    assert doc.kind == "markdown"


def test_bad_files_are_skipped_with_reasons_and_duplicates_stored_once(tiny_corpus: Path) -> None:
    write(tiny_corpus, "broken.md", "---\ntitle: [unclosed\n---\n# X\n\nText here.\n")
    (tiny_corpus / "latin1.md").write_bytes("# Caf\xe9\n\nText.".encode("latin-1"))
    (tiny_corpus / "empty.md").write_text("  \n")
    write(tiny_corpus, "sub/copy.md", (tiny_corpus / "melanoma.md").read_text())
    (tiny_corpus / "notes.csv").write_text("a,b\n")
    result = load_corpus(tiny_corpus)
    assert sorted(d.id for d in result.documents) == ["lapatinib", "melanoma"]
    reasons = {s.path: s.reason for s in result.skipped}
    assert reasons["empty.md"] == "empty file"
    assert reasons["latin1.md"] == "undecodable bytes (not UTF-8) at byte 5"
    assert reasons["broken.md"].startswith("broken front matter:")
    assert reasons["sub/copy.md"] == "duplicate of melanoma.md"
    assert "skipped 4" in result.report()


def test_missing_or_empty_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no usable document"):
        load_corpus(tmp_path / "empty")


def test_same_stem_in_two_folders_keeps_both(tiny_corpus: Path) -> None:
    write(tiny_corpus, "other/melanoma.md", "# Melanoma elsewhere\n\nA different page about moles.\n")
    ids = sorted(d.id for d in load_corpus(tiny_corpus).documents)
    assert ids == ["lapatinib", "melanoma", "other-melanoma"]


SCRAPED = """
Home
Health A-Z
Sign Up
Subscribe to our newsletter for the latest news and award-winning stories delivered to you.
Related Links
Advertisement
Melanoma Treatment - Patient Information
Melanoma is treated with surgery when it is found early, and the surgeon removes a margin of skin.
Immunotherapy drugs help the immune system find and attack melanoma cells in the body.
Targeted drugs
Some melanomas have a BRAF change, and drugs that block BRAF can slow their growth for a while.
Was this page helpful?
Source: https://example.org/melanoma-treatment
Share this page
Privacy Policy
Terms of Use
"""


def test_scraped_page_keeps_prose_and_drops_site_boilerplate(tmp_path: Path) -> None:
    path = write(tmp_path, "page.txt", SCRAPED)
    doc = load_file(path, "page.txt")
    assert doc.kind == "scraped"
    assert doc.meta.title == "Melanoma Treatment - Patient Information"
    assert doc.meta.audience == "patient"
    assert doc.meta.url == "https://example.org/melanoma-treatment"
    assert [s.heading for s in doc.sections] == ["Melanoma Treatment - Patient Information", "Targeted drugs"]
    for noise in ("Sign Up", "newsletter", "Advertisement", "Privacy", "helpful", "Health A-Z"):
        assert noise not in doc.text
    assert "BRAF can slow their growth" in doc.text


@pytest.mark.shared
def test_seed_003_loses_boilerplate_but_keeps_trastuzumab_and_lapatinib() -> None:
    seed = SHARED / "corpus" / "seeds" / "003_89a1fafd7e6d6e4d.txt"
    if not seed.exists():
        pytest.skip(f"../shared is not beside the checkout ({seed} missing)")
    doc = load_file(seed, seed.name)
    for noise in ("Sign Up", "Pill Identifier", "Today on WebMD", "Get Started", "Font Size"):
        assert noise not in doc.text
    assert "Trastuzumab is a humanized monoclonal antibody" in doc.text
    assert "Lapatinib has shown activity in combination with capecitabine" in doc.text
    assert doc.meta.audience == "professional"


def test_html_main_content_is_extracted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "trials.html",
        """
        <!doctype html><html><head><title>Clinical trials FAQ</title>
        <link rel="canonical" href="https://example.org/trials"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/shop">Shop our store</a></nav>
        <main><article><h1>Clinical trials FAQ</h1>
        <h2>Who pays for a trial?</h2>
        <p>The trial sponsor usually pays for research costs such as extra scans and tests that are part of the study.</p>
        <p>Your health plan may cover the routine care you would get even without the trial, so ask before you join.</p>
        <h2>Can I leave a trial?</h2>
        <p>Yes. You can leave a clinical trial at any time and for any reason, and your care team will still treat you.</p>
        </article></main>
        <aside>Sign up for our newsletter today!</aside><footer>Copyright 2026 Example</footer></body></html>
        """,
    )
    doc = load_file(path, "trials.html")
    assert doc.kind == "html"
    assert doc.meta.title == "Clinical trials FAQ"
    assert doc.meta.url == "https://example.org/trials"
    assert "Who pays for a trial?" in [s.heading for s in doc.sections]
    assert "Can I leave a trial?" in [s.heading for s in doc.sections]
    assert "newsletter" not in doc.text and "Shop our store" not in doc.text
    assert "leave a clinical trial at any time" in doc.text


def test_chunks_stay_in_sections_fit_the_budget_and_match_offsets(tiny_corpus: Path) -> None:
    result = load_corpus(tiny_corpus)
    long_body = " ".join(f"Sentence number {i} talks about melanoma care and skin checks." for i in range(80))
    write(tiny_corpus, "long.md", f"# Long page\n\n## Part one\n\n{long_body}\n\n## Part two\n\nShort.\n")
    result = load_corpus(tiny_corpus)
    docs = {d.id: d for d in result.documents}
    chunks = chunk_documents(result.documents, 64)
    assert {c.doc for c in chunks} == set(docs)
    for c in chunks:
        doc = docs[c.doc]
        section = doc.sections[c.section]
        assert section.start <= c.start < c.end <= section.end
        assert doc.text[c.start : c.end] == c.text
        assert count_tokens(embedding_text(doc.title, c.heading, c.text)) <= 64
    assert len([c for c in chunks if c.doc == "long"]) > 5
