"""The Global Terrorism Database's codebook, as far as Claimwatch's record reaches, and how our
vocabularies map onto its codes. Read by the GTD-CSV export (`gtd.py`) and its import (`gtd_import.py`).

Conventions of the codebook that the export follows:
- `imonth`/`iday` are 0 when the month or day is unknown; `approxdate` then carries the date as the
  sources gave it ("2024-03", "2024").
- `-9` means "unknown" in the yes/no/unknown fields (`claimed`, `compclaim`, `guncertain1`...);
  a blank cell means no value (`nkill`, `nwound` unknown; `attacktype2` absent).
- `gname` is "Unknown" when no group is named.
- Attack types (`attacktype1–3`) and weapon types (`weaptype1–4`): our vocabularies *are* GTD's
  (extract/events.py), so the mapping is by name, codes 1–9 and 1–13.
- Claim modes (`claimmode`): our channels (extract/claims.py) by `CLAIM_MODES` below.
- Target types (`targtype1`): our free-text targets by the first cue in `TARGET_CUES` (ordered).
- Countries: GTD's own numeric codes, not ISO; `COUNTRIES` maps ISO 3166-1 alpha-2 to (code, GTD name,
  region) for the countries below. A country outside this table is exported with its ISO code in
  `country_txt` and a blank `country`, never a guessed code.
"""

from __future__ import annotations

import re

ATTACK_TYPES: dict[int, str] = {
    1: "Assassination",
    2: "Armed Assault",
    3: "Bombing/Explosion",
    4: "Hijacking",
    5: "Hostage Taking (Barricade Incident)",
    6: "Hostage Taking (Kidnapping)",
    7: "Facility/Infrastructure Attack",
    8: "Unarmed Assault",
    9: "Unknown",
}

WEAPON_TYPES: dict[int, str] = {
    1: "Biological",
    2: "Chemical",
    3: "Radiological",
    4: "Nuclear",
    5: "Firearms",
    6: "Explosives",
    7: "Fake Weapons",
    8: "Incendiary",
    9: "Melee",
    10: "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)",
    11: "Sabotage Equipment",
    12: "Other",
    13: "Unknown",
}
# Our weapon-type names where they differ from the codebook's text.
WEAPON_ALIASES: dict[str, int] = {"Vehicle": 10, "Explosives/Bombs/Dynamite": 6}

TARGET_TYPES: dict[int, str] = {
    1: "Business",
    2: "Government (General)",
    3: "Police",
    4: "Military",
    5: "Abortion Related",
    6: "Airports & Aircraft",
    7: "Government (Diplomatic)",
    8: "Educational Institution",
    9: "Food or Water Supply",
    10: "Journalists & Media",
    11: "Maritime",
    12: "NGO",
    13: "Other",
    14: "Private Citizens & Property",
    15: "Religious Figures/Institutions",
    16: "Telecommunication",
    17: "Terrorists/Non-State Militia",
    18: "Tourists",
    19: "Transportation",
    20: "Unknown",
    21: "Utilities",
    22: "Violent Political Party",
}
# (cue in a target's words, target type): the first cue found in the first target decides.
TARGET_CUES: list[tuple[str, int]] = [
    ("embassy", 7), ("consulate", 7), ("diplomat", 7),
    ("police", 3), ("policeman", 3), ("officers", 3), ("checkpoint", 3),
    ("soldier", 4), ("army", 4), ("military", 4), ("troops", 4), ("base", 4), ("convoy", 4),
    ("airport", 6), ("aircraft", 6), ("plane", 6),
    ("school", 8), ("university", 8), ("student", 8), ("college", 8),
    ("journalist", 10), ("reporter", 10), ("newspaper", 10), ("media", 10),
    ("church", 15), ("mosque", 15), ("shrine", 15), ("temple", 15), ("synagogue", 15), ("worshipper", 15),
    ("priest", 15), ("imam", 15), ("cleric", 15),
    ("ministry", 2), ("government", 2), ("official", 2), ("governor", 2), ("parliament", 2),
    ("tourist", 18),
    ("bus", 19), ("train", 19), ("station", 19), ("railway", 19),
    ("pipeline", 21), ("power", 21), ("electricity", 21),
    ("militia", 17), ("militant", 17), ("fighters", 17),
    ("market", 14), ("civilian", 14), ("villagers", 14), ("village", 14), ("worshippers", 15), ("crowd", 14),
    ("hotel", 1), ("restaurant", 1), ("shop", 1), ("bank", 1), ("company", 1), ("business", 1),
    ("aid worker", 12), ("ngo", 12),
    ("ship", 11), ("port", 11),
]

