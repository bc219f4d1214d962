#!/usr/bin/env bash
# Set up, then run the unit and browser tests and the evaluations with their pinned score floors.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -f .ci/e2e-setup.sh ]; then bash .ci/e2e-setup.sh; fi
mkdir -p artifacts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
.venv/bin/claimwatch eval claims --check-floors
if [ -f ../shared/data/news/dev.jsonl ]; then  # real English reports, outside the repository
  .venv/bin/claimwatch eval claims ../shared/data/news/dev.jsonl --lang en --check-floors --floors evaluation/floors-news.json
else
  echo "skipping the real-news floors: ../shared/data/news/dev.jsonl is not there"
fi
.venv/bin/claimwatch eval muc4 --check-floors
