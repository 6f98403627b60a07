"""The key-span table in README.md (`make_demo.py --table`)."""

from .ids import span_id
from .services import RESOURCES

# The spans README.md talks about, for `make_demo.py --table`.
KEY_SPANS = [
    ("cause", "pay.fraud.lock.1", "waits 1.95 s on a row lock; no error, largest self time"),
    ("cause", "pay.fraud.lock.2", "same lock on the retry; cancelled by the deadline (57014)"),
    ("cause context", "pay.fraud.1", "parent of the lock wait; FOR UPDATE is new in 2.14.0"),
    ("cause context", "pay.fraud.2", "parent of the retry's lock wait"),
    ("propagation", "pay.auth.1", "payment server span, DEADLINE_EXCEEDED"),
    ("propagation", "pay.auth.2", "payment server span of the retry, DEADLINE_EXCEEDED"),
    ("propagation", "co.authorize.1", "loudest error: exception + stack trace, 2 s deadline"),
    ("propagation", "co.authorize.2", "the retry, exception + stack trace, 0.24 s deadline"),
    ("propagation", "co.authorize", "retry wrapper, `retry` event"),
    ("propagation", "co.server", "checkout answers 504"),
    ("propagation", "gw.checkout", "gateway's call gets 504"),
    ("propagation", "gw.server", "gateway answers 502"),
    ("propagation", "fe.gateway", "frontend's call gets 502"),
    ("propagation", "fe.checkout", "root: frontend answers 502 after 2.41 s"),
    ("distractor", "pay.psp.1", "error leaf of attempt 1: the PSP call got the last 22 ms"),
    ("distractor", "reco.features", "unrelated handled 503, recommendations fall back"),
    ("distractor", "email.send", "slowest healthy span (425 ms), async, off the critical path"),
    ("distractor", "ship.carrier", "slowest synchronous healthy external call (49 ms)"),
    ("baseline", "pay.method", "payment 2.13.4 pod in the same trace, healthy"),
]


def table(spans):
    by_key = {s.key: s for s in spans}
    rows = ["| role | span id | service | span name | duration | status | note |",
            "|---|---|---|---|---|---|---|"]
    for role, key, note in KEY_SPANS:
        s = by_key[key]
        svc, ver = RESOURCES[s.res][0], RESOURCES[s.res][1]
        rows.append(f"| {role} | `{span_id(key)}` | {svc} {ver} | `{s.name}` | "
                    f"{s.end - s.start:.3f} ms | {['unset', 'ok', 'error'][s.status]} | {note} |")
    return "\n".join(rows)
