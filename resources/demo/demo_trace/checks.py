"""Asserts the story is a well-formed trace before anything is written."""

from .ids import span_id
from .model import CONSUMER, PRODUCER
from .services import RESOURCES, SCOPES


def check(spans):
    by_key = {s.key: s for s in spans}
    ids = [span_id(s.key) for s in spans]
    assert len(set(ids)) == len(ids), "duplicate span id"
    assert all(i != "0" * 16 for i in ids)
    roots = [s for s in spans if s.parent is None]
    assert len(roots) == 1, roots
    services = set()
    for s in spans:
        services.add(RESOURCES[s.res][0])
        assert s.scope in SCOPES, s.scope
        assert s.end > s.start, s.key
        for ms, _, _ in s.events:
            assert s.start <= ms <= s.end, (s.key, ms)
        for target, _ in s.links:
            assert target in by_key, (s.key, target)
        if s.parent is None:
            continue
        p = by_key[s.parent]
        if s.kind == CONSUMER:
            assert p.kind == PRODUCER and s.start >= p.end, s.key
            continue
        assert p.start <= s.start and s.end <= p.end, (s.key, s.parent)
    assert 60 <= len(spans) <= 90, len(spans)
    assert 7 <= len(services) <= 9, services
