"""The incident: payment Authorize and its retry on the 2.14.0 canary, the row-lock waits in
postgres, the PSP timeout, and checkout marking the order payment_failed."""

from ..model import CLIENT, ERROR, INTERNAL, SERVER, event, exception, log, span
from ..semconv import code, grpc, http_client, pg, redis
from ..services import PG_ORDERS, PG_PAYMENTS, REDIS_CACHE
from .entities import CUSTOMER, ORDER

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
