#!/usr/bin/env bash
# Set up, then ingest the demo articles shipped with Claimwatch into a SQLite file and print the record.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CLAIMWATCH_DB=${CLAIMWATCH_DB:-claimwatch-demo.db}
.venv/bin/claimwatch demo "$@"
