"""The claims of the resolve stage (rule 4 and 5 of `resolve.py`'s docstring), split from resolve.py, which builds
the incidents these refer to. The ids in brackets are the trace ids of the constants below.

1. A claim mention goes to the incident its sentence refers to; of several incidents its sentence tells, to the one
   whose place is named first after the cue [object]; to that day's incident when it names another day for its
   attack, or to none rather than to another attack [other-day]; "claimed another bombing" to the nearest other
   incident [another]; "X claimed the attack" to the attack said to be claimed by a group not yet named [awaited].
2. Further mentions of the same group's claim fold into it; a claim on an undated incident goes to the dated
   incident its sentences (or its region) tell best [best-told]; plural claims spread (claim_incidents.py).
3. A parent and its branch claiming one incident make one claim (the branch's); a parent's claim is its one named
   regional branch's [named-branch]; the reporter's account of a family member's act joins the family's claim
   [family-suspicion].
4. A claim in passing keeps only the link cues and channels of its own sentences [link-elsewhere,
   channel-elsewhere]; two groups claiming one incident dispute it [disputed].
5. An undated incident is dated by a stated claim delay [date-from-delay].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Protocol

from .claim_incidents import IncidentPlaces, spread_over_incidents
from .extract.claims import (
    ATTRIBUTED_ACT,
    GROUP_CHANNEL,
    TIMING_ONLY,
    channel_named,
    claimed_attack_day,
    claims_another_attack,
    find_link,
    more_specific_channel,
)
from .extract.gazetteer import inside_region
from .model import Claim, ClaimMention, Evidence, Incident, Perpetrator, Place, add_trace
from .periods import agreement

if TYPE_CHECKING:
    from .work import Work


class Resolver(Protocol):
    """What the claims read of resolve.py's incident resolver (typed here, so this module does not import it)."""

    @property
    def main(self) -> Any: ...  # the main incident's draft, or None

    @property
    def by_sentence(self) -> Mapping[int, Any]: ...  # sentence index -> the draft it refers to

    @property
    def drafts(self) -> Sequence[Any]: ...  # every incident's draft: .incident, .place, .sentences

    @property
    def places(self) -> Any: ...  # the document's place mentions by sentence

    def evidence(self, sentence: int) -> Evidence: ...

CLAIM = "resolve.4.claim"  # a claim goes to the incident its sentence refers to
CLAIM_TO_MAIN = "resolve.4.main"  # a claim sentence that names no attack: the main incident
TIMING = "resolve.4.timing"  # a timing sentence without a group adds its delay to the claim
DISPUTED = "resolve.4.disputed"  # two groups claim one incident
LINK_ELSEWHERE = "resolve.4.link-elsewhere"  # a link cue outside a passing claim's sentences is not its own
CHANNEL_ELSEWHERE = "resolve.4.channel-elsewhere"  # nor a channel named only where the group spoke of another attack
OTHER_DAY = "resolve.4.other-day"  # a claim naming another day than its incident's: that day's incident, or none
OBJECT = "resolve.4.object"  # of the incidents a claim sentence tells, the one whose place follows the cue
BEST_TOLD = "resolve.4.best-told"  # a claim on an undated incident goes to the dated one its sentences tell too
AWAITED = "resolve.4.awaited"  # "an attack later claimed by a group ... X claimed the attack": that attack
ANOTHER = "resolve.4.another"  # "also claimed another bombing": the nearest other incident the group has not claimed
FAMILY_SUSPICION = "resolve.4.family-suspicion"  # a parent or branch suspected where its family claims
NAMED_BRANCH = "resolve.4.named-branch"  # a parent's claim where the article names one branch of it: the branch's
DATE_FROM_DELAY = "resolve.5.date-from-delay"  # undated: the publication time minus the claim delay