CLAIM_MODES: dict[int, str] = {
    1: "Letter",
    2: "Call (post-incident)",
    3: "Call (pre-incident)",
    4: "E-mail",
    5: "Note left at scene",
    6: "Video",
    7: "Posted to website, blog, etc.",
    8: "Personal claim",
    9: "Other",
    10: "Unknown",
}
# Our channels (extract/claims.py) -> claim mode. Online outlets of the groups are "posted to website".
CHANNEL_MODES: dict[str, int] = {
    "amaq": 7, "nashir": 7, "al-naba": 7, "as-sahab": 7, "shahada": 7, "az-zallaqa": 7, "al-masirah": 7,
    "al-manar": 7, "magazine": 7, "telegram": 7, "website": 7, "social media": 7, "social_media": 7, "twitter": 7,
    "video": 6, "statement": 9, "radio": 9, "phone": 2, "phone_call": 2, "call": 2, "email": 4, "letter": 1, "note": 5,
}
# The channel an imported claim mode becomes (the reverse, where one channel stands for the mode).
MODE_CHANNELS: dict[int, str] = {1: "letter", 2: "phone", 4: "email", 5: "note", 6: "video", 7: "website",
                                 9: "statement"}

REGIONS: dict[int, str] = {
    1: "North America",
    2: "Central America & Caribbean",
    3: "South America",
    4: "East Asia",
    5: "Southeast Asia",
    6: "South Asia",
    7: "Central Asia",
    8: "Western Europe",
    9: "Eastern Europe",
    10: "Middle East & North Africa",
    11: "Sub-Saharan Africa",
    12: "Australasia & Oceania",
}

# ISO 3166-1 alpha-2 -> (GTD country code, GTD country name, GTD region)
COUNTRIES: dict[str, tuple[int, str, int]] = {
    "AF": (4, "Afghanistan", 6), "AL": (5, "Albania", 9), "DZ": (6, "Algeria", 10), "AO": (8, "Angola", 11),
    "AR": (11, "Argentina", 3), "AM": (12, "Armenia", 7), "AU": (14, "Australia", 12), "AT": (15, "Austria", 8),
    "AZ": (16, "Azerbaijan", 7), "BH": (18, "Bahrain", 10), "BD": (19, "Bangladesh", 6), "BE": (21, "Belgium", 8),
    "BJ": (23, "Benin", 11), "BO": (26, "Bolivia", 3), "BA": (28, "Bosnia-Herzegovina", 9),
    "BR": (30, "Brazil", 3), "BG": (32, "Bulgaria", 9), "BF": (33, "Burkina Faso", 11), "BI": (34, "Burundi", 11),
    "BY": (35, "Belarus", 9), "KH": (36, "Cambodia", 5), "CM": (37, "Cameroon", 11), "CA": (38, "Canada", 1),
    "CF": (41, "Central African Republic", 11), "TD": (42, "Chad", 11), "CL": (43, "Chile", 3),
    "CN": (44, "China", 4), "CO": (45, "Colombia", 3), "CG": (47, "Republic of the Congo", 11),
    "HR": (50, "Croatia", 9), "CY": (53, "Cyprus", 8), "CZ": (54, "Czech Republic", 9), "DK": (55, "Denmark", 8),
    "DJ": (56, "Djibouti", 11), "EC": (59, "Ecuador", 3), "EG": (60, "Egypt", 10), "SV": (61, "El Salvador", 2),
    "ER": (63, "Eritrea", 11), "EE": (64, "Estonia", 9), "ET": (65, "Ethiopia", 11), "FI": (68, "Finland", 8),
    "FR": (69, "France", 8), "GE": (74, "Georgia", 7), "DE": (75, "Germany", 8), "GH": (76, "Ghana", 11),
    "GR": (78, "Greece", 8), "GT": (83, "Guatemala", 2), "GN": (84, "Guinea", 11), "HT": (87, "Haiti", 2),
    "HN": (88, "Honduras", 2), "HU": (90, "Hungary", 9), "IN": (92, "India", 6), "ID": (93, "Indonesia", 5),
    "IR": (94, "Iran", 10), "IQ": (95, "Iraq", 10), "IE": (96, "Ireland", 8), "IL": (97, "Israel", 10),
    "IT": (98, "Italy", 8), "CI": (99, "Ivory Coast", 11), "JP": (101, "Japan", 4), "JO": (102, "Jordan", 10),
    "KZ": (103, "Kazakhstan", 7), "KE": (104, "Kenya", 11), "KW": (106, "Kuwait", 10),
    "KG": (107, "Kyrgyzstan", 7), "LV": (109, "Latvia", 9), "LB": (110, "Lebanon", 10),
    "LY": (113, "Libya", 10), "LT": (115, "Lithuania", 9), "MK": (118, "Macedonia", 9),
    "MG": (119, "Madagascar", 11), "MY": (121, "Malaysia", 5), "ML": (123, "Mali", 11),
    "MR": (128, "Mauritania", 11), "MX": (130, "Mexico", 2), "MA": (136, "Morocco", 10),
    "MZ": (137, "Mozambique", 11), "MM": (138, "Myanmar", 5), "NP": (141, "Nepal", 6),
    "NL": (142, "Netherlands", 8), "NZ": (144, "New Zealand", 12), "NI": (145, "Nicaragua", 2),
    "NE": (146, "Niger", 11), "NG": (147, "Nigeria", 11), "NO": (151, "Norway", 8), "PK": (153, "Pakistan", 6),
    "PS": (155, "West Bank and Gaza Strip", 10), "PE": (159, "Peru", 3), "PH": (160, "Philippines", 5),
    "PL": (161, "Poland", 9), "PT": (162, "Portugal", 8), "QA": (164, "Qatar", 10), "RU": (167, "Russia", 9),
    "RW": (168, "Rwanda", 11), "SA": (173, "Saudi Arabia", 10), "SN": (174, "Senegal", 11),
    "SL": (177, "Sierra Leone", 11), "SO": (182, "Somalia", 11), "ZA": (183, "South Africa", 11),
    "KR": (184, "South Korea", 4), "ES": (185, "Spain", 8), "LK": (186, "Sri Lanka", 6), "SD": (195, "Sudan", 11),
    "SE": (198, "Sweden", 8), "CH": (199, "Switzerland", 8), "SY": (200, "Syria", 10),
    "TJ": (202, "Tajikistan", 7), "TZ": (203, "Tanzania", 11), "TH": (205, "Thailand", 5),
    "TN": (208, "Tunisia", 10), "TR": (209, "Turkey", 10), "UG": (213, "Uganda", 11), "UA": (214, "Ukraine", 9),
    "AE": (215, "United Arab Emirates", 10), "GB": (603, "United Kingdom", 8), "US": (217, "United States", 1),
    "UZ": (219, "Uzbekistan", 7), "VE": (222, "Venezuela", 3), "YE": (228, "Yemen", 10),
    "CD": (229, "Democratic Republic of the Congo", 11), "ZW": (231, "Zimbabwe", 11),
    "RS": (1001, "Serbia", 9), "XK": (1003, "Kosovo", 9), "SS": (1004, "South Sudan", 11),
}
ISO_BY_GTD_CODE: dict[int, str] = {code: iso for iso, (code, _, _) in COUNTRIES.items()}
ISO_BY_GTD_NAME: dict[str, str] = {name.lower(): iso for iso, (_, name, _) in COUNTRIES.items()}

