"""Text forms the extractors share.

`ASCII_PUNCTUATION` maps typographic quotes, apostrophes and dashes to their ASCII forms one character for
one, so a pattern written with ASCII punctuation reads typeset text and every offset stays valid (the
claims, groups and quotes extractors apply it before matching). Folding letters for name keys (ø -> o,
ß -> ss) changes lengths and belongs to the gazetteer (`extract/places.py`).
"""

from __future__ import annotations

ASCII_PUNCTUATION = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "`": "'",
    "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "‑": "-", "‐": "-",
})
