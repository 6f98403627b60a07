#!/usr/bin/env bash
# Installs the build into an empty PREFIX and checks what a distribution package would ship:
# both binaries, the .desktop entry, the AppStream metainfo, the icon and the demo trace.
# desktop-file-validate and appstreamcli run when installed (package desktop-file-utils and
# appstream; `make test` installs them) and are skipped with a message otherwise.
#
# usage: check_install.sh CMAKE BUILD_DIR PREFIX VERSION
set -uo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: $0 CMAKE BUILD_DIR PREFIX VERSION" >&2
  exit 2
fi
cmake=$1 build=$2 prefix=$3 version=$4
app_id=io.rootline.Rootline
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
ok() { echo "ok:   $*"; }

# Start from nothing, so a file left by an earlier run cannot hide a missing install rule.
rm -rf "$prefix"
if ! "$cmake" --install "$build" --prefix "$prefix"; then
  echo "FAIL: cmake --install $build --prefix $prefix failed" >&2
  exit 1
fi

datadir=$prefix/share
desktop=$datadir/applications/$app_id.desktop
metainfo=$datadir/metainfo/$app_id.metainfo.xml
icon=$datadir/icons/hicolor/scalable/apps/$app_id.svg
demo=$datadir/rootline/demo/checkout-incident.json

for bin in rootline rootline-cli; do
  if [ -x "$prefix/bin/$bin" ] && [ -f "$prefix/bin/$bin" ]; then
    ok "bin/$bin"
  else
    fail "bin/$bin is missing or not executable (is its install(TARGETS) rule in place?)"
  fi
done
for f in "$desktop" "$metainfo" "$icon" "$demo"; do
  if [ -s "$f" ]; then ok "${f#"$prefix"/}"; else fail "${f#"$prefix"/} is missing or empty"; fi
done

# The pieces must agree with each other: Exec and Icon in the .desktop file, the launchable
# and the current version in the metainfo, an SVG that needs nothing outside itself.
if [ -f "$desktop" ]; then
  grep -qx 'Exec=rootline %F' "$desktop" || fail "$app_id.desktop: Exec is not 'rootline %F'"
  grep -qx "Icon=$app_id" "$desktop" || fail "$app_id.desktop: Icon is not '$app_id'"
fi
if [ -f "$metainfo" ]; then
  grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo: id is not $app_id"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "metainfo: launchable is not $app_id.desktop"
  grep -q "<release version=\"$version\"" "$metainfo" ||
    fail "metainfo: no <release version=\"$version\"> (add the release when bumping the version)"
fi
if [ -f "$icon" ]; then
  grep -q '<svg' "$icon" || fail "icon: not an SVG"
  if grep -Eq '(xlink:)?href="(https?:|file:|/)' "$icon"; then
    fail "icon: refers to an external resource"
  fi
fi

# The installed CLI runs on its own and reads the installed demo: 1 trace, 1 root, no orphans,
# no warnings.
if [ -x "$prefix/bin/rootline-cli" ] && [ -s "$demo" ]; then
  if summary=$("$prefix/bin/rootline-cli" inspect --json "$demo" 2>&1); then
    for expect in '"trace_count": 1' '"orphan_count": 0' '"warning_count": 0'; do
      grep -qF "$expect" <<<"$summary" || fail "rootline-cli inspect demo: expected $expect"
    done
    roots=$(grep -c '"orphan": false' <<<"$summary")
    [ "$roots" -eq 1 ] || fail "rootline-cli inspect demo: expected 1 root, got $roots"
    ok "installed rootline-cli loads the installed demo"
  else
    fail "installed rootline-cli failed on the demo: $summary"
  fi
fi

if command -v desktop-file-validate >/dev/null 2>&1; then
  if [ -f "$desktop" ] && out=$(desktop-file-validate "$desktop" 2>&1); then
    [ -n "$out" ] && echo "$out"
    ok "desktop-file-validate"
  else
    echo "$out" >&2
    fail "desktop-file-validate $app_id.desktop"
  fi
else
  echo "skip: desktop-file-validate not found (apt-get install desktop-file-utils)"
fi

if command -v appstreamcli >/dev/null 2>&1; then
  if [ -f "$metainfo" ] && out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    ok "appstreamcli validate --no-net"
  else
    echo "$out" >&2
    fail "appstreamcli validate --no-net $app_id.metainfo.xml"
  fi
else
  echo "skip: appstreamcli not found (apt-get install appstream)"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures packaging check(s) failed" >&2
  exit 1
fi
echo "packaging: all checks passed"
