"""Score the pipeline on our own labelled modern articles (`evaluation/claims/dev.jsonl`).

The format and the rules are documented in `evaluation/claims/README.md`; in short:

1. Read the labels: one article per line, with its gold incidents and claims (`read_labels`).
2. Run `claimwatch.pipeline.extract_document` on each article. An article the pipeline fails on is set
   aside with its reason and scored as if nothing was found; the batch goes on.
3. Align predicted incidents to gold ones, pairs that agree most first (date, place, country).
4. Align predicted claims to gold ones: same group first, then leftovers on the same incident.
5. Count per-field agreement over the gold items, and precision/recall of the incident and claim lists.

`score_extraction` is pure (no model), so the rules can be tested on hand-built extractions.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..model import Claim, Count, Document, Extraction, Incident, Range
from ..url_dates import with_url_date

STATUSES = ("claimed", "denied", "disputed", "suspected")
LINKS = ("directed", "inspired", "unclear")
INCIDENT_FIELDS = ("date", "country", "place", "killed", "wounded", "attack_types", "weapon_types")
CLAIM_FIELDS = ("group", "channel", "status", "link", "delay", "incident")
# A predicted delay is right when it falls within the gold bounds widened by this share.
DELAY_TOLERANCE = 0.25

# Ways of writing a channel that mean the same value of the vocabulary in `data/groups.json`.
_CHANNEL_SYNONYMS = {
    "amaq_news_agency": "amaq",
    "amaq_agency": "amaq",
    "naba": "al-naba",
    "al_naba": "al-naba",
    "phone": "phone_call",
    "telephone": "phone_call",
    "official_statement": "statement",
}


# --------------------------------------------------------------------------- labels


@dataclass
class GoldIncident:
    date: str | None  # "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when the text is only that precise
    country_code: str | None
    places: list[str]  # the place as an analyst codes it, then acceptable alternatives
    killed: int | tuple[int | None, int | None] | None  # exact, (min, max) bounds, or not stated
    wounded: int | tuple[int | None, int | None] | None
    attack_types: list[str]
    weapon_types: list[str]


@dataclass
class GoldClaim:
    group: str
    channel: str | None
    status: str
    link: str
    delay_hours: tuple[float | None, float | None] | None
    incident: int  # index into the article's incidents


@dataclass
class LabelledArticle:
    id: str
    text: str
    published: datetime | None
    outlet: str | None
    title: str | None
    incidents: list[GoldIncident]
    claims: list[GoldClaim]
    lang: str = "en"  # ISO 639-1 code of the text; labels without a `lang` key are English
    url: str | None = None

    def document(self) -> Document:
        """The article as ingest would make it: a publication day missing from the record is read from its URL."""
        return with_url_date(Document(
            text=self.text, published=self.published, url=self.url, outlet=self.outlet, title=self.title,
            source=self.id, language=self.lang,
        ))


def read_labels(path: Path) -> list[LabelledArticle]:
    """Every labelled article in a JSON-lines file; a line that breaks the format stops with its place."""
    if not path.exists():
        raise EvaluationError(f"{path}: no such file (pass the path of a labelled .jsonl file)")
    articles = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{where}: not valid JSON ({error.msg})") from error
        articles.append(parse_label(raw, where))
    return articles


def parse_label(raw: Any, where: str = "<label>") -> LabelledArticle:
    if not isinstance(raw, dict):
        raise EvaluationError(f"{where}: expected a JSON object per line")
    for key in ("id", "text", "incidents", "claims"):
        if key not in raw:
            raise EvaluationError(f"{where}: missing key {key!r}")
    where = f"{where} ({raw['id']})"
    published = None
    if raw.get("published"):
        try:
            published = datetime.fromisoformat(raw["published"])
        except ValueError as error:
            raise EvaluationError(f"{where}: 'published' is not an ISO date-time: {raw['published']!r}") from error
    incidents = [_gold_incident(i, f"{where} incidents[{n}]") for n, i in enumerate(raw["incidents"])]
    claims = [_gold_claim(c, f"{where} claims[{n}]", len(incidents)) for n, c in enumerate(raw["claims"])]
    return LabelledArticle(
        id=str(raw["id"]),
        text=str(raw["text"]),
        published=published,
        outlet=raw.get("outlet"),
        title=raw.get("title"),
        incidents=incidents,
        claims=claims,
        lang=str(raw.get("lang") or "en").casefold(),
        url=raw["url"] if isinstance(raw.get("url"), str) else None,
    )


def select_languages(articles: list[LabelledArticle], languages: Iterable[str] | None) -> list[LabelledArticle]:
    """The articles in one of `languages` (ISO 639-1 codes, any case); every article when None or empty."""
    wanted = {code.strip().casefold() for code in languages or () if code.strip()}
    return [a for a in articles if not wanted or a.lang in wanted]


def _gold_incident(raw: dict[str, Any], where: str) -> GoldIncident:
    place = raw.get("place")
    places = [place] if isinstance(place, str) else list(place or [])
    return GoldIncident(
        date=raw.get("date"),
        country_code=raw.get("country_code"),
        places=places,
        killed=_gold_count(raw.get("killed"), f"{where}.killed"),
        wounded=_gold_count(raw.get("wounded"), f"{where}.wounded"),
        attack_types=list(raw.get("attack_types") or []),
        weapon_types=list(raw.get("weapon_types") or []),
    )


def _known(types: list[str]) -> set[str]:
    """The types of a list without GTD's "Unknown": an incident with no type is the GTD's Unknown (the
    convention of export/gtd.py, which codes an empty list as Unknown, and of export/gtd_import.py, which
    reads Unknown as an empty list)."""
    return {t for t in types if t != "Unknown"}


def _gold_count(raw: Any, where: str) -> int | tuple[int | None, int | None] | None:
    if raw is None or isinstance(raw, int):
        return raw
    if isinstance(raw, dict):
        return (raw.get("min"), raw.get("max"))
    raise EvaluationError(f"{where}: expected a number, {{'min', 'max'}} or null, got {raw!r}")


def _gold_claim(raw: dict[str, Any], where: str, incident_count: int) -> GoldClaim:
    if raw.get("status") not in STATUSES:
        raise EvaluationError(f"{where}: status must be one of {', '.join(STATUSES)}")
    if raw.get("link") not in LINKS:
        raise EvaluationError(f"{where}: link must be one of {', '.join(LINKS)}")
    incident = raw.get("incident", 0)
    if not isinstance(incident, int) or not 0 <= incident < max(incident_count, 1):
        raise EvaluationError(f"{where}: 'incident' must index the article's incidents, got {incident!r}")
    delay = raw.get("delay_hours")
    return GoldClaim(
        group=str(raw["group"]),
        channel=normalise_channel(raw.get("channel")),
        status=raw["status"],
        link=raw["link"],
        delay_hours=(delay.get("min"), delay.get("max")) if isinstance(delay, dict) else None,
        incident=incident,
    )


# --------------------------------------------------------------------------- report


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1


@dataclass
class ListScore:
    """How well a predicted list (incidents, claims) matches the gold one."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


