"""The index folder: self-describing, written atomically, refused on mismatch.

Layout::

    params.json      format version, model, dimension, chunk settings, corpus hash, counts, and
                     the sha256 of every other file (checked at load: a damaged index is refused)
    documents.jsonl  one cleaned Document per line (text, sections, sentence offsets, metadata)
    chunks.jsonl     one Chunk per line, in vector order
    chunks.faiss     FAISS inner-product index over unit chunk vectors
    sentences.npy    unit vectors of every sentence, documents in order, float16
    glossary.jsonl   the definitions the pages give (``index/glossary.py``), one GlossaryEntry per line
    bm25/            BM25 model over the chunks' embedding texts (bm25s), in chunk order
    encoder/         the ONNX encoder queries are embedded with (model.onnx, tokenizer.json and
                     check.json: its checksum and smallest cosine against sentence-transformers)

The large arrays (chunk and sentence vectors) are memory-mapped, so server workers share them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import IndexMismatchError, IndexMissingError
from index.glossary import GlossaryEntry
from index.lexical import Lexical
from index.versions import current_version, publish
from ingest.model import Chunk, Document

FORMAT_VERSION = 6  # 6: glossary.jsonl
PARAMS = "params.json"


@dataclass(frozen=True)
class IndexParams:
    model: str
    dim: int
    chunk_tokens: int
    tokenizer: str
    corpus_hash: str
    corpus_path: str
    documents: int
    chunks: int
    sentences: int
    format_version: int = FORMAT_VERSION
    built_at: str = ""
    build_seconds: float = 0.0
    checksums: dict[str, str] = field(default_factory=dict)
    """sha256 of every file of the folder but params.json, by path relative to the folder."""
    encoder: dict[str, Any] = field(default_factory=dict)
    """The ONNX encoder's check (sha256, min_cosine, torch) when the index has one."""
    glossary_rules: str = ""
    """A digest of the glossary miner's code: new rules make the index stale, like a new corpus."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexParams:
        return cls(**data)


@dataclass
class StoredIndex:
    path: Path
    params: IndexParams
    documents: dict[str, Document]
    chunks: list[Chunk]
    chunk_index: Any
    sentence_vectors: np.ndarray
    sentence_offsets: dict[str, int]
    lexical: Lexical
    glossary: tuple[GlossaryEntry, ...] = ()
    """Definitions mined from the documents, in document order."""
    _sections: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    """Each page's sentence -> section numbers, built the first time ``section_rows`` reads it."""

    def sentence_vector(self, doc_id: str, i: int) -> np.ndarray:
        return self.sentence_vectors[self.sentence_offsets[doc_id] + i].astype(np.float32)

    def sentence_rows(self, doc_id: str) -> slice:
        start = self.sentence_offsets[doc_id]
        return slice(start, start + len(self.documents[doc_id].sentences))

    def section_rows(self, doc_id: str, section: int) -> slice:
        """The rows of ``sentence_vectors`` holding one section's sentences (a page's sentences
        are stored in page order, so one section's are contiguous)."""
        sections = self._sections.get(doc_id)
        if sections is None:  # once per page: asked on every question
            sections = self._sections[doc_id] = [s.section for s in self.documents[doc_id].sentences]
        start = self.sentence_offsets[doc_id]
        return slice(start + bisect_left(sections, section), start + bisect_right(sections, section))


def read_params(path: Path) -> IndexParams | None:
    try:
        return IndexParams.from_dict(json.loads((path / PARAMS).read_text()))
    except (OSError, ValueError, TypeError):
        return None


