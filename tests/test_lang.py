"""Language resources as data: loading, fallback, fragments, detection, and the sentence splitter's scripts."""

from __future__ import annotations

import re

import pytest

from claimwatch import lang
from claimwatch.extract import casualties, claims, dates, events, numbers
from claimwatch.lang.detect import detect
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def test_english_ships_every_resource_file() -> None:
    english = lang.resources("en")
    for name in ("claims", "casualties", "numbers", "events", "dates", "places"):
        assert english.has_own(name), name


def test_codes_are_normalised_and_cached() -> None:
    assert lang.normalise("fr-FR") == "fr"
    assert lang.normalise(None) == lang.DEFAULT
    assert lang.resources("EN") is lang.resources("en") or lang.resources("EN").code == "en"


def test_a_language_without_resources_reads_like_english() -> None:
    unknown = lang.resources("zz")
    assert not unknown.has_own("claims")
    assert unknown.section("claims") == lang.resources("en").section("claims")
    # the extractors work on it without failing
    assert casualties.counts_in("Five people were killed.", "zz")[0][3].value == 5


def test_fragments_expand_references() -> None:
    english = lang.resources("en")
    text = english.text("casualties", "kind_word")
    assert "${" not in text
    assert re.fullmatch(text, "wounded", re.IGNORECASE)


def test_cue_ids_are_unique_and_prefixed_with_the_language() -> None:
    for code in lang.available():
        res = lang.resources(code)
        ids = [c["id"] for c in res.section("claims").get("cues", []) if res.has_own("claims")]
        ids += [c["id"] for c in res.section("events").get("cues", []) if res.has_own("events")]
        assert len(ids) == len(set(ids)), code
        assert all(i.startswith(f"{code}.") for i in ids), code


@pytest.mark.parametrize("code", lang.available())
def test_every_language_compiles(code: str) -> None:
    claims.grammar(code)
    casualties.grammar(code)
    numbers.words(code)
    dates.words(code)
    events.lexicon(code)


def test_extractors_read_the_documents_language() -> None:
    work = Work(document=Document(text="Seven people were killed.", language="en"))
    work.sentences = split_sentences(work.document.text)
    assert [m.count.value for m in casualties.find_counts(work)] == [7]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Des hommes armés ont attaqué un poste de police dans la nuit, tuant quatre agents selon le ministère.", "fr"),
        ("Hombres armados atacaron una comisaría durante la noche y mataron a cuatro agentes, según el ministerio.",
         "es"),
        ("Bewaffnete griffen in der Nacht eine Polizeiwache an und töteten vier Beamte, teilte das Ministerium mit.",
         "de"),
        ("هاجم مسلحون مركزا للشرطة ليلا وقتلوا أربعة من عناصره بحسب ما أعلنت الوزارة", "ar"),
        ("Gunmen attacked a police post overnight, killing four officers, the ministry said.", "en"),
    ],
)
def test_detect_names_the_language_of_a_short_report(text: str, code: str) -> None:
    assert detect(text) == code


def test_detect_gives_no_answer_on_too_little_text() -> None:
    assert detect("KABUL (AP) --") is None


def test_arabic_sentences_split_at_arabic_stops() -> None:
    text = ("قال مسؤول في الشرطة إن انفجارا وقع في سوق المدينة صباح اليوم. "
            "وأضاف أن الانفجار أدى إلى مقتل ثلاثة أشخاص؟ "
            "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن")
    sentences = split_sentences(text)
    assert len(sentences) == 3
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_clause_mode_cuts_at_semicolons() -> None:
    assert len(split_sentences("one thing happened; another followed", clauses=True)) == 2
    assert len(split_sentences("one thing happened; another followed")) == 1
