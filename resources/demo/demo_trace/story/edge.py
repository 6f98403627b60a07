"""The request's way in: web-frontend, its recommendations side call, and the api-gateway."""

from ..model import CLIENT, ERROR, INTERNAL, SERVER, event, log, span
from ..semconv import code, http_client, http_server, pg, redis
from ..services import PG_CATALOG, REDIS_CACHE, REDIS_SESSIONS
from .entities import CUSTOMER, ORDER

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
