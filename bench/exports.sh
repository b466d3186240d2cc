#!/usr/bin/env bash
# Export benchmark (bench/README.md, "Exports").
#
# Creates a fresh PostgreSQL database, seeds N synthetic organisations
# (3 delegates each: 90,000 participants for the default 30,000), starts
# `accord serve` on it, signs in as a secretariat user and times
# participants.csv and participants.xlsx over HTTP with curl, against
# PostgreSQL's own COPY of the same rows to CSV. It prints each figure, the
# ratios to COPY and the server's peak memory growth during each export,
# then drops the database.
#
# Memory is measured twice, on a server that has rested (see below):
#  - the resident set: the peak (VmHWM, reset before the export by writing
#    5 to /proc/PID/clear_refs) minus VmRSS just before the export;
#  - the Go heap: the highest go_memstats_heap_inuse_bytes that /metrics
#    shows, read every 20 ms during the export, minus its value before.
# A server signs nothing in at start but hashes a dummy password with
# Argon2id (64 MiB) to time unknown accounts like known ones; the Go
# runtime keeps those freed pages mapped, so the resident set can absorb
# tens of MiB of an export's allocations without growing. The heap figure
# does not have that blind spot, which is why both are printed. The server
# first rests for 125 s, past the runtime's periodic collection (every two
# minutes when idle), so that neither figure starts from the startup's
# garbage. The timing runs come after, on the same warm server.
#
# Usage: bench/exports.sh            (N=30000 RUNS=3 by default)
#        N=3000 RUNS=1 bench/exports.sh
# Needs: go, psql, curl; PostgreSQL at ACCORD_BENCH_ADMIN_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres.
set -euo pipefail

