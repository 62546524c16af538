"""The glossary: definitions mined from the pages (each a quote with exact offsets), stored in
the index under its checksum, and used to explain an answer's hard words. Our own words, tiny
inline corpora, the fake embedder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from core.errors import IndexMismatchError
from index.build import build_index
from index.glossary import GlossaryEntry, mine_glossary
from index.glossary_words import term_key
from index.store import load_index
from ingest import load_corpus
from service.answer import Answer, AnswerSentence, Citation
from service.answering.glossary import Glossary, hard
from tests.conftest import FakeEmbedder, write

HEAD = "---\ntitle: {title}\nurl: https://example.org/{name}\nsource: Example\naudienceLevel: patient\n---\n"

CARE = """
# Care words

## What is a sarcoma?

A sarcoma is a tumor that grows in bone, muscle or fat.

## Planning care

Doctors think about the prognosis (chance of recovery) before they plan care. Your chance of recovery (prognosis) depends on many things.

A biopsy is the removal of a small piece of tissue so it can be checked under a microscope.

Medicine given after surgery to lower the chance that the tumor returns is called adjuvant therapy.

Doctors may give medicine before an operation to shrink a tumor. This is called neoadjuvant therapy.

Tests that may be used:

- Colonoscopy: A test that uses a thin tube with a camera to look inside the bowel.
"""

TRAPS = """
# Traps

## Scans

The scan uses computed tomography (CT) to make pictures. The doctor (a person who treats sick people) will call you.

It causes weight loss and weakness. This is called cachexia.

