#!/usr/bin/env bash
# Installs the Debian 12 packages Rootline needs to build, test and run, skipping those already
# present. Called by `make run`, `make test` and `make bench`; safe to run again.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # Qt 6 (widgets, charts, translation tools and Qt's own German texts, SVG icons, X11 platform plugin)
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6svg6 qt6-qpa-plugins libgl-dev libqt6opengl6-dev qt6-translations-l10n
  # engine libraries
  libsimdjson-dev nlohmann-json3-dev libcurl4-openssl-dev libsqlite3-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth fonts-dejavu-core
  python3-jsonschema  # tests/tools/validate_tracepacks.py: the tracepack schema check
  desktop-file-utils appstream
)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: this script needs Debian 12 (apt-get and dpkg-query); install these packages yourself:" >&2
  echo "  ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine often has no package lists yet; refresh them once before installing.
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