N=${N:-30000}
RUNS=${RUNS:-3}
ADMIN_URL=${ACCORD_BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
DB=accord_bench_exports_$(date +%s)_$$
DB_URL=${ADMIN_URL%/*}/$DB
PASSWORD="bench password $(date +%s%N)"
SERVER_PID=""
SAMPLER_PID=""

cleanup() {
	[ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	psql "$ADMIN_URL" -qX -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

psql "$ADMIN_URL" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
echo "database $DB; building accord"
(cd "$ROOT" && go build -o "$WORK/accord" ./cmd/accord)

export ACCORD_DATABASE_URL=$DB_URL
export ACCORD_DATA_DIR=$WORK/data
export ACCORD_SECRET_KEY=bench-secret-key-0123456789abcdef0123456789
export ACCORD_LOG_LEVEL=warn
export ACCORD_EMAIL_VERIFICATION=false
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export ACCORD_LISTEN=127.0.0.1:$PORT
export ACCORD_BASE_URL=http://127.0.0.1:$PORT
BASE=$ACCORD_BASE_URL

"$WORK/accord" seed --synthetic "$N" --conference BENCH
"$WORK/accord" user create --email bench@example.org --name Bench --role secretariat --password "$PASSWORD" >/dev/null
psql "$DB_URL" -qX -c "VACUUM ANALYZE" >/dev/null

# start_server starts `accord serve` and waits until it answers.
start_server() {
	"$WORK/accord" serve >>"$WORK/serve.log" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 100); do
		curl -fs "$BASE/readyz" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	cat "$WORK/serve.log"
	exit 1
}
stop_server() {
	kill "$SERVER_PID"
	wait "$SERVER_PID" 2>/dev/null || true
	SERVER_PID=""
}

# Sign in on a server of its own: the access token (a signed JWT, valid 15
# minutes) works on any server with the same secret, and the measured
# server then never hashes a password.
start_server
TOKEN=$(curl -fs -X POST -H 'Content-Type: application/json' \
	-d "{\"email\":\"bench@example.org\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" |
	sed -E 's/.*"access_token":"([^"]+)".*/\1/')
stop_server
start_server
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
echo "server started; resting 125 s for the runtime's periodic collection"
sleep 125

# The same rows as participants.csv (internal/report, participantsQuery),
# in the same order, with country names in English.
COPY_SQL="COPY (SELECT d.family_name, d.given_name, d.family_name_original, d.given_name_original, d.title,
	d.organization_role, o.name, o.name_en, o.country, c.name_en, d.nationality, COALESCE(n.name_en, ''), d.state
	FROM delegates d JOIN accreditation_requests r ON r.id = d.accreditation_request_id
	JOIN organizations o ON o.id = r.organization_id JOIN countries c ON c.code = o.country
	LEFT JOIN countries n ON n.code = d.nationality
	WHERE r.conference_id = (SELECT id FROM conferences WHERE code = 'BENCH') AND r.state = 'accredited'
	AND d.state IN ('confirmed', 'badge_issued', 'checked_in')
	ORDER BY o.name_en_key, o.id, d.family_name, d.given_name, d.id) TO STDOUT WITH (FORMAT csv, HEADER)"

kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

# copy_seconds runs the COPY once and prints the time psql measured, in
# seconds (the query's execution and the transfer of every row to psql,
# which throws them away).
copy_seconds() {
	psql "$DB_URL" -qX -o /dev/null -c '\timing on' -c "$COPY_SQL" |
		awk '/^Time:/ {printf "%.3f", $2 / 1000}'
}

# fetch gets one export and prints "seconds bytes".
fetch() {
	local out seconds bytes status
	out=$(curl -s -o /dev/null -w '%{time_total} %{size_download} %{http_code}' \
		-H "Authorization: Bearer $TOKEN" "$BASE/api/v1/conferences/BENCH/exports/$1")
	read -r seconds bytes status <<<"$out"
	if [ "$status" != 200 ]; then
		echo "GET $1 answered $status" >&2
		exit 1
	fi
	echo "$seconds $bytes"
}

heap_inuse() {
	curl -fs "$BASE/metrics" | awk '$1 == "go_memstats_heap_inuse_bytes" {printf "%d", $2}'
}

# memory_run fetches one export while watching the server's memory and
# prints "rss_growth_MiB heap_growth_MiB".
memory_run() {
	local file=$1 rss_before heap_before peak_rss peak_heap
	sleep 2
	rss_before=$(kib "$SERVER_PID" VmRSS)
	heap_before=$(heap_inuse)
	echo 5 >"/proc/$SERVER_PID/clear_refs"
	echo "$heap_before" >"$WORK/heap"
	(
		max=$heap_before
		while :; do
			h=$(heap_inuse) || break
			[ -n "$h" ] && [ "$h" -gt "$max" ] && max=$h && echo "$max" >"$WORK/heap"
			sleep 0.02
		done
	) &
	SAMPLER_PID=$!
	fetch "$file" >/dev/null
	peak_rss=$(kib "$SERVER_PID" VmHWM)
	kill "$SAMPLER_PID" 2>/dev/null || true
	wait "$SAMPLER_PID" 2>/dev/null || true
	SAMPLER_PID=""
	peak_heap=$(cat "$WORK/heap")
	awk -v p="$peak_rss" -v r="$rss_before" -v ph="$peak_heap" -v hb="$heap_before" \
		'BEGIN {printf "%.1f %.1f", (p - r) / 1024, (ph - hb) / 1048576}'
}

REST_MIB=$(($(kib "$SERVER_PID" VmRSS) / 1024))
REST_HEAP=$(awk -v h="$(heap_inuse)" 'BEGIN {printf "%.1f", h / 1048576}')
CSV_MEM=$(memory_run participants.csv)
XLSX_MEM=$(memory_run participants.xlsx)

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# One warm-up of COPY, so that every measured run finds PostgreSQL's
# buffers filled (the exports above warmed the server's side).
copy_seconds >/dev/null

copy_runs=() csv_runs=() xlsx_runs=()
for _ in $(seq 1 "$RUNS"); do
	copy_runs+=("$(copy_seconds)")
	csv_runs+=("$(fetch participants.csv)")
	xlsx_runs+=("$(fetch participants.xlsx)")
done
col() { local i=$1; shift; printf '%s\n' "$@" | awk -v i="$i" '{print $i}'; }

COPY_S=$(printf '%s\n' "${copy_runs[@]}" | median)
CSV_S=$(col 1 "${csv_runs[@]}" | median | xargs printf '%.3f')
CSV_B=$(col 2 "${csv_runs[@]}" | median)
XLSX_S=$(col 1 "${xlsx_runs[@]}" | median | xargs printf '%.3f')
XLSX_B=$(col 2 "${xlsx_runs[@]}" | median)
read -r CSV_RSS CSV_HEAP <<<"$CSV_MEM"
read -r XLSX_RSS XLSX_HEAP <<<"$XLSX_MEM"
ROWS=$(psql "$DB_URL" -qXAt -c "SELECT COUNT(*) FROM delegates")

echo
echo "participants: $ROWS rows; times are medians of $RUNS runs on a warm server"
echo "server at rest: resident $REST_MIB MiB, Go heap in use $REST_HEAP MiB"
printf '%-24s %8s %11s %16s %16s\n' "" "seconds" "bytes" "resident growth" "Go heap growth"
printf '%-24s %8s\n' "COPY ... TO STDOUT (csv)" "$COPY_S"
printf '%-24s %8s %11s %12s MiB %12s MiB\n' "participants.csv" "$CSV_S" "$CSV_B" "$CSV_RSS" "$CSV_HEAP"
printf '%-24s %8s %11s %12s MiB %12s MiB\n' "participants.xlsx" "$XLSX_S" "$XLSX_B" "$XLSX_RSS" "$XLSX_HEAP"
awk -v c="$CSV_S" -v x="$XLSX_S" -v p="$COPY_S" \
	'BEGIN {printf "ratios: csv/COPY %.2f, xlsx/COPY %.2f\n", c / p, x / p}'
awk -v c="$CSV_S" -v p="$COPY_S" -v r="$CSV_RSS" -v h="$CSV_HEAP" 'BEGIN {
	printf "bar (csv within 3x COPY, growth under 64 MiB): %s\n", (c / p <= 3 && r < 64 && h < 64) ? "met" : "MISSED"}'
