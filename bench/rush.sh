#!/usr/bin/env bash
# The rush benchmark (bench/README.md, "The rush").
#
# Runs bench/rush (see its package comment) against `accord serve`:
#  - on PostgreSQL with one server, then two servers on the same database
#    (the tool sends each organisation's or door's requests to one of them
#    in turn), then on SQLite with one server (SQLite is embedded: one
#    process per file);
#  - each time the nomination rush (NGOS organisations nominating PER
#    delegates each, at once) and the check-in burst (BADGES badges, four
#    doors, verify and check in), with the engine's raw-SQL ceiling for
#    audited writes printed after each.
# The load average is printed before each run: on a busy machine compare
# each figure with the ceiling measured in the same run, not across runs.
#
# Usage: bench/rush.sh                    (NGOS=20 PER=50 BADGES=1000)
#        ENGINES=postgres bench/rush.sh   (postgres, sqlite or both)
# Needs: go, psql, curl; PostgreSQL at ACCORD_BENCH_ADMIN_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres.
set -euo pipefail

NGOS=${NGOS:-20}
PER=${PER:-50}
BADGES=${BADGES:-1000}
ENGINES=${ENGINES:-"postgres sqlite"}
ADMIN_URL=${ACCORD_BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
DB=accord_bench_rush_$(date +%s)_$$
DB_URL=${ADMIN_URL%/*}/$DB
PIDS=()

cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	psql "$ADMIN_URL" -qX -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

echo "building accord and the load tool"
(cd "$ROOT" && go build -o "$WORK/accord" ./cmd/accord && go build -o "$WORK/rush" ./bench/rush)

export ACCORD_SECRET_KEY=bench-secret-key-0123456789abcdef0123456789
export ACCORD_LOG_LEVEL=warn
export ACCORD_EMAIL_VERIFICATION=false
export ACCORD_DATA_DIR=$WORK/data

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_servers N starts N servers on the current database and sets
# BASES to their base URLs, comma-separated. It runs in this shell (not
# in a command substitution), so that PIDS keeps every server to stop.
start_servers() {
	local bases=() port
	for _ in $(seq 1 "$1"); do
		port=$(free_port)
		ACCORD_LISTEN=127.0.0.1:$port ACCORD_BASE_URL=http://127.0.0.1:$port \
			"$WORK/accord" serve >>"$WORK/serve.log" 2>&1 &
		PIDS+=($!)
		for _ in $(seq 1 100); do
			curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
			sleep 0.1
		done
		bases+=("http://127.0.0.1:$port")
	done
	BASES=$(IFS=,; echo "${bases[*]}")
}
stop_servers() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	PIDS=()
}

run() { # servers-count extra-args...
	local n=$1; shift
	local bases
	start_servers "$n"
	bases=$BASES
	echo "--- load average $(awk '{print $1, $2, $3}' /proc/loadavg)"
	"$WORK/rush" -accord "$WORK/accord" -servers "$bases" -scenario nominate -ngos "$NGOS" -per "$PER" "$@"
	echo "--- load average $(awk '{print $1, $2, $3}' /proc/loadavg)"
	"$WORK/rush" -accord "$WORK/accord" -servers "$bases" -scenario checkin -badges "$BADGES" "$@"
	stop_servers
}

for engine in $ENGINES; do
	case $engine in
	postgres)
		psql "$ADMIN_URL" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
		export ACCORD_DATABASE_URL=$DB_URL
		"$WORK/accord" migrate >/dev/null
		"$WORK/accord" seed >/dev/null
		echo "== PostgreSQL, one server"
		run 1 -db "$DB_URL"
		echo "== PostgreSQL, two servers on one database"
		run 2 -db "$DB_URL"
		unset ACCORD_DATABASE_URL
		;;
	sqlite)
		export ACCORD_DATABASE_URL=
		"$WORK/accord" migrate >/dev/null
		"$WORK/accord" seed >/dev/null
		echo "== SQLite, one server"
		run 1 -sqlite "$ACCORD_DATA_DIR/accord.db"
		;;
	esac
done