@dataclass
class Miss:
    """One gold field the pipeline got wrong, with what it found and the sentence it read it from."""

    article: str
    item: str  # "incident 0", "claim 1"
    field: str  # "incident.killed", "claim.status", ...
    expected: str
    found: str
    evidence: str | None = None


@dataclass
class ClaimsReport:
    documents: int = 0
    seconds: float = 0.0
    fields: dict[str, FieldScore] = field(
        default_factory=lambda: {
            **{f"incident.{name}": FieldScore() for name in INCIDENT_FIELDS},
            **{f"claim.{name}": FieldScore() for name in CLAIM_FIELDS},
        }
    )
    incidents: ListScore = field(default_factory=ListScore)
    claims: ListScore = field(default_factory=ListScore)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    misses: list[Miss] = field(default_factory=list)
    languages: dict[str, ClaimsReport] = field(default_factory=dict)  # per language, filled by `evaluate`

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def scores(self) -> dict[str, float]:
        """Every number a floor may pin, by name."""
        values = {name: score.accuracy for name, score in self.fields.items()}
        values.update({
            "incidents.precision": self.incidents.precision,
            "incidents.recall": self.incidents.recall,
            "claims.precision": self.claims.precision,
            "claims.recall": self.claims.recall,
        })
        return values

    def merge(self, other: ClaimsReport) -> None:
        for name, score in other.fields.items():
            self.fields[name].correct += score.correct
            self.fields[name].total += score.total
        for mine, theirs in ((self.incidents, other.incidents), (self.claims, other.claims)):
            mine.matched += theirs.matched
            mine.predicted += theirs.predicted
            mine.gold += theirs.gold
        self.documents += other.documents
        self.failures.extend(other.failures)
        self.misses.extend(other.misses)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 3),
            "fields": {
                name: {"accuracy": round(s.accuracy, 4), "correct": s.correct, "total": s.total}
                for name, s in self.fields.items()
            },
            "incidents": _list_dict(self.incidents),
            "claims": _list_dict(self.claims),
            "failures": [{"id": i, "reason": r} for i, r in self.failures],
            "languages": {code: _language_dict(r) for code, r in sorted(self.languages.items())},
        }


