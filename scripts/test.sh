#!/usr/bin/env bash
# Set up, then run the unit and browser tests and the evaluations with their pinned score floors.
# The store, API and CLI tests run on SQLite and on a live PostgreSQL server: unless CLAIMWATCH_TEST_PG
# names one, a throwaway server is started here (scripts/pg.sh; Debian's postgresql is installed when
# missing and we are root) and stopped at the end. The Spark tests need Java 17 (installed the same way).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
bash scripts/setup.sh
if [ -f .ci/e2e-setup.sh ]; then bash .ci/e2e-setup.sh; fi
if [ -z "${CLAIMWATCH_TEST_PG:-}" ]; then
  eval "$(bash scripts/pg.sh start)"
  trap 'bash scripts/pg.sh stop "$CLAIMWATCH_PG_DIR"' EXIT
fi
echo "PostgreSQL for the tests: $CLAIMWATCH_TEST_PG"
mkdir -p artifacts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
.venv/bin/claimwatch eval claims --check-floors
if [ -f ../shared/data/news/dev.jsonl ]; then  # real English reports, outside the repository
  .venv/bin/claimwatch eval claims ../shared/data/news/dev.jsonl --lang en --check-floors --floors evaluation/floors-news.json
  .venv/bin/claimwatch eval claims ../shared/data/news/dev.jsonl --lang fr,es,de,ar --check-floors --floors evaluation/floors-news-other.json
else
  echo "skipping the real-news floors: ../shared/data/news/dev.jsonl is not there"
fi
.venv/bin/claimwatch eval muc4 --check-floors