# The columns of the export, in the codebook's order; `claimwatch_id` (last) is ours: the incident id,
# so that a re-import can be traced back.
COLUMNS: list[str] = [
    "eventid", "iyear", "imonth", "iday", "approxdate", "extended",
    "country", "country_txt", "region", "region_txt", "provstate", "city", "latitude", "longitude", "specificity",
    "summary",
    "attacktype1", "attacktype1_txt", "attacktype2", "attacktype2_txt", "attacktype3", "attacktype3_txt",
    "targtype1", "targtype1_txt", "target1",
    "gname", "gname2", "gname3", "guncertain1", "guncertain2", "guncertain3",
    "claimed", "claimmode", "claimmode_txt", "claim2", "claimmode2", "claimmode2_txt", "compclaim",
    "weaptype1", "weaptype1_txt", "weaptype2", "weaptype2_txt", "weaptype3", "weaptype3_txt",
    "weaptype4", "weaptype4_txt", "weapdetail",
    "nkill", "nkillter", "nwound", "ishostkid",
    "scite1", "scite2", "scite3", "dbsource", "claimwatch_id", "claimwatch_confidence", "claimwatch_firmness",
]
UNKNOWN = -9


def attack_code(name: str) -> int | None:
    return next((code for code, text in ATTACK_TYPES.items() if text.lower() == name.lower()), None)


def weapon_code(name: str) -> int | None:
    if name in WEAPON_ALIASES:
        return WEAPON_ALIASES[name]
    return next((code for code, text in WEAPON_TYPES.items() if text.lower() == name.lower()), None)


def weapon_name(code: int) -> str | None:
    """Our weapon-type name for a codebook code (the codebook's long 'Vehicle (...)' is our 'Vehicle')."""
    text = WEAPON_TYPES.get(code)
    return "Vehicle" if code == 10 else text


def target_code(targets: list[str]) -> int:
    words = " ".join(targets[:1]).lower()
    if not words:
        return 20
    for cue, code in TARGET_CUES:
        if re.search(rf"\b{re.escape(cue)}", words):
            return code
    return 13