def _language_dict(report: ClaimsReport) -> dict[str, Any]:
    return {"documents": report.documents, "scores": {n: round(v, 4) for n, v in report.scores().items()}}


def _list_dict(score: ListScore) -> dict[str, Any]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "matched": score.matched,
        "predicted": score.predicted,
        "gold": score.gold,
    }


# --------------------------------------------------------------------------- running


def evaluate(
    articles: Iterable[LabelledArticle],
    extract: Callable[[Document], Extraction] | None = None,
    on_article: Callable[[LabelledArticle], None] | None = None,
) -> ClaimsReport:
    """Run the pipeline over labelled articles and score it; one failing article never stops the run."""
    if extract is None:
        from ..pipeline import extract_document

        extract = extract_document
    report = ClaimsReport()
    started = time.perf_counter()
    for article in articles:
        try:
            extraction = extract(article.document())
        except Exception as error:  # noqa: BLE001 - a bad article is reported, not fatal
            report.failures.append((article.id, f"{type(error).__name__}: {error}"))
            extraction = Extraction(document=article.document())
        scored = score_extraction(article, extraction)
        report.merge(scored)
        report.languages.setdefault(article.lang, ClaimsReport()).merge(scored)
        if on_article is not None:
            on_article(article)
    report.seconds = time.perf_counter() - started
    return report


def score_extraction(article: LabelledArticle, extraction: Extraction) -> ClaimsReport:
    """Score one article's extraction against its labels (documents = 1)."""
    report = ClaimsReport(documents=1)
    pairs = align_incidents(article.incidents, extraction.incidents)
    report.incidents = ListScore(len(pairs), len(extraction.incidents), len(article.incidents))
    for index, gold in enumerate(article.incidents):
        predicted = pairs.get(index)
        _score_incident(report, gold, predicted)
        report.misses.extend(_incident_misses(article.id, index, gold, predicted))
    incident_of = {pairs[g].id: g for g in pairs}  # predicted incident id -> gold incident index
    for extra in (i for i in extraction.incidents if i.id not in incident_of):
        found = f"{extra.date} {_show_place(extra)} killed {_show_predicted_count(extra.killed)}"
        evidence = extra.evidence[0].text if extra.evidence else None
        report.misses.append(Miss(article.id, "extra", "incident", "None", found, evidence))
    claim_pairs = align_claims(article.claims, extraction.claims, incident_of)
    report.claims = ListScore(
        sum(1 for g, p in claim_pairs.items() if same_group(article.claims[g].group, p)),
        len(extraction.claims),
        len(article.claims),
    )
    taken = {id(c) for c in claim_pairs.values()}
    for left in (c for c in extraction.claims if id(c) not in taken):
        found = f"{left.group.name if left.group else None} {left.status}"
        evidence = left.evidence[0].text if left.evidence else None
        report.misses.append(Miss(article.id, "extra", "claim", "None", found, evidence))
    for index, gold_claim in enumerate(article.claims):
        _score_claim(report, gold_claim, claim_pairs.get(index), incident_of)
        report.misses.extend(
            _claim_misses(article.id, index, gold_claim, claim_pairs.get(index), incident_of)
        )
    return report


