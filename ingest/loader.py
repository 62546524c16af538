"""Load a corpus folder recursively into ``Document``s, with a report of what was skipped and why.

Supported: ``.md``/``.markdown`` (YAML front matter optional), ``.txt`` (front matter means markdown;
none means a scraped page), ``.html``/``.htm``. A bad file is skipped with a one-line reason and
the run goes on; identical documents are stored once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from core.errors import CorpusError, DocumentError
from ingest.builder import DocumentBuilder
from ingest.htmlpage import parse_html
from ingest.markdown import parse_markdown
from ingest.metadata import normalise
from ingest.model import Document
from ingest.scraped import infer_audience, parse_scraped, source_url

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def report(self) -> str:
        lines = [f"ingested {len(self.documents)} documents, skipped {len(self.skipped)}"]
        lines += [f"  skipped {s.path}: {s.reason}" for s in self.skipped]
        return "\n".join(lines)


def corpus_files(root: Path) -> list[Path]:
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is not a folder: {root}")
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def corpus_hash(root: Path) -> str:
    """Hash of every supported file's relative path and bytes: changes when the corpus changes."""
    digest = hashlib.sha256()
    for path in corpus_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def load_corpus(root: Path, load: Callable[[Path, str], Document] | None = None) -> IngestResult:
    """Every supported file under ``root`` cleaned into a Document (``load``, default
    ``load_file``: a caller may pass a cached one), with duplicates and unusable files skipped."""
    load = load or load_file
    result = IngestResult()
    seen_text: dict[str, str] = {}
    seen_ids: set[str] = set()
    for path in corpus_files(root):
        rel = str(path.relative_to(root))
        try:
            doc = load(path, rel)
        except DocumentError as exc:
            result.skipped.append(Skipped(rel, str(exc)))
            continue
        key = hashlib.sha256(doc.text.encode()).hexdigest()
        if key in seen_text:
            result.skipped.append(Skipped(rel, f"duplicate of {seen_text[key]}"))
            continue
        if doc.id in seen_ids:
            doc = _renamed(doc, f"{path.parent.name}-{doc.id}", seen_ids)
        seen_text[key] = rel
        seen_ids.add(doc.id)
        result.documents.append(doc)
    if not result.documents:
        raise CorpusError(
            f"no usable document in {root}" + ("\n" + result.report() if result.skipped else "")
        )
    return result


def _renamed(doc: Document, new_id: str, taken: set[str]) -> Document:
    candidate, n = new_id, 2
    while candidate in taken:
        candidate, n = f"{new_id}-{n}", n + 1
    return replace(doc, id=candidate)


def load_file(path: Path, rel: str) -> Document:
    raw_bytes = path.read_bytes()
    if not raw_bytes.strip():
        raise DocumentError("empty file")
    try:
        raw = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"undecodable bytes (not UTF-8) at byte {exc.start}") from None
    if "\x00" in raw:
        raise DocumentError("binary content (NUL bytes)")
    kind = SUFFIXES[path.suffix.lower()]
    fallback = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
    builder = DocumentBuilder()
    front: dict[str, Any] = {}
    if kind == "html":
        front = parse_html(raw, builder, fallback)
        doc_kind = "html"
    elif kind == "markdown" or raw.lstrip().startswith("---"):
        front, body = _front_matter(raw)
        h1 = parse_markdown(body, builder, str(front.get("title") or fallback))
        front.setdefault("title", h1)
        doc_kind = "markdown"
    else:
        title = parse_scraped(raw, builder, fallback)
        front = {"title": title, "audienceLevel": infer_audience(title), "url": source_url(raw)}
        doc_kind = "scraped"
    if not builder.has_body:
        raise DocumentError("no text left after cleaning")
    meta = normalise(front, fallback)
    return builder.build(path.stem, rel, doc_kind, meta)


def _front_matter(raw: str) -> tuple[dict[str, Any], str]:
    import frontmatter
    import yaml

    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0]
        raise DocumentError(f"broken front matter: {first}") from None
    if raw.lstrip().startswith("---") and not post.metadata and raw.count("---") < 2:
        raise DocumentError("broken front matter: no closing '---'")
    if not isinstance(post.metadata, dict):
        raise DocumentError("broken front matter: not a mapping")
    return dict(post.metadata), post.content
