#!/usr/bin/env bash
# Builds Lectern and runs it: the server with a demo organisation and demo courses, and the desktop
# client on it.
#
#   ./run.sh               build, start the server, open the desktop client (server only if headless)
#   ./run.sh --no-client   build and run the server only, in the foreground, until Ctrl-C
#   ./run.sh --build-only  install what is missing and build, then stop
#
# Environment: LECTERN_DATA_DIR (default ./lectern-data), LECTERN_LISTEN (default 127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

client=auto
build_only=false
for arg in "$@"; do
    case $arg in
    --no-client) client=never ;;
    --build-only) build_only=true ;;
    -h | --help)
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "run.sh: unknown option '$arg' (try --help)" >&2
        exit 2
        ;;
    esac
done

.ci/install-deps.sh --runtime
cmake --preset release
cmake --build --preset release

server_bin=build/release/server/lectern-server
client_bin=build/release/client-desktop/lectern-desktop
if [[ ! -x $server_bin ]]; then
    echo "run.sh: the build did not produce $server_bin" >&2
    exit 1
fi
if [[ $build_only == true ]]; then
    echo "run.sh: built $server_bin$([[ -x $client_bin ]] && echo " and $client_bin")."
    exit 0
fi

listen=${LECTERN_LISTEN:-127.0.0.1:8080}
data_dir=${LECTERN_DATA_DIR:-$PWD/lectern-data}
host=${listen%:*}
port=${listen##*:}
if [[ -z $host || $host == "$listen" || ! $port =~ ^[0-9]+$ ]]; then
    echo "run.sh: LECTERN_LISTEN must look like HOST:PORT (got '$listen')" >&2
    exit 2
fi
# Listening on every interface still means this machine answers on the loopback address.
case $host in
0.0.0.0 | "*") connect_host=127.0.0.1 ;;
"[::]" | "::") connect_host="[::1]" ;;
*) connect_host=$host ;;
esac
url="http://$connect_host:$port"

if curl -fsS --max-time 2 "$url/healthz" >/dev/null 2>&1; then
    echo "run.sh: something already answers on $url (another lectern-server?)." >&2
    echo "run.sh: stop it, or pick another address: LECTERN_LISTEN=127.0.0.1:8081 ./run.sh" >&2
    exit 1
fi

mkdir -p "$data_dir"
log=$data_dir/lectern-server.log
: >"$log"

server_pid=
# shellcheck disable=SC2317 # called by the EXIT trap
stop_server() {
    [[ -n $server_pid ]] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        echo "run.sh: stopping the server (pid $server_pid)..."
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "run.sh: the server did not stop within 10 s; killing it." >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "run.sh: starting the server on $listen, data in $data_dir (log: $log)"
"$server_bin" serve --demo --demo-courses --data-dir "$data_dir" --listen "$listen" \
    >>"$log" 2>&1 </dev/null &
server_pid=$!

ready=false
for _ in $(seq 1 60); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        server_status=0
        wait "$server_pid" || server_status=$?
        server_pid=
        echo "run.sh: the server exited (status $server_status) before it was ready. Its log:" >&2
        tail -n 50 "$log" >&2
        exit 1
    fi
    if curl -fsS --max-time 2 "$url/healthz" >/dev/null 2>&1; then
        ready=true
        break
    fi
    sleep 0.5
done
if [[ $ready != true ]]; then
    echo "run.sh: the server did not answer $url/healthz within 30 s. Its log:" >&2
    tail -n 50 "$log" >&2
    exit 1
fi

cat <<EOF

  Lectern is running at $url

  Organisation: Demo Academy (slug "demo")
  Demo logins, all with the password  lectern-demo
    admin@demo.lectern        administrator
    instructor@demo.lectern   instructor
    ta@demo.lectern           teaching assistant
    student1@demo.lectern     student (also student2@, student3@demo.lectern)

  Demo courses, taught by instructor@:
    CHEM-101  Introduction to Chemistry   TA and all three students; module 3 unlocks a week after
                                          the first start
    WRIT-110  Academic Writing            student1 and student2
    DATA-200  Data Analysis with Python   a draft, no students yet

  WARNING: these demo passwords are public. Do not expose a --demo server to a network you do
  not trust; for real use, see docs/operator-guide.md.

  Data: $data_dir    Server log: $log

EOF

if [[ $client != never && (-n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-}) ]]; then
    if [[ -x $client_bin ]]; then
        echo "run.sh: opening the desktop client; closing it stops the server."
        client_status=0
        "$client_bin" --server "$url" || client_status=$?
        exit "$client_status"
    fi
    echo "run.sh: $client_bin was not built; running the server only." >&2
fi

echo "run.sh: no client (no display, or --no-client). The server runs until Ctrl-C; its log follows."
tail -n +1 -f --pid="$server_pid" "$log" &
tail_pid=$!
server_status=0
wait "$server_pid" || server_status=$?
server_pid=
kill "$tail_pid" 2>/dev/null || true
echo "run.sh: the server exited (status $server_status)." >&2
exit "$server_status"
