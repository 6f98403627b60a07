"""Attribute lists for the semantic conventions the spans use: HTTP, gRPC, postgres, redis, code."""

def http_client(method, url, status, server, port, extra=(), proto=None):
    a = [("http.request.method", method), ("url.full", url), ("server.address", server),
         ("server.port", port)]
    if proto:
        a.append(("network.protocol.version", proto))
    if status is not None:
        a.append(("http.response.status_code", status))
    return a + list(extra)


def http_server(method, route, path, status, server, port, client, extra=(), scheme="http",
                proto=None):
    a = [("http.request.method", method), ("http.route", route), ("url.path", path),
         ("url.scheme", scheme), ("server.address", server), ("server.port", port),
         ("client.address", client)]
    if proto:
        a.append(("network.protocol.version", proto))
    a.append(("http.response.status_code", status))
    return a + list(extra)


def grpc(service, method, code, server=None, port=50051, extra=()):
    a = [("rpc.system", "grpc"), ("rpc.service", service), ("rpc.method", method),
         ("rpc.grpc.status_code", code)]
    if server:
        a += [("server.address", server), ("server.port", port)]
    return a + list(extra)


def pg(namespace, collection, operation, query, server, extra=()):
    a = [("db.system.name", "postgresql"), ("db.system", "postgresql"),
         ("db.namespace", namespace)]
    if collection:
        a.append(("db.collection.name", collection))
    a += [("db.operation.name", operation), ("db.query.text", query),
          ("server.address", server)]  # server.port left out: the default 5432
    return a + list(extra)


def redis(operation, query, server, extra=()):
    return [("db.system.name", "redis"), ("db.operation.name", operation), ("db.query.text", query),
            ("server.address", server)] + list(extra)


def code(function, filepath, lineno, namespace=None):
    a = [("code.function", function)]
    if namespace:
        a.append(("code.namespace", namespace))
    return a + [("code.filepath", filepath), ("code.lineno", lineno)]
