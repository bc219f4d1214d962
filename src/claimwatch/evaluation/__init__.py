"""Scoring the pipeline on labelled data: MUC-4 (`muc4.py`) and our own modern claim reports (`claims.py`)."""
