#!/usr/bin/env bash
# Issue 3 budget: with 1,000 courses, 20,000 users and one course of 50 modules x 10 items on the
# embedded SQLite default, GET /api/v1/courses?limit=20 and GET /api/v1/courses/:id (with its
# outline) each sustain 10,000 requests/s at 64 connections with p99 under 10 ms.
#
#   bench/course_reads.sh [BUILD_DIR]     (default build/bench; needs the bench preset built)
#
# Seeds a fresh data folder with lectern-bench-seed, starts lectern-server, and runs wrk for each
# endpoint as an admin (sees all 1,000 courses) and as an enrolled student (sees 20).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build/bench}
port=${PORT:-18500}
duration=${DURATION:-10s}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "course_reads: install wrk (apt-get install wrk)" >&2; exit 2; }

seed=$("$build/bench/lectern-bench-seed" --data-dir "$work/data" 2>/dev/null)
big=$(sed -n 's/^bigCourse=//p' <<<"$seed")
echo "$seed" | head -1
"$build/server/lectern-server" --data-dir "$work/data" --listen "127.0.0.1:$port" \
    >"$work/out.log" 2>"$work/server.log" &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

token() {
    curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"lectern-demo\"}" |
        python3 -c 'import sys,json;print(json.load(sys.stdin)["data"]["accessToken"])'
}
admin=$(token admin@demo.lectern)
student=$(token bench0@demo.lectern)

run() {
    echo "== $1"
    wrk -t2 -c64 -d"$duration" --latency -H "Authorization: Bearer $2" "$3" |
        grep -E 'Requests/sec|  50%|  99%|Non-2xx|Socket errors'
}
run "course list, admin" "$admin" "http://127.0.0.1:$port/api/v1/courses?limit=20"
run "course list, student" "$student" "http://127.0.0.1:$port/api/v1/courses?limit=20"
run "course with outline (500 items), student" "$student" "http://127.0.0.1:$port/api/v1/courses/$big"
echo "server resident memory: $(ps -o rss= -p "$server") KiB"
