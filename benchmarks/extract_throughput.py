"""Throughput of `claimwatch.extract` against the bare spaCy model over the same text, in one process.

    python benchmarks/extract_throughput.py [--docs 1000] [--seed 7] [--profile fast|accurate]

Prints documents per second per core for both (the process uses one core) and their ratio. Times are the
process's CPU time (`time.process_time`), so other work on the machine does not move the ratio. The corpus is
generated here: news-length articles (about 450 words) built from varied sentence templates, so the figures
do not depend on any file outside the repository.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timedelta

GROUPS = ["Islamic State", "al-Shabaab", "the Taliban", "Boko Haram", "the Tehreek-e-Taliban Pakistan",
          "the Balochistan Liberation Army", "al-Qaeda in the Arabian Peninsula", "JNIM", "the ELN", "Hamas"]
PLACES = ["Kabul", "Mogadishu", "Maiduguri", "Quetta", "Peshawar", "Baghdad", "Aden", "Bamako", "Cucuta",
          "Marawi", "Paris", "Brussels", "Manchester", "Lahore", "Nairobi", "Ouagadougou", "Mosul", "Kano"]
CHANNELS = ["its Amaq news agency", "a statement on Telegram", "a spokesman", "its website", "a video"]
WEAPONS = ["a car bomb", "a suicide vest", "rifles and grenades", "knives", "a truck", "mortar shells"]
EVENT = [
    "{n} people were killed and {w} wounded when {weapon} struck a crowded market in {place} on {day}.",
    "Gunmen attacked a police checkpoint in {place} on {day}, killing {n} officers and wounding {w}.",
    "A suicide bomber blew himself up near a mosque in {place}, killing at least {n} worshippers.",
    "{group} claimed responsibility for the attack through {channel} about {h} hours later.",
    "{group} said in {channel} that its fighters had carried out the assault in {place}.",
    "Officials said the death toll had risen to {n}, with {w} people still in hospital.",
    "No group has so far claimed responsibility for the bombing in {place}.",
    "{group} denied any involvement in the blast, calling it the work of its enemies.",
]
FILLER = [
    "The city has seen several months of relative calm after a series of negotiations between local leaders.",
    "Residents described long queues outside the main hospital as relatives searched for news of family members.",
    "The government has promised to increase spending on security and to review the deployment of troops.",
    "Analysts say the region's economy depends heavily on cross-border trade and seasonal agriculture.",
    "Schools in the district remained closed on the following day, according to the education office.",
    "The president is expected to travel to the region next week to meet provincial governors.",
    "Prices of fuel and food have risen sharply this year, adding to the pressure on poor households.",
    "The interior minister called an emergency meeting of the national security committee.",
    "Witnesses told local television that they heard a loud noise and saw smoke rising over the rooftops.",
    "Diplomats from several countries condemned the violence and offered their condolences to the families.",
    "Opposition parties called for an independent inquiry into how the attackers reached the area.",
    "The province borders three countries and has long been a transit route for smugglers.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_corpus(count: int, seed: int) -> list[tuple[str, datetime]]:
    rng = random.Random(seed)
    start = datetime(2016, 1, 1, 9, 0)
    corpus = []
    for _ in range(count):
        values = {
            "group": rng.choice(GROUPS), "place": rng.choice(PLACES), "channel": rng.choice(CHANNELS),
            "weapon": rng.choice(WEAPONS), "day": rng.choice(DAYS), "n": rng.randint(2, 60),
            "w": rng.randint(3, 120), "h": rng.randint(6, 60),
        }
        sentences = [s.format(**values) for s in rng.sample(EVENT, 5)]
        sentences += rng.choices(FILLER, k=24)
        rng.shuffle(sentences)
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        published = start + timedelta(hours=rng.randint(0, 24 * 365 * 8))
        corpus.append(("\n\n".join(paragraphs), published))
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", default=None,
                        help="pipeline profile (claimwatch/data/pipeline.toml): fast (the default) or accurate")
    args = parser.parse_args()
    if args.profile:
        import os

        os.environ["CLAIMWATCH_PROFILE"] = args.profile

    import claimwatch
    from claimwatch import nlp
    from claimwatch.extract.places import default_small_towns
    from claimwatch.sentences import split_sentences

    corpus = make_corpus(args.docs, args.seed)
    words = sum(len(text.split()) for text, _ in corpus)
    began = time.process_time()
    model = nlp.load()
    claimwatch.extract(corpus[0][0], published=corpus[0][1])  # warm up: model, gazetteer, alias table, CRF
    default_small_towns()  # loaded lazily by the first text that needs a small town
    start_up = time.process_time() - began

    began = time.process_time()
    for text, _ in corpus:
        for _doc in model.pipe(s.text for s in split_sentences(text)):
            pass
    bare = time.process_time() - began

    began = time.process_time()
    incidents = claims = 0
    for text, published in corpus:
        result = claimwatch.extract(text, published=published)
        incidents += len(result.incidents)
        claims += len(result.claims)
    pipeline = time.process_time() - began

    print(f"corpus: {args.docs} articles, {words} words ({words / args.docs:.0f} words/article), 1 core")
    print(f"once per process: models, gazetteers and alias table load in {start_up:.1f} s (not in the rates)")
    print(f"bare spaCy ({nlp.MODEL_NAME}) over every sentence: {args.docs / bare:8.1f} docs/s/core")
    from claimwatch.settings import profile

    print(f"claimwatch.extract (whole pipeline, {profile()}):{' ' * max(0, 8 - len(profile()))}"
          f"{args.docs / pipeline:8.1f} docs/s/core")
    print(f"ratio pipeline / bare model: {bare / pipeline:.2f}x  "
          f"({incidents} incidents, {claims} claims extracted)")


if __name__ == "__main__":
    main()
