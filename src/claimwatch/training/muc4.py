"""Train the MUC-4 models of the registry (`model_registry.py`), into `CLAIMWATCH_MODEL_DIR` when it is set,
else into `claimwatch/data/models/` of a source checkout (never into an installed package):

1. `muc4_roles.crfsuite` — the CRF role tagger of `extract/roles.py`. Gold mentions (strings with the
   offset of their first occurrence) are projected onto every occurrence of the string in the document,
   longest mention first, as BIO labels per role. Documents without a template are kept with all tokens
   `O`: they teach the tagger that fighting between armies or a politician's speech has no role fillers.
2. `muc4_relevance.json` — a TF-IDF + logistic regression document model: does this document report a
   MUC-4 incident at all? Stored as plain numbers (vocabulary, idf, weights), not a pickle, so it loads
   under any scikit-learn version; `document_relevance.py` applies it.

Both train in a few minutes on two CPU cores.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import model_registry
from ..evaluation.muc4 import ROLES
from ..extract.roles import Token, sentence_features, tokenize


@dataclass
class TrainingReport:
    documents: int
    sentences: int
    seconds: float
    paths: list[Path]


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_spans(document: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, role) for every occurrence of every gold mention, longest mention first."""
    text = document["doctext"]
    mentions: dict[str, str] = {}
    for template in document.get("templates", []):
        for role in ROLES:
            for entity in template.get(role, []):
                for mention, _offset in entity:
                    mentions.setdefault(mention, role)
    spans = []
    for mention, role in sorted(mentions.items(), key=lambda kv: -len(kv[0])):
        for match in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text):
            spans.append((match.start(), match.end(), role))
    return spans


def bio_labels(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    labels = ["O"] * len(tokens)
    for start, end, role in spans:
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        if not inside or any(labels[i] != "O" for i in inside):
            continue
        labels[inside[0]] = f"B-{role}"
        for i in inside[1:]:
            labels[i] = f"I-{role}"
    return labels


def train_roles(documents: list[dict[str, Any]], path: Path | None = None, iterations: int = 100,
                c1: float = 0.05, c2: float = 0.05) -> int:
    """Train the CRF into `path`, by default the registry's training folder (then entered in its manifest)."""
    import pycrfsuite

    target = path or model_registry.output_path("roles")
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for document in documents:
        spans = gold_spans(document)
        for index, tokens in enumerate(tokenize(document["doctext"])):
            trainer.append(sentence_features(tokens, index), bio_labels(tokens, spans))
            count += 1
    trainer.set_params({
        "c1": c1,
        "c2": c2,
        "max_iterations": iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": 2,
    })
    target.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(target))
    if path is None:
        model_registry.record("roles", target)
    return count


def main_type(document: dict[str, Any]) -> str:
    """The document's incident type for the type model: the most frequent one among its templates."""
    counts: dict[str, int] = {}
    for template in document.get("templates", []):
        kind = template["incident_type"].split(" / ")[0].strip()
        counts[kind] = counts.get(kind, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "none"


def train_relevance(documents: list[dict[str, Any]], path: Path | None = None, c: float = 16.0) -> None:
    """Two linear models over one TF-IDF vocabulary: relevant or not, and the main incident type; written to
    `path`, by default the registry's training folder (then entered in its manifest)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True, max_features=30000)
    x = vectorizer.fit_transform(d["doctext"] for d in documents)
    relevant = LogisticRegression(C=c, max_iter=2000)
    relevant.fit(x, [1 if d.get("templates") else 0 for d in documents])
    rows = [i for i, d in enumerate(documents) if d.get("templates")]
    kinds = LogisticRegression(C=c, max_iter=2000)
    kinds.fit(x[rows], [main_type(documents[i]) for i in rows])
    classes = [str(k) for k in kinds.classes_]
    type_coef, type_intercepts = kinds.coef_, [float(v) for v in kinds.intercept_]
    if len(classes) == 2:  # a binary model keeps one row; softmax over (0, z) is the same sigmoid
        type_coef = [[0.0] * type_coef.shape[1], list(type_coef[0])]
        type_intercepts = [0.0, type_intercepts[0]]
    terms = {
        term: [round(float(vectorizer.idf_[i]), 5), round(float(relevant.coef_[0][i]), 5)]
        + [round(float(type_coef[k][i]), 5) for k in range(len(classes))]
        for term, i in vectorizer.vocabulary_.items()  # every term: all of them count in the l2 norm
    }
    payload = {
        "version": model_registry.MODELS["relevance"].version,
        "ngram_max": 2,
        "intercept": float(relevant.intercept_[0]),
        "types": classes,
        "type_intercepts": type_intercepts,
        "terms": terms,  # term -> [idf, relevance weight, one weight per type]
    }
    target = path or model_registry.output_path("relevance")
    target.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    if path is None:
        model_registry.record("relevance", target)


def train(train_path: Path, *, iterations: int = 100, limit: int | None = None,
          roles: bool = True, relevance: bool = True) -> TrainingReport:
    started = time.perf_counter()
    documents = load_jsonl(train_path)[:limit]
    sentences = 0
    paths = []
    if relevance:
        train_relevance(documents)
        paths.append(model_registry.output_path("relevance"))
    if roles:
        sentences = train_roles(documents, iterations=iterations)
        paths.append(model_registry.output_path("roles"))
    return TrainingReport(len(documents), sentences, time.perf_counter() - started, paths)
