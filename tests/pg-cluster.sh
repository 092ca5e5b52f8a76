#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the ".postgresql" test runs.
#
#   eval "$(tests/pg-cluster.sh start)"   makes and starts a cluster in a new temporary folder, on a
#                                         free port of 127.0.0.1, and prints the two exports below
#   tests/pg-cluster.sh env [DIR]          prints the exports again for a running cluster
#   tests/pg-cluster.sh stop [DIR]         stops the cluster and deletes its folder
#
#   export LECTERN_TEST_PG_URL=postgresql://lectern@127.0.0.1:PORT/postgres
#   export LECTERN_PG_CLUSTER_DIR=/tmp/lectern-pg.XXXXXX
#
# DIR defaults to $LECTERN_PG_CLUSTER_DIR. The cluster trusts every local connection (user "lectern",
# a superuser) and runs with fsync off: it is for test data only. It does not use or touch the
# cluster the Debian postgresql package may have set up (port 5432). PostgreSQL refuses to run as
# root, so as root the cluster runs as the "postgres" system user that the package creates.
# Only the export lines go to standard output; progress and errors go to standard error.
set -euo pipefail

marker=.lectern-pg-cluster

die() {
    echo "pg-cluster: $*" >&2
    exit 1
}

pg_bin_dir() {
    if [[ -n ${LECTERN_PG_BIN:-} ]]; then
        echo "$LECTERN_PG_BIN"
    elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    else
        # Debian keeps the server programs out of PATH, one folder per major version: take the newest.
        local dir
        dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null \
            | sort -V | tail -n 1)
        [[ -n $dir && -x $dir/initdb ]] \
            || die "initdb not found; install PostgreSQL with: .ci/install-deps.sh --test"
        echo "$dir"
    fi
}

# The command prefix that runs a program as the cluster's owner.
as_owner() {
    local owner=$1
    shift
    if [[ $(id -un) == "$owner" ]]; then
        "$@"
    else
        runuser -u "$owner" -- "$@"
    fi
}

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
        return
    fi
    # No python: pick a random high port that nothing answers on. start() retries if it was taken.
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "could not find a free TCP port"
}

print_env() {
    local dir=$1 port
    port=$(cat "$dir/port")
    echo "export LECTERN_TEST_PG_URL=postgresql://lectern@127.0.0.1:$port/postgres"
    echo "export LECTERN_PG_CLUSTER_DIR=$dir"
}

cluster_dir() {
    local dir=${1:-${LECTERN_PG_CLUSTER_DIR:-}}
    [[ -n $dir ]] || die "no cluster folder given and LECTERN_PG_CLUSTER_DIR is not set"
    [[ -f $dir/$marker ]] || die "'$dir' is not a cluster made by $0"
    echo "$dir"
}

start() {
    local bin owner dir
    bin=$(pg_bin_dir)
    if [[ $(id -u) -eq 0 ]]; then
        id -u postgres >/dev/null 2>&1 \
            || die "running as root, but there is no 'postgres' user to run PostgreSQL as (install the postgresql package)"
        owner=postgres
        # The owner must be able to reach the folder: a private TMPDIR (e.g. under /root) will not do.
        dir=$(mktemp -d /tmp/lectern-pg.XXXXXX)
        chown postgres: "$dir"
    else
        owner=$(id -un)
        dir=$(mktemp -d "${TMPDIR:-/tmp}/lectern-pg.XXXXXX")
    fi
    chmod 700 "$dir"
    touch "$dir/$marker"
    # Interrupted half-way (Ctrl-C, a killed CI job): leave nothing running or lying around.
    trap 'as_owner "$owner" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; exit 130' INT TERM

    # Run from inside the folder: the owner may not be allowed into the caller's working directory.
    cd "$dir"
    if ! as_owner "$owner" "$bin/initdb" -D "$dir/data" -A trust -U lectern --encoding=UTF8 \
        --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        die "initdb failed"
    fi

    local port started=false
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$owner" "$bin/pg_ctl" -w -t 60 -D "$dir/data" -l "$dir/server.log" \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >"$dir/pg_ctl.log" 2>&1; then
            started=true
            break
        fi
        # Most likely another process took the port between choosing and binding it: try another.
        as_owner "$owner" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    done
    if [[ $started != true ]]; then
        cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
        rm -rf "$dir"
        die "the server did not start"
    fi
    echo "$port" >"$dir/port"
    trap - INT TERM
    echo "pg-cluster: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') running on 127.0.0.1:$port, folder $dir" >&2
    print_env "$dir"
}

stop() {
    local dir bin owner
    dir=$(cluster_dir "${1:-}")
    bin=$(pg_bin_dir)
    owner=$(stat -c %U "$dir")
    if [[ -f $dir/data/postmaster.pid ]]; then
        (cd "$dir" && as_owner "$owner" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null) \
            || (cd "$dir" && as_owner "$owner" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1) \
            || true
    fi
    rm -rf "$dir"
    echo "pg-cluster: stopped and removed $dir" >&2
}

env_of() {
    local dir bin owner
    dir=$(cluster_dir "${1:-}")
    bin=$(pg_bin_dir)
    owner=$(stat -c %U "$dir")
    (cd "$dir" && as_owner "$owner" "$bin/pg_ctl" -D "$dir/data" status >/dev/null) \
        || die "the cluster in $dir is not running"
    print_env "$dir"
}

case ${1:-} in
start) start ;;
stop) stop "${2:-}" ;;
env) env_of "${2:-}" ;;
*)
    echo "usage: $0 start | env [DIR] | stop [DIR]" >&2
    exit 2
    ;;
esac
