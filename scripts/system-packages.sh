#!/usr/bin/env bash
# The Debian packages the tests need, installed in one apt-get run when any is missing (as root, or with
# sudo): chromium (browser tests), postgresql (the [postgresql] tests' server), openjdk-17-jre-headless
# (PySpark). Without root and sudo it only says what is missing; the tests that need it then skip
# (or fail under CI=true).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
java -version 2>&1 | grep -q 'version "17' || missing+=(openjdk-17-jre-headless)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "system-packages.sh: not root; missing Debian packages: ${missing[*]}" >&2
    exit 0
  fi
fi
echo "installing Debian packages: ${missing[*]}" >&2
log=$(mktemp "${TMPDIR:-/tmp}/claimwatch-apt.XXXXXX")
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"; } \
    >"$log" 2>&1; then
  tail -30 "$log" >&2
  exit 1
fi
rm -f "$log"
