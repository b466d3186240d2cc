#!/usr/bin/env bash
# Export benchmark (bench/README.md, "Exports").
#
# Creates a fresh PostgreSQL database, seeds N synthetic organisations
# (3 delegates each: 90,000 participants for the default 30,000), starts
# `accord serve` on it, signs in as a secretariat user and times
# participants.csv and participants.xlsx over HTTP with curl, against
# PostgreSQL's own COPY of the same rows to CSV, in two columns:
#  - fresh: straight after `accord seed --synthetic`, with no ANALYZE but
#    the one the seed runs itself (as a secretariat meets the lists right
#    after a load or an import), before autovacuum could come round;
#  - warm: after the server has rested and everything was read once.
# Each column interleaves COPY, CSV and XLSX, RUNS times, and prints the
# medians and ratios to COPY of the same column. It then times
# participants.pdf once (rows per second), prints the server's peak memory
# growth during each export, and drops the database. The load average is
# printed with each column: on a busy machine compare ratios, not seconds.
#
# Memory is measured twice, on a server that has rested (see below):
#  - the resident set: the peak (VmHWM, reset before the export by writing
#    5 to /proc/PID/clear_refs) minus VmRSS just before the export;
#  - the Go heap: the highest go_memstats_heap_inuse_bytes that /metrics
#    shows, read every 20 ms during the export, minus its value before.
#    That includes garbage not yet collected, up to the collector's goal
#    (twice the live heap at the default GOGC=100), so it varies with
#    when collections fall;
#  - the live heap: the most the collections during the export found
#    alive (the server runs with GODEBUG=gctrace=1, which prints it, in
#    whole MB), minus what the last collection before it found. This is
#    what the export holds; the bar is on it, or on the heap figure when
#    no collection ran during the export.
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
#        REST=0 bench/exports.sh     (no rest: memory figures include
#                                     startup garbage, much quicker)
# Needs: go, psql, curl; PostgreSQL at ACCORD_BENCH_ADMIN_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres.
set -euo pipefail

N=${N:-30000}
RUNS=${RUNS:-3}
REST=${REST:-125}
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

# start_server starts `accord serve` and waits until it answers.
start_server() {
	GODEBUG=gctrace=1 "$WORK/accord" serve >>"$WORK/serve.log" 2>&1 &
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

# live_heaps prints the live heap (MB) each gctrace line of serve.log
# after line $1 reports: the third number of "A->B->C MB".
live_heaps() {
	tail -n +"$(($1 + 1))" "$WORK/serve.log" | awk '/^gc [0-9]+ @/ {
		for (i = 1; i < NF; i++) if ($i ~ /^[0-9]+->[0-9]+->[0-9]+$/ && $(i + 1) == "MB,") {
			split($i, m, "->"); print m[3] } }'
}

