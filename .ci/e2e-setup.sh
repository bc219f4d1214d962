#!/usr/bin/env bash
# What the browser tests (tests/e2e) need beyond the Python dev extras: Debian's chromium, which
# Playwright drives through executable_path=/usr/bin/chromium (no Playwright browser download here).
# The map geometry is vendored, not fetched: src/claimwatch/web/vendor/world-atlas/countries-110m.json
# comes from `npm pack world-atlas@2.0.2` (Natural Earth, public domain; package ISC).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
/usr/bin/chromium --version || true
mkdir -p artifacts/screenshots
