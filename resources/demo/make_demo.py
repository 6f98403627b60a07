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
"""

import hashlib
import json
import sys
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent / "checkout-incident.json"

TRACE_ID = "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40"
# 2026-11-19 02:13:07.418512 UTC: the start of the root span.
T0_NS = int(datetime(2026, 11, 19, 2, 13, 7, tzinfo=timezone.utc).timestamp()) * 10**9 + 418_512_000

INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER = 1, 2, 3, 4, 5
UNSET, OK, ERROR = 0, 1, 2

# Scope names and versions, by short key.
SCOPES = {
    "node-http": ("@opentelemetry/instrumentation-http", "0.57.1"),
    "node-ioredis": ("@opentelemetry/instrumentation-ioredis", "0.47.0"),
    "node-app": ("web-frontend", "4.31.2"),
    "go-http": ("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.58.0"),
    "go-redis": ("github.com/redis/go-redis/extra/redisotel", "9.7.0"),
    "go-app": ("github.com/shop/api-gateway", ""),
    "java-spring": ("io.opentelemetry.spring-webmvc-6.0", "2.10.0-alpha"),
    "java-grpc": ("io.opentelemetry.grpc-1.6", "2.10.0-alpha"),
    "java-jdbc": ("io.opentelemetry.jdbc", "2.10.0-alpha"),
    "java-lettuce": ("io.opentelemetry.lettuce-5.1", "2.10.0-alpha"),
    "java-kafka": ("io.opentelemetry.kafka-clients-2.6", "2.10.0-alpha"),
    "java-httpclient": ("io.opentelemetry.java-http-client", "2.10.0-alpha"),
    "java-app": ("io.opentelemetry.opentelemetry-instrumentation-annotations-1.16", "2.10.0-alpha"),
    "dotnet-grpc": ("OpenTelemetry.Instrumentation.AspNetCore", "1.10.1"),
    "dotnet-npgsql": ("Npgsql", "9.0.2"),
    "dotnet-redis": ("OpenTelemetry.Instrumentation.StackExchangeRedis", "1.10.0-beta.1"),
    "dotnet-app": ("Shop.Cart", "2.2.1"),
    "py-fastapi": ("opentelemetry.instrumentation.fastapi", "0.50b0"),
    "py-httpx": ("opentelemetry.instrumentation.httpx", "0.50b0"),
    "py-redis": ("opentelemetry.instrumentation.redis", "0.50b0"),
    "py-psycopg": ("opentelemetry.instrumentation.psycopg", "0.50b0"),
    "py-app": ("app", ""),
    "rb-kafka": ("OpenTelemetry::Instrumentation::RdKafka", "0.4.8"),
    "rb-net-http": ("OpenTelemetry::Instrumentation::Net::HTTP", "0.22.8"),
    "rb-pg": ("OpenTelemetry::Instrumentation::PG", "0.29.1"),
    "rb-app": ("email-sender", "1.4.2"),
}

K8S_COMMON = [
    ("deployment.environment.name", "production"),
    ("cloud.region", "eu-west-1"),
    ("k8s.namespace.name", "shop"),
]

# Resource key -> (service.name, service.version, pod, node, sdk language, sdk version, extra)
NODE_A = "ip-10-42-3-17.eu-west-1.compute.internal"
NODE_B = "ip-10-42-5-88.eu-west-1.compute.internal"
NODE_C = "ip-10-42-6-203.eu-west-1.compute.internal"
NODE_D = "ip-10-42-7-31.eu-west-1.compute.internal"
JDK = [("process.runtime.version", "21.0.5+11-LTS")]
RESOURCES = OrderedDict([
    ("web-frontend", ("web-frontend", "4.31.2", "web-frontend-5c8d7b9f6-7kq2n", NODE_A,
                      "nodejs", "1.30.1", [("process.runtime.version", "22.11.0")])),
    ("api-gateway", ("api-gateway", "1.9.3", "api-gateway-6f4b8c7d5-m9xtr", NODE_A,
                     "go", "1.33.0", [("process.runtime.version", "go1.23.4")])),
    ("checkout", ("checkout", "3.7.0", "checkout-7b6c5d8f9-qw8zp", NODE_B, "java", "1.45.0", JDK)),
    ("cart", ("cart", "2.2.1", "cart-5d9f7c6b8-h2lvd", NODE_B,
              "dotnet", "1.10.0", [("process.runtime.version", "8.0.11")])),
    ("inventory", ("inventory", "5.0.8", "inventory-8c7f6d5b4-t6gnw", NODE_C, "java", "1.45.0",
                   JDK)),
    ("payment-stable", ("payment", "2.13.4", "payment-6c5b7d9f4-hq2mz", NODE_C, "java", "1.45.0",
                        JDK + [("k8s.deployment.name", "payment")])),
    ("payment-canary", ("payment", "2.14.0", "payment-canary-7f8d9c5b6-r8kwn", NODE_D, "java",
                        "1.45.0", JDK + [("k8s.deployment.name", "payment-canary")])),
    ("shipping", ("shipping", "1.12.0", "shipping-64d8b7c9f-zr5kc", NODE_D,
                  "python", "1.29.0", [("process.runtime.version", "3.12.8")])),
    ("recommendations", ("recommendations", "0.48.1", "recommendations-9b7d6c5f8-p4wqs", NODE_A,
                         "python", "1.29.0", [("process.runtime.version", "3.12.8")])),
    ("email", ("email", "1.4.2", "email-5f6c8d7b9-xk3mj", NODE_B,
               "ruby", "1.4.0", [("process.runtime.version", "3.3.6")])),
])

# Endpoints the spans talk to.
PG_CARTS = "pg-carts.shop.svc.cluster.local"
PG_INVENTORY = "pg-inventory.shop.svc.cluster.local"
PG_ORDERS = "pg-orders.shop.svc.cluster.local"
PG_PAYMENTS = "pg-payments.shop.svc.cluster.local"
PG_CATALOG = "pg-catalog-ro.shop.svc.cluster.local"
PG_EMAIL = "pg-email.shop.svc.cluster.local"
REDIS_SESSIONS = "redis-sessions.shop.svc.cluster.local"
REDIS_CACHE = "redis-cache.shop.svc.cluster.local"
KAFKA = "kafka-0.kafka-headless.shop.svc.cluster.local"

CUSTOMER = "cust_4821973"
ORDER = "ord_01JD7Q8K3M5XW2R9T6V4B8N1CF"
CART = "crt_7Hq2ZpL9"
RESERVATION = "rsv_9d41c7e2"


def span_id(key):
    return hashlib.sha256(("rootline-demo/" + key).encode()).hexdigest()[:16]


def ns(ms):
    """Milliseconds after the root span's start (microsecond precision) -> absolute ns."""
    return T0_NS + round(ms * 1000) * 1000


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


