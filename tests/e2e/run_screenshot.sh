#!/usr/bin/env bash
# run_screenshot.sh ROOTLINE PNG_CHECK OUT.png EXPECTED_STDOUT_REGEX LANGUAGE INPUT [png_check options]
# Runs the real app under Xvfb with --screenshot, checks what it printed, then the picture.
set -euo pipefail
app=$1 checker=$2 out=$3 expect=$4 language=$5 input=$6
shift 6

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (Debian: apt-get install xvfb xauth)"
  exit 77
fi

rm -f "$out"
# xcb, not offscreen: this is the test that a real window comes up on a real X server.
set +e
stdout=$(env QT_QPA_PLATFORM=xcb LANGUAGE="$language" LC_ALL=C.UTF-8 \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$input" --screenshot "$out")
rc=$?
set -e
echo "$stdout"
if [ "$rc" -ne 0 ]; then
  echo "FAIL: rootline exited with $rc" >&2
  exit 1
fi
if ! grep -Eq -- "$expect" <<<"$stdout"; then
  echo "FAIL: expected output matching: $expect" >&2
  exit 1
fi
"$checker" "$out" --min-size 1000x600 "$@"
