#!/usr/bin/env bash
# Issue 3 number: uploading then downloading a 100 MiB file keeps lectern-server's resident memory
# under 64 MiB. Starts a (Release) lectern-server on a fresh data folder with the demo data, logs
# in, uploads a 100 MiB file with curl, downloads it again, checks the bytes, and samples the
# server's VmRSS from /proc while doing so; VmHWM (the kernel's own peak) is reset after the login
# and read at the end. Prints both peaks and exits 1 when either is over the budget.
#
#   bench/upload_memory.sh [PATH/TO/lectern-server]
#
# Environment: SIZE_MIB (100), BUDGET_MIB (64), PORT (18480), KEEP=1 keeps the work folder.
set -euo pipefail

server=${1:-build/release/server/lectern-server}
size_mib=${SIZE_MIB:-100}
budget_mib=${BUDGET_MIB:-64}
port=${PORT:-18480}
base="http://127.0.0.1:${port}"

[[ -x $server ]] || { echo "no lectern-server at $server (build the release preset first)" >&2; exit 2; }
for tool in curl python3 sha256sum; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

work=$(mktemp -d)
pid=
sampler=
cleanup() {
    [[ -n $sampler ]] && kill "$sampler" 2>/dev/null || true
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    [[ ${KEEP:-0} == 1 ]] && echo "work folder kept: $work" || rm -rf "$work"
}
trap cleanup EXIT

LECTERN_LOG_FORMAT=text LECTERN_MAX_UPLOAD_SIZE=200m \
    "$server" --data-dir "$work/data" --listen "127.0.0.1:${port}" --demo >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    curl -fs "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "$base/healthz" >/dev/null || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 2; }

token=$(curl -fs -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"instructor@demo.lectern","password":"lectern-demo"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["accessToken"])')

# A PDF header and random bytes: recognised as application/pdf, and incompressible.
file="$work/upload.pdf"
printf '%%PDF-1.4\n' >"$file"
head -c $((size_mib * 1024 * 1024 - 9)) /dev/urandom >>"$file"

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$pid/status"; }
echo "server pid $pid: VmRSS $(rss_kib) KiB, VmHWM since start $(hwm_kib) KiB (includes the argon2id login hash, 64 MiB by design)"
# Peak from here on only: the transfer's, not start-up's or the login's.
echo 5 >"/proc/$pid/clear_refs"
echo "after reset: VmHWM $(hwm_kib) KiB"

( peak=0
  while kill -0 "$pid" 2>/dev/null; do
      r=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      (( r > peak )) && { peak=$r; echo "$peak" >"$work/peak"; }
      sleep 0.01
  done ) &
sampler=$!

start=$(date +%s.%N)
answer=$(curl -fsS -X POST -T "$file" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/pdf' "$base/api/v1/files/upload?name=bench.pdf")
mid=$(date +%s.%N)
id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["data"]["id"])' "$answer")
curl -fsS -o "$work/download.pdf" -H "Authorization: Bearer $token" "$base/api/v1/files/$id/download"
end=$(date +%s.%N)
sleep 0.1

[[ $(sha256sum <"$file") == $(sha256sum <"$work/download.pdf") ]] || { echo "downloaded bytes differ" >&2; exit 1; }
sampled=$(cat "$work/peak")
hwm=$(hwm_kib)
python3 - "$size_mib" "$start" "$mid" "$end" "$sampled" "$hwm" "$budget_mib" <<'PY'
import sys
size, start, mid, end, sampled, hwm, budget = sys.argv[1:]
size = int(size); start, mid, end = float(start), float(mid), float(end)
print(f"upload   {size} MiB in {mid - start:.2f} s ({size / (mid - start):.0f} MiB/s)")
print(f"download {size} MiB in {end - mid:.2f} s ({size / (end - mid):.0f} MiB/s)")
print(f"peak VmRSS sampled during the transfer: {int(sampled) / 1024:.1f} MiB")
print(f"peak VmHWM during the transfer:         {int(hwm) / 1024:.1f} MiB (budget {budget} MiB)")
sys.exit(0 if max(int(sampled), int(hwm)) < int(budget) * 1024 else 1)
PY