# --- web-frontend (Node.js BFF) ---------------------------------------------------------------

span("fe.checkout", "web-frontend", "node-http", None, "POST /api/checkout", SERVER, 0.0, 2412.318,
     http_server("POST", "/api/checkout", "/api/checkout", 502, "shop.example.com", 443,
                 "203.0.113.54",
                 [("user_agent.original", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) "
                   "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"),
                  ("http.request.body.size", 412), ("http.response.body.size", 96)],
                 scheme="https", proto="2"),
     status=ERROR,
     events=[log(2410.950, "ERROR", "checkout failed: api-gateway answered 502",
                 [("order.id", ORDER), ("upstream.status", 502)])])

span("fe.session", "web-frontend", "node-app", "fe.checkout", "session.load", INTERNAL, 0.412, 3.905,
     code("loadSession", "src/server/session.ts", 42))
span("fe.session.redis", "web-frontend", "node-ioredis", "fe.session", "GET", CLIENT, 0.690, 3.512,
     redis("GET", "GET sess:?", REDIS_SESSIONS))

span("fe.reco", "web-frontend", "node-http", "fe.checkout", "GET", CLIENT, 4.811, 96.204,
     http_client("GET", "http://recommendations.shop.svc.cluster.local:8080/v1/recommendations"
                 "?context=checkout&limit=4", 200, "recommendations.shop.svc.cluster.local", 8080))

span("fe.gateway", "web-frontend", "node-http", "fe.checkout", "POST", CLIENT, 5.204, 2409.877,
     http_client("POST", "http://api-gateway.shop.svc.cluster.local:8080/api/checkout", 502,
                 "api-gateway.shop.svc.cluster.local", 8080, [("error.type", "502")]),
     status=ERROR)

span("fe.error_page", "web-frontend", "node-app", "fe.checkout", "render checkout-error", INTERNAL,
     2410.102, 2411.874, code("renderCheckoutError", "src/server/pages/checkout.tsx", 188))

# --- recommendations (Python), a healthy side call with one handled error ---------------------

span("reco.server", "recommendations", "py-fastapi", "fe.reco", "GET /v1/recommendations", SERVER,
     6.102, 95.377,
     http_server("GET", "/v1/recommendations", "/v1/recommendations", 200,
                 "recommendations.shop.svc.cluster.local", 8080, "10.42.3.22",
                 [("url.query", "context=checkout&limit=4")]),
     events=[event(59.214, "feature store unavailable, serving popular items",
                   [("level", "WARNING"), ("logger.name", "recommendations.features"),
                    ("fallback", "popular_by_category")])])