def write_index(
    path: Path,
    params: IndexParams,
    documents: list[Document],
    chunks: list[Chunk],
    chunk_vectors: np.ndarray,
    sentence_vectors: np.ndarray,
    lexical: Lexical,
    encoder: Path | None = None,
    glossary: Sequence[GlossaryEntry] = (),
) -> None:
    """Write to a temporary sibling folder, then publish it as a new version of ``path`` (the
    pointer switches atomically: ``index/versions.py``); ``encoder`` is a folder with the ONNX
    encoder, copied in as ``encoder/``. Every file, ``glossary.jsonl`` included, is written
    before the checksums are taken."""
    import faiss

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    with (tmp / "documents.jsonl").open("w", encoding="utf-8") as out:
        for doc in documents:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
    with (tmp / "glossary.jsonl").open("w", encoding="utf-8") as out:
        for entry in glossary:
            out.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
    flat = faiss.IndexFlatIP(params.dim)
    flat.add(np.ascontiguousarray(chunk_vectors, dtype=np.float32))
    faiss.write_index(flat, str(tmp / "chunks.faiss"))
    np.save(tmp / "sentences.npy", sentence_vectors.astype(np.float16))
    lexical.save(tmp)
    check: dict[str, Any] = {}
    if encoder is not None:
        shutil.copytree(encoder, tmp / "encoder")
        check = json.loads((tmp / "encoder" / "check.json").read_text())
    stamped = IndexParams.from_dict(
        {**params.to_dict(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "checksums": checksums(tmp),
         "encoder": check}  # fmt: skip
    )
    (tmp / PARAMS).write_text(json.dumps(stamped.to_dict(), indent=2) + "\n")
    publish(tmp, path)


def checksums(path: Path) -> dict[str, str]:
    """sha256 of every file under ``path`` but params.json, by relative path."""
    found = {}
    for file in sorted(p for p in path.rglob("*") if p.is_file() and p.name != PARAMS):
        digest = hashlib.sha256()
        with file.open("rb") as data:
            for block in iter(lambda: data.read(1 << 20), b""):
                digest.update(block)
        found[file.relative_to(path).as_posix()] = digest.hexdigest()
    return found


def verify(path: Path, params: IndexParams, rebuild_hint: str, shown: Path | None = None) -> None:
    """Refuse a folder whose files are missing or differ from what was written, naming the file
    (and the folder as ``shown``: the index path the user knows, not its version folder)."""
    fix = f"rebuild with: {rebuild_hint}"
    folder, path = path, shown or path
    if not params.checksums:
        raise IndexMismatchError(f"index at {path} records no checksums; {fix}")
    for name in params.checksums:
        if not (folder / name).is_file():
            raise IndexMismatchError(f"index at {path} is incomplete: {name} is missing; {fix}")
    found = checksums(folder)
    for name, expected in params.checksums.items():
        if found.get(name) != expected:
            raise IndexMismatchError(f"index at {path} is damaged: {name} does not match its checksum; {fix}")


def load_index(path: Path, model: str, rebuild_hint: str) -> StoredIndex:
    """Load ``path``; refuse an index built with another model or format version, or one whose
    files are missing or damaged."""
    import faiss

    folder = current_version(path)  # this version's files, even if the pointer moves on meanwhile
    if not (folder / PARAMS).exists():
        raise IndexMissingError(f"no index at {path}; build it with: {rebuild_hint}")
    params = read_params(folder)
    if params is None:
        raise IndexMismatchError(f"unreadable {PARAMS} in {path}; rebuild with: {rebuild_hint}")
    if params.format_version != FORMAT_VERSION or params.model != model:
        raise IndexMismatchError(
            f"index at {path} was built with model {params.model!r} (format {params.format_version}), "
            f"but this service uses model {model!r} (format {FORMAT_VERSION}); rebuild with: {rebuild_hint}"
        )
    verify(folder, params, rebuild_hint, shown=path)
    documents = {}
    with (folder / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = Document.from_dict(json.loads(line))
            documents[doc.id] = doc
    with (folder / "chunks.jsonl").open(encoding="utf-8") as lines:
        chunks = [Chunk.from_dict(json.loads(line)) for line in lines]
    chunk_index = faiss.read_index(str(folder / "chunks.faiss"), faiss.IO_FLAG_MMAP)
    sentence_vectors = np.load(folder / "sentences.npy", mmap_mode="r")  # float16, shared by workers
    if chunk_index.ntotal != len(chunks) or chunk_index.d != params.dim:
        raise IndexMismatchError(f"index at {path} is inconsistent; rebuild with: {rebuild_hint}")
    offsets, row = {}, 0
    for doc_id, doc in documents.items():
        offsets[doc_id] = row
        row += len(doc.sentences)
    if row != len(sentence_vectors):
        raise IndexMismatchError(f"index at {path} is inconsistent; rebuild with: {rebuild_hint}")
    lexical = Lexical.load(folder, len(chunks))
    with (folder / "glossary.jsonl").open(encoding="utf-8") as lines:
        glossary = tuple(GlossaryEntry.from_dict(json.loads(line)) for line in lines)
    return StoredIndex(
        folder, params, documents, chunks, chunk_index, sentence_vectors, offsets, lexical, glossary
    )