def _score_incident(report: ClaimsReport, gold: GoldIncident, predicted: Incident | None) -> None:
    for name, ok in incident_checks(gold, predicted).items():
        report.fields[f"incident.{name}"].add(ok)


def incident_checks(gold: GoldIncident, predicted: Incident | None) -> dict[str, bool]:
    """Field name -> right, for one gold incident and the predicted one aligned to it (if any)."""
    if predicted is None:
        return dict.fromkeys(INCIDENT_FIELDS, False)
    country = predicted.country  # its place's, else the country it is known by without a place
    return {
        "date": date_matches(gold.date, predicted.date, slack_days=0),
        "country": (country or None) == gold.country_code,
        "place": place_matches(gold.places, predicted),
        "killed": count_matches(gold.killed, predicted.killed),
        "wounded": count_matches(gold.wounded, predicted.wounded),
        "attack_types": _known(gold.attack_types) == _known(predicted.attack_types),
        "weapon_types": _known(gold.weapon_types) == _known(predicted.weapon_types),
    }


def _score_claim(
    report: ClaimsReport, gold: GoldClaim, predicted: Claim | None, incident_of: dict[str, int]
) -> None:
    for name, ok in claim_checks(gold, predicted, incident_of).items():
        report.fields[f"claim.{name}"].add(ok)


def claim_checks(gold: GoldClaim, predicted: Claim | None, incident_of: dict[str, int]) -> dict[str, bool]:
    """Field name -> right, for one gold claim and the predicted claim aligned to it (if any)."""
    if predicted is None:
        return dict.fromkeys(CLAIM_FIELDS, False)
    return {
        "group": same_group(gold.group, predicted),
        "channel": normalise_channel(predicted.channel) == gold.channel,
        "status": predicted.status == gold.status,
        "link": predicted.link == gold.link,
        "delay": delay_matches(gold.delay_hours, predicted.delay_hours),
        "incident": incident_of.get(predicted.incident_id or "") == gold.incident,
    }


# --------------------------------------------------------------------------- misses


def _incident_misses(
    article: str, index: int, gold: GoldIncident, predicted: Incident | None
) -> list[Miss]:
    item = f"incident {index}"
    if predicted is None:
        return [Miss(article, item, "incident", _describe_gold_incident(gold), "no incident aligned")]
    misses = []
    for name, ok in incident_checks(gold, predicted).items():
        if ok:
            continue
        expected, found = _incident_values(name, gold, predicted)
        misses.append(Miss(article, item, f"incident.{name}", expected, found, _incident_evidence(name, predicted)))
    return misses


def _claim_misses(
    article: str, index: int, gold: GoldClaim, predicted: Claim | None, incident_of: dict[str, int]
) -> list[Miss]:
    item = f"claim {index}"
    if predicted is None:
        expected = f"{gold.group} {gold.status} (incident {gold.incident})"
        return [Miss(article, item, "claim", expected, "no claim aligned")]
    evidence = predicted.evidence[0].text if predicted.evidence else None
    misses = []
    for name, ok in claim_checks(gold, predicted, incident_of).items():
        if ok:
            continue
        expected, found = _claim_values(name, gold, predicted, incident_of)
        misses.append(Miss(article, item, f"claim.{name}", expected, found, evidence))
    return misses


def _show_count(value: float | tuple[float | None, float | None] | None) -> str:
    if not isinstance(value, tuple):
        return str(value)
    low, high = value
    return f"{low if low is not None else ''}..{high if high is not None else ''}"


def _show_predicted_count(count: Count) -> str:
    if count.value is not None:
        return str(count.value)
    if count.min is None and count.max is None:
        return "None"
    return _show_count((count.min, count.max))


def _show_place(incident: Incident) -> str:
    place = incident.place
    if place is None:
        return "None"
    parts = [place.name] + ([place.admin1] if place.admin1 else [])
    return f"{', '.join(parts)} ({place.country_code})"


def _describe_gold_incident(gold: GoldIncident) -> str:
    place = gold.places[0] if gold.places else None
    return f"{gold.date} {place} ({gold.country_code}) killed {_show_count(gold.killed)}"