span("reco.redis", "recommendations", "py-redis", "reco.server", "GET", CLIENT, 6.904, 8.117,
     redis("GET", "GET reco:user:?", REDIS_CACHE, [("app.cache.hit", False)]))
span("reco.features", "recommendations", "py-httpx", "reco.server", "POST", CLIENT, 8.611, 58.902,
     http_client("POST", "http://feature-store.ml.svc.cluster.local:8500/v1/features:batchGet", 503,
                 "feature-store.ml.svc.cluster.local", 8500, [("error.type", "503")]),
     status=ERROR)
span("reco.popular", "recommendations", "py-psycopg", "reco.server", "SELECT product_popularity",
     CLIENT, 59.733, 84.208,
     pg("catalog", "product_popularity", "SELECT",
        "SELECT product_id, score FROM product_popularity WHERE category_id = ANY(%s) "
        "ORDER BY score DESC LIMIT %s", PG_CATALOG))
span("reco.rank", "recommendations", "py-app", "reco.server", "rank_candidates", INTERNAL,
     84.611, 94.802,
     [("code.function.name", "recommendations.ranking.rank_candidates"),
      ("code.file.path", "/app/recommendations/ranking.py"), ("code.line.number", 118),
      ("app.candidates", 24), ("app.returned", 4)])

# --- api-gateway (Go) -------------------------------------------------------------------------

span("gw.server", "api-gateway", "go-http", "fe.gateway", "POST /api/checkout", SERVER, 6.015,
     2408.962,
     http_server("POST", "/api/checkout", "/api/checkout", 502,
                 "api-gateway.shop.svc.cluster.local", 8080, "10.42.3.41",
                 [("enduser.id", CUSTOMER)]),
     status=ERROR,
     events=[log(2408.510, "ERROR", "upstream checkout returned 504, answering 502",
                 [("upstream", "checkout"), ("upstream.status", 504)])])
span("gw.auth", "api-gateway", "go-app", "gw.server", "auth.verify_jwt", INTERNAL, 6.402, 8.215,
     code("github.com/shop/api-gateway/internal/auth.(*Verifier).Verify",
          "/src/internal/auth/jwt.go", 87) + [("enduser.id", CUSTOMER)])
span("gw.ratelimit", "api-gateway", "go-redis", "gw.server", "evalsha", CLIENT, 8.503, 9.911,
     redis("evalsha", "evalsha ? 1 ? ? ?", REDIS_CACHE))
span("gw.checkout", "api-gateway", "go-http", "gw.server", "POST", CLIENT, 10.297, 2407.804,
     http_client("POST", "http://checkout.shop.svc.cluster.local:8080/v1/checkout", 504,
                 "checkout.shop.svc.cluster.local", 8080, [("error.type", "504")]),
     status=ERROR)

# --- checkout (Java / Spring) -----------------------------------------------------------------

span("co.server", "checkout", "java-spring", "gw.checkout", "POST /v1/checkout", SERVER, 11.204,
     2406.113,
     http_server("POST", "/v1/checkout", "/v1/checkout", 504, "checkout.shop.svc.cluster.local",
                 8080, "10.42.3.41", [("enduser.id", CUSTOMER), ("app.order.id", ORDER)]),
     status=ERROR,
     events=[log(2405.702, "ERROR", "checkout failed: payment authorization did not complete",
                 [("order.id", ORDER), ("payment.attempts", 2), ("grpc.status", "DEADLINE_EXCEEDED"),
                  ("logger.name", "com.shop.checkout.CheckoutService")])])
span("co.idempotency", "checkout", "java-lettuce", "co.server", "SET", CLIENT, 11.602, 12.118,
     redis("SET", "SET idem:checkout:? ? NX EX ?", REDIS_CACHE))

span("co.cart", "checkout", "java-grpc", "co.server", "cart.v1.CartService/GetCart", CLIENT,
     12.402, 38.716, grpc("cart.v1.CartService", "GetCart", 0, "cart.shop.svc.cluster.local"))
span("cart.server", "cart", "dotnet-grpc", "co.cart", "cart.v1.CartService/GetCart", SERVER,
     13.611, 37.502, grpc("cart.v1.CartService", "GetCart", 0, "cart.shop.svc.cluster.local",
                          extra=[("app.cart.id", CART)]))
span("cart.cache", "cart", "dotnet-redis", "cart.server", "HGETALL", CLIENT, 14.108, 15.902,
     redis("HGETALL", "HGETALL cart:?", REDIS_CACHE, [("app.cache.hit", False)]))
