#!/usr/bin/env bash
# Opens Rootline on a file. Without a display (a server or CI shell), runs it on a virtual X
# display so `make run` still starts the app; stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
app=build/bin/rootline
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" "$@"
fi
echo "run-app: no DISPLAY or WAYLAND_DISPLAY; starting Rootline on a virtual display (xvfb-run)." >&2
echo "run-app: to see it, run 'make run' from a desktop session; to get a picture, use" >&2
echo "         build/bin/rootline FILE --screenshot out.png" >&2
exec xvfb-run -a "$app" "$@"
