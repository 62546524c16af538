"""What an index build changed: documents added, changed and removed since the folder's last build,
and how many texts were embedded rather than taken from the embedding cache.

``compare(out, documents, chunks, cache)`` reads the previous ``documents.jsonl`` in ``out`` (when
there is one) and returns a ``Changes`` whose ``report()`` is the line ``cancer-qa index`` prints.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.model import Chunk, Document

if TYPE_CHECKING:
    from index.cache import EmbeddingCache

_SHOWN = 5


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    previous: bool = False
    """Whether there was an earlier build to compare with."""
    texts: int = 0
    embedded: int | None = None
    """Texts (chunks and sentences) actually embedded; None without an embedding cache."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": list(self.added), "changed": list(self.changed), "removed": list(self.removed),
            "previous": self.previous, "texts": self.texts, "embedded": self.embedded,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Changes:
        return cls(
            tuple(data["added"]), tuple(data["changed"]), tuple(data["removed"]),
            data["previous"], data["texts"], data["embedded"],
        )  # fmt: skip

    def report(self) -> str:
        def names(kind: str, ids: tuple[str, ...]) -> str:
            shown = ", ".join(ids[:_SHOWN]) + (f" and {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")
            return f"{len(ids)} {kind}" + (f" ({shown})" if ids else "")

        head = (
            ", ".join(
                names(k, ids)
                for k, ids in (("added", self.added), ("changed", self.changed), ("removed", self.removed))
            )  # fmt: skip
            if self.previous
            else "first build"
        )
        if self.embedded is None:
            return f"{head}; {self.texts:,} texts embedded"
        return (
            f"{head}; {self.embedded:,} of {self.texts:,} texts embedded (the others were cached or repeats)"
        )


def _fingerprints(lines: list[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        data = json.loads(line)
        out[data["id"]] = hashlib.sha1(line.encode("utf-8", "surrogatepass")).hexdigest()
    return out


def compare(
    out: Path, documents: list[Document], chunks: list[Chunk], cache: EmbeddingCache | None
) -> Changes:
    new = _fingerprints([json.dumps(d.to_dict(), ensure_ascii=False) for d in documents])
    texts = len(chunks) + sum(len(d.sentences) for d in documents)
    embedded = None if cache is None else cache.stats.embedded
    try:
        old = _fingerprints((out / "documents.jsonl").read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError, KeyError):
        return Changes(texts=texts, embedded=embedded)
    return Changes(
        added=tuple(sorted(new.keys() - old.keys())),
        changed=tuple(sorted(k for k in new.keys() & old.keys() if new[k] != old[k])),
        removed=tuple(sorted(old.keys() - new.keys())),
        previous=True,
        texts=texts,
        embedded=embedded,
    )