span("cart.items", "cart", "dotnet-npgsql", "cart.server", "SELECT cart_items", CLIENT, 16.403,
     31.811,
     pg("carts", "cart_items", "SELECT",
        "SELECT ci.sku, ci.quantity, p.unit_price_cents FROM cart_items ci JOIN prices p "
        "ON p.sku = ci.sku WHERE ci.cart_id = $1", PG_CARTS, [("db.response.returned_rows", 3)]))
span("cart.cache.fill", "cart", "dotnet-redis", "cart.server", "HSET", CLIENT, 32.305, 33.617,
     redis("HSET", "HSET cart:? ? ? ? ? ? ?", REDIS_CACHE))
span("cart.totals", "cart", "dotnet-app", "cart.server", "CartTotals.Compute", INTERNAL, 34.012,
     36.934,
     code("Compute", "/src/Shop.Cart/Pricing/CartTotals.cs", 54, "Shop.Cart.Pricing.CartTotals")
     + [("app.cart.total_cents", 18_497), ("app.cart.currency", "EUR")])

span("co.validate", "checkout", "java-app", "co.server", "OrderValidator.validate", INTERNAL,
     39.018, 41.233,
     code("validate", "OrderValidator.java", 77, "com.shop.checkout.order.OrderValidator"))

# Inventory reservation and shipping quote run in parallel.
span("co.inventory", "checkout", "java-grpc", "co.server",
     "inventory.v1.InventoryService/ReserveItems", CLIENT, 41.806, 121.611,
     grpc("inventory.v1.InventoryService", "ReserveItems", 0, "inventory.shop.svc.cluster.local"))
span("inv.server", "inventory", "java-grpc", "co.inventory",
     "inventory.v1.InventoryService/ReserveItems", SERVER, 43.004, 120.317,
     grpc("inventory.v1.InventoryService", "ReserveItems", 0, "inventory.shop.svc.cluster.local"))
span("inv.reserve", "inventory", "java-app", "inv.server", "ReservationService.reserve", INTERNAL,
     43.612, 119.205,
     code("reserve", "ReservationService.java", 131, "com.shop.inventory.ReservationService")
     + [("app.reservation.id", RESERVATION), ("app.items", 3)])
span("inv.stock", "inventory", "java-jdbc", "inv.reserve", "SELECT stock_levels", CLIENT, 44.107,
     57.912,
     pg("inventory", "stock_levels", "SELECT",
        "SELECT sku, warehouse_id, available FROM stock_levels WHERE sku IN (?, ?, ?) "
        "AND region = ?", PG_INVENTORY))
for i, (a, b) in enumerate([(58.603, 67.218), (67.804, 75.907), (76.402, 86.011)]):
    span(f"inv.decrement.{i + 1}", "inventory", "java-jdbc", "inv.reserve",
         "UPDATE stock_levels", CLIENT, a, b,
         pg("inventory", "stock_levels", "UPDATE",
            "UPDATE stock_levels SET available = available - ?, reserved = reserved + ? "
            "WHERE sku = ? AND warehouse_id = ? AND available >= ?", PG_INVENTORY))
span("inv.insert", "inventory", "java-jdbc", "inv.reserve", "INSERT reservations", CLIENT, 86.708,
     97.114,
     pg("inventory", "reservations", "INSERT",
        "INSERT INTO reservations (reservation_id, order_ref, sku, quantity, expires_at) "
        "VALUES (?, ?, ?, ?, ?)", PG_INVENTORY, [("db.operation.batch.size", 3)]))
span("inv.cache.del", "inventory", "java-lettuce", "inv.reserve", "DEL", CLIENT, 97.811, 99.006,
     redis("DEL", "DEL stock:? stock:? stock:?", REDIS_CACHE))
span("inv.cache.set", "inventory", "java-lettuce", "inv.reserve", "SET", CLIENT, 99.402, 100.713,
     redis("SET", "SET reservation:? ? EX ?", REDIS_CACHE))

span("co.shipping", "checkout", "java-httpclient", "co.server", "POST", CLIENT, 42.311, 109.402,
     http_client("POST", "http://shipping.shop.svc.cluster.local:8000/v2/quotes", 200,
                 "shipping.shop.svc.cluster.local", 8000))
span("ship.server", "shipping", "py-fastapi", "co.shipping", "POST /v2/quotes", SERVER, 43.905,
     108.114,
     http_server("POST", "/v2/quotes", "/v2/quotes", 200, "shipping.shop.svc.cluster.local", 8000,
                 "10.42.5.88"))
span("ship.cache", "shipping", "py-redis", "ship.server", "GET", CLIENT, 44.502, 45.611,
     redis("GET", "GET quote:?", REDIS_CACHE, [("app.cache.hit", False)]))
