#!/usr/bin/env bash
# Set up, then run the unit and browser tests and the evaluations with their pinned score floors.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -f .ci/e2e-setup.sh ]; then bash .ci/e2e-setup.sh; fi
mkdir -p artifacts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
.venv/bin/claimwatch eval claims --check-floors
.venv/bin/claimwatch eval muc4 --check-floors
