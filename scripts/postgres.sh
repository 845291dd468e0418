#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the store's tests (and for trying summitry with
# a shared database). Installs the server with apt-get when it is missing and we are root, creates
# the cluster under /tmp, starts it, and prints its DSN as the last line of stdout. Running it
# again reuses the running cluster. Trust authentication on 127.0.0.1 only: never for real data.
#
#   scripts/postgres.sh            # start (or reuse) and print postgresql://summitry@127.0.0.1:PORT/summitry
#   scripts/postgres.sh --stop     # stop the cluster and delete its directory
#
# Environment: SUMMITRY_PG_PORT (first port to try, default 5433), SUMMITRY_PG_DIR (cluster
# directory, default /tmp/summitry-pg).
set -euo pipefail

dir=${SUMMITRY_PG_DIR:-/tmp/summitry-pg}
data=$dir/data
first_port=${SUMMITRY_PG_PORT:-5433}
db_user=summitry
db_name=summitry

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
  return 1
}

# run a command as the cluster's owner: ourselves, or the 'postgres' user when we are root
# (PostgreSQL refuses to run as root)
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if [ "${1:-}" = "--stop" ]; then
  bindir=$(find_bindir) || exit 0
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
  exit 0
fi

if ! bindir=$(find_bindir); then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bindir=$(find_bindir) || { log "PostgreSQL installed but initdb not found"; exit 1; }
  else
    log "PostgreSQL is not installed (initdb not found) and cannot be installed here (needs root and apt-get)"
    exit 1
  fi
fi

if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir "$dir" --shell /bin/sh postgres
fi

mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"

# already running? reuse it
if [ -f "$dir/port" ] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  port=$(cat "$dir/port")
  echo "postgresql://$db_user@127.0.0.1:$port/$db_name"
  exit 0
fi

if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
  as_owner "$bindir/initdb" -D "$data" -U "$db_user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2 \
    || as_owner "$bindir/initdb" -D "$data" -U "$db_user" --auth=trust --encoding=UTF8 --locale=C >&2
fi

port=$first_port
while ! port_free "$port"; do
  port=$((port + 1))
  [ "$port" -gt $((first_port + 100)) ] && { log "no free port from $first_port"; exit 1; }
done

as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2 || { log "the server did not start; see $dir/server.log"; tail -n 20 "$dir/server.log" >&2 || true; exit 1; }
echo "$port" > "$dir/port"

if ! as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1; then
  as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -qc "CREATE DATABASE $db_name" >&2
fi

echo "postgresql://$db_user@127.0.0.1:$port/$db_name"