span("ship.rates", "shipping", "py-app", "ship.server", "rate_table.lookup", INTERNAL, 45.903,
     52.708, code("lookup", "/app/shipping/rates.py", 63, "shipping.rates.RateTable"))
span("ship.carrier", "shipping", "py-httpx", "ship.server", "POST", CLIENT, 53.104, 101.912,
     http_client("POST", "https://api.parcelnet.example/v1/rates", 200, "api.parcelnet.example",
                 443, proto="2"))
span("ship.cache.set", "shipping", "py-redis", "ship.server", "SETEX", CLIENT, 102.407, 103.512,
     redis("SETEX", "SETEX quote:? ? ?", REDIS_CACHE))
span("ship.choose", "shipping", "py-app", "ship.server", "choose_service_level", INTERNAL, 103.905,
     106.911, code("choose_service_level", "/app/shipping/quotes.py", 141)
     + [("app.shipping.service_level", "standard"), ("app.shipping.price_cents", 495)])

span("co.order", "checkout", "java-jdbc", "co.server", "INSERT orders", CLIENT, 122.307, 131.004,
     pg("orders", "orders", "INSERT",
        "INSERT INTO orders (order_id, customer_id, status, total_cents, currency, created_at) "
        "VALUES (?, ?, 'pending', ?, ?, now())", PG_ORDERS))
span("co.publish", "checkout", "java-kafka", "co.server", "send orders.created", PRODUCER, 131.602,
     134.911,
     [("messaging.system", "kafka"), ("messaging.operation.type", "send"),
      ("messaging.operation.name", "send"), ("messaging.destination.name", "orders.created"),
      ("messaging.destination.partition.id", "7"), ("messaging.kafka.message.key", ORDER),
      ("messaging.kafka.offset", 4_118_027), ("messaging.client.id", "checkout-producer-1"),
      ("server.address", KAFKA), ("server.port", 9092)])

# --- email (Ruby), consumes orders.created after the producer span ended ----------------------

span("email.process", "email", "rb-kafka", "co.publish", "process orders.created", CONSUMER,
     171.806, 642.305,
     [("messaging.system", "kafka"), ("messaging.operation.type", "process"),
      ("messaging.operation.name", "process"), ("messaging.destination.name", "orders.created"),
      ("messaging.destination.partition.id", "7"), ("messaging.kafka.message.key", ORDER),
      ("messaging.kafka.offset", 4_118_027), ("messaging.consumer.group.name", "email-sender"),
      ("server.address", KAFKA), ("server.port", 9092)],
     links=[("co.publish", [("messaging.operation.type", "send")])])
span("email.customer", "email", "rb-pg", "email.process", "SELECT customers", CLIENT, 172.404,
     178.911,
     pg("email", "customers", "SELECT",
        "SELECT email, locale, first_name FROM customers WHERE customer_id = $1", PG_EMAIL))
span("email.render", "email", "rb-app", "email.process", "render order-confirmation", INTERNAL,
     179.503, 206.204,
     [("code.function.name", "EmailSender::Templates#render"),
      ("code.file.path", "/app/lib/email_sender/templates.rb"), ("code.line.number", 29),
      ("app.template", "order-confirmation"), ("app.locale", "en-GB")])
span("email.send", "email", "rb-net-http", "email.process", "POST", CLIENT, 206.902, 631.708,
     http_client("POST", "https://api.mailrelay.example/v3/mail/send", 202, "api.mailrelay.example",
                 443, [("app.email.recipient", "m.okafor@example.com"),
                       ("app.template", "order-confirmation")]))
span("email.log", "email", "rb-pg", "email.process", "INSERT email_log", CLIENT, 632.305, 640.812,
     pg("email", "email_log", "INSERT",
        "INSERT INTO email_log (order_id, template, provider_id, sent_at) VALUES ($1, $2, $3, now())",
        PG_EMAIL))

# --- payment: saved card lookup on a 2.13.4 pod -----------------------------------------------

span("co.method", "checkout", "java-grpc", "co.server",
     "payment.v1.PaymentService/GetPaymentMethod", CLIENT, 135.503, 152.017,
     grpc("payment.v1.PaymentService", "GetPaymentMethod", 0, "payment.shop.svc.cluster.local"))
span("pay.method", "payment-stable", "java-grpc", "co.method",
     "payment.v1.PaymentService/GetPaymentMethod", SERVER, 136.604, 151.108,
     grpc("payment.v1.PaymentService", "GetPaymentMethod", 0, "payment.shop.svc.cluster.local"))
span("pay.method.db", "payment-stable", "java-jdbc", "pay.method", "SELECT payment_methods", CLIENT,
     137.402, 146.913,
     pg("payments", "payment_methods", "SELECT",
        "SELECT method_id, psp_token, brand, last4, expires FROM payment_methods "
        "WHERE customer_id = ? AND is_default", PG_PAYMENTS))
