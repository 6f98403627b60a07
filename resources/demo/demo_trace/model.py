"""The in-memory span model: OTLP kind and status codes, Span, the span registry, events."""

INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER = 1, 2, 3, 4, 5
UNSET, OK, ERROR = 0, 1, 2


class Span:
    def __init__(self, key, res, scope, parent, name, kind, start, end, a=(), status=UNSET,
                 message="", events=(), links=()):
        self.key, self.res, self.scope, self.parent = key, res, scope, parent
        self.name, self.kind, self.start, self.end = name, kind, start, end
        self.attrs, self.status, self.message = list(a), status, message
        self.events, self.links = list(events), list(links)


SPANS = []


def span(*args, **kw):
    s = Span(*args, **kw)
    SPANS.append(s)
    return s


def event(ms, name, pairs=()):
    return (ms, name, list(pairs))


def log(ms, severity, message, pairs=()):
    numbers = {"DEBUG": 5, "INFO": 9, "WARN": 13, "ERROR": 17}
    return event(ms, "log", [("severity_text", severity), ("severity_number", numbers[severity]),
                             ("message", message)] + list(pairs))


def exception(ms, etype, message, stack):
    return event(ms, "exception", [("exception.type", etype), ("exception.message", message),
                                   ("exception.stacktrace", stack)])
