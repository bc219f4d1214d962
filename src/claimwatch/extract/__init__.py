"""The extractors: sentence-level mentions. Each has one job and reads what `annotate` left in `Work`.

    events        attack words with GTD attack and weapon types      extract/events.py
    dates         absolute and relative dates, normalised            extract/dates.py
    places        gazetteer places with country and coordinates      extract/places.py
    counts        killed / wounded figures                            extract/casualties.py
    groups        militant groups through the curated alias table     extract/groups.py
    roles         perpetrators, targets, victims, weapons (trained)   extract/roles.py
    claims        claims, denials, suspicions; channel, link, delay   extract/claims.py
    quotes        direct quotes with speaker and affiliation          extract/quotes.py
    attributions  which outlet or person a sentence is credited to    extract/attribution.py

Each is a function `find_<kind>(work) -> mentions` over the stage contract (`claimwatch.work.Work`); the
component that runs it and the fields it requires are declared in `claimwatch/components.py`, its place in
the pipeline in `claimwatch/data/pipeline.toml`. This package imports none of them, so a stage that needs
a helper module (`extract.numbers`, `extract.dates`) loads only that module.
"""