span("pay.method.token", "payment-stable", "java-app", "pay.method", "TokenVault.resolve", INTERNAL,
     147.306, 150.211, code("resolve", "TokenVault.java", 58, "com.shop.payment.vault.TokenVault"))

# --- payment: Authorize with one retry, both on the 2.14.0 canary -----------------------------

GRPC_STACK = """io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after {secs}s. \
[closed=[], open=[[buffered_nanos={buffered}, remote_addr=payment.shop.svc.cluster.local/10.42.7.31:50051]]]
\tat io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)
\tat io.grpc.stub.ClientCalls.getUnchecked(ClientCalls.java:249)
\tat io.grpc.stub.ClientCalls.blockingUnaryCall(ClientCalls.java:167)
\tat com.shop.payment.v1.PaymentServiceGrpc$PaymentServiceBlockingStub.authorize(PaymentServiceGrpc.java:412)
\tat com.shop.checkout.payment.PaymentClient.authorizeOnce(PaymentClient.java:143)
\tat com.shop.checkout.payment.PaymentClient.authorizeWithRetry(PaymentClient.java:112)
\tat com.shop.checkout.CheckoutService.placeOrder(CheckoutService.java:201)
\tat com.shop.checkout.web.CheckoutController.checkout(CheckoutController.java:58)
\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)
\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)
\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
\t... 48 more"""


def grpc_deadline(secs, buffered):
    message = (f"DEADLINE_EXCEEDED: deadline exceeded after {secs}s. [closed=[], open=[[buffered_nanos="
               f"{buffered}, remote_addr=payment.shop.svc.cluster.local/10.42.7.31:50051]]]")
    return message, GRPC_STACK.format(secs=secs, buffered=buffered)


span("co.authorize", "checkout", "java-app", "co.server", "PaymentClient.authorizeWithRetry",
     INTERNAL, 152.604, 2401.812,
     code("authorizeWithRetry", "PaymentClient.java", 112, "com.shop.checkout.payment.PaymentClient")
     + [("app.order.id", ORDER), ("app.payment.amount_cents", 18_992),
        ("app.payment.currency", "EUR"), ("app.payment.deadline_ms", 2000),
        ("app.payment.budget_ms", 2250)],
     status=ERROR, message="payment authorization failed after 2 attempts: DEADLINE_EXCEEDED",
     events=[event(2153.702, "retry",
                   [("retry.attempt", 2), ("retry.reason", "DEADLINE_EXCEEDED"),
                    ("retry.backoff_ms", 5), ("retry.deadline_ms", 241)]),
             log(2401.503, "ERROR", "giving up on payment authorization",
                 [("attempts", 2), ("logger.name", "com.shop.checkout.payment.PaymentClient")])])

msg1, stack1 = grpc_deadline("1.999712334", 312045)
span("co.authorize.1", "checkout", "java-grpc", "co.authorize",
     "payment.v1.PaymentService/Authorize", CLIENT, 153.104, 2153.402,
     grpc("payment.v1.PaymentService", "Authorize", 4, "payment.shop.svc.cluster.local",
          extra=[("app.retry.attempt", 1), ("error.type", "DEADLINE_EXCEEDED")]),
     status=ERROR, message=msg1,
     events=[exception(2153.395, "io.grpc.StatusRuntimeException", msg1, stack1)])

span("pay.auth.1", "payment-canary", "java-grpc", "co.authorize.1",
     "payment.v1.PaymentService/Authorize", SERVER, 154.903, 2152.611,
     grpc("payment.v1.PaymentService", "Authorize", 4, "payment.shop.svc.cluster.local",
          extra=[("app.order.id", ORDER), ("enduser.id", CUSTOMER)]),
     status=ERROR, message="deadline exceeded before authorization completed",
     events=[log(2152.205, "WARN", "request deadline expired while calling PSP; not authorized",
                 [("logger.name", "com.shop.payment.AuthorizeHandler"), ("order.id", ORDER)])])
span("pay.validate.1", "payment-canary", "java-app", "pay.auth.1",
     "AuthorizeRequestValidator.validate", INTERNAL, 155.602, 157.311,
     code("validate", "AuthorizeRequestValidator.java", 41,
          "com.shop.payment.AuthorizeRequestValidator"))
span("pay.fraud.1", "payment-canary", "java-app", "pay.auth.1", "FraudCheckService.evaluate",
     INTERNAL, 157.804, 2128.907,
     code("evaluate", "FraudCheckService.java", 214, "com.shop.payment.fraud.FraudCheckService")
     + [("enduser.id", CUSTOMER), ("app.fraud.rules_version", "2026-11-14")],
     events=[log(2128.512, "INFO", "risk score computed",
                 [("risk.score", 0.12), ("risk.decision", "allow"),
                  ("logger.name", "com.shop.payment.fraud.FraudCheckService")])])
