"""Builds the demo trace for make_demo.py, one job per module.

    ids.py        trace id, root start time, span ids, the ms -> ns clock
    model.py      OTLP kind/status codes, Span, the span registry, events and logs
    semconv.py    semantic-convention attribute lists (HTTP, gRPC, postgres, redis, code)
    services.py   instrumentation scopes, resources (services, pods, nodes, SDKs), endpoints
    story/        the incident itself, span by span, in output order
    checks.py     the trace's invariants, asserted before anything is written
    otlp_json.py  spec OTLP/JSON, one span per line
    key_spans.py  the key-span table in README.md
"""
