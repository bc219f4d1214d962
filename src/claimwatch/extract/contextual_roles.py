"""Role mentions by the contextual tagger: the pretrained encoder (`encoder.py`, MiniLM fine-tuned on MUC-4 by
`training/muc4_encoder.py`) labels each word piece with BIO over the five roles, reading the whole window
around it ("the killing had been ordered by X", "X was captured by troops"), which the CRF's two-word
features cannot see.

The `contextual_roles` component runs after `roles` (the CRF) and replaces the CRF's mentions of the roles
in `SOURCES` marked "encoder", keeps those marked "crf", and takes both for "both" (duplicates by span are
dropped). Words are the CRF's (`roles.tokenize`); a word takes the label of its first piece, decoded like
the CRF's: a word is part of a role mention when the probability of "O" is below `O_THRESHOLD`.

Without onnxruntime/tokenizers (the `encoder` extra) or the model files, it returns the CRF's mentions
unchanged (the registry warns once about a missing file).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .. import encoder
from ..model import RoleMention
from .roles import LABEL_ROLES, _sentence_of, _trim, decode, tokenize

if TYPE_CHECKING:
    from ..work import Work

MODEL = "roles_encoder"  # and "roles_encoder_meta": the model registry's names (model_registry.py)

# Which tagger each role's mentions come from (measured on MUC-4; see EVALUATION.md).
SOURCES: dict[str, str] = {
    "PerpInd": "encoder",
    "PerpOrg": "encoder",
    "Target": "encoder",
    "Victim": "encoder",
    "Weapon": "encoder",
}
O_THRESHOLD = 0.5  # a word is in a mention when P(O) of its first piece is below this


def tag_text(text: str, o_threshold: float = O_THRESHOLD) -> list[tuple[str, int, int]] | None:
    """(role label, start, end) spans of one text by the contextual tagger; None when it is not installed."""
    model = encoder.load(MODEL)
    if model is None:
        return None
    pieces, output = model.run(text)
    labels = model.labels
    first_piece: dict[int, int] = {}
    for index, (start, _end) in enumerate(pieces.offsets):
        first_piece.setdefault(start, index)
    spans: list[tuple[str, int, int]] = []
    for tokens in tokenize(text):
        word_labels = []
        for token in tokens:
            piece = first_piece.get(token.start)
            word_labels.append("O" if piece is None else _label([float(v) for v in output[piece]], labels,
                                                                 o_threshold))
        spans.extend(decode(tokens, word_labels))
    return spans


def _label(logits: list[float], labels: list[str], threshold: float) -> str:
    top = max(logits)
    weights = [math.exp(v - top) for v in logits]
    total = sum(weights)
    probability = {label: w / total for label, w in zip(labels, weights, strict=True)}
    if probability.get("O", 0.0) >= threshold:
        return "O"
    by_role: dict[str, float] = {}
    for label, p in probability.items():
        if label != "O":
            role = label.split("-", 1)[1]
            by_role[role] = by_role.get(role, 0.0) + p
    role = max(by_role, key=lambda r: by_role[r])
    return f"{'B' if probability.get(f'B-{role}', 0.0) >= probability.get(f'I-{role}', 0.0) else 'I'}-{role}"


def find_roles(work: Work) -> list[RoleMention]:
    """The role mentions after the contextual tagger: see the module docstring for which tagger gives which."""
    crf = list(work.mentions.roles)
    found = tag_text(work.document.text)
    if found is None:
        return crf
    text = work.document.text
    by_role = {LABEL_ROLES[role]: source for role, source in SOURCES.items()}
    kept = [m for m in crf if by_role.get(m.role, "crf") in ("crf", "both")]
    seen: set[tuple[int, int, str]] = {(m.start, m.end, m.role) for m in kept}
    for role, start, end in found:
        kind = LABEL_ROLES[role]
        if by_role.get(kind, "crf") == "crf" or (start, end, kind) in seen:
            continue
        surface = _trim(text[start:end])
        if not surface:
            continue
        seen.add((start, end, kind))
        kept.append(RoleMention(start=start, end=end, text=surface, sentence=_sentence_of(work.sentences, start),
                                role=kind))  # type: ignore[arg-type]
    return sorted(kept, key=lambda m: (m.start, m.end))
