#!/usr/bin/env bash
# Builds Lectern with its tests and runs every suite, SQLite and PostgreSQL runs alike.
#
#   ./test.sh              everything
#   ./test.sh -R hlc       extra arguments go to ctest (here: only the suites matching "hlc")
#
# Installs what is missing (.ci/install-deps.sh --test), configures and builds the "test" preset
# (build/test), starts a throw-away PostgreSQL cluster (tests/pg-cluster.sh) that is removed again
# however the run ends, and exits with ctest's exit code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

.ci/install-deps.sh --test
cmake --preset test
cmake --build --preset test

cluster_dir=
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    if [[ -n $cluster_dir ]]; then
        tests/pg-cluster.sh stop "$cluster_dir" || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cluster_env=$(tests/pg-cluster.sh start)
eval "$cluster_env"
cluster_dir=$LECTERN_PG_CLUSTER_DIR
export LECTERN_TEST_PG_URL LECTERN_PG_CLUSTER_DIR

# --no-tests=error: a run that found no test at all is a failure, not a success.
status=0
ctest --preset test --no-tests=error "$@" || status=$?
exit "$status"