def _incident_values(name: str, gold: GoldIncident, predicted: Incident) -> tuple[str, str]:
    if name == "date":
        return str(gold.date), str(predicted.date)
    if name == "country":
        return str(gold.country_code), str(predicted.country)
    if name == "place":
        return " | ".join(gold.places) or "None", _show_place(predicted)
    if name in ("killed", "wounded"):
        return _show_count(getattr(gold, name)), _show_predicted_count(getattr(predicted, name))
    return ", ".join(sorted(getattr(gold, name))) or "-", ", ".join(sorted(getattr(predicted, name))) or "-"


def _incident_evidence(name: str, predicted: Incident) -> str | None:
    """The sentence the found value was most likely read from: the casualty report that gave the count,
    the sentence naming the place, else the incident's first sentence."""
    if name in ("killed", "wounded"):
        count = getattr(predicted, name)
        for report in predicted.casualty_reports:
            if report.kind == name and report.count == count:
                return report.evidence.text
    if name in ("place", "country") and predicted.place is not None:
        for evidence in predicted.evidence:
            if predicted.place.name and predicted.place.name in evidence.text:
                return evidence.text
    return predicted.evidence[0].text if predicted.evidence else None


def _claim_values(name: str, gold: GoldClaim, predicted: Claim, incident_of: dict[str, int]) -> tuple[str, str]:
    if name == "group":
        return gold.group, predicted.group.name if predicted.group else "None"
    if name == "channel":
        return str(gold.channel), str(normalise_channel(predicted.channel))
    if name == "delay":
        shown = _show_count(gold.delay_hours) if gold.delay_hours else "None"
        got = predicted.delay_hours
        found = str(got.value) if got.value is not None else (f"{got.min}..{got.max}" if got.known else "None")
        return shown, found
    if name == "incident":
        return f"incident {gold.incident}", f"incident {incident_of.get(predicted.incident_id or '', 'unaligned')}"
    return str(getattr(gold, name)), str(getattr(predicted, name))


# --------------------------------------------------------------------------- alignment


def align_incidents(gold: list[GoldIncident], predicted: list[Incident]) -> dict[int, Incident]:
    """Gold index -> predicted incident. Pairs that agree on more (date 2, place 2, country 1) go first;
    a pair that agrees on nothing is never made."""
    scored = []
    for g, gold_incident in enumerate(gold):
        for p, incident in enumerate(predicted):
            agreement = _incident_agreement(gold_incident, incident)
            if agreement > 0:
                scored.append((-agreement, g, p))
    pairs: dict[int, Incident] = {}
    used: set[int] = set()
    for _, g, p in sorted(scored):
        if g not in pairs and p not in used:
            pairs[g] = predicted[p]
            used.add(p)
    return pairs


def _incident_agreement(gold: GoldIncident, predicted: Incident) -> int:
    score = 0
    if gold.date and date_matches(gold.date, predicted.date, slack_days=1):
        score += 2
    if gold.places and place_matches(gold.places, predicted):
        score += 2
    if gold.country_code and predicted.country == gold.country_code:
        score += 1
    return score


def align_claims(
    gold: list[GoldClaim], predicted: list[Claim], incident_of: dict[str, int]
) -> dict[int, Claim]:
    """Gold index -> predicted claim: the same group (on the same incident first), then claims left over
    on the same incident, so that a claim with the wrong group still has its other fields scored."""
    pairs: dict[int, Claim] = {}
    used: set[int] = set()

    def take(rule: Callable[[GoldClaim, Claim], bool]) -> None:
        for g, gold_claim in enumerate(gold):
            if g in pairs:
                continue
            for p, claim in enumerate(predicted):
                if p not in used and rule(gold_claim, claim):
                    pairs[g] = claim
                    used.add(p)
                    break

    def on_incident(g: GoldClaim, c: Claim) -> bool:
        return incident_of.get(c.incident_id or "") == g.incident

    take(lambda g, c: same_group(g.group, c) and on_incident(g, c))
    take(lambda g, c: same_group(g.group, c))
    take(on_incident)
    return pairs


# --------------------------------------------------------------------------- field rules


