#!/usr/bin/env bash
# Builds the Debian packages from a build folder and checks them as an operator installing them on a
# clean Debian 12 would meet them: two packages (server, desktop), each with the dependencies Qt's
# plugins need, the server's system user and service, stripped binaries that run, and no lintian
# errors.
#
#   tests/packaging/check-packages.sh BUILD_DIR
set -euo pipefail

build_dir=$(cd "${1:?usage: check-packages.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
pass() { echo "PASS: $*"; }

cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    echo "FAIL: cpack could not build the packages"
    exit 1
}

server_deb=$(find "$work/out" -maxdepth 1 -name 'lectern-server_*.deb' | head -n 1)
desktop_deb=$(find "$work/out" -maxdepth 1 -name 'lectern-desktop_*.deb' | head -n 1)
[[ -n $server_deb ]] && pass "lectern-server package built ($(basename "$server_deb"))" \
    || fail "no lectern-server_*.deb in: $(ls "$work/out")"
[[ -n $desktop_deb ]] && pass "lectern-desktop package built ($(basename "$desktop_deb"))" \
    || fail "no lectern-desktop_*.deb in: $(ls "$work/out")"
[[ -n $server_deb && -n $desktop_deb ]] || exit 1

field() { dpkg-deb -f "$1" "$2"; }
has_dep() { # package field dependency
    field "$1" "$2" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$3"
}

# Dependencies: Qt loads SQL drivers, SVG and window-system plugins at run time, so
# dpkg-shlibdeps does not see them; a minimal system would start without them.
for dep in libqt6sql6-sqlite adduser libqt6core6; do
    has_dep "$server_deb" Depends "$dep" && pass "lectern-server depends on $dep" \
        || fail "lectern-server does not depend on $dep: $(field "$server_deb" Depends)"
done
has_dep "$server_deb" Depends libqt6sql6-psql \
    && fail "lectern-server must not require the PostgreSQL driver (it is optional)" \
    || pass "the PostgreSQL driver is optional for lectern-server"
for dep in libqt6svg6 libqt6sql6-sqlite libqt6widgets6; do
    has_dep "$desktop_deb" Depends "$dep" && pass "lectern-desktop depends on $dep" \
        || fail "lectern-desktop does not depend on $dep: $(field "$desktop_deb" Depends)"
done
has_dep "$desktop_deb" Recommends qt6-translations-l10n \
    && pass "lectern-desktop recommends Qt's translations (French standard buttons)" \
    || fail "lectern-desktop does not recommend qt6-translations-l10n: $(field "$desktop_deb" Recommends)"
for deb in "$server_deb" "$desktop_deb"; do
    description=$(field "$deb" Description)
    [[ $(wc -l <<<"$description") -ge 3 ]] && pass "$(field "$deb" Package) has an extended description" \
        || fail "$(field "$deb" Package) has no extended description"
done

# Contents.
dpkg-deb -x "$server_deb" "$work/server"
dpkg-deb -x "$desktop_deb" "$work/desktop"
dpkg-deb -e "$server_deb" "$work/server-control"
for path in usr/bin/lectern-server lib/systemd/system/lectern-server.service \
    usr/share/doc/lectern-server/copyright usr/share/doc/lectern-server/changelog.gz \
    usr/share/man/man1/lectern-server.1.gz; do
    [[ -e $work/server/$path ]] && pass "lectern-server installs /$path" || fail "lectern-server lacks /$path"
done
for path in usr/bin/lectern-desktop usr/share/applications/lectern-desktop.desktop \
    usr/share/icons/hicolor/scalable/apps/lectern.svg usr/share/doc/lectern-desktop/copyright; do
    [[ -e $work/desktop/$path ]] && pass "lectern-desktop installs /$path" || fail "lectern-desktop lacks /$path"
done
[[ -e $work/desktop/usr/bin/lectern-server ]] && fail "the desktop package carries the server"
[[ -e $work/server/usr/bin/lectern-desktop ]] && fail "the server package carries the desktop client"

# The service: the user it runs as is created, and it listens on the loopback address by default.
unit=$work/server/lib/systemd/system/lectern-server.service
grep -q '^User=lectern$' "$unit" && grep -q 'adduser --system' "$work/server-control/postinst" \
    && pass "the service's user is created by postinst" \
    || fail "the unit runs as a user that postinst does not create"
grep -q '^ExecStart=.*--listen 127\.0\.0\.1:' "$unit" && pass "the service listens on 127.0.0.1 by default" \
    || fail "the service does not default to the loopback address: $(grep ExecStart= "$unit")"
grep -q '^LimitNOFILE=' "$unit" && pass "the unit raises the open-file limit" || fail "no LimitNOFILE in the unit"
for script in postinst prerm postrm; do
    sh -n "$work/server-control/$script" && pass "$script is valid sh" || fail "$script does not parse"
done

# Stripped binaries that still run.
for bin in "$work/server/usr/bin/lectern-server" "$work/desktop/usr/bin/lectern-desktop"; do
    if readelf -S "$bin" | grep -qE '\.(symtab|debug_info)'; then
        fail "$(basename "$bin") is not stripped"
    else
        pass "$(basename "$bin") is stripped"
    fi
done
version=$("$work/server/usr/bin/lectern-server" --version 2>&1 || true)
[[ $version == "lectern-server "* ]] && pass "the packaged server runs ($version)" \
    || fail "the packaged server does not run: $version"

# Debian's own checker: no errors (warnings such as a missing manual page are reported only).
if command -v lintian >/dev/null 2>&1; then
    for deb in "$server_deb" "$desktop_deb"; do
        report=$(lintian --tag-display-limit 0 "$deb" 2>&1 || true)
        errors=$(grep -c '^E:' <<<"$report" || true)
        warnings=$(grep -c '^W:' <<<"$report" || true)
        if [[ $errors -eq 0 ]]; then
            pass "lintian: $(basename "$deb"): no errors ($warnings warnings)"
        else
            fail "lintian: $(basename "$deb"): $errors errors"
        fi
        [[ -n $report ]] && sed 's/^/    /' <<<"$report"
    done
else
    fail "lintian is not installed (.ci/install-deps.sh --test installs it)"
fi

if [[ $failures -eq 0 ]]; then
    echo "packages: all checks passed"
    exit 0
fi
echo "packages: $failures check(s) failed"
exit 1
