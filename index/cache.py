"""The build cache: one vector per (encoder, text) and one cleaned document per (file, cleaning
code), so an unchanged chunk, sentence or file is never processed twice, across builds and corpora.

``EmbeddingCache(folder).encode(embedder, texts)`` returns vectors for ``texts``, embedding only
the ones it has not seen with this encoder (``embedder.cache_key``: model name and export
checksum). ``.load_file(path, rel)`` is ``ingest.load_file`` remembered by the file's bytes, its
path and a digest of the ``ingest`` package's source (a change to the cleaning code is a miss).
It is a SQLite file under ``QA_DATA_DIR``; deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.embedder import Embedder
from index.encoder import progress_bar as _bar
from ingest.loader import load_file
from ingest.model import Document

FILENAME = "embeddings.sqlite3"
_LOOKUP = 500  # keys per SELECT (under SQLite's bound-parameter limit)
_BLOCK = 4096  # texts embedded, then saved, at a time


@dataclass
class CacheStats:
    hits: int = 0
    embedded: int = 0
    parsed: int = 0
    """Files cleaned (not found in the cache)."""


@lru_cache(maxsize=1)
def _ingest_code() -> bytes:
    import ingest

    digest = hashlib.sha256()
    for source in sorted(Path(ingest.__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.digest()


class EmbeddingCache:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILENAME
        self.stats = CacheStats()
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS documents (key BLOB PRIMARY KEY, document TEXT NOT NULL)")

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def encode(
        self, embedder: Embedder, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False
    ) -> np.ndarray:
        prefix = getattr(embedder, "cache_key", embedder.name).encode() + b"\0"
        keys = [
            hashlib.blake2b(prefix + t.encode("utf-8", "surrogatepass"), digest_size=20).digest()
            for t in texts
        ]
        out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
        found: dict[bytes, bytes] = {}
        db = self._db()
        try:
            unique = list(dict.fromkeys(keys))
            for start in range(0, len(unique), _LOOKUP):
                part = unique[start : start + _LOOKUP]
                marks = ",".join("?" * len(part))
                found.update(db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part))
            missing = [i for i, k in enumerate(keys) if k not in found]
            first = sorted({keys[i]: i for i in reversed(missing)}.values())  # one text per missing key
            bar = _bar(len(first), progress)
            for start in range(0, len(first), _BLOCK):  # saved block by block: a killed build resumes
                block = first[start : start + _BLOCK]
                vectors = embedder.encode([texts[i] for i in block], batch_size=batch_size)
                pairs = zip(block, vectors, strict=True)
                rows = [(keys[i], np.asarray(v, dtype=np.float32).tobytes()) for i, v in pairs]
                with db:
                    db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
                found.update(rows)
                if bar is not None:
                    bar.update(len(block))
            if bar is not None:
                bar.close()
        finally:
            db.close()
        for i, key in enumerate(keys):
            out[i] = np.frombuffer(found[key], dtype=np.float32)
        self.stats.hits += len(texts) - len(first)
        self.stats.embedded += len(first)
        return out

    def load_file(self, path: Path, rel: str) -> Document:
        """``ingest.load_file``, remembered: unchanged files are not cleaned again."""
        raw = path.read_bytes()
        key = hashlib.blake2b(
            _ingest_code() + rel.encode("utf-8", "surrogatepass") + b"\0" + raw, digest_size=20
        )
        with closing(self._db()) as db:
            row = db.execute("SELECT document FROM documents WHERE key = ?", (key.digest(),)).fetchone()
            if row is not None:
                return Document.from_dict(json.loads(row[0]))
            doc = load_file(path, rel)  # a DocumentError is not remembered: it is reported every build
            self.stats.parsed += 1
            with db:
                db.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?)",
                    (key.digest(), json.dumps(doc.to_dict(), ensure_ascii=False)),
                )
        return doc