def same_group(gold: str, claim: Claim) -> bool:
    return claim.group is not None and claim.group.name.casefold() == gold.casefold()


def normalise_channel(channel: str | None) -> str | None:
    if channel is None or not channel.strip():
        return None
    key = re.sub(r"\s+", "_", channel.strip().casefold())
    return _CHANNEL_SYNONYMS.get(key, key)


def date_matches(gold: str | None, predicted: str | None, slack_days: int = 0) -> bool:
    """At the gold precision: a gold "2021-10" accepts any day of that month."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if len(gold) < 10:
        return predicted.startswith(gold)
    if slack_days == 0:
        return predicted[:10] == gold
    try:
        gap = abs(datetime.fromisoformat(predicted[:10]) - datetime.fromisoformat(gold))
    except ValueError:
        return False
    return gap <= timedelta(days=slack_days)


def normalise_place(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    # Apostrophes and ayn/hamza marks sit inside a word ("Bi’r al ‘Abd" is "Bir al-Abd"), they do not split it.
    plain = re.sub(r"[‘’'`ʿʾ]", "", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def place_matches(gold: list[str], predicted: Incident) -> bool:
    """The predicted place (or its region) names one of the accepted gold places, or contains it as a word
    sequence ("Kabul city" for "Kabul")."""
    if predicted.place is None:
        return not gold
    names = [normalise_place(n) for n in (predicted.place.name, predicted.place.admin1 or "") if n]
    for wanted in (normalise_place(g) for g in gold):
        for name in names:
            if name == wanted or f" {wanted} " in f" {name} " or (name and f" {name} " in f" {wanted} "):
                return True
    return False


def count_matches(gold: int | tuple[int | None, int | None] | None, predicted: Count) -> bool:
    """An exact gold figure needs that figure; gold bounds need the same bounds, or an exact figure
    inside them; an unstated figure needs none predicted."""
    if gold is None:
        return not predicted.known
    if isinstance(gold, int):
        return predicted.value == gold or (predicted.value is None and predicted.min == gold == predicted.max)
    low, high = gold
    if predicted.value is not None:
        return (low is None or predicted.value >= low) and (high is None or predicted.value <= high)
    return (predicted.min, predicted.max) == (low, high)


def delay_matches(gold: tuple[float | None, float | None] | None, predicted: Range) -> bool:
    """The middle of the predicted delay lies within the gold bounds widened by `DELAY_TOLERANCE`."""
    if gold is None:
        return not predicted.known
    if not predicted.known:
        return False
    low, high = gold[0] if gold[0] is not None else gold[1], gold[1] if gold[1] is not None else gold[0]
    if low is None or high is None:
        return False
    if predicted.value is not None:
        middle = predicted.value
    else:
        bounds = [b for b in (predicted.min, predicted.max) if b is not None]
        middle = sum(bounds) / len(bounds)
    return low * (1 - DELAY_TOLERANCE) <= middle <= high * (1 + DELAY_TOLERANCE)


# --------------------------------------------------------------------------- floors


@dataclass
class FloorMiss:
    name: str
    value: float
    floor: float


def read_floors(path: Path) -> dict[str, float]:
    if not path.exists():
        raise EvaluationError(f"{path}: no floors file (create one, or run without --check-floors)")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise EvaluationError(f"{path}: not valid JSON ({error.msg})") from error
    floors = raw.get("floors", raw) if isinstance(raw, dict) else None
    if not isinstance(floors, dict):
        raise EvaluationError(f"{path}: expected an object of score name -> floor")
    return {str(k): float(v) for k, v in floors.items() if not str(k).startswith("_")}


def check_floors(report: ClaimsReport, floors: dict[str, float]) -> list[FloorMiss]:
    """Scores below their pinned floor; an unknown name in the floors file is an error, not a pass."""
    scores = report.scores()
    unknown = sorted(set(floors) - set(scores))
    if unknown:
        raise EvaluationError(f"floors name unknown scores: {', '.join(unknown)} (known: {', '.join(scores)})")
    return [FloorMiss(n, scores[n], f) for n, f in sorted(floors.items()) if scores[n] + 1e-9 < f]
