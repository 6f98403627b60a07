#!/usr/bin/env python3
"""Writes resources/demo/checkout-incident.json, the trace `make run` opens on first start.

Deterministic: fixed timestamps and ids (span ids are the first 16 hex digits of
sha256("rootline-demo/<key>")), Python 3 standard library only. Running it again must give a
byte-identical file; `--check` compares instead of writing (exit 1 on a difference).

The story (see README.md): at 02:13 UTC `POST /api/checkout` returns 502 after 2.41 s. The loud
errors (502, 504, DEADLINE_EXCEEDED, a PSP timeout) only propagate. The cause is payment 2.14.0,
a canary, whose fraud check now runs `SELECT ... FOR UPDATE` on customer_risk_profiles and waits
~1.95 s on a row lock held by the nightly risk re-score job: a slow postgres span with no error.

Output is spec OTLP/JSON: lowercase hex ids, integer enums, 64-bit values as decimal strings.

This file is the command line; the trace is built by the demo_trace/ package beside it (its
__init__.py lists the modules).
"""

import sys
from pathlib import Path

# Run from a source tree: leave no __pycache__ beside the package.
sys.dont_write_bytecode = True

from demo_trace.key_spans import table  # noqa: E402
from demo_trace.otlp_json import render  # noqa: E402
from demo_trace.story import SPANS  # noqa: E402

OUT = Path(__file__).resolve().parent / "checkout-incident.json"


def main(argv):
    text = render(SPANS)
    if "--table" in argv:
        print(table(SPANS))
        return 0
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.name}: {len(SPANS)} spans, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
