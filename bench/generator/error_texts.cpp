#include "generator/error_texts.h"

#include "generator/text_format.h"

namespace rootline::bench::generator {

const ErrorText& errorFor(Lang lang, Type type, Rng& rng) {
    // Per language: [database, cache, remote call, internal / messaging], two variants each.
    static const ErrorText table[7][4][2] = {
        {{{"DatabaseError", "connection terminated unexpectedly"},
          {"DatabaseError", "canceling statement due to statement timeout"}},
         {{"ReplyError", "READONLY You can't write against a read only replica."},
          {"MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 3)."}},
         {{"Error", "connect ECONNREFUSED 10.42.3.11:8080"},
          {"TimeoutError", "The operation was aborted due to timeout"}},
         {{"TypeError", "Cannot read properties of undefined (reading 'priceCents')"},
          {"RangeError", "Invalid currency code : XBT"}}},
        {{{"org.postgresql.util.PSQLException", "ERROR: deadlock detected"},
          {"java.sql.SQLTransientConnectionException",
           "HikariPool-1 - Connection is not available, request timed out after 30000ms."}},
         {{"io.lettuce.core.RedisCommandTimeoutException", "Command timed out after 1 second(s)"},
          {"io.lettuce.core.RedisConnectionException", "Unable to connect to redis:6379"}},
         {{"io.grpc.StatusRuntimeException", "UNAVAILABLE: io exception"},
          {"java.net.http.HttpTimeoutException", "request timed out"}},
         {{"java.lang.IllegalStateException", "Reservation already released"},
          {"java.lang.NullPointerException",
           "Cannot invoke \"com.shop.model.Address.getZip()\" because \"address\" is null"}}},
        {{{"*pq.Error", "pq: duplicate key value violates unique constraint \"orders_pkey\""},
          {"*errors.errorString", "sql: database is closed"}},
         {{"*net.OpError", "dial tcp 10.42.9.30:6379: i/o timeout"},
          {"redis.Error", "redis: connection pool timeout"}},
         {{"*status.Error", "rpc error: code = Unavailable desc = connection refused"},
          {"context.deadlineExceededError", "context deadline exceeded"}},
         {{"*errors.errorString", "order has no items"},
          {"*fmt.wrapError", "prepare order items: product SKU-004122 is discontinued"}}},
        {{{"pymongo.errors.AutoReconnect", "connection pool paused"},
          {"pymongo.errors.DuplicateKeyError", "E11000 duplicate key error collection"}},
         {{"redis.exceptions.TimeoutError", "Timeout reading from socket"},
          {"redis.exceptions.ConnectionError", "Error 111 connecting to redis-reco:6379."}},
         {{"grpc._channel._InactiveRpcError",
           "<_InactiveRpcError of RPC that terminated with: "
           "status = StatusCode.UNAVAILABLE>"},
          {"requests.exceptions.HTTPError", "502 Server Error: Bad Gateway for url"}},
         {{"KeyError", "'product_id'"}, {"ValueError", "invalid literal for int() with base 10"}}},
        {{{"Microsoft.Data.SqlClient.SqlException", "Execution Timeout Expired."},
          {"System.InvalidOperationException", "The connection pool has been exhausted"}},
         {{"StackExchange.Redis.RedisTimeoutException",
           "Timeout awaiting response (outbound=0KiB, inbound=0KiB, 5000ms elapsed, timeout is "
           "5000ms), command=HGETALL"},
          {"StackExchange.Redis.RedisConnectionException",
           "No connection is active/available to service this operation"}},
         {{"System.Net.Http.HttpRequestException", "Connection refused (catalog-service:8080)"},
          {"System.Threading.Tasks.TaskCanceledException",
           "The request was canceled due to the configured HttpClient.Timeout of 5 seconds "
           "elapsing."}},
         {{"System.InvalidOperationException", "Sequence contains no matching element"},
          {"System.ArgumentException", "Quantity must be positive (Parameter 'quantity')"}}},
        {{{"std::runtime_error", "database unavailable"}, {"std::runtime_error", "query failed"}},
         {{"std::runtime_error", "redis: READONLY You can't write against a read only replica"},
          {"std::system_error", "connect: Connection refused"}},
         {{"std::runtime_error", "grpc: Socket closed"},
          {"std::runtime_error", "grpc: Deadline Exceeded"}},
         {{"std::out_of_range", "rate for currency XBT not found"},
          {"std::invalid_argument", "stod: no conversion"}}},
        {{{"sqlx::Error",
           "error returned from database: Deadlock found when trying to get lock; try restarting "
           "transaction"},
          {"sqlx::Error", "pool timed out while waiting for an open connection"}},
         {{"redis::RedisError", "Connection refused (os error 111)"},
          {"redis::RedisError", "timed out"}},
         {{"reqwest::Error", "error sending request for url (http://currency-service:50051/)"},
          {"tonic::Status", "status: Unavailable, message: \"transport error\""}},
         {{"shipping::Error", "no carrier serves zone EU-9"},
          {"anyhow::Error", "label renderer crashed: invalid UTF-8 in address line"}}},
    };
    int group = 3;
    switch (type) {
        case Type::Db:
            group = 0;
            break;
        case Type::Cache:
            group = 1;
            break;
        case Type::HttpClient:
        case Type::GrpcClient:
        case Type::HttpServer:
        case Type::GrpcServer:
        case Type::External:
            group = 2;
            break;
        default:
            break;
    }
    return table[static_cast<size_t>(lang)][group][rng.below(2)];
}

void stackTrace(std::string& out, const Service& s, const ErrorText& e, Rng& rng) {
    const size_t frames = 4 + rng.below(5);
    auto op = [&](size_t i) -> const std::string& {
        return s.internalOps[(i + rng.below(2)) % s.internalOps.size()];
    };
    const auto line = [&] { return static_cast<int64_t>(20 + rng.below(600)); };
    switch (s.lang) {
        case Lang::Java:
            out = std::string(e.type) + ": " + e.message;
            for (size_t i = 0; i < frames; ++i) {
                const std::string& f = op(i);
                const std::string cls = f.substr(0, f.find('.'));
                out += "\n\tat " + s.codeNamespace + '.' + f + '(' + cls + ".java:";
                appendInt(out, line());
                out += ')';
            }
            out +=
                "\n\tat org.springframework.web.servlet.FrameworkServlet.service("
                "FrameworkServlet.java:885)\n\t... 48 more";
            break;
        case Lang::Go:
            out = "goroutine ";
            appendInt(out, 100 + rng.below(5000));
            out += " [running]:";
            for (size_t i = 0; i < frames; ++i) {
                out += '\n' + s.codeNamespace + '.' + op(i) + "(0xc000";
                appendHex(out, rng.next(), 6);
                out += ", 0x";
                appendHex(out, rng.next(), 4);
                out += ")\n\t/app/" + s.name + "/main.go:";
                appendInt(out, line());
                out += " +0x";
                appendHex(out, rng.next(), 3);
            }
            break;
        case Lang::Python:
            out = "Traceback (most recent call last):";
            for (size_t i = 0; i < frames; ++i) {
                const std::string& f = op(i);
                out += "\n  File \"/app/" + f.substr(0, f.find('.')) + ".py\", line ";
                appendInt(out, line());
                out += ", in " + f.substr(f.find('.') + 1) + "\n    result = self._call(request)";
            }
            out += '\n' + std::string(e.type) + ": " + e.message;
            break;
        case Lang::Node:
            out = std::string(e.type) + ": " + e.message;
            for (size_t i = 0; i < frames; ++i) {
                out += "\n    at " + op(i) + " (/app/" + s.codeNamespace + "/index.js:";
                appendInt(out, line());
                out += ':';
                appendInt(out, 5 + rng.below(40));
                out += ')';
            }
            out +=
                "\n    at process.processTicksAndRejections "
                "(node:internal/process/task_queues:95:5)";
            break;
        case Lang::DotNet:
            out = std::string(e.type) + ": " + e.message;
            for (size_t i = 0; i < frames; ++i) {
                const std::string& f = op(i);
                out += "\n   at " + s.codeNamespace + '.' + f + "() in /app/src/" +
                       f.substr(0, f.find('.')) + ".cs:line ";
                appendInt(out, line());
            }
            break;
        case Lang::Cpp:
            out = std::string(e.type) + ": " + e.message;
            for (size_t i = 0; i < frames; ++i) {
                out += "\n#";
                appendInt(out, static_cast<int64_t>(i));
                out += " 0x00005581";
                appendHex(out, rng.next(), 8);
                out += " in " + s.codeNamespace + "::" + op(i) + " /app/src/server.cpp:";
                appendInt(out, line());
            }
            break;
        case Lang::Rust:
            out = "thread 'tokio-runtime-worker' panicked at src/handlers.rs:";
            appendInt(out, line());
            out += ":14:\n" + std::string(e.message) + "\nstack backtrace:";
            for (size_t i = 0; i < frames; ++i) {
                out += "\n   ";
                appendInt(out, static_cast<int64_t>(i));
                out += ": " + op(i) + "\n             at ./src/handlers.rs:";
                appendInt(out, line());
                out += ":9";
            }
            break;
    }
}

}  // namespace rootline::bench::generator
