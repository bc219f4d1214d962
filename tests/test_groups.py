"""The group alias table and the group finder (hand-written sentences)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from claimwatch.extract.groups import all_groups, find_groups, lookup_group, parent_of
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _work(text: str) -> Work:
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    return work


def _names(text: str) -> list[str]:
    return [m.group.name for m in find_groups(_work(text))]


def test_table_is_large_and_well_formed() -> None:
    groups = all_groups()
    assert len(groups) >= 45
    names = {g.name for g in groups}
    for group in groups:
        assert group.parent is None or group.parent in names
        assert group.wikidata_id is None or group.wikidata_id.startswith("Q")
    raw = json.loads(resources.files("claimwatch").joinpath("data/groups.json").read_text(encoding="utf-8"))
    assert {"name", "wikidata_id", "aliases", "parent", "channels"} <= set(raw["groups"][0])


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("ISIS", "Islamic State"),
        ("isil", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("ISWAP", "Islamic State West Africa Province"),
        ("IS-K", "Islamic State Khorasan Province"),
        ("al Qaida", "al-Qaeda"),
        ("AQAP", "al-Qaeda in the Arabian Peninsula"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan"),
        ("Kataib Hezbollah", "Kata'ib Hezbollah"),
        ("nothing like this", None),
    ],
)
def test_lookup_group(alias: str, name: str | None) -> None:
    group = lookup_group(alias)
    assert (group.name if group else None) == name


def test_known_wikidata_ids_and_parents() -> None:
    islamic_state = lookup_group("Islamic State")
    assert islamic_state is not None and islamic_state.wikidata_id == "Q2429253"
    parent = parent_of("ISWAP")
    assert parent is not None and parent.name == "Islamic State"
    assert parent_of("Hamas") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islamic State militants stormed the base.", ["Islamic State"]),
        ("The Islamic State group said its fighters attacked.", ["Islamic State"]),
        ("Fighters of the Islamic State West Africa Province raided the town.", ["Islamic State West Africa Province"]),
        ("The jihadist militia Islamic State (IS) has claimed the raid.", ["Islamic State", "Islamic State"]),
        ("IS has claimed the raid on the port.", ["Islamic State"]),
        ("Officials said the attack bore the marks of the IS.", ["Islamic State"]),
        ("WHAT IS KNOWN ABOUT THE ATTACK", []),
        ("It is not clear who did it. This IS a test.", []),
        ("Pakistan's Taliban denied it; the Afghan Taliban said nothing.",
         ["Tehrik-i-Taliban Pakistan", "Taliban"]),
        ("Al-Shabaab and al-Shabab are spelt both ways.", ["al-Shabaab", "al-Shabaab"]),
        ("The anti-ISIS coalition met in Paris.", []),
        ("A Boko Haram faction and ISWAP fought near the lake.", ["Boko Haram", "Islamic State West Africa Province"]),
        ("Hamas and Palestinian Islamic Jihad fired rockets.", ["Hamas", "Palestinian Islamic Jihad"]),
        ("The FARC dissidents and the ELN clashed.", ["FARC dissidents", "National Liberation Army (Colombia)"]),
        ("the fmln urban commandos attacked the post.", ["Farabundo Marti National Liberation Front"]),
        ("Kataib Hezbollah, not Hezbollah, fired the drone.", ["Kata'ib Hezbollah", "Hezbollah"]),
        ("Islamic State-Khorasan (IS-K) was blamed.", ["Islamic State Khorasan Province"] * 2),
    ],
)
def test_find_groups(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_mentions_carry_offsets_and_sentence() -> None:
    text = "Shops were closed. Later, al-Qaeda in the Islamic Maghreb said it held the hostages."
    work = _work(text)
    [mention] = find_groups(work)
    assert text[mention.start : mention.end] == mention.text == "al-Qaeda in the Islamic Maghreb"
    assert mention.sentence == 1


def test_curly_apostrophes_do_not_break_offsets() -> None:
    text = "The Islamic State’s West Africa Province said so."
    [mention] = find_groups(_work(text))
    assert mention.group.name == "Islamic State West Africa Province"
    assert mention.text == "Islamic State’s West Africa Province"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighters of Islamic State's Somalia Province raided the camp.", ["Islamic State Somalia Province"]),
        ("The Islamic State’s Mozambique Province said so.", ["Islamic State Mozambique Province"]),
        ("The Islamic State's fighters withdrew.", ["Islamic State"]),
    ],
)
def test_possessive_between_alias_words(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_lookup_accepts_a_possessive_between_words() -> None:
    group = lookup_group("Islamic State's Pakistan Province")
    assert group is not None and group.name == "Islamic State Pakistan Province"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two names of one group joined by a hyphen are one mention
        ("Officials blamed the Dawlah Islamiyah-Maute group.", ["Maute group"]),
        ("Militants of the Maute-Dawlah Islamiyah network fled.", ["Maute group"]),
        # two different groups joined by a hyphen stay two
        ("The Hamas-Hezbollah talks ended.", []),
    ],
)
def test_hyphen_joined_names_of_one_group(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islamic State said fighters of the group's West Africa Province raided the base.",
         ["Islamic State", "Islamic State West Africa Province"]),
        ("ISIS said its Sinai Province fighters shelled the post.", ["Islamic State", "Islamic State Sinai Province"]),
        # no parent named before: a bare branch name after a possessive is not read
        ("Hamas said its West Africa Province office was closed.", ["Hamas"]),
        ("The report named its West Africa Province chapter.", []),
    ],
)
def test_branch_named_after_a_possessive_for_its_parent(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        # branch names and abbreviations of the two big families
        ("Wilayat Khorasan", "Islamic State Khorasan Province"),
        ("IS-Sahel", "Islamic State Sahel Province"),
        ("Islamic State in Libya", "Islamic State Libya Province"),
        ("Macina Liberation Front", "Katiba Macina"),
        ("Ansar Eddine", "Ansar Dine"),
        ("Al-Murabitun", "al-Mourabitoun"),
        # regional groups of Africa, South Asia, the Middle East, South-East Asia and Latin America
        ("Lakurawa", "Lakurawa"),
        ("OLF-Shane", "Oromo Liberation Army"),
        ("IPOB", "Indigenous People of Biafra"),
        ("BIFF", "Bangsamoro Islamic Freedom Fighters"),
        ("Jemaah Ansharut Daulah", "Jamaah Ansharut Daulah"),
        ("PLGA", "Communist Party of India (Maoist)"),
        ("NSCN-IM", "NSCN (Isak-Muivah)"),
        ("Tamil Tigers", "Liberation Tigers of Tamil Eelam"),
        ("Hasm", "Hasm Movement"),
        ("Ansarallah", "Houthis"),
        ("Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq"),
        ("DHKP-C", "Revolutionary People's Liberation Party-Front"),
        ("People's Defense Forces", "People's Defence Force"),
        ("Mara Salvatrucha", "MS-13"),
    ],
)
def test_regional_groups_and_branches(alias: str, name: str) -> None:
    group = lookup_group(alias)
    assert group is not None and group.name == name


def test_branch_parents_of_new_rows() -> None:
    for branch, parent in [("Katiba Macina", "Jama'at Nusrat al-Islam wal-Muslimin"),
                           ("Eastern Security Network", "Indigenous People of Biafra"),
                           ("Islamic State Caucasus Province", "Islamic State"),
                           ("NSCN-K", "National Socialist Council of Nagaland")]:
        found = parent_of(branch)
        assert found is not None and found.name == parent


@pytest.mark.parametrize(
    "text",
    [
        # names that are also ordinary words or other bodies' acronyms are not in the table
        "He walked into the lion's den of revolutionary struggle.",
        "Analysts at the Institute for Security Studies (ISS) and the AKP disagreed.",
        "The National Action Plan says the base was attacked.",
    ],
)
def test_common_words_are_not_groups(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Al-Qaeda in the Arabian Peninsula said al-Qaeda's branch in Yemen did it; AQAP denied nothing.",
        "The Islamic State's Sahel Province and Islamic State-Sahel fighters, not Daesh or Da'esh, were seen.",
        "A Dawlah Islamiyah-Maute cell and the Taliban-led government met the Tehreek-e-Taliban Pakistan.",
        "l'État islamique et d'Al-Qaïda ont revendiqué; nobody else did, not even islamic state fans.",
    ],
)
def test_the_trie_scan_finds_what_the_plain_alternation_finds(text: str) -> None:
    from claimwatch.extract import groups as g

    table = g._table()
    ascii_text = text.translate(g._ASCII)
    for scan in (table.loose, table.acronyms, table.acronyms_loose, table.contextual, table.joined):
        if scan is None:
            continue
        expected = [(m.span(), m.group(0)) for m in scan.exact.finditer(ascii_text)]
        assert [(m.span(), m.group(0)) for m in scan.finditer(ascii_text)] == expected


def test_a_trie_writes_shared_beginnings_once() -> None:
    import re

    from claimwatch.extract.groups import _trie

    pattern = re.compile(rf"(?:{_trie(['Islamic State', 'Islamic Jihad', 'Islam'])})$", re.IGNORECASE)
    assert pattern.pattern.count("Islam") == 1
    assert all(pattern.match(name) for name in ("islamic state", "Islamic's Jihad", "Islam"))
    assert not pattern.match("Islamic")