# memory_run fetches one export while watching the server's memory and
# prints "rss_growth_MiB heap_growth_MiB live_growth_MB" (live growth "-"
# when no collection ran during the export).
memory_run() {
	local file=$1 rss_before heap_before peak_rss peak_heap log_before live_before live_peak
	sleep 2
	log_before=$(wc -l <"$WORK/serve.log")
	live_before=$(live_heaps 0 | tail -n 1)
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
	live_peak=$(live_heaps "$log_before" | sort -n | tail -n 1)
	awk -v p="$peak_rss" -v r="$rss_before" -v ph="$peak_heap" -v hb="$heap_before" \
		-v lp="$live_peak" -v lb="${live_before:-0}" \
		'BEGIN {printf "%.1f %.1f %s", (p - r) / 1024, (ph - hb) / 1048576, lp == "" ? "-" : lp - lb}'
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

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
col() { local i=$1; shift; printf '%s\n' "$@" | awk -v i="$i" '{print $i}'; }
load() { awk '{print $1, $2, $3}' /proc/loadavg; }

# column runs COPY, CSV and XLSX interleaved RUNS times and prints
# "copy_s csv_s csv_bytes xlsx_s xlsx_bytes" (medians).
column() {
	local copy_runs=() csv_runs=() xlsx_runs=()
	for _ in $(seq 1 "$RUNS"); do
		copy_runs+=("$(copy_seconds)")
		csv_runs+=("$(fetch participants.csv)")
		xlsx_runs+=("$(fetch participants.xlsx)")
	done
	echo "$(printf '%s\n' "${copy_runs[@]}" | median)" \
		"$(col 1 "${csv_runs[@]}" | median)" "$(col 2 "${csv_runs[@]}" | median)" \
		"$(col 1 "${xlsx_runs[@]}" | median)" "$(col 2 "${xlsx_runs[@]}" | median)"
}

# Fresh: straight after the seed, nothing read yet.
FRESH_LOAD=$(load)
read -r F_COPY F_CSV F_CSV_B F_XLSX F_XLSX_B <<<"$(column)"
read -r PDF_S PDF_B <<<"$(fetch participants.pdf)"
ROWS=$(psql "$DB_URL" -qXAt -c "SELECT COUNT(*) FROM delegates")

if [ "$REST" -gt 0 ]; then
	echo "resting ${REST} s for the runtime's periodic collection"
	sleep "$REST"
fi
REST_MIB=$(($(kib "$SERVER_PID" VmRSS) / 1024))
REST_HEAP=$(awk -v h="$(heap_inuse)" 'BEGIN {printf "%.1f", h / 1048576}')
CSV_MEM=$(memory_run participants.csv)
XLSX_MEM=$(memory_run participants.xlsx)
read -r CSV_RSS CSV_HEAP CSV_LIVE <<<"$CSV_MEM"
read -r XLSX_RSS XLSX_HEAP XLSX_LIVE <<<"$XLSX_MEM"

# Warm: everything read before, buffers filled.
copy_seconds >/dev/null
WARM_LOAD=$(load)
read -r W_COPY W_CSV W_CSV_B W_XLSX W_XLSX_B <<<"$(column)"

echo
echo "participants: $ROWS rows; medians of $RUNS interleaved runs per column"
printf '%-20s %22s %22s\n' "" "fresh (after seed)" "warm"
printf '%-20s %22s %22s\n' "load average" "$FRESH_LOAD" "$WARM_LOAD"
row() {
	printf '%-20s %14.3f s %5s %14.3f s %5s\n' "$1" "$2" "$3" "$4" "$5"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
row "COPY ... TO STDOUT" "$F_COPY" "" "$W_COPY" ""
row "participants.csv" "$F_CSV" "$(ratio "$F_CSV" "$F_COPY")" "$W_CSV" "$(ratio "$W_CSV" "$W_COPY")"
row "participants.xlsx" "$F_XLSX" "$(ratio "$F_XLSX" "$F_COPY")" "$W_XLSX" "$(ratio "$W_XLSX" "$W_COPY")"
echo "bytes: csv $W_CSV_B, xlsx $W_XLSX_B"
awk -v s="$PDF_S" -v b="$PDF_B" -v r="$ROWS" \
	'BEGIN {printf "participants.pdf: %.2f s, %d bytes, %.0f rows/s (fresh column, once)\n", s, b, r / s}'
echo "server at rest: resident $REST_MIB MiB, Go heap in use $REST_HEAP MiB"
echo "peak growth during one export: csv resident $CSV_RSS MiB, heap $CSV_HEAP MiB, live heap $CSV_LIVE MB; xlsx resident $XLSX_RSS MiB, heap $XLSX_HEAP MiB, live heap $XLSX_LIVE MB"
awk -v fc="$F_CSV" -v fx="$F_XLSX" -v fp="$F_COPY" -v wc="$W_CSV" -v wx="$W_XLSX" -v wp="$W_COPY" -v h="$XLSX_HEAP" -v l="$XLSX_LIVE" 'BEGIN {
	grown = l == "-" ? h : l
	ok = fc / fp <= 1.5 && fx / fp <= 1.5 && wc / wp <= 1.5 && wx / wp <= 1.5 && grown < 16
	printf "bar (csv and xlsx within 1.5x COPY fresh and warm, xlsx live heap growth under 16 MiB): %s\n", ok ? "met" : "MISSED"}'
