"""The encoder loader (encoder.py): windows with overlap, batching, the registry; a tiny ONNX model built here
(an embedding lookup, so each piece's output is known) stands in for the real one. The parts that need
onnx/onnxruntime/tokenizers skip when those are not installed; the fine-tuning needs torch and skips too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch import encoder, model_registry
from claimwatch.encoder import owner, windows


def test_windows_cover_every_piece_with_overlap() -> None:
    assert windows(10, window=8, stride=2) == [(0, 6), (4, 10)]
    assert windows(5, window=8, stride=2) == [(0, 5)]
    spans = windows(1000, window=256, stride=64)
    assert spans[0] == (0, 254) and spans[-1][1] == 1000
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end - start == 64
    with pytest.raises(ValueError):
        windows(10, window=4, stride=2)


def test_a_piece_is_read_where_it_has_the_most_context() -> None:
    spans = [(0, 6), (4, 10)]
    assert owner(spans, 3) == 0
    assert owner(spans, 4) == 0  # 2 pieces of context to its right in the first window, 0 to its left in the second
    assert owner(spans, 5) == 1
    assert owner(spans, 9) == 1


WORDS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "bomb", "exploded", "near", "a", "bank", "in", "town"]


TINY = Path(__file__).resolve().parent / "fixtures" / "encoder" / "tiny.onnx"  # output[b, t] = 3 * id + (0, 1, 2)


def _tiny_model(folder: Path) -> tuple[Path, dict]:
    """The tiny ONNX model (an embedding lookup: Gather over a 12 x 3 table of 0..35, written once with the
    `onnx` package) and a whitespace word-level tokenizer over WORDS."""
    pytest.importorskip("onnxruntime")
    tokenizers = pytest.importorskip("tokenizers")

    tokenizer = tokenizers.Tokenizer(tokenizers.models.WordLevel({w: i for i, w in enumerate(WORDS)}, "[UNK]"))
    tokenizer.pre_tokenizer = tokenizers.pre_tokenizers.Whitespace()
    meta = {"version": "test", "tokenizer": json.loads(tokenizer.to_str()), "window": 6, "stride": 2,
            "labels": ["a", "b", "c"]}
    path = folder / "tiny.onnx"
    path.write_bytes(TINY.read_bytes())
    return path, meta


def test_every_piece_gets_its_own_output_across_windows_and_batches(tmp_path: Path) -> None:
    path, meta = _tiny_model(tmp_path)
    model = encoder.Encoder(path, meta)
    text = "the bomb exploded near a bank in the town " * 3
    pieces, output = model.run(text, batch=2)
    assert len(pieces.ids) == 27 and output.shape == (27, 3)
    assert [text[a:b] for a, b in pieces.offsets[:3]] == ["the", "bomb", "exploded"]
    for row, piece in zip(output, pieces.ids, strict=True):
        assert list(row) == [3 * piece, 3 * piece + 1, 3 * piece + 2]
    assert model.run("")[1].shape[0] == 0


def test_the_registry_checks_and_opens_an_encoder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, meta = _tiny_model(tmp_path)
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setenv("CLAIMWATCH_MODEL_DIR", str(folder))
    onnx_file = folder / model_registry.MODELS["roles_encoder"].file
    onnx_file.write_bytes(path.read_bytes())
    meta["version"] = model_registry.MODELS["roles_encoder_meta"].version
    meta_file = folder / model_registry.MODELS["roles_encoder_meta"].file
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    model_registry.record("roles_encoder", onnx_file)
    model_registry.record("roles_encoder_meta", meta_file)
    try:
        loaded = encoder.load("roles_encoder")
        assert loaded is not None and loaded.labels == ["a", "b", "c"]
        assert encoder.load("roles_encoder") is loaded  # opened once
    finally:
        model_registry.forget()


def test_piece_labels_put_a_word_label_on_its_first_piece() -> None:
    pytest.importorskip("torch")
    from claimwatch.training.muc4_encoder import IGNORE, LABELS, piece_labels

    text = "the car-bomb exploded"
    # pieces as a BERT tokenizer cuts them: "car", "-", "bomb" inside the one CRF word "car-bomb"
    pieces = encoder.Pieces([1, 2, 3, 4, 5], [(0, 3), (4, 7), (7, 8), (8, 12), (13, 21)])
    labels = piece_labels(text, pieces, [(4, 12, "Weapon")])
    assert labels == [0, LABELS.index("B-Weapon"), IGNORE, IGNORE, 0]


def test_the_contextual_tagger_decodes_like_the_crf(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimwatch.extract import contextual_roles

    labels = ["O", "B-Victim", "I-Victim", "B-Weapon", "I-Weapon"]
    assert contextual_roles._label([5.0, 0.0, 0.0, 0.0, 0.0], labels, 0.5) == "O"
    assert contextual_roles._label([0.0, 3.0, 0.5, 0.0, 0.0], labels, 0.5) == "B-Victim"
    assert contextual_roles._label([0.0, 0.5, 3.0, 0.0, 0.0], labels, 0.5) == "I-Victim"
    # P(O) 0.45 against 0.55 spread over the roles: below 0.5, so the likeliest role wins
    assert contextual_roles._label([1.0, 0.0, -9.0, 0.73, -9.0], labels, 0.5) == "B-Weapon"


def test_the_contextual_tagger_replaces_the_crf_by_role(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimwatch.extract import contextual_roles
    from claimwatch.model import Document, RoleMention
    from claimwatch.work import Work

    text = "rebels shot the mayor with a rifle."
    work = Work(document=Document(text=text))
    crf = [RoleMention(start=0, end=6, text="rebels", sentence=0, role="perpetrator_individual"),
           RoleMention(start=29, end=34, text="rifle", sentence=0, role="weapon")]
    work.mentions.roles = list(crf)
    monkeypatch.setattr(contextual_roles, "tag_text", lambda _text: None)
    assert contextual_roles.find_roles(work) == crf  # not installed: the CRF's mentions, unchanged
    found = [("Victim", 12, 21), ("PerpInd", 0, 6), ("Weapon", 27, 34)]
    monkeypatch.setattr(contextual_roles, "tag_text", lambda _text: found)
    monkeypatch.setattr(contextual_roles, "SOURCES", {"PerpInd": "both", "Victim": "encoder", "Weapon": "crf"})
    got = [(m.text, m.role) for m in contextual_roles.find_roles(work)]
    assert got == [("rebels", "perpetrator_individual"), ("the mayor", "victim"), ("rifle", "weapon")]
