#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (and for trying Claimwatch on PostgreSQL by hand).
#
#   eval "$(bash scripts/pg.sh start)"   # prints: export CLAIMWATCH_TEST_PG=postgresql+psycopg://…; CLAIMWATCH_PG_DIR=…
#   bash scripts/pg.sh stop              # stops the server started above and deletes its data directory
#
# The server listens on a unix socket inside its own data directory only (no TCP port, so several copies
# can run side by side), runs as the `postgres` user when started by root, and keeps nothing: its data
# directory is made under ${TMPDIR:-/tmp}. Debian's `postgresql` package is installed when it is missing
# and this runs as root (as in CI). The database is `claimwatch`; the tests create one database per test
# next to it through the same server.
set -euo pipefail

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$found" ]; then echo "$found"; fi
}

install_postgresql() {
  if [ -n "$(find_bin initdb)" ]; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "pg.sh: PostgreSQL is not installed; run as root or: sudo apt-get install postgresql" >&2
    exit 1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

as_owner() {  # run a server binary as the postgres user when we are root (initdb refuses root)
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  install_postgresql
  local initdb pg_ctl psql dir
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  psql=$(find_bin psql)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/claimwatch-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
  chmod 700 "$dir"
  as_owner "$initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$psql" -h "$dir" -U postgres -d postgres -qAt -c "CREATE DATABASE claimwatch" >&2
  echo "export CLAIMWATCH_TEST_PG='postgresql+psycopg://postgres@/claimwatch?host=$dir'"
  echo "export CLAIMWATCH_PG_DIR='$dir'"
}

stop() {
  local dir=${1:-${CLAIMWATCH_PG_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then return; fi
  as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: bash scripts/pg.sh start | stop [DIR]" >&2; exit 2 ;;
esac