span("pay.fraud.cache.1", "payment-canary", "java-lettuce", "pay.fraud.1", "GET", CLIENT, 158.206,
     159.412, redis("GET", "GET risk:score:?", REDIS_CACHE, [("app.cache.hit", False)]))

LOCK_QUERY = ("SELECT customer_id, risk_score, velocity_1h, velocity_24h, last_reviewed_at "
              "FROM customer_risk_profiles WHERE customer_id = ? FOR UPDATE")
span("pay.fraud.lock.1", "payment-canary", "java-jdbc", "pay.fraud.1",
     "SELECT customer_risk_profiles", CLIENT, 160.108, 2112.617,
     pg("payments", "customer_risk_profiles", "SELECT", LOCK_QUERY, PG_PAYMENTS,
        [("network.peer.address", "10.42.9.14"),
         ("db.response.returned_rows", 1)]))
span("pay.fraud.update.1", "payment-canary", "java-jdbc", "pay.fraud.1",
     "UPDATE customer_risk_profiles", CLIENT, 2113.304, 2118.012,
     pg("payments", "customer_risk_profiles", "UPDATE",
        "UPDATE customer_risk_profiles SET velocity_1h = velocity_1h + 1, "
        "velocity_24h = velocity_24h + 1, last_seen_at = now() WHERE customer_id = ?",
        PG_PAYMENTS))
span("pay.fraud.commit.1", "payment-canary", "java-jdbc", "pay.fraud.1", "COMMIT", CLIENT,
     2118.405, 2121.903,
     [("db.system.name", "postgresql"), ("db.system", "postgresql"), ("db.namespace", "payments"),
      ("db.operation.name", "COMMIT"), ("db.query.text", "COMMIT"),
      ("server.address", PG_PAYMENTS)])
span("pay.fraud.rules.1", "payment-canary", "java-app", "pay.fraud.1", "FraudRules.score",
     INTERNAL, 2122.306, 2128.105,
     code("score", "FraudRules.java", 96, "com.shop.payment.fraud.FraudRules")
     + [("app.fraud.rules_evaluated", 37)])

PSP_STACK = """java.net.http.HttpTimeoutException: request timed out
\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:951)
\tat java.net.http/jdk.internal.net.http.HttpClientFacade.send(HttpClientFacade.java:133)
\tat com.shop.payment.psp.PaygateClient.authorize(PaygateClient.java:88)
\tat com.shop.payment.AuthorizeHandler.authorize(AuthorizeHandler.java:131)
\tat com.shop.payment.PaymentGrpcService.authorize(PaymentGrpcService.java:64)
\tat com.shop.payment.v1.PaymentServiceGrpc$MethodHandlers.invoke(PaymentServiceGrpc.java:688)
\tat io.grpc.stub.ServerCalls$UnaryServerCallHandler$UnaryServerCallListener.onHalfClose(ServerCalls.java:182)
\tat io.grpc.internal.ServerImpl$JumpToApplicationThreadServerStreamListener$1HalfClosed.runInContext(ServerImpl.java:356)
\tat io.grpc.internal.ContextRunnable.run(ContextRunnable.java:37)
\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)
\tat java.base/java.lang.Thread.run(Thread.java:1583)"""

span("pay.psp.1", "payment-canary", "java-httpclient", "pay.auth.1", "POST", CLIENT, 2129.604,
     2151.708,
     http_client("POST", "https://api.paygate.example/v1/authorizations", None,
                 "api.paygate.example", 443,
                 [("error.type", "java.net.http.HttpTimeoutException"),
                  ("app.psp.timeout_ms", 22)]),
     status=ERROR, message="request timed out",
     events=[exception(2151.702, "java.net.http.HttpTimeoutException", "request timed out",
                       PSP_STACK)])

msg2, stack2 = grpc_deadline("0.241693412", 198311)
span("co.authorize.2", "checkout", "java-grpc", "co.authorize",
     "payment.v1.PaymentService/Authorize", CLIENT, 2158.907, 2400.604,
     grpc("payment.v1.PaymentService", "Authorize", 4, "payment.shop.svc.cluster.local",
          extra=[("app.retry.attempt", 2), ("error.type", "DEADLINE_EXCEEDED")]),
     status=ERROR, message=msg2,
     events=[exception(2400.598, "io.grpc.StatusRuntimeException", msg2, stack2)])

