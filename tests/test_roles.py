"""Role mentions (extract/roles.py), their projection for training, and role assignment to incidents."""

from __future__ import annotations

import pytest

from claimwatch import model_registry
from claimwatch.document_relevance import document_scores
from claimwatch.extract import roles
from claimwatch.model import Document, Evidence, Incident, Perpetrator, RoleMention
from claimwatch.role_assignment import assign_roles
from claimwatch.sentences import split_sentences
from claimwatch.training.muc4 import bio_labels, gold_spans, main_type
from claimwatch.work import Work

TEXT = "urban rebels bombed the water tower in san lucas.    later, gunmen shot mayor ruiz with rifles."


def work_for(text: str) -> Work:
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    return work


def test_tokenize_keeps_offsets_and_splits_lower_case_sentences() -> None:
    sentences = roles.tokenize(TEXT)
    assert len(sentences) == 2
    for tokens in sentences:
        for token in tokens:
            assert TEXT[token.start : token.end] == token.text
    assert [t.text for t in sentences[1][:3]] == ["later", ",", "gunmen"]


def test_features_mark_attack_words_and_word_lists() -> None:
    tokens = roles.tokenize(TEXT)[0]
    features = roles.sentence_features(tokens)
    bombed = [t.text for t in tokens].index("bombed")
    assert features[bombed]["trigger"] is True
    assert features[bombed + 3]["placew"] is True  # "tower"
    assert features[bombed - 1]["trig_side"] == "after"


def test_features_lead_modifiers_to_the_noun_of_their_phrase() -> None:
    tokens = roles.tokenize("rebels attacked the santo tomas presidential farm with a car bomb")[0]
    features = roles.sentence_features(tokens)
    words = [t.text for t in tokens]
    santo = words.index("santo")
    assert features[santo]["np_thead"] == 3  # three words ahead of "farm"
    assert features[words.index("farm")]["thead"] is True
    assert features[words.index("rebels")]["phead"] is True
    assert "np_thead" not in features[words.index("attacked")]  # "farm" is five words on: beyond the window
    assert features[words.index("car")]["np_thead"] == 0  # "car" is itself a target noun
    # A preposition ends the phrase: "with" does not lead to "bomb".
    assert not any(key.startswith("np_") for key in features[words.index("with")])


def test_decode_bio_labels_into_spans() -> None:
    tokens = roles.tokenize("gunmen shot mayor ruiz")[0]
    spans = roles.decode(tokens, ["B-PerpInd", "O", "B-Victim", "I-Victim"])
    assert spans == [("PerpInd", 0, 6), ("Victim", 12, 22)]
    # An I- label that does not continue a span of its role starts one.
    assert roles.decode(tokens, ["I-PerpInd", "O", "O", "I-Victim"]) == [("PerpInd", 0, 6), ("Victim", 18, 22)]


def test_gold_mentions_are_projected_longest_first() -> None:
    document = {
        "doctext": TEXT,
        "templates": [{"incident_type": "bombing", "PerpInd": [[["urban rebels", 0], ["rebels", 6]]],
                       "PerpOrg": [], "Target": [[["water tower", 24]]], "Victim": [], "Weapon": []}],
    }
    spans = gold_spans(document)
    assert spans[0] == (0, 12, "PerpInd")
    tokens = roles.tokenize(TEXT)[0]
    labels = bio_labels(tokens, spans)
    assert labels[:3] == ["B-PerpInd", "I-PerpInd", "O"]
    assert labels[4:6] == ["B-Target", "I-Target"]
    assert main_type(document) == "bombing" and main_type({"templates": []}) == "none"


def mention(text: str, role: str, sentence: int) -> RoleMention:
    start = TEXT.index(text)
    return RoleMention(start=start, end=start + len(text), text=text, sentence=sentence, role=role)  # type: ignore[arg-type]


def test_assign_roles_puts_mentions_on_the_closest_incident() -> None:
    work = work_for(TEXT.replace("    ", "   \n"))  # same offsets; the product splitter needs the newline
    first, second = work.sentences
    incidents = [
        Incident(id="i1", evidence=[Evidence(first.text, first.start, first.end)]),
        Incident(id="i2", evidence=[Evidence(second.text, second.start, second.end)],
                 perpetrators=[Perpetrator("gunmen", "individual")]),
    ]
    found = [
        mention("urban rebels", "perpetrator_group", 0),
        mention("water tower", "target", 0),
        mention("gunmen", "perpetrator_individual", 1),
        mention("mayor ruiz", "victim", 1),
        mention("rifles", "weapon", 1),
    ]
    assign_roles(incidents, found, work)
    assert incidents[0].targets == ["water tower"] and incidents[0].victims == []
    assert incidents[1].victims == ["mayor ruiz"] and incidents[1].weapons == ["rifles"]
    assert [p.name for p in incidents[1].perpetrators] == ["gunmen", "urban rebels"]  # no duplicate gunmen
    assert incidents[0].perpetrators[0].kind == "group"
    # Each incident without attackers of a kind takes the document's: a series has the same attackers.
    named = [(p.name, p.kind) for p in incidents[0].perpetrators]
    assert named == [("urban rebels", "group"), ("gunmen", "individual")]


def test_assign_roles_without_incidents_does_nothing() -> None:
    assign_roles([], [mention("gunmen", "perpetrator_individual", 1)], work_for(TEXT))


@pytest.mark.skipif(model_registry.info("roles").path is None, reason="the CRF model is not installed")
def test_shipped_tagger_finds_roles_in_lower_case_text() -> None:
    text = "guerrillas of the farabundo marti national liberation front dynamited a power pylon in usulutan."
    found = roles.find_roles(work_for(text))
    assert found, "the tagger should find at least one role filler"
    for item in found:
        assert text[item.start : item.end].strip(" .,") == item.text
        assert item.role in roles.LABEL_ROLES.values()


def test_document_scores_are_probabilities() -> None:
    scores = document_scores("a bomb exploded outside the embassy, killing two guards, police said.")
    if scores is None:
        pytest.skip("the relevance model is not shipped in this checkout")
    assert 0.0 <= scores.relevance <= 1.0
    assert scores.incident_type in {"attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage"}


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("of book store", "book store"), ("armed forces of", "armed forces"), ("(the embassy and", "the embassy"),
     (" of ", ""), ("bank", "bank"), ("guerrillas of the", "guerrillas"), ("the embassy", "the embassy")],
)
def test_role_spans_lose_function_words_at_their_edges(surface: str, expected: str) -> None:
    assert roles._trim(surface) == expected


def test_nearest_trigger_is_the_earlier_on_a_tie() -> None:
    """The nearest-trigger feature picks the closest position, the earlier one when two are as close."""
    from claimwatch.extract.roles import _nearest

    assert _nearest([4], 0) == 4
    assert _nearest([2, 8], 5) == 2
    assert _nearest([2, 8], 6) == 8
    assert _nearest([2, 8], 9) == 8
    assert _nearest([1, 3, 7], 3) == 3
    positions = [0, 10, 11]
    assert [_nearest(positions, i) for i in range(12)] == [min(positions, key=lambda t: abs(t - i)) for i in range(12)]
