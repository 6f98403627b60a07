"""The shop's services: instrumentation scopes, resources (pods, nodes, SDKs), endpoints."""

from collections import OrderedDict

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
