#!/usr/bin/env bash
# Installs the Debian 12 packages Lectern needs, and only those that are missing.
#
#   .ci/install-deps.sh            what building and running needs (same as --runtime)
#   .ci/install-deps.sh --runtime  build tools, Qt 6, libsodium, qtkeychain, curl
#   .ci/install-deps.sh --test     all of the above, plus PostgreSQL, Xvfb and the OpenAPI validator
#   .ci/install-deps.sh --list     print the packages --test would want, install nothing
#
# Runs apt-get only when something is missing, so a second run (or a run as a user without root on
# a machine that already has everything) does nothing.
set -euo pipefail

mode=runtime
for arg in "$@"; do
    case $arg in
    --runtime) mode="runtime" ;;
    --test) mode="test" ;;
    --list) mode="list" ;;
    -h | --help)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "install-deps: unknown option '$arg' (try --help)" >&2
        exit 2
        ;;
    esac
done

build_packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev libqt6svg6 qt6-charts-dev
    libqt6sql6-sqlite libqt6sql6-psql
    qtkeychain-qt6-dev libsodium-dev libgl-dev qt6-qpa-plugins
    # Lets the desktop client open on a Wayland session without XWayland.
    qt6-wayland
    # Qt's own words (the standard buttons' Cancel, Yes, Save) in French and the other languages.
    qt6-translations-l10n
    # Time-zone data: organisation settings are checked against the IANA zones (QTimeZone).
    tzdata
    curl
)
test_packages=(
    postgresql
    xvfb xauth
    # OpenAPI 3.0 validation for tests/server/validate-openapi.sh (pulls in openapi-specification,
    # which holds the official schema, so validation works offline).
    libjson-validator-perl
    # tests/packaging/check-packages.sh: dpkg-shlibdeps for CPack's Debian packages, and lintian.
    dpkg-dev lintian
)

packages=("${build_packages[@]}")
if [[ $mode == test || $mode == list ]]; then
    packages+=("${test_packages[@]}")
fi
if [[ $mode == list ]]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: this script needs a Debian 12 (bookworm) system with dpkg and apt-get." >&2
    echo "install-deps: install these packages (or their equivalents) yourself:" >&2
    printf '  %s\n' "${packages[@]}" >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [[ $status != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages for --$mode are installed."
    exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "install-deps: not running as root and sudo is not available." >&2
        echo "install-deps: as root, run:" >&2
        echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends "${missing[@]}"
echo "install-deps: done."
