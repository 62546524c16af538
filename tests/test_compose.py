"""Sentence choice: long lists show the entries nearest the question, flattened sub-lists keep
their heads, sentences every page repeats step aside, and a page's own subject is not "hard"."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import load_settings
from service.answering.compose import _defines, _grade, boilerplate_sentences
from service.answering.readability import sentence_grade
from tests.conftest import write

_TESTS = [
    ("Physical exam", "An exam of the body to check general signs of health."),
    ("Blood count", "A sample of blood is checked for red cells and white cells."),
    ("Chest x-ray", "An x-ray of the organs and bones inside the chest."),
    ("Biopsy", "Cells or tissues are removed so a pathologist can view them."),
    ("CT scan", "A procedure that makes a series of pictures inside the body."),
    ("PET scan", "A procedure to find tumor cells in the body with sugar."),
    ("Ultrasound", "A procedure in which sound waves bounce off tissues."),
    ("Urine test", "Urine is checked for sugar and protein."),
    ("Bone scan", "A procedure to check whether there are rapidly dividing cells in the bone."),
    ("Skeletal bone survey", "X-rays of all the bones in the body are taken to find damaged bone."),
]
_SHARED = "Clinical trials are part of the cancer research process."


def _page(name: str, title: str, body: str) -> str:
    return f"---\ntitle: {title}\nurl: https://example.org/{name}\nsource: NCI\n---\n# {title}\n\n{body}\n"


@pytest.fixture
def service(tmp_path: Path, fake_embedder):  # type: ignore[no-untyped-def]
    from index.build import build_index
    from service.qa import QAService

    root = tmp_path / "corpus"
    tests = "\n".join(f"- {name}: {text}" for name, text in _TESTS)
    write(
        root,
        "myeloma.md",
        _page(
            "myeloma",
            "Myeloma",
            "## Tests for myeloma\n\nThe following tests and procedures may be used:\n\n" + tests + "\n\n"
            "## Stages of myeloma\n\nStage II is divided into stages IIA and IIB.\n\n"
            "- In stage IIA:\n- the tumor is 2 centimeters or smaller.\n- no lymph nodes have cancer.\n"
            "- In stage IIB:\n- the tumor is larger than 5 centimeters.\n- cancer has spread to the ribs.\n\n"
            f"## Trials for myeloma\n\n{_SHARED} Thalidomide is being studied in trials for myeloma.\n",
        ),
    )
    for name in ("sarcoma", "lymphoma"):
        write(root, f"{name}.md", _page(name, name.title(), f"## Trials for {name}\n\n{_SHARED}\n"))
    settings = load_settings(corpus=root, data_dir=tmp_path / "data", model=fake_embedder.name)
    build_index(root, settings.resolved_index_dir(), lambda: fake_embedder, fake_embedder.name, 400)
    return QAService.open(settings, fake_embedder)


def _texts(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in answer.answer]


def test_a_long_list_shows_its_lead_in_and_the_entry_asked_about(service) -> None:  # type: ignore[no-untyped-def]
    answer = service.ask("what is a skeletal bone survey test for myeloma")
    texts = _texts(answer)
    assert texts[0] == "The following tests and procedures may be used:"
    assert any(t.startswith("Skeletal bone survey:") for t in texts)  # the tenth entry of ten
    items = [s for s in answer.answer if s.list_item]
    assert 2 <= len(items) <= 8
    assert answer.more_in_section  # the list goes on past what is shown, and the reply says so


def test_a_flattened_sub_list_keeps_its_head(service) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(service.ask("what does stage IIA myeloma mean"))
    assert "In stage IIA:" in texts
    head = texts.index("In stage IIA:")
    assert texts[head + 1 : head + 3] == ["the tumor is 2 centimeters or smaller.", "no lymph nodes have cancer."]
    assert "In stage IIB:" not in texts[head : head + 3]


def test_sentences_every_page_repeats_are_boilerplate(service) -> None:  # type: ignore[no-untyped-def]
    common = boilerplate_sentences(service.index)
    docs = service.index.documents
    found = {doc for doc, i in common if docs[doc].text[docs[doc].sentences[i].start :].startswith(_SHARED)}
    assert found == {"myeloma", "sarcoma", "lymphoma"}
    assert all(docs[doc].text[docs[doc].sentences[i].start :].startswith(_SHARED) for doc, i in common)
    assert boilerplate_sentences(service.index, share=0.5) == common  # never fewer than 3 pages
    trials = _texts(service.ask("what new drugs are being studied in trials for myeloma"))
    assert trials[0] == "Thalidomide is being studied in trials for myeloma."


def test_the_reader_s_own_words_do_not_raise_the_grade() -> None:
    sentence = "Craniopharyngiomas are benign tumors found near the pituitary gland."
    assert _grade(sentence, {"craniopharyngioma"}) < sentence_grade(sentence) - 1
    assert _grade(sentence, set()) == sentence_grade(sentence)


def test_a_definition_names_the_page_subject_then_is_or_are() -> None:
    title = {"craniopharyngioma"}
    assert _defines("Childhood craniopharyngiomas are benign brain tumors.", title)
    assert not _defines("Childhood craniopharyngiomas are diagnosed in surgery.", title)
    assert not _defines("There are no known risk factors for craniopharyngioma.", title)
    assert not _defines("Melanomas are skin cancers.", title)
