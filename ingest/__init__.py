"""Ingest: corpus files -> cleaned ``Document``s with sections and sentences -> ``Chunk``s."""

from ingest.chunking import chunk_documents, count_tokens, embedding_text
from ingest.loader import IngestResult, Skipped, corpus_hash, load_corpus
from ingest.model import Chunk, Document, Metadata, Section, Sentence

__all__ = [
    "Chunk",
    "Document",
    "IngestResult",
    "Metadata",
    "Section",
    "Sentence",
    "Skipped",
    "chunk_documents",
    "corpus_hash",
    "count_tokens",
    "embedding_text",
    "load_corpus",
]