def build_claims(work: Work, resolver: Resolver, mentions: list[ClaimMention]) -> list[Claim]:
    claims: list[Claim] = []
    index: dict[tuple[str | None, str], Claim] = {}
    main_id = resolver.main.incident.id if resolver.main else None
    # "an attack later claimed by a Pakistan-based group": an incident said to be claimed, the group not yet named
    pending: dict[str | None, tuple[ClaimMention, Evidence, Claim | None]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        draft = resolver.by_sentence.get(mention.sentence)
        # A claim sentence that names no attack of its own ("claimed the knife report of Friday", a poor
        # translation) is about the attack the article reports.
        chosen = _object_of_claim(resolver, mention, draft)
        named_object = chosen is not draft
        draft = chosen
        incident_id = draft.incident.id if draft else main_id
        evidence = resolver.evidence(mention.sentence)
        if mention.group is None:
            claimed_here = _claim_on(claims, incident_id)
            target = claimed_here or (claims[-1] if claims else None)
            if (claimed_here is None and mention.status == "claimed" and TIMING_ONLY not in mention.trace
                    and target is not None and target.incident_id != incident_id and incident_id not in pending):
                pending[incident_id] = (mention, evidence, target)
                continue
            if target is not None:
                _absorb(target, mention, evidence)
                add_trace(target.trace, TIMING)
            continue
        other_day = _incident_of_other_day(work, resolver, mention, draft)
        if other_day is not False:  # "claimed an attack late on Sunday": Sunday's, or none we know
            draft = other_day
            incident_id = other_day.incident.id if other_day is not None else None
        awaited = _awaited(claims, pending, incident_id, mention)
        if awaited is not None:  # "X claimed the attack": the one said to be claimed, not a dispute of another
            incident_id = awaited
            draft = next((d for d in resolver.drafts if d.incident.id == awaited), draft)
        key = (incident_id, mention.group.name)
        another = None
        if key in index and claims_another_attack(work, mention):
            another = _other_incident(resolver, mention, {i for i, name in index if name == mention.group.name})
        if another is not None:
            incident_id, key, draft = another.incident.id, (another.incident.id, mention.group.name), another
        if key in index:
            _absorb(index[key], mention, evidence)
            continue
        claim = Claim(
            incident_id=incident_id,
            group=mention.group,
            channel=mention.channel,
            claimed_at=mention.claimed_at,
            delay_hours=mention.delay_hours,
            wording=mention.wording,
            link=mention.link,
            link_cue=mention.link_cue,
            status=mention.status,
            evidence=[evidence],
            trace=[*mention.trace, CLAIM if draft else (OTHER_DAY if other_day is None else CLAIM_TO_MAIN),
                   *([ANOTHER] if another else []), *([OBJECT] if named_object else []),
                   *([OTHER_DAY] if other_day else [])],
        )
        index[key] = claim
        claims.append(claim)
        if awaited is not None:
            unnamed, said, _ = pending.pop(awaited)
            _absorb(claim, unnamed, said)
            add_trace(claim.trace, AWAITED)
    for unnamed, said, target in pending.values():  # never named: the timing of the claim before it, as before
        if target is not None:
            _absorb(target, unnamed, said)
            add_trace(target.trace, TIMING)
    was_main = [c for c in claims if c.incident_id == main_id]
    claims = _move_to_best_told(work, resolver, claims)
    # the incident a claim of the article's main attack moved to is the main one for that claim's cues
    mains = {main_id, *(c.incident_id for c in was_main)}
    claims = spread_over_incidents(  # "claimed the Homs and Damascus attacks": each of them (claim_incidents.py)
        claims, mentions, work.sentences, resolver.places,
        [IncidentPlaces(d.incident.id, d.place.place.name if d.place else None, frozenset(d.sentences),
                        d.incident.date, d.place.place if d.place else None) for d in resolver.drafts],
        resolver.evidence)
    claims = _fold_parents_into_branches(claims)
    _claims_of_the_named_branch(work, claims)
    claims = _fold_family_suspicions(claims)
    for claim in claims:
        _place_link_cue(claim, work, resolver, mains)
        _place_channel(claim, work, resolver, mains)
    _mark_disputed(claims)
    return claims


# How far (characters) after a claim cue the place of the attack it claims may be named.
_OBJECT_REACH = 120


def _incident_of_other_day(work: Work, resolver: Resolver, mention: ClaimMention, draft: Any) -> Any:
    """For a claim that names the date of its attack, one that cannot be its sentence's incident's (`periods`: more
    than a day apart, or another month or year): the one incident of that date, None when the article tells none
    (the claim stands apart rather than on another attack), False when the claim names no other date."""
    if mention.status not in ("claimed", "disputed") or draft is None or draft.incident.date is None:
        return False
    named = claimed_attack_day(work, mention)
    if named is None:
        return False
    value, precision = named
    if agreement(value, precision, draft.incident.date, draft.incident.date_precision) is not None:
        return False
    same = [d for d in resolver.drafts if d.incident.date is not None
            and agreement(value, precision, d.incident.date, d.incident.date_precision) not in (None, "unknown")]
    return same[0] if len(same) == 1 else None


def _object_of_claim(resolver: Resolver, mention: ClaimMention, draft: Any) -> Any:
    """"... the first big attack in Tunis since it claimed the assault on the Bardo museum": of the incidents a claim
    sentence is evidence of, the one whose place is named first after the cue is the one claimed."""
    if draft is None or mention.group is None:
        return draft
    sharing = [d for d in resolver.drafts if mention.sentence in d.sentences and d.place is not None]
    if len(sharing) < 2:
        return draft
    after = sorted((p.start, p.place.name.casefold()) for p in resolver.places.get(mention.sentence, [])
                   if mention.end <= p.start <= mention.end + _OBJECT_REACH)
    for _, name in after:
        owners = [d for d in sharing if d.place.place.name.casefold() == name]
        if len(owners) == 1:
            return owners[0]
    return draft


def _move_to_best_told(work: Work, resolver: Resolver, claims: list[Claim]) -> list[Claim]:
    """"The ambush took place at Khongtal on Wednesday ... Claiming responsibility for the attack, the MNPF said":
    a claim on an incident whose day is unknown goes to the one incident told best (a day and a place known) that
    its sentences are evidence of too, else to the one such incident in the region (or country) that is all its
    own incident names; it joins the same group's claim there."""
    by_id = {d.incident.id: d for d in resolver.drafts}
    start_of = {s.start: s.index for s in work.sentences}
    kept: list[Claim] = []
    merged: set[int] = set()  # the claims folded into another
    for claim in claims:
        draft = by_id.get(claim.incident_id or "")
        if draft is None or draft.incident.date is not None or OBJECT in claim.trace:
            kept.append(claim)
            continue
        # the claim's own sentence (not a timing sentence folded into it) must tell the dated incident too
        own = {start_of[e.start] for e in claim.evidence[:1] if e.start in start_of}
        dated = [d for d in resolver.drafts if d is not draft and d.incident.date is not None
                 and len(d.incident.date) == 10 and d.place is not None]
        told = [d for d in dated if own & set(d.sentences)]
        if not told:  # "an attack in Kashmir" (a region, no day) and "an attack at Anantnag on Thursday": the town's,
            # where it is the one dated town of that country
            told = [d for d in dated if _inside(d.place.place, draft.place.place if draft.place else None)]
        if len(told) != 1:
            kept.append(claim)
            continue
        target = told[0].incident.id
        there = next((c for c in claims if c is not claim and id(c) not in merged and c.incident_id == target
                      and c.group is not None and claim.group is not None and c.group.name == claim.group.name), None)
        if there is None:
            claim.incident_id = target
            add_trace(claim.trace, BEST_TOLD)
            kept.append(claim)
            continue
        for evidence in claim.evidence:
            _absorb(there, _as_mention(claim), evidence)
        there.evidence.sort(key=lambda e: e.start)
        add_trace(there.trace, BEST_TOLD)
        merged.add(id(claim))
    return kept


def _inside(town: Place, region: Place | None) -> bool:
    """Whether a town may lie in the region (or country) named as an incident's only place: a finer place of the
    same country, not one the gazetteer places in another region ("Herat" is not in Kunar province)."""
    if (region is None or town.rank != 0 or region.rank == 0
            or town.country_code is None or town.country_code != region.country_code):
        return False
    if region.rank > 1:
        return True
    inside = inside_region(town, region)
    if inside is None:  # a region without a first-level code: its centre tells a town of it from a distant one
        away = town.km_to(region)
        inside = away is None or away <= _REGION_REACH_KM
    return inside


# How far (km) from a region's centre a town may lie and still be in it, where codes cannot tell: most
# provinces in the news are under 300 km across; far larger ones (a Saharan region) are rare in claims.
_REGION_REACH_KM = 400.0


def _awaited(claims: list[Claim], pending: Mapping[str | None, Any], incident_id: str | None,
             mention: ClaimMention) -> str | None:
    """The incident said to be claimed by a group not yet named, for a named group's claim that would otherwise
    dispute another group's claim of its sentence's incident (the most recently announced one)."""
    if not pending or incident_id in pending or mention.status != "claimed" or mention.group is None:
        return None
    group = mention.group.name
    if any(c.incident_id == incident_id and c.group is not None and c.group.name == group for c in claims):
        return None
    rivals = [c for c in claims if c.incident_id == incident_id and c.status == "claimed" and c.group is not None]
    return list(pending)[-1] if rivals else None


def _other_incident(resolver: Resolver, mention: ClaimMention, claimed: set[str | None]) -> Any:
    """The incident told nearest to the sentence of a claim of "another attack" that the group has not claimed yet."""
    others = [d for d in resolver.drafts if d.incident.id not in claimed and d.sentences]
    if not others:
        return None
    return min(others, key=lambda d: min(abs(s - mention.sentence) for s in d.sentences))


def _fold_parents_into_branches(claims: list[Claim]) -> list[Claim]:
    """"Islamic State claimed the attack ... its Sinai Province said its fighters attacked": a parent group and
    its branch speaking of one incident make one claim, the branch's (the parent's outlets speak for its
    provinces), not two groups disputing it. The parent's sentences, channel and cues join the branch's claim."""
    from .extract.groups import lookup_entry

    kept = []
    for claim in claims:
        branch = None
        # Only claims: officials suspecting a branch while the parent claims (or the reverse) are two accounts.
        if claim.group is not None and claim.status in ("claimed", "disputed"):
            branch = next(
                (other for other in claims if other is not claim and other.incident_id == claim.incident_id
                 and other.group is not None and other.status in ("claimed", "disputed")
                 and (entry := lookup_entry(other.group.name)) is not None and entry.parent == claim.group.name),
                None,
            )
        if branch is None:
            kept.append(claim)
            continue
        for evidence in claim.evidence:
            _absorb(branch, _as_mention(claim), evidence)
    return kept


def _fold_family_suspicions(claims: list[Claim]) -> list[Claim]:
    """"Islamic State fighters attacked the checkpoint ... its Sinai Province said its fighters attacked": where a
    group claims an incident, an act the reporter tells as its parent's or its branch's on that incident is the same
    account, not a second group's; its sentences join the claim. Officials blaming the parent ("police blamed
    al-Qaeda") stay an account of their own."""
    from .extract.groups import lookup_entry

    def family(name: str) -> str:
        entry = lookup_entry(name)
        return entry.parent if entry is not None and entry.parent and name.startswith(entry.parent) else name

    kept = []
    for claim in claims:
        owner = None
        # only the reporter's telling of the act ("IS fighters attacked"): an official's suspicion is an account
        if claim.group is not None and claim.status == "suspected" and _told_act_only(claim):
            owner = next((other for other in claims if other.incident_id == claim.incident_id
                          and other.status in ("claimed", "disputed") and other.group is not None
                          and other.group.name != claim.group.name
                          and family(other.group.name) == family(claim.group.name)), None)
        if owner is None:
            kept.append(claim)
            continue
        for evidence in claim.evidence:
            if all(e.start != evidence.start for e in owner.evidence):
                owner.evidence.append(evidence)
        owner.evidence.sort(key=lambda e: e.start)
        add_trace(owner.trace, FAMILY_SUSPICION)
    return kept


def _told_act_only(claim: Claim) -> bool:
    """A suspicion that rests only on acts the text calls the group's (claims.3.attributed-act), no official's cue."""
    cues = [t for t in claim.trace if not t.startswith("resolve.")]
    return bool(cues) and all(t.startswith(ATTRIBUTED_ACT) for t in cues)


def _claims_of_the_named_branch(work: Work, claims: list[Claim]) -> None:
    """"Al-Qaeda claimed the twin car bombs in Yemen ... drone strikes on al-Qaeda in the Arabian Peninsula
    (AQAP)": a parent's claim in an article that names exactly one of its regional branches is the branch's claim
    (reports name the parent for the branch that spoke), unless the branch has an account of its own on that incident
    ("the Taliban claimed it; officials blamed the Haqqani network"). Suspicions keep the name officials used."""
    from .extract.groups import lookup_entry

    named = {g.group.name for g in work.mentions.groups}
    for claim in claims:
        if claim.group is None or claim.status not in ("claimed", "disputed"):
            continue
        parent = claim.group.name
        # a regional branch that bears the parent's name ("Islamic State X Province", "al-Qaeda in the Y"), not an
        # affiliate with a name of its own (al-Shabaab, the Haqqani network, the ADF)
        branches = [n for n in named if (e := lookup_entry(n)) is not None and e.parent == parent
                    and n.startswith(parent)]
        if len(branches) != 1 or any(other.group is not None and other.group.name == branches[0]
                                     and other.incident_id == claim.incident_id for other in claims):
            continue
        entry = lookup_entry(branches[0])
        assert entry is not None
        claim.group = entry.group
        add_trace(claim.trace, NAMED_BRANCH)


def _as_mention(claim: Claim) -> ClaimMention:
    return ClaimMention(
        start=0, end=0, text="", sentence=0, group=claim.group, status=claim.status, channel=claim.channel,
        link=claim.link, link_cue=claim.link_cue, wording=claim.wording, delay_hours=claim.delay_hours,
        claimed_at=claim.claimed_at,
    )


def _place_link_cue(claim: Claim, work: Work, resolver: Resolver, mains: set[str | None]) -> None:
    """A cue read anywhere in the article ("quoted 'sources'") speaks for the claim the article is about;
    a claim mentioned in passing keeps it only when the cue sits in its own sentences."""
    if claim.link == "unclear" or not claim.link_cue:
        return
    cue_sentence = next((s for s in work.sentences if claim.link_cue in s.text), None)
    own = {e.start for e in claim.evidence}
    if cue_sentence is not None and cue_sentence.start in own:
        return
    if claim.incident_id not in mains:
        # its own sentences may still speak of the link ("... presenting himself as a 'soldier of the caliphate'")
        indexes = {s.index for s in work.sentences if s.start in own}
        mentions = [m for m in work.mentions.claims if m.sentence in indexes]
        link, cue, cue_id = find_link(work, mentions, indexes)
        claim.link, claim.link_cue = link, cue
        add_trace(claim.trace, LINK_ELSEWHERE, *([cue_id] if cue_id else []))
        return
    if cue_sentence is not None:
        claim.evidence.append(resolver.evidence(cue_sentence.index))
        claim.evidence.sort(key=lambda e: e.start)


def _place_channel(claim: Claim, work: Work, resolver: Resolver, mains: set[str | None]) -> None:
    """"ISIS claimed the attack through Amaq. The group has made false claims before, including the massacre in
    Las Vegas": a channel borrowed from another sentence where the group spoke (claims.4.group-sentence) speaks for a
    claim mentioned in passing only when its own sentences, or its incident's, name it; else the most specific
    channel they name, or none."""
    if (claim.incident_id in mains or claim.channel is None or GROUP_CHANNEL not in claim.trace
            or ANOTHER in claim.trace):  # "in the same message, it claimed another bombing"
        return
    own = {e.start for e in claim.evidence}
    indexes = {s.index for s in work.sentences if s.start in own}
    for draft in resolver.drafts:
        if draft.incident.id == claim.incident_id:
            indexes |= set(draft.sentences)
    group = claim.group.name if claim.group else None
    named = [channel_named(work.sentences[i].text, group, work.document.language) for i in sorted(indexes)]
    if claim.channel in named:
        return
    channel = None
    for other in named:
        channel = more_specific_channel(channel, other, work.document.language)
    claim.channel = channel
    add_trace(claim.trace, CHANNEL_ELSEWHERE)


def _claim_on(claims: list[Claim], incident_id: str | None) -> Claim | None:
    matching = [c for c in claims if c.incident_id == incident_id and c.status == "claimed"]
    return matching[0] if matching else None


# When one group is both suspected and said to claim (or deny), what the group itself said wins; a group that
# claims and denies one attack has retracted the claim (evaluation/claims/README.md codes that as denied).
_STATUS_WEIGHT = {"suspected": 0, "claimed": 1, "denied": 2, "disputed": 3}


def _absorb(claim: Claim, mention: ClaimMention, evidence: Evidence) -> None:
    """Fold a further mention of the same claim into it: fill what is unknown, keep every sentence."""
    retraction = {claim.status, mention.status} == {"claimed", "denied"}
    if _STATUS_WEIGHT[mention.status] > _STATUS_WEIGHT[claim.status]:
        claim.status = mention.status
    if retraction:  # a claim retracted is coded by its denial: the channel the denial came through
        claim.channel = (mention.channel or claim.channel) if mention.status == "denied" else claim.channel
    else:
        claim.channel = more_specific_channel(claim.channel, mention.channel)
    claim.claimed_at = claim.claimed_at or mention.claimed_at
    if not claim.delay_hours.known and mention.delay_hours.known:
        claim.delay_hours = mention.delay_hours
    claim.wording = claim.wording or mention.wording
    if claim.link == "unclear" and mention.link != "unclear":
        claim.link, claim.link_cue = mention.link, mention.link_cue
    if all(e.start != evidence.start for e in claim.evidence):
        claim.evidence.append(evidence)
    add_trace(claim.trace, *mention.trace)


def _mark_disputed(claims: list[Claim]) -> None:
    by_incident: dict[str | None, set[str]] = {}
    for claim in claims:
        if claim.status == "claimed" and claim.group is not None:
            by_incident.setdefault(claim.incident_id, set()).add(claim.group.name)
    for claim in claims:
        if claim.status == "claimed" and len(by_incident.get(claim.incident_id, ())) > 1:
            claim.status = "disputed"
            add_trace(claim.trace, DISPUTED)


def date_from_claim_delay(work: Work, resolver: Resolver, claims: list[Claim]) -> None:
    published = work.document.published
    if published is None:
        return
    by_id = {d.incident.id: d.incident for d in resolver.drafts}
    for claim in claims:
        incident = by_id.get(claim.incident_id or "")
        if incident is None or incident.date is not None:
            continue
        lower = claim.delay_hours.value if claim.delay_hours.value is not None else claim.delay_hours.min
        if lower is None:
            continue
        latest = published - timedelta(hours=lower)
        incident.date, incident.date_precision = latest.date().isoformat(), "day"
        add_trace(incident.trace, DATE_FROM_DELAY)


def add_perpetrators(incidents: list[Incident], claims: list[Claim]) -> None:
    by_id = {i.id: i for i in incidents}
    for claim in claims:
        incident = by_id.get(claim.incident_id or "")
        if incident is None or claim.group is None or claim.status not in ("claimed", "disputed", "suspected"):
            continue
        if all(p.name != claim.group.name for p in incident.perpetrators):
            incident.perpetrators.append(
                Perpetrator(name=claim.group.name, kind="group", wikidata_id=claim.group.wikidata_id)
            )
