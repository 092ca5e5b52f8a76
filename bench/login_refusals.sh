#!/usr/bin/env bash
# Issue 17: every refused login takes the same time, so timing does not tell which accounts exist.
#
#   bench/login_refusals.sh [PATH/TO/lectern-server]
#
# Starts the server on a fresh data folder with the demo data, makes an account without a
# password, and times ROUNDS logins (default 20) of each kind, each from its own X-Forwarded-For
# address through a trusted proxy (127.0.0.1) so that the sign-in throttle does not step in:
# an unknown email, the account without a password, a wrong password for a real account, and the
# right password. Prints the median and the spread of each, and exits 1 when the median of a
# refusal is more than BUDGET_PCT percent (default 25) away from the wrong-password median.
set -euo pipefail

server=${1:-build/release/server/lectern-server}
rounds=${ROUNDS:-20}
budget_pct=${BUDGET_PCT:-25}
port=${PORT:-18481}
base="http://127.0.0.1:${port}"

[[ -x $server ]] || { echo "no lectern-server at $server (build the release preset first)" >&2; exit 2; }
for tool in curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

work=$(mktemp -d)
pid=
cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    [[ ${KEEP:-0} == 1 ]] && echo "work folder kept: $work" || rm -rf "$work"
}
trap cleanup EXIT

LECTERN_LOG_FORMAT=text LECTERN_TRUSTED_PROXIES=127.0.0.1 \
    "$server" --data-dir "$work/data" --listen "127.0.0.1:${port}" --demo >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    curl -fs "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "$base/healthz" >/dev/null || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 2; }

login() { # email password address -> seconds
    curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base/api/v1/auth/login" \
        -H 'Content-Type: application/json' -H "X-Forwarded-For: $3" \
        -d "{\"email\":\"$1\",\"password\":\"$2\"}"
}

token=$(curl -fs -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"admin@demo.lectern","password":"lectern-demo"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["accessToken"])')
curl -fs -o /dev/null -X POST "$base/api/v1/users" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"email":"nopass@demo.lectern","name":"No Password"}'

for i in $(seq "$rounds"); do
    login "nobody$i@demo.lectern" "wrong-password" "127.60.1.$i" >>"$work/unknown"
    login "nopass@demo.lectern" "wrong-password" "127.60.2.$i" >>"$work/nopass"
    login "student$(( i % 3 + 1 ))@demo.lectern" "wrong-password" "127.60.3.$i" >>"$work/wrong"
    login "student$(( i % 3 + 1 ))@demo.lectern" "lectern-demo" "127.60.4.$i" >>"$work/right"
done

python3 - "$work" "$budget_pct" <<'PY'
import statistics, sys
work, budget = sys.argv[1], float(sys.argv[2])
kinds = [("unknown email", "unknown"), ("no password", "nopass"), ("wrong password", "wrong"),
         ("right password", "right")]
medians = {}
for label, name in kinds:
    times = sorted(float(t) * 1000 for t in open(f"{work}/{name}"))
    medians[name] = statistics.median(times)
    print(f"{label:15} median {medians[name]:7.1f} ms  min {times[0]:7.1f}  max {times[-1]:7.1f}")
ok = True
for name in ("unknown", "nopass"):
    off = abs(medians[name] - medians["wrong"]) / medians["wrong"] * 100
    print(f"{name}: {off:.0f}% from the wrong-password median (budget {budget:.0f}%)")
    ok = ok and off <= budget
sys.exit(0 if ok else 1)
PY
