"""Trace id, the root span's start time, span ids and the millisecond -> nanosecond clock."""

import hashlib
from datetime import datetime, timezone

TRACE_ID = "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40"
# 2026-11-19 02:13:07.418512 UTC: the start of the root span.
T0_NS = int(datetime(2026, 11, 19, 2, 13, 7, tzinfo=timezone.utc).timestamp()) * 10**9 + 418_512_000


def span_id(key):
    return hashlib.sha256(("rootline-demo/" + key).encode()).hexdigest()[:16]


def ns(ms):
    """Milliseconds after the root span's start (microsecond precision) -> absolute ns."""
    return T0_NS + round(ms * 1000) * 1000