span("pay.auth.2", "payment-canary", "java-grpc", "co.authorize.2",
     "payment.v1.PaymentService/Authorize", SERVER, 2160.402, 2399.806,
     grpc("payment.v1.PaymentService", "Authorize", 4, "payment.shop.svc.cluster.local",
          extra=[("app.order.id", ORDER), ("enduser.id", CUSTOMER)]),
     status=ERROR, message="deadline exceeded before authorization completed")
span("pay.validate.2", "payment-canary", "java-app", "pay.auth.2",
     "AuthorizeRequestValidator.validate", INTERNAL, 2160.905, 2162.307,
     code("validate", "AuthorizeRequestValidator.java", 41,
          "com.shop.payment.AuthorizeRequestValidator"))
span("pay.fraud.2", "payment-canary", "java-app", "pay.auth.2", "FraudCheckService.evaluate",
     INTERNAL, 2162.703, 2399.112,
     code("evaluate", "FraudCheckService.java", 214, "com.shop.payment.fraud.FraudCheckService")
     + [("enduser.id", CUSTOMER), ("app.fraud.rules_version", "2026-11-14")],
     status=ERROR, message="could not lock risk profile: canceling statement due to user request")
span("pay.fraud.cache.2", "payment-canary", "java-lettuce", "pay.fraud.2", "GET", CLIENT, 2163.004,
     2164.109, redis("GET", "GET risk:score:?", REDIS_CACHE, [("app.cache.hit", False)]))

PG_CANCEL = "ERROR: canceling statement due to user request"
PG_STACK = """org.postgresql.util.PSQLException: ERROR: canceling statement due to user request
\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)
\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)
\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:372)
\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)
\tat org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)
\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)
\tat com.shop.payment.fraud.RiskProfileRepository.lockForUpdate(RiskProfileRepository.java:73)
\tat com.shop.payment.fraud.FraudCheckService.evaluate(FraudCheckService.java:229)
\tat com.shop.payment.AuthorizeHandler.authorize(AuthorizeHandler.java:118)"""

span("pay.fraud.lock.2", "payment-canary", "java-jdbc", "pay.fraud.2",
     "SELECT customer_risk_profiles", CLIENT, 2164.608, 2398.704,
     pg("payments", "customer_risk_profiles", "SELECT", LOCK_QUERY, PG_PAYMENTS,
        [("network.peer.address", "10.42.9.14"),
         ("db.response.status_code", "57014"), ("error.type", "org.postgresql.util.PSQLException")]),
     status=ERROR, message=PG_CANCEL,
     events=[exception(2398.695, "org.postgresql.util.PSQLException", PG_CANCEL, PG_STACK)])

span("co.order.failed", "checkout", "java-jdbc", "co.server", "UPDATE orders", CLIENT, 2402.205,
     2404.908,
     pg("orders", "orders", "UPDATE",
        "UPDATE orders SET status = 'payment_failed', updated_at = now() WHERE order_id = ?",
        PG_ORDERS))


# --- assembly and checks ----------------------------------------------------------------------

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


def build():
    check(SPANS)
    by_key = {s.key: s for s in SPANS}
    out = []
    for res_key, (svc, version, pod, node, lang, sdk, extra) in RESOURCES.items():
        resource = [("service.name", svc), ("service.namespace", "shop"),
                    ("service.version", version), ("service.instance.id", pod),
                    ("host.name", node), ("k8s.pod.name", pod)]
        resource += K8S_COMMON + extra
        resource += [("telemetry.sdk.name", "opentelemetry"), ("telemetry.sdk.language", lang),
                     ("telemetry.sdk.version", sdk)]
        scopes = OrderedDict()
        for s in SPANS:
            if s.res == res_key:
                scopes.setdefault(s.scope, []).append(s)
        scope_spans = []
        for scope_key, spans in scopes.items():
            name, ver = SCOPES[scope_key]
            scope = {"name": name}
            if ver:
                scope["version"] = ver
            scope_spans.append({"scope": scope, "spans": [encode(s, by_key) for s in spans]})
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


def render():
    # One span per line: small, and diffs stay readable.
    doc = build()
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


def table():
    by_key = {s.key: s for s in SPANS}
    rows = ["| role | span id | service | span name | duration | status | note |",
            "|---|---|---|---|---|---|---|"]
    for role, key, note in KEY_SPANS:
        s = by_key[key]
        svc, ver = RESOURCES[s.res][0], RESOURCES[s.res][1]
        rows.append(f"| {role} | `{span_id(key)}` | {svc} {ver} | `{s.name}` | "
                    f"{s.end - s.start:.3f} ms | {['unset', 'ok', 'error'][s.status]} | {note} |")
    return "\n".join(rows)


def main(argv):
    text = render()
    if "--table" in argv:
        print(table())
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
