"""Spec OTLP/JSON: lowercase hex ids, integer enums, 64-bit values as decimal strings.

`render(spans)` checks the spans, groups them by resource and scope and returns the file's text.
"""

import json
from collections import OrderedDict

from .checks import check
from .ids import TRACE_ID, ns, span_id
from .model import UNSET
from .services import K8S_COMMON, RESOURCES, SCOPES


def any_value(v):
    if isinstance(v, bool):
        return {"boolValue": v}
    if isinstance(v, int):
        return {"intValue": str(v)}
    if isinstance(v, float):
        return {"doubleValue": v}
    if isinstance(v, (list, tuple)):
        return {"arrayValue": {"values": [any_value(x) for x in v]}}
    return {"stringValue": str(v)}


def attrs(pairs):
    return [{"key": k, "value": any_value(v)} for k, v in pairs]


def build(spans):
    check(spans)
    by_key = {s.key: s for s in spans}
    out = []
    for res_key, (svc, version, pod, node, lang, sdk, extra) in RESOURCES.items():
        resource = [("service.name", svc), ("service.namespace", "shop"),
                    ("service.version", version), ("service.instance.id", pod),
                    ("host.name", node), ("k8s.pod.name", pod)]
        resource += K8S_COMMON + extra
        resource += [("telemetry.sdk.name", "opentelemetry"), ("telemetry.sdk.language", lang),
                     ("telemetry.sdk.version", sdk)]
        scopes = OrderedDict()
        for s in spans:
            if s.res == res_key:
                scopes.setdefault(s.scope, []).append(s)
        scope_spans = []
        for scope_key, members in scopes.items():
            name, ver = SCOPES[scope_key]
            scope = {"name": name}
            if ver:
                scope["version"] = ver
            scope_spans.append({"scope": scope, "spans": [encode(s, by_key) for s in members]})
        out.append({"resource": {"attributes": attrs(resource)},
                    "schemaUrl": "https://opentelemetry.io/schemas/1.29.0",
                    "scopeSpans": scope_spans})
    return {"resourceSpans": out}


def encode(s, by_key):
    parent = by_key.get(s.parent)
    remote_parent = parent is not None and parent.res != s.res
    j = {"traceId": TRACE_ID, "spanId": span_id(s.key)}
    if parent is not None:
        j["parentSpanId"] = span_id(s.parent)
    # W3C sampled, plus HAS_IS_REMOTE (0x100) and IS_REMOTE (0x200) for a remote parent.
    j["flags"] = 0x301 if remote_parent else 0x101
    j["name"] = s.name
    j["kind"] = s.kind
    j["startTimeUnixNano"] = str(ns(s.start))
    j["endTimeUnixNano"] = str(ns(s.end))
    if s.attrs:
        j["attributes"] = attrs(s.attrs)
    if s.events:
        j["events"] = [{"timeUnixNano": str(ns(ms)), "name": name, "attributes": attrs(a)}
                       for ms, name, a in s.events]
    if s.links:
        j["links"] = [{"traceId": TRACE_ID, "spanId": span_id(t), "flags": 0x301,
                       "attributes": attrs(a)} for t, a in s.links]
    status = {}
    if s.message:
        status["message"] = s.message
    if s.status != UNSET:
        status["code"] = s.status
    j["status"] = status
    return j


def render(spans):
    # One span per line: small, and diffs stay readable.
    doc = build(spans)
    lines = ['{"resourceSpans": [']
    for ri, rs in enumerate(doc["resourceSpans"]):
        lines.append(' {"resource": ' + json.dumps(rs["resource"], ensure_ascii=False, separators=(",", ":")) + ',')
        lines.append('  "schemaUrl": ' + json.dumps(rs["schemaUrl"]) + ',')
        lines.append('  "scopeSpans": [')
        for si, ss in enumerate(rs["scopeSpans"]):
            lines.append('   {"scope": ' + json.dumps(ss["scope"]) + ', "spans": [')
            for pi, sp in enumerate(ss["spans"]):
                sep = "," if pi + 1 < len(ss["spans"]) else ""
                lines.append("    " + json.dumps(sp, ensure_ascii=False, separators=(",", ":")) + sep)
            lines.append("   ]}" + ("," if si + 1 < len(rs["scopeSpans"]) else ""))
        lines.append("  ]}" + ("," if ri + 1 < len(doc["resourceSpans"]) else ""))
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == doc
    return text
