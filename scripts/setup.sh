#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install Claimwatch with everything its tests and dashboard need.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# The CPU build of PyTorch is not needed; nothing here pulls it in.
# postgres: psycopg for the PostgreSQL store and its tests; spark: PySpark for `claimwatch spark` (Java 17 too).
.venv/bin/python -m pip install --quiet -e ".[web,dev,exports,feeds,postgres,spark,encoder]"
