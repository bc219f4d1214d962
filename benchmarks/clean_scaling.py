"""Cleaning time of a 5 MB text against half of it, in one run (issue 11, row 1: cleaning is linear).

    python benchmarks/clean_scaling.py [--mb 5]

Prints the seconds for half the text and for all of it, and their ratio: about 2 when cleaning is
linear (the quadratic pass it replaced did not finish a 1.9 MB text in 240 s). The text is generated
here: paragraphs of news sentences, hard-wrapped lines and site furniture.
"""

from __future__ import annotations

import argparse
import time

from claimwatch.clean import clean_document
from claimwatch.model import Document

BLOCK = (
    "Gunmen attacked a police checkpoint near the market on Tuesday, officials said, and\n"
    "the provincial governor said four officers were killed in the fighting that followed.\n\n"
    "Share this article\n"
    "No group has claimed responsibility for the attack so far. REUTERS/John Smith\n\n"
    "Tags: attack, police\n\n"
)


def seconds(text: str) -> float:
    started = time.perf_counter()
    clean_document(Document(text=text))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="Size of the larger text in megabytes.")
    args = parser.parse_args()
    full = "Attack at the checkpoint\n\n" + BLOCK * int(args.mb * 1_000_000 / len(BLOCK))
    half = full[: len(full) // 2]
    seconds(half[:100_000])  # warm up
    t_half, t_full = seconds(half), seconds(full)
    print(f"clean {len(half) / 1e6:.1f} MB: {t_half:.2f} s")
    print(f"clean {len(full) / 1e6:.1f} MB: {t_full:.2f} s ({len(full) / 1e6 / t_full:.2f} MB/s)")
    print(f"ratio: {t_full / t_half:.2f} (2.0 is linear)")


if __name__ == "__main__":
    main()
