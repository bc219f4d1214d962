"""Extraction time of one run-on sentence against half of it, in one run (hostile input: no sentence breaks).

    python benchmarks/runon_scaling.py [--words 40000]

Prints the seconds for half the words and for all of them, and their ratio: about 2 when the pipeline is
linear in the length of a sentence. The nearest-trigger feature of the role tagger and the overlap test of
the event cues were quadratic in it (a 1 MB text of one repeated attack word ran past 300 s; 38 s after); on
2026-12-04 the closest-attack-word test of places and dates and the recalled-figure cue were (20,000 words: 165 s,
ratio 7.3; 4.8 s, ratio 2.06 after).
The text is generated here: attack words, numbers and place words with no full stop between them.
"""

from __future__ import annotations

import argparse
import time

import claimwatch

WORDS = "gunmen attacked the market in kabul killing four people and a car bomb exploded near the checkpoint "


def seconds(text: str) -> float:
    started = time.perf_counter()
    claimwatch.extract(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=40_000, help="Words in the longer sentence.")
    args = parser.parse_args()
    unit = WORDS.split()
    full = " ".join(unit[i % len(unit)] for i in range(args.words))
    half = " ".join(full.split()[: args.words // 2])
    seconds("A bomb killed two people in Kabul on Monday.")  # warm up: models and gazetteer
    t_half, t_full = seconds(half), seconds(full)
    print(f"extract {args.words // 2} words in one sentence: {t_half:.2f} s")
    print(f"extract {args.words} words in one sentence: {t_full:.2f} s")
    print(f"ratio: {t_full / t_half:.2f} (2.0 is linear)")


if __name__ == "__main__":
    main()
