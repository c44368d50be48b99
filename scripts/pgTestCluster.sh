#!/usr/bin/env sh
# A throwaway PostgreSQL cluster for the tests (docs/decisions/019). Prints its folder, then its URL (for
# TEST_DATABASE_URL); `scripts/pgTestCluster.sh stop DIR` stops it and removes the folder. initdb refuses to run
# as root, so as root the cluster belongs to the `postgres` user that Debian's package creates.
set -eu
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
  as_owner "$bin/pg_ctl" -D "$2/data" -m fast stop >/dev/null || true
  rm -rf "$2"
  exit 0
fi

dir="$(mktemp -d /tmp/figures-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
# Locale C: text sorts by code point, as in SQLite. Trust, but only on 127.0.0.1 and a socket in $dir.
as_owner "$bin/initdb" -D "$dir/data" -U figures --locale=C -E UTF8 --auth=trust >"$dir/initdb.log"
# The first free port from 55432: another run on this machine may hold one.
port=55432
until as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" >/dev/null 2>&1; do
  port=$((port + 1))
  if [ "$port" -gt 55532 ]; then
    cat "$dir/server.log" >&2
    exit 1
  fi
done
echo "$dir"
echo "postgres://figures@127.0.0.1:$port/postgres"
