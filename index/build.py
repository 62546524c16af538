"""Build (or skip rebuilding) the index folder for a corpus.

``build_index`` ingests the corpus, chunks it, embeds chunks (with title and heading) and every
sentence in batches with a progress bar, and writes the folder atomically. When the folder already
holds an index of the same corpus hash, model, chunking, format and glossary rules, nothing is
rebuilt. The glossary (``index/glossary.py``) is mined from the cleaned documents at every build.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from core.errors import IndexUnwritableError
from index.cache import EmbeddingCache
from index.changes import Changes, compare
from index.embedder import Embedder
from index.glossary import mine_glossary
from index.lexical import Lexical
from index.store import FORMAT_VERSION, IndexParams, read_params, write_index
from ingest import IngestResult, chunk_documents, corpus_hash, embedding_text, load_corpus
from ingest.chunking import TOKENIZER
from ingest.loader import corpus_files, load_file
from ingest.model import Document

log = logging.getLogger("cancer_qa.index")


@dataclass(frozen=True)
class BuildResult:
    path: Path
    params: IndexParams
    skipped: bool
    ingest: IngestResult | None = None
    changes: Changes | None = None


def is_current(path: Path, model: str, chunk_tokens: int, digest: str) -> IndexParams | None:
    params = read_params(path)
    if (
        params is not None
        and params.format_version == FORMAT_VERSION
        and params.model == model
        and params.chunk_tokens == chunk_tokens
        and params.tokenizer == TOKENIZER
        and params.corpus_hash == digest
        and params.glossary_rules == glossary_rules()
    ):
        return params
    return None


@lru_cache(maxsize=1)
def glossary_rules() -> str:
    """A digest of the glossary miner's source: changed rules make the index stale, so the
    glossary is mined again (with the build cache, the rebuild embeds nothing)."""
    digest = hashlib.sha256()
    for name in ("glossary.py", "glossary_words.py"):
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def build_index(
    corpus: Path,
    out: Path,
    embedder_factory: Callable[[], Embedder],
    model: str,
    chunk_tokens: int,
    batch_size: int = 64,
    progress: bool = False,
    force: bool = False,
    cache_dir: Path | None = None,
) -> BuildResult:
    """Build ``out`` for ``corpus`` unless it is current. With ``cache_dir``, vectors come from the
    embedding cache there and only texts it has not seen are embedded."""
    digest = corpus_hash(corpus)
    current = None if force else is_current(out, model, chunk_tokens, digest)
    if current is not None:
        return BuildResult(out, current, skipped=True)
    with build_lock(out):
        current = None if force else is_current(out, model, chunk_tokens, digest)  # built while we waited
        if current is not None:
            return BuildResult(out, current, skipped=True)
        clear_leftovers(out)
        cache = EmbeddingCache(cache_dir) if cache_dir is not None else None
        return _build(corpus, out, embedder_factory, digest, chunk_tokens, batch_size, progress, cache)


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """One build at a time per index folder, across processes: a second build waits for the
    first (and says so), then finds the index current and skips."""
    lock_path = out.parent / f".{out.name}.lock"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        lock = lock_path.open("a+")
    except OSError as exc:
        raise IndexUnwritableError(
            f"the index folder {out.parent} cannot be written: {exc.strerror}; "
            "set QA_DATA_DIR (or QA_INDEX_DIR) to a writable folder"
        ) from exc
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            log.warning("index %s is being built by %s; waiting for it", out, holder)
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}")
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def clear_leftovers(out: Path) -> list[Path]:
    """Temporary folders and pointer links a killed build left next to ``out`` (only called under
    the lock)."""
    stale = [p for p in out.parent.glob(f".{out.name}.*-*") if p.is_dir() or p.is_symlink()]
    for leftover in stale:
        if leftover.is_symlink():
            leftover.unlink()
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    return stale


def _build(
    corpus: Path,
    out: Path,
    embedder_factory: Callable[[], Embedder],
    digest: str,
    chunk_tokens: int,
    batch_size: int,
    progress: bool,
    cache: EmbeddingCache | None,
) -> BuildResult:
    started = time.perf_counter()
    load = cache.load_file if cache is not None else load_file
    ingested = load_corpus(corpus, _reading(corpus, load, progress))
    documents = ingested.documents
    chunks = chunk_documents(documents, chunk_tokens)
    embedder = embedder_factory()
    titles = {doc.id: doc.title for doc in documents}
    chunk_texts = [embedding_text(titles[c.doc], c.heading, c.text) for c in chunks]
    encode = embedder.encode if cache is None else partial(cache.encode, embedder)
    chunk_vectors = encode(chunk_texts, batch_size=batch_size, progress=progress)
    sentence_texts = [doc.text[s.start : s.end] for doc in documents for s in doc.sentences]
    unique = list(dict.fromkeys(sentence_texts))  # key-point lists repeat sentences verbatim
    row = {text: i for i, text in enumerate(unique)}
    unique_vectors = encode(unique, batch_size=batch_size * 2, progress=progress)
    sentence_vectors = unique_vectors[[row[t] for t in sentence_texts]]
    encoder = getattr(embedder, "folder", None)
    changes = compare(out, documents, chunks, cache)
    params = IndexParams(
        model=embedder.name,
        dim=embedder.dim,
        chunk_tokens=chunk_tokens,
        tokenizer=TOKENIZER,
        corpus_hash=digest,
        corpus_path=str(corpus.resolve()),
        documents=len(documents),
        chunks=len(chunks),
        sentences=len(sentence_texts),
        build_seconds=round(time.perf_counter() - started, 2),
        glossary_rules=glossary_rules(),
    )
    lexical = Lexical.build(chunk_texts)
    glossary = mine_glossary(documents)
    write_index(out, params, documents, chunks, chunk_vectors, sentence_vectors, lexical, encoder, glossary)
    return BuildResult(out, params, skipped=False, ingest=ingested, changes=changes)


def _reading(
    corpus: Path, load: Callable[[Path, str], Document], progress: bool
) -> Callable[[Path, str], Document]:
    """``load`` with a progress bar over the corpus's files (counts and time left) when asked."""
    if not progress:
        return load
    from tqdm import tqdm

    bar = tqdm(total=len(corpus_files(corpus)), unit="file", desc="cleaning", smoothing=0.1)

    def counted(path: Path, rel: str) -> Document:
        try:
            return load(path, rel)
        finally:
            bar.update(1)
            if bar.n >= bar.total:
                bar.close()

    return counted
