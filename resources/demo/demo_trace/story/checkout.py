"""The healthy part of checkout: cart, inventory and shipping, the order insert, the Kafka
message and its email consumer, and the saved-card lookup on a payment 2.13.4 pod."""

from ..model import CLIENT, CONSUMER, ERROR, INTERNAL, PRODUCER, SERVER, log, span
from ..semconv import code, grpc, http_client, http_server, pg, redis
from ..services import KAFKA, PG_CARTS, PG_EMAIL, PG_INVENTORY, PG_ORDERS, PG_PAYMENTS, REDIS_CACHE
from .entities import CART, CUSTOMER, ORDER, RESERVATION

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
