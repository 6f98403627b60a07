#!/usr/bin/env bash
# run_under_xvfb.sh PROGRAM [ARGS…]: runs a Qt program on a real X server (Xvfb) with the xcb
# platform. Exit 77 (CTest's skip) only when xvfb-run is not installed.
set -euo pipefail
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (Debian: apt-get install xvfb xauth)"
  exit 77
fi
exec env QT_QPA_PLATFORM=xcb LANGUAGE= LC_ALL=C.UTF-8 \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
