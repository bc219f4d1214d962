#!/usr/bin/env bash
# Install Claimwatch into a fresh venv with the oldest pip we support (Debian 12's pip 23.0) and check
# that the HTML path imports: lxml 6.1 no longer declares the html_clean extra that justext asks for, so
# an old resolver left lxml_html_clean out until pyproject named it (issue 11, row 11).
set -euo pipefail
cd "$(dirname "$0")/.."
OLDEST_PIP=${OLDEST_PIP:-23.0.1}
venv=$(mktemp -d "${TMPDIR:-/tmp}/claimwatch-oldpip.XXXXXX")
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "pip==$OLDEST_PIP"
"$venv/bin/python" -m pip install --quiet .
"$venv/bin/python" -c "import lxml_html_clean, trafilatura; from claimwatch.ingest.html import from_html; print('pip $OLDEST_PIP install: HTML reading imports')"
