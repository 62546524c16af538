"""Sentence choice: long lists show the entries nearest the question, flattened sub-lists keep
their heads, sentences every page repeats step aside, and a page's own subject is not "hard"."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import load_settings
from service.answering.compose import _defines, _grade, boilerplate_sentences
from service.answering.readability import sentence_grade
from service.answering.units import MAX_ITEMS
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
    ("Bone marrow aspiration", "A small amount of bone marrow is removed with a thin needle."),
    ("Cytogenetic analysis", "Cells are checked under a microscope for changes in chromosomes."),
    ("Serum protein test", "Blood is checked for an abnormal protein made by plasma cells."),
    ("MRI", "A procedure that uses a magnet and radio waves to make pictures of the spine."),
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
    assert any(t.startswith("Skeletal bone survey:") for t in texts)  # the last entry of fourteen
    items = [s for s in answer.answer if s.list_item]
    assert 2 <= len(items) <= MAX_ITEMS < len(_TESTS)
    assert answer.more_in_section  # the list goes on past what is shown, and the reply says so


def test_a_flattened_sub_list_keeps_its_head(service) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(service.ask("what does stage IIA myeloma mean"))
    assert "In stage IIA:" in texts
    head = texts.index("In stage IIA:")
    assert texts[head + 1 : head + 3] == [
        "the tumor is 2 centimeters or smaller.",
        "no lymph nodes have cancer.",
    ]
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


_LABELLED = [
    (
        "Neurological exam",
        "A series of questions and tests to check the brain and nerves.",
        "It checks walking, reflexes and memory in some detail over about twenty minutes.",
    ),
    (
        "Visual field exam",
        "An exam to check how much a person can see to the sides.",
        "A loss of side vision may be a sign that a tumor presses on the parts of the brain that affect eyesight.",
    ),
    (
        "MRI with gadolinium",
        "A procedure that uses a magnet and radio waves to make pictures.",
        "A dye called gadolinium is put into a vein so the tumor shows up more brightly in the pictures.",
    ),
    (
        "Gene testing",
        "A laboratory test in which blood is checked for changes in genes.",
        "This test may be done to diagnose an inherited syndrome that runs in some families.",
    ),
    (
        "Tumor marker test",
        "A procedure in which blood is checked for substances made by tumors.",
        "Certain substances are linked to specific types of tumor when found in increased levels in the body.",
    ),
    (
        "PET scan",
        "A procedure to find tumor cells in the body with a small amount of sugar.",
        "The scanner rotates around the body and makes a picture of where sugar is being used in the brain.",
    ),
]


@pytest.fixture
def labelled(tmp_path: Path, fake_embedder):  # type: ignore[no-untyped-def]
    from index.build import build_index
    from service.qa import QAService

    root = tmp_path / "corpus"
    entries = "\n".join(f"- {name}: {first} {second}" for name, first, second in _LABELLED)
    points = (
        "- Avoiding risk factors may help prevent glioma.\n- The following are protective factors for glioma:\n"
        "- Not smoking\n- Lower exposure to radon\n- It is not clear if the following lower the risk of glioma:\n"
        "- Diet\n- Physical activity\n- New ways to prevent glioma are being studied in clinical trials.\n"
    )
    write(
        root,
        "glioma.md",
        _page(
            "glioma",
            "Glioma",
            "## Tests to diagnose glioma\n\nThe following tests and procedures may be used:\n\n"
            + entries
            + "\n\n"
            "## Prevention of glioma\n\nKey Points\n\n" + points + "\n"
            "## Treatment of glioma\n\nSurgery is used to treat glioma. Radiation therapy is used to treat glioma "
            "after surgery. Temozolomide is a drug used to treat glioma. (See the PDQ summary on Glioma Treatment "
            "for more information about how glioma is treated.)\n",
        ),
    )
    settings = load_settings(corpus=root, data_dir=tmp_path / "data", model=fake_embedder.name)
    build_index(root, settings.resolved_index_dir(), lambda: fake_embedder, fake_embedder.name, 400)
    return QAService.open(settings, fake_embedder)


def test_a_labelled_list_too_long_to_quote_whole_names_every_entry(labelled) -> None:  # type: ignore[no-untyped-def]
    from service.answering.compose import compose

    found = labelled.retrieve("what tests are used to diagnose glioma")
    composed = compose(
        found.vector, found.hits, labelled.index, max_words=60, list_extra_words=80, question=found.query
    )
    doc = labelled.index.documents["glioma"]
    texts = [
        doc.text[doc.sentences[p.sentence].start : doc.sentences[p.sentence].end] for p in composed.picks
    ]
    heads = [t for t in texts if any(t.startswith(f"{name}:") for name, _, _ in _LABELLED)]
    assert len(heads) >= 5  # what each test is, rather than two tests in full
    assert composed.cut  # the details stay on the page, and the reply says so


def test_a_flattened_key_points_list_ends_its_sub_lists_at_a_whole_sentence(labelled) -> None:  # type: ignore[no-untyped-def]
    from service.answering.units import unit

    index = labelled.index
    doc = index.documents["glioma"]

    def at(text: str) -> int:
        return next(i for i, s in enumerate(doc.sentences) if doc.text[s.start : s.end] == text)

    def texts(group: list[tuple[int, bool]]) -> list[str]:
        return [doc.text[doc.sentences[j].start : doc.sentences[j].end] for j, _ in group]

    assert texts(unit(index, "glioma", at("Diet"))) == [
        "It is not clear if the following lower the risk of glioma:",
        "Diet",
        "Physical activity",
    ]
    assert (
        texts(unit(index, "glioma", at("Lower exposure to radon")))[0]
        == "The following are protective factors for glioma:"
    )
    outer = at("New ways to prevent glioma are being studied in clinical trials.")
    assert unit(index, "glioma", outer) == [(outer, True)]  # an outer point, not the last sub-list's item


def test_the_rest_of_a_message_picks_the_sentence_it_names(labelled) -> None:  # type: ignore[no-untyped-def]
    from service.answering.compose import compose

    found = labelled.retrieve("how is glioma treated")
    hits = [h for h in found.hits if h.heading == "Treatment of glioma"]
    doc = labelled.index.documents["glioma"]

    def first(cues: str) -> str:
        composed = compose(
            found.vector, hits, labelled.index, max_sentences=1, question=found.query, cues=cues
        )
        s = doc.sentences[composed.picks[0].sentence]
        return doc.text[s.start : s.end]

    assert "temozolomide" not in first("").lower()
    assert "temozolomide" in first("His doctor mentioned temozolomide last week. He is 58.").lower()


def test_a_word_of_the_question_that_the_section_names_once_tips_a_close_choice(labelled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    import service.answering.compose as compose_module

    index = labelled.index
    question = "how is glioma treated, and what about temozolomide"
    hits = [h for h in labelled.retrieve(question).hits if h.heading == "Treatment of glioma"]
    doc = index.documents["glioma"]
    text = [doc.text[s.start : s.end] for s in doc.sentences]
    surgery = text.index("Surgery is used to treat glioma.")
    drug = text.index("Temozolomide is a drug used to treat glioma.")
    # A question vector a little closer to the surgery sentence than to the drug sentence.
    mix = 0.68 * index.sentence_vector("glioma", surgery) + 0.32 * index.sentence_vector("glioma", drug)
    vector = (mix / np.linalg.norm(mix)).astype(np.float32)

    def first() -> str:
        composed = compose_module.compose(vector, hits, index, max_sentences=1, question=question)
        return text[composed.picks[0].sentence]

    assert first() == text[drug]  # the section names the question's "temozolomide" in one sentence
    monkeypatch.setattr(compose_module, "QUESTION_CUE_WEIGHT", 0.0)
    assert first() == text[surgery]


def test_sentences_quoted_above_are_never_chosen_again(labelled) -> None:  # type: ignore[no-untyped-def]
    from service.answering.compose import compose

    found = labelled.retrieve("how is glioma treated")
    hits = [h for h in found.hits if h.heading == "Treatment of glioma"]

    def picked(exclude: frozenset[tuple[str, int]]) -> list[int]:
        composed = compose(found.vector, hits, labelled.index, question=found.query, exclude=exclude)
        return [p.sentence for p in composed.picks]

    first = picked(frozenset())
    quoted = frozenset(("glioma", i) for i in first[:2])
    again = picked(quoted)
    assert again and not {("glioma", i) for i in again} & quoted
    everything = frozenset(("glioma", i) for i in range(len(labelled.index.documents["glioma"].sentences)))
    assert picked(everything) == []


def test_a_pointer_to_another_summary_is_never_quoted(labelled) -> None:  # type: ignore[no-untyped-def]
    from service.answering.compose import compose

    found = labelled.retrieve("how is glioma treated")
    composed = compose(found.vector, found.hits, labelled.index, question=found.query)
    doc = labelled.index.documents["glioma"]
    texts = [doc.text[doc.sentences[p.sentence].start : doc.sentences[p.sentence].end] for p in composed.picks]
    assert any("Surgery is used to treat glioma" in t for t in texts)
    assert not any("PDQ summary" in t for t in texts)