A mesothelioma is a tumor that starts in the thin layer of tissue that covers many of the organs inside the body, most often the lining of the lungs and chest wall, and it may also start in the belly, around the heart or around the testicles in men.
"""


def _corpus(root: Path) -> Path:
    write(root, "care.md", HEAD.format(title="Care words", name="care") + CARE)
    write(root, "traps.md", HEAD.format(title="Traps", name="traps") + TRAPS)
    return root


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _corpus(tmp_path / "corpus")


def _mined(corpus: Path) -> tuple[dict[str, str], tuple[GlossaryEntry, ...]]:
    documents = load_corpus(corpus).documents
    return {d.id: d.text for d in documents}, mine_glossary(documents)


def test_each_pattern_is_found_as_an_exact_quote(corpus: Path) -> None:
    texts, entries = _mined(corpus)
    assert all(texts[e.doc][e.start : e.end] == e.definition for e in entries)
    found = {(e.key, e.kind): e.definition for e in entries}
    assert found == {
        ("sarcoma", "heading"): "A sarcoma is a tumor that grows in bone, muscle or fat.",
        ("prognosis", "gloss"): "chance of recovery",
        ("prognosis", "reverse"): "chance of recovery",
        (
            "biopsy",
            "sentence",
        ): "A biopsy is the removal of a small piece of tissue so it can be checked under a microscope.",
        (
            "adjuvant therapy",
            "called",
        ): "Medicine given after surgery to lower the chance that the tumor returns "
        "is called adjuvant therapy.",
        ("neoadjuvant therapy", "called"): "Doctors may give medicine before an operation to shrink a tumor. "
        "This is called neoadjuvant therapy.",
        ("colonoscopy", "list"): "A test that uses a thin tube with a camera to look inside the bowel.",
    }
    forward, reverse = (next(e for e in entries if e.kind == k) for k in ("gloss", "reverse"))
    assert reverse.start < forward.start or reverse.start != forward.start  # two places, one text
    assert {e.doc for e in entries} == {"care"}  # nothing from the traps


def test_abbreviations_everyday_words_pointing_and_overlong_sentences_are_refused(corpus: Path) -> None:
    _, entries = _mined(corpus)
    traps = [e for e in entries if e.doc == "traps"]
    assert traps == []  # "(CT)", "doctor (a person...)", "It causes... This is called", 48 words
    assert term_key("Lymph Nodes") == "lymph node" and term_key("biopsies") == "biopsy"


def _index(corpus: Path, tmp_path: Path, embedder: FakeEmbedder) -> Path:
    out = tmp_path / "idx"
    build_index(corpus, out, lambda: embedder, embedder.name, 160)
    return out


def test_the_glossary_is_stored_checksummed_and_loaded(corpus: Path, tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    out = _index(corpus, tmp_path, fake_embedder)
    params = json.loads((out / "params.json").read_text())
    assert "glossary.jsonl" in params["checksums"] and params["glossary_rules"]
    index = load_index(out, fake_embedder.name, "rebuild")
    assert index.glossary == _mined(corpus)[1]
    assert all(GlossaryEntry.from_dict(json.loads(json.dumps(e.to_dict()))) == e for e in index.glossary)
    stored = out.resolve() / "glossary.jsonl"
    stored.write_text(stored.read_text().replace("chance of recovery", "chance of anything"))
    with pytest.raises(IndexMismatchError, match=r"glossary.jsonl does not match its checksum"):
        load_index(out, fake_embedder.name, "rebuild")


def _answer(text: str, doc: str, start: int) -> Answer:
    citation = Citation(1, doc, "Care words", "Planning care", None, start, start + len(text), text)
    return Answer((AnswerSentence(text, 1),), (citation,), (), abstained=False)


def test_hard_words_get_a_definition_easy_words_and_the_quoted_definition_do_not(
    corpus: Path,
    tmp_path: Path,
    fake_embedder,  # type: ignore[no-untyped-def]
) -> None:
    index = load_index(_index(corpus, tmp_path, fake_embedder), fake_embedder.name, "rebuild")
    glossary, care = Glossary(index), index.documents["care"].text
    assert hard("prognosis") and hard("colonoscopy") and not hard("tumor") and not hard("HER2")
    sentence = "Doctors may give medicine before an operation to shrink a tumor."  # no hard word
    assert glossary.explain(_answer(sentence, "care", care.index(sentence))).glossary == ()
    sentence = "Doctors think about the prognosis (chance of recovery) before they plan care."
    assert glossary.explain(_answer(sentence, "care", care.index(sentence))).glossary == ()  # said inline
    sentence = "Your chance of recovery (prognosis) depends on many things."
    assert glossary.explain(_answer(sentence, "care", care.index(sentence))).glossary == ()
    # A sentence that is not itself a definition: the hard word is explained from the page.
    other = "A biopsy is the removal of a small piece of tissue so it can be checked under a microscope."
    answer = Answer(
        (AnswerSentence("A colonoscopy may follow a biopsy.", 1),),
        (Citation(1, "traps", "Traps", "Scans", None, 0, 10, "x"),),
        (),
        abstained=False,
    )
    items = glossary.explain(answer).glossary
    assert [(g.term, g.definition, g.kind, g.title) for g in items] == [
        (
            "colonoscopy",
            "A test that uses a thin tube with a camera to look inside the bowel.",
            "list",
            "Care words",
        ),
        ("biopsy", other, "sentence", "Care words"),
    ]
    first = items[0].occurs[0]
    assert (first.sentence, first.part, answer.answer[0].text[first.start : first.end]) == (
        0,
        None,
        "colonoscopy",
    )
    assert all(care[g.start : g.end] == g.definition for g in items)
    # The defining sentence quoted in the answer never explains itself.
    quoted = _answer(other, "care", care.index(other))
    assert glossary.explain(quoted).glossary == ()


def test_answers_and_the_api_carry_the_glossary_in_the_schema(tiny_settings, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    from web.app import create_app

    client = TestClient(create_app(tiny_settings, fake_embedder))
    body = client.post("/api/ask", json={"question": "How is melanoma treated?"}).json()
    assert body["abstained"] is False
    melanoma = next(g for g in body["glossary"] if g["term"].lower() == "melanoma")
    assert melanoma["definition"] == "Melanoma is a cancer of the pigment cells in the skin."
    assert set(melanoma) == {"term", "definition", "doc", "start", "end", "kind", "title", "url", "occurs"}
    for place in melanoma["occurs"]:
        assert body["answer"][place["sentence"]]["text"][place["start"] : place["end"]].lower() == "melanoma"
    schema = client.get("/openapi.json").json()
    ask = {"$ref": "#/components/schemas/AskResponse", "components": schema["components"]}
    validator = jsonschema_rs.validator_for(ask)
    assert validator.is_valid(body)
    assert not validator.is_valid({**body, "glossary": [{"term": "x"}]})  # the field is in the schema
    refused = client.post("/api/ask", json={"question": "What is the capital of France?"}).json()
    assert refused["abstained"] is True and refused["glossary"] == []
    emergency = client.post("/api/ask", json={"question": "I can't breathe and my chest hurts"}).json()
    assert emergency["safety"] == "emergency" and emergency["glossary"] == []


def test_the_cli_lists_the_glossary(corpus: Path, fake_embedder, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import cancer_qa.cli as cli_module
    import index.embedder as embedder_module

    monkeypatch.setattr(embedder_module, "_MODELS", {fake_embedder.name: lambda cache_dir: fake_embedder})
    monkeypatch.setenv("QA_MODEL", fake_embedder.name)
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    listed = runner.invoke(cli_module.cli, ["glossary", "--corpus", str(corpus)])
    assert listed.exit_code == 0, listed.output
    lines = listed.output.strip().splitlines()
    assert "prognosis — chance of recovery (care, gloss)" in lines
    assert lines[-1] == "7 entries, 6 distinct terms"
    one = runner.invoke(cli_module.cli, ["glossary", "--corpus", str(corpus), "--json", "--term", "Biopsies"])
    data = json.loads(one.output)
    assert (data["count"], data["terms"], data["entries"][0]["kind"]) == (1, 1, "sentence")
