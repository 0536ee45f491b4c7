#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the bench: initdb in a temporary folder, a
# server on a random port of 127.0.0.1 (and a unix socket in that folder), password auth for a
# role `answer` and a database `answer`. Nothing outside the folder is touched; `stop` removes it.
#
#   scripts/pg-test-cluster.sh start [DIR]   prints the folder on line 1 and the URL on line 2
#   scripts/pg-test-cluster.sh stop DIR      stops the server and removes the folder
#   scripts/pg-test-cluster.sh install       apt-get installs PostgreSQL when initdb is missing
#
# initdb and postgres refuse to run as root, so as root they run as the `postgres` user (made by
# the Debian package). The server runs with fsync off: the cluster is thrown away after the run.
set -euo pipefail

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  # Debian keeps the server programs out of PATH, one folder per major version.
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ]; then echo "$found"; return 0; fi
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

cmd=${1:-}
case "$cmd" in
  install)
    if ! find_bin initdb >/dev/null; then
      if [ "$(id -u)" != 0 ]; then echo "pg-test-cluster: initdb not found; install PostgreSQL (Debian: apt-get install postgresql)" >&2; exit 1; fi
      echo "pg-test-cluster: installing PostgreSQL (Debian package postgresql)" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      # The package's own cluster is not wanted: only the programs.
      mkdir -p /etc/postgresql-common
      echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
      # --force-confold: keep the createcluster.conf written above without asking.
      apt-get install -y -qq -o Dpkg::Options::=--force-confold postgresql >&2
    fi
    find_bin initdb
    ;;
  start)
    initdb=$(find_bin initdb) || { echo "pg-test-cluster: initdb not found; run scripts/pg-test-cluster.sh install (or apt-get install postgresql)" >&2; exit 1; }
    pg_ctl=$(dirname "$initdb")/pg_ctl
    dir=${2:-$(mktemp -d "${TMPDIR:-/tmp}/answer-pg-XXXXXX")}
    mkdir -p "$dir"
    password=$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')
    printf '%s\n' "$password" > "$dir/password"
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || { echo "pg-test-cluster: running as root needs the postgres user (Debian package postgresql)" >&2; exit 1; }
      chown -R postgres: "$dir"
    fi
    chmod 700 "$dir"
    as_owner "$initdb" -D "$dir/data" -U answer --pwfile="$dir/password" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    PGPASSWORD=$password "$(find_bin psql)" -h 127.0.0.1 -p "$port" -U answer -d postgres -qc 'CREATE DATABASE answer' >/dev/null
    echo "$dir"
    echo "postgres://answer:$password@127.0.0.1:$port/answer"
    ;;
  stop)
    dir=${2:?usage: pg-test-cluster.sh stop DIR}
    pg_ctl=$(dirname "$(find_bin initdb)")/pg_ctl
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/pg-test-cluster.sh start [DIR] | stop DIR | install" >&2
    exit 2
    ;;
esac
