from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from core.errors import IndexMismatchError, IndexMissingError
from index.build import build_index
from index.search import Filters, Retriever
from index.store import FORMAT_VERSION, checksums, load_index
from tests.conftest import FakeEmbedder, write


def _build(corpus: Path, out: Path, embedder: FakeEmbedder, **kw):  # type: ignore[no-untyped-def]
    return build_index(corpus, out, lambda: embedder, embedder.name, 160, **kw)


def test_index_folder_is_self_describing(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    out = tmp_path / "idx"
    result = _build(tiny_corpus, out, fake_embedder)
    assert not result.skipped
    assert sorted(p.name for p in out.iterdir()) == [
        "bm25",
        "chunks.faiss",
        "chunks.jsonl",
        "documents.jsonl",
        "glossary.jsonl",
        "params.json",
        "sentences.npy",
    ]
    params = json.loads((out / "params.json").read_text())
    assert params["model"] == "fake-hash-64"
    assert params["dim"] == 64
    assert params["chunk_tokens"] == 160
    assert params["format_version"] == FORMAT_VERSION
    assert params["documents"] == 2 and params["sentences"] == 11
    assert len(params["corpus_hash"]) == 64
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name or ".old-" in p.name]


def test_unchanged_corpus_is_not_rebuilt_and_a_change_is(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    out = tmp_path / "idx"
    _build(tiny_corpus, out, fake_embedder)
    calls = fake_embedder.calls
    again = _build(tiny_corpus, out, fake_embedder)
    assert again.skipped and fake_embedder.calls == calls
    write(tiny_corpus, "new.md", "# New page\n\nSomething new about sun safety.\n")
    changed = _build(tiny_corpus, out, fake_embedder)
    assert not changed.skipped and changed.params.documents == 3


def test_loading_refuses_another_model_or_format(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    out = tmp_path / "idx"
    with pytest.raises(IndexMissingError, match=r"no index at .*; build it with: cancer-qa index"):
        load_index(out, "fake-hash-64", "cancer-qa index --corpus X")
    _build(tiny_corpus, out, fake_embedder)
    with pytest.raises(IndexMismatchError) as err:
        load_index(out, "all-MiniLM-L6-v2", "cancer-qa index --corpus X --force")
    assert str(err.value) == (
        f"index at {out} was built with model 'fake-hash-64' (format {FORMAT_VERSION}), but this service "
        f"uses model 'all-MiniLM-L6-v2' (format {FORMAT_VERSION}); rebuild with: cancer-qa index --corpus X --force"
    )
    params = json.loads((out / "params.json").read_text())
    (out / "params.json").write_text(json.dumps({**params, "format_version": 0}))
    with pytest.raises(IndexMismatchError, match="format 0"):
        load_index(out, "fake-hash-64", "hint")


def test_every_file_is_checksummed_and_a_damaged_or_incomplete_index_is_refused(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    out = tmp_path / "idx"
    _build(tiny_corpus, out, fake_embedder)
    recorded = json.loads((out / "params.json").read_text())["checksums"]
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != "params.json")
    assert sorted(recorded) == files and any(f.startswith("bm25/") for f in files)
    assert recorded == checksums(out)
    load_index(out, fake_embedder.name, "hint")  # intact: loads

    faiss_file = out / "chunks.faiss"
    good = faiss_file.read_bytes()
    middle = len(good) // 2
    faiss_file.write_bytes(good[:middle] + bytes(b ^ 0xFF for b in good[middle : middle + 64]) + good[middle + 64 :])
    with pytest.raises(IndexMismatchError) as err:
        load_index(out, fake_embedder.name, "cancer-qa index --force")
    assert str(err.value) == (
        f"index at {out} is damaged: chunks.faiss does not match its checksum; rebuild with: cancer-qa index --force"
    )
    faiss_file.write_bytes(good)
    docs = out / "documents.jsonl"
    docs.write_bytes(docs.read_bytes()[:-10])  # truncated
    with pytest.raises(IndexMismatchError, match=r"is damaged: documents.jsonl does not match"):
        load_index(out, fake_embedder.name, "hint")
    (out / "sentences.npy").unlink()
    with pytest.raises(IndexMismatchError, match=r"is incomplete: sentences.npy is missing; rebuild with: hint$"):
        load_index(out, fake_embedder.name, "hint")
    rebuilt = _build(tiny_corpus, out, fake_embedder, force=True)
    assert not rebuilt.skipped and load_index(out, fake_embedder.name, "hint").params.checksums == checksums(out)


def test_serve_refuses_an_unreadable_params_file_instead_of_rebuilding(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    from core.settings import load_settings
    from index.maintain import ensure_index

    settings = load_settings(corpus=tiny_corpus, data_dir=tmp_path / "data", model=fake_embedder.name)
    out = settings.resolved_index_dir()
    _build(tiny_corpus, out, fake_embedder)
    (out / "params.json").write_text("{not json")
    with pytest.raises(IndexMismatchError) as err:
        ensure_index(settings)
    assert str(err.value) == (
        f"index at {out} is damaged: params.json is unreadable; rebuild with: "
        f"cancer-qa index --corpus {tiny_corpus} --force"
    )
    assert (out / "params.json").read_text() == "{not json"  # nothing was rebuilt


def test_section_ranking_and_filters(tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    out = tmp_path / "idx"
    _build(tiny_corpus, out, fake_embedder)
    retriever = Retriever(load_index(out, fake_embedder.name, "hint"), fake_embedder)
    hits = retriever.search("side effects of lapatinib", k=3)
    assert [(h.doc, h.heading) for h in hits] == [
        ("lapatinib", "Side effects of lapatinib"),
        ("lapatinib", "What is lapatinib?"),
        ("melanoma", "What is melanoma?"),
    ]
    skin_only = retriever.search("side effects of lapatinib", k=3, filters=Filters(cancer_types=("skin",)))
    assert {h.doc for h in skin_only} == {"melanoma"}


def test_lexical_terms_and_bm25_scores_align_with_chunks() -> None:
    from index.lexical import Lexical, terms

    assert terms("What are the treatments for Hodgkin's lymphoma in kids?") == [
        "treatment",
        "hodgkin",
        "lymphoma",
        "kid",
    ]
    lexical = Lexical.build(["melanoma of the skin", "lapatinib causes diarrhea", "skin rash from lapatinib"])
    scores = lexical.scores("lapatinib rash")
    assert scores.shape == (3,)
    assert scores[0] == 0.0 and scores[2] > scores[1] > 0.0
    assert not lexical.scores("unknownword").any()


def test_hybrid_search_finds_a_rare_exact_word_the_dense_side_misses(
    tiny_settings, fake_embedder: FakeEmbedder  # type: ignore[no-untyped-def]
) -> None:
    index = load_index(tiny_settings.resolved_index_dir(), fake_embedder.name, "rebuild")
    dense_only = Retriever(index, fake_embedder, lexical_weight=0.0)
    hybrid = Retriever(index, fake_embedder, lexical_weight=1.0)
    zero = fake_embedder.encode(["zz"])[0]  # a query vector that matches nothing
    assert {h.score for h in dense_only.search("pigment", k=3, vector=zero)} == {0.0}
    top = hybrid.search("pigment", k=3, vector=zero)[0]
    assert (top.doc, top.heading) == ("melanoma", "What is melanoma?")
    assert top.score == pytest.approx(1.0)


def test_the_filter_cache_is_bounded(tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    from index.search import MASK_CACHE

    out = tmp_path / "idx"
    _build(tiny_corpus, out, fake_embedder)
    retriever = Retriever(load_index(out, fake_embedder.name, "hint"), fake_embedder)
    skin = Filters(cancer_types=("skin",))
    assert [h.doc for h in retriever.search("melanoma treatment", k=3, filters=skin)][:1] == ["melanoma"]
    for i in range(3 * MASK_CACHE):  # a client sending a new filter set every time
        retriever.search("melanoma", k=1, filters=Filters(cancer_types=(f"type-{i}",)))
    assert len(retriever._allowed) == MASK_CACHE
    assert retriever.search("melanoma", k=1, filters=Filters(cancer_types=("type-0",))) == []


def test_two_builds_of_one_folder_take_turns_and_leftovers_are_cleared(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    import threading
    import time

    out = tmp_path / "idx"
    stale = tmp_path / ".idx.tmp-99999"  # what a killed build leaves behind
    stale.mkdir()
    (stale / "chunks.jsonl").write_text("half written")
    stale_link = tmp_path / ".idx.link-99999"  # a pointer link it made but never renamed
    stale_link.symlink_to(stale.name)

    class Slow(FakeEmbedder):
        def encode(self, texts, **kw):  # type: ignore[no-untyped-def]
            time.sleep(0.2)
            return super().encode(texts, **kw)

    slow = Slow()
    results = []

    def build() -> None:
        results.append(build_index(tiny_corpus, out, lambda: slow, slow.name, 160))

    threads = [threading.Thread(target=build) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.skipped for r in results) == [False, True]  # the second waited, then found it current
    assert slow.calls == 2  # one build: chunks once, sentences once
    assert not stale.exists() and not stale_link.is_symlink()
    assert not list(tmp_path.glob(".idx.tmp-*")) and not list(tmp_path.glob(".idx.old-*"))
    load_index(out, slow.name, "hint")


class Recording(FakeEmbedder):
    """Remembers every text it was asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def encode(self, texts, **kw):  # type: ignore[no-untyped-def]
        self.texts.extend(texts)
        return super().encode(texts, **kw)


def test_the_embedding_cache_embeds_a_text_once_per_encoder(tmp_path: Path) -> None:
    from index.cache import EmbeddingCache

    cache, embedder = EmbeddingCache(tmp_path / "cache"), Recording()
    first = cache.encode(embedder, ["alpha beta", "gamma delta", "alpha beta"])
    assert embedder.texts == ["alpha beta", "gamma delta"]  # a repeat is embedded once
    again = EmbeddingCache(tmp_path / "cache").encode(embedder, ["gamma delta", "alpha beta", "new words"])
    assert embedder.texts[2:] == ["new words"]
    assert np.array_equal(again[:2], first[[1, 0]])
    other = Recording()
    other.cache_key = "another-encoder"  # type: ignore[attr-defined]
    cache.encode(other, ["alpha beta"])
    assert other.texts == ["alpha beta"]  # vectors of one encoder are never served for another


def test_an_edit_re_embeds_only_that_document_and_says_what_changed(tiny_corpus: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "idx", tmp_path / "cache"
    first = Recording()
    built = _build(tiny_corpus, out, first, cache_dir=cache)
    assert built.changes is not None and not built.changes.previous
    assert built.changes.embedded == len(set(first.texts)) > 0
    melanoma = tiny_corpus / "melanoma.md"
    melanoma.write_text(melanoma.read_text().replace("some normal skin", "a rim of normal skin"))
    write(tiny_corpus, "new.md", "# Biopsy\n\nA biopsy takes a small piece of tissue to look at.\n")
    second = Recording()
    rebuilt = _build(tiny_corpus, out, second, cache_dir=cache)
    assert rebuilt.changes is not None
    assert (rebuilt.changes.added, rebuilt.changes.changed, rebuilt.changes.removed) == (("new",), ("melanoma",), ())
    assert second.texts and all("rim of normal skin" in t or "biopsy" in t.lower() for t in second.texts)
    assert rebuilt.changes.report().startswith("1 added (new), 1 changed (melanoma), 0 removed; ")
    fresh = load_index(out, second.name, "hint")
    assert "new" in fresh.documents and "rim of normal skin" in fresh.documents["melanoma"].text
    (tiny_corpus / "new.md").unlink()
    third = _build(tiny_corpus, out, Recording(), cache_dir=cache)
    assert third.changes is not None and third.changes.removed == ("new",) and third.changes.embedded == 0


def test_unchanged_files_are_not_cleaned_again(tiny_corpus: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import index.cache as cache_module
    from index.cache import EmbeddingCache

    cleaned: list[str] = []
    real = cache_module.load_file
    monkeypatch.setattr(cache_module, "load_file", lambda path, rel: cleaned.append(rel) or real(path, rel))
    _build(tiny_corpus, tmp_path / "a", FakeEmbedder(), cache_dir=tmp_path / "cache")
    assert sorted(cleaned) == ["lapatinib.md", "melanoma.md"]
    (tiny_corpus / "melanoma.md").write_text((tiny_corpus / "melanoma.md").read_text() + "\nMore text here.\n")
    _build(tiny_corpus, tmp_path / "a", FakeEmbedder(), cache_dir=tmp_path / "cache")
    assert sorted(cleaned) == ["lapatinib.md", "melanoma.md", "melanoma.md"]
    cache = EmbeddingCache(tmp_path / "cache")
    doc = cache.load_file(tiny_corpus / "lapatinib.md", "lapatinib.md")
    monkeypatch.setattr(cache_module, "_ingest_code", lambda: b"other cleaning code")
    assert cache.load_file(tiny_corpus / "lapatinib.md", "lapatinib.md") == doc
    assert cleaned[-1] == "lapatinib.md"  # new cleaning code: the file is cleaned again


def test_a_build_with_progress_counts_files(tiny_corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _build(tiny_corpus, tmp_path / "idx", FakeEmbedder(), progress=True, cache_dir=tmp_path / "cache")
    err = capsys.readouterr().err
    assert "cleaning: 100%" in err and "2/2" in err


def test_a_build_stopped_half_way_keeps_what_it_embedded(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import index.cache as cache_module
    from index.cache import EmbeddingCache

    monkeypatch.setattr(cache_module, "_BLOCK", 2)
    texts = [f"text number {i}" for i in range(5)]

    class Dies(Recording):
        def encode(self, texts, **kw):  # type: ignore[no-untyped-def]
            if self.texts:
                raise KeyboardInterrupt  # killed after its first block
            return super().encode(texts, **kw)

    with pytest.raises(KeyboardInterrupt):
        EmbeddingCache(tmp_path).encode(Dies(), texts)
    again = Recording()
    EmbeddingCache(tmp_path).encode(again, texts)
    assert again.texts == texts[2:]


def test_the_first_source_tier_leads_only_when_tiers_are_mixed(tiny_corpus: Path, tmp_path: Path) -> None:
    from index.search import FIRST_TIER_BONUS, tier_bonus

    one_tier = _build(tiny_corpus, tmp_path / "a", FakeEmbedder())
    assert not tier_bonus(load_index(one_tier.path, "fake-hash-64", "hint")).any()  # no tiers at all
    for name, tier in (("lapatinib.md", "01_nci_pdq"), ("melanoma.md", "03_nih_gard")):
        page = tiny_corpus / name
        page.write_text(page.read_text().replace("source: NCI", f"source: NCI\nsourceType: {tier}"))
    mixed = load_index(_build(tiny_corpus, tmp_path / "b", FakeEmbedder()).path, "fake-hash-64", "hint")
    bonus = tier_bonus(mixed)
    first = {c.doc for c, b in zip(mixed.chunks, bonus, strict=True) if b == np.float32(FIRST_TIER_BONUS)}
    assert first == {"lapatinib"} and {c.doc for c, b in zip(mixed.chunks, bonus, strict=True) if b == 0} == {"melanoma"}


def test_encoder_batches_keep_a_short_question_apart_from_a_long_message_and_fill_sorted_texts() -> None:
    from index.encoder import _batches

    # A question (12 wordpieces) and the whole message it came from (180): two runs, not one
    # padded to 180 twice.
    assert list(_batches([0, 1], [12, 180], 64)) == [[0], [1]]
    # A build's texts, sorted by length, fill whole batches; the size is never exceeded.
    lengths = [20 + i // 40 for i in range(200)]
    batches = list(_batches(list(range(200)), lengths, 64))
    assert [len(b) for b in batches] == [64, 64, 64, 8]
    assert [i for b in batches for i in b] == list(range(200))
    assert list(_batches([], [], 64)) == []
    # Long texts: a run holds at most MAX_BATCH_TOKENS wordpieces, padding included.
    from index.encoder import MAX_BATCH_TOKENS

    long = [256] * 40
    runs = list(_batches(list(range(40)), long, 64))
    assert all(len(r) * 256 <= MAX_BATCH_TOKENS for r in runs) and sum(map(len, runs)) == 40


def test_section_rows_hold_exactly_that_section_s_sentence_vectors(
    tiny_corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    out = tmp_path / "idx"
    _build(tiny_corpus, out, fake_embedder)
    index = load_index(out, fake_embedder.name, "hint")
    for doc in index.documents.values():
        for k in range(len(doc.sections)):
            rows = index.section_rows(doc.id, k)
            wanted = [i for i, s in enumerate(doc.sentences) if s.section == k]
            got = list(range(rows.start, rows.stop))
            assert got == [index.sentence_offsets[doc.id] + i for i in wanted]
