// Exception texts as each language and driver prints them (failures.h).

#include <cctype>

#include "failures.h"

namespace rootline::faults {

namespace {

std::string snake(std::string_view camel) {
    std::string out;
    for (char c : camel) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            if (!out.empty()) out.push_back('_');
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        } else if (c == '-' || c == '.' || c == ':' || c == '#') {
            if (!out.empty() && out.back() != '_') out.push_back('_');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// "StockService.reserve" → ("StockService", "reserve"); "pricing::engine::quote" → (…, "quote").
std::pair<std::string, std::string> splitFrame(std::string_view frame) {
    size_t at = frame.rfind("::");
    size_t skip = 2;
    if (at == std::string_view::npos) {
        at = frame.find_first_of(".#");
        skip = 1;
    }
    if (at == std::string_view::npos) return {"Handler", std::string(frame)};
    return {std::string(frame.substr(0, at)), std::string(frame.substr(at + skip))};
}

std::string shortType(std::string_view type) {
    const size_t dot = type.rfind('.');
    return std::string(dot == std::string_view::npos ? type : type.substr(dot + 1));
}

}  // namespace

std::string stackTrace(Lang lang, const ServiceDef& s, std::string_view type,
                       std::string_view message, std::string_view frame) {
    const auto [cls, method] = splitFrame(frame);
    const std::string pkg = packageName(s.name);
    const std::string base(s.name.substr(0, s.name.find('-')));
    // Line numbers derive from the names, so one frame always sits on the same line.
    const auto line = [](std::string_view a, int lo) {
        return std::to_string(lo + static_cast<int>(hashName(a) % 180));
    };
    switch (lang) {
        case Lang::Java:
            return std::string(type) + ": " + std::string(message) + "\n\tat " + pkg + "." + cls +
                   "." + method + "(" + cls + ".java:" + line(frame, 20) + ")\n\tat " + pkg + "." +
                   className(s.name, "Controller") + ".handle(" + className(s.name, "Controller") +
                   ".java:" + line(s.name, 30) +
                   ")\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke("
                   "DirectMethodHandleAccessor.java:103)\n\tat java.base/java.util.concurrent."
                   "ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)\n\tat "
                   "java.base/java.lang.Thread.run(Thread.java:1583)";
        case Lang::Python:
            return "Traceback (most recent call last):\n  File \"/app/" + base +
                   "/api.py\", line " + line(s.name, 40) +
                   ", in handle\n    result = " + snake(method) + "(request)\n  File \"/app/" +
                   base + "/" + snake(cls) + ".py\", line " + line(frame, 12) + ", in " +
                   snake(method) + "\n    return ctx.apply(payload)\n" + shortType(type) + ": " +
                   std::string(message);
        case Lang::Node:
            return std::string(type) + ": " + std::string(message) + "\n    at " + method +
                   " (/usr/src/app/dist/" + base + ".js:" + line(frame, 10) + ":" +
                   line(method, 5) +
                   ")\n    at Object.handler (/usr/src/app/dist/server.js:" + line(s.name, 60) +
                   ":18)\n    at process.processTicksAndRejections "
                   "(node:internal/process/task_queues:105:5)";
        case Lang::DotNet:
            return std::string(type) + ": " + std::string(message) + "\n   at Shop." +
                   className(base, "") + "." + cls + "." + method + "() in /src/" +
                   className(s.name, "") + "/" + cls + ".cs:line " + line(frame, 15) +
                   "\n   at Shop." + className(base, "") + ".Controllers." +
                   className(base, "Controller") + ".Post() in /src/" + className(s.name, "") +
                   "/Controllers/" + className(base, "Controller") + ".cs:line " + line(s.name, 20);
        case Lang::Ruby:
            return "app/services/" + snake(cls) + ".rb:" + line(frame, 10) + ":in `" + method +
                   "': " + std::string(message) + " (" + std::string(type) +
                   ")\n\tfrom app/controllers/" + base + "_controller.rb:" + line(s.name, 8) +
                   ":in `create'\n\tfrom actionpack (7.2.2) lib/action_controller/metal/"
                   "basic_implicit_render.rb:8:in `send_action'";
        case Lang::Go:
        case Lang::Rust:
            return "";  // RecordError / tracing record no stack by default
    }
    return "";
}

ExceptionInfo appException(Rng& rng, Lang lang, const ServiceDef& s, std::string_view frame,
                           std::string_view category) {
    const auto [cls, method] = splitFrame(frame);
    ExceptionInfo e;
    const bool isNull = category == "null";
    const bool isParse = category == "parse";
    const std::string id = std::to_string(rng.range(1000, 99999));
    switch (lang) {
        case Lang::Java:
            if (isNull) {
                e.type = "java.lang.NullPointerException";
                e.message =
                    "Cannot invoke \"" + packageName(s.name) + ".model." +
                    rng.pick(std::vector<std::string>{"Sku", "LineItem", "Customer", "Address"}) +
                    ".getId()\" because the return value of \"" + cls + ".lookup(long)\" is null";
            } else if (isParse) {
                e.type = "com.fasterxml.jackson.databind.exc.InvalidFormatException";
                e.message =
                    "Cannot deserialize value of type `java.math.BigDecimal` from String "
                    "\"12,50\": not a valid representation";
            } else {
                e.type = "java.lang.IllegalStateException";
                e.message = rng.pick(std::vector<std::string>{
                    "Reservation " + id + " is already released",
                    "Order " + id + " is in state CANCELLED, expected PENDING",
                    "No active price list for region EU"});
            }
            break;
        case Lang::Go:
            if (isNull) {
                e.type = "runtime.Error";
                e.message = "runtime error: invalid memory address or nil pointer dereference";
            } else if (isParse) {
                e.type = "*json.UnmarshalTypeError";
                e.message =
                    "json: cannot unmarshal string into Go struct field Item.quantity of type int";
            } else {
                e.type = "*errors.errorString";
                e.message = rng.pick(std::vector<std::string>{"no warehouse can fulfil sku " + id,
                                                              "token issuer mismatch",
                                                              "address " + id + " has no country"});
            }
            break;
        case Lang::Python:
            if (isNull) {
                e.type = "AttributeError";
                e.message = "'NoneType' object has no attribute '" +
                            rng.pick(std::vector<std::string>{"customer_id", "history", "score"}) +
                            "'";
            } else if (isParse) {
                e.type = "json.decoder.JSONDecodeError";
                e.message = "Expecting value: line 1 column 1 (char 0)";
            } else {
                e.type = rng.pick(std::vector<std::string>{"ValueError", "KeyError"});
                e.message = e.type == "KeyError" ? "'" + snake(method) + "_weights'"
                                                 : "invalid literal for int() with base 10: 'N/A'";
            }
            break;
        case Lang::Node:
            if (isNull) {
                e.type = "TypeError";
                e.message = "Cannot read properties of undefined (reading '" +
                            rng.pick(std::vector<std::string>{"rate", "units", "currencyCode"}) +
                            "')";
            } else if (isParse) {
                e.type = "SyntaxError";
                e.message = "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON";
            } else {
                e.type = rng.pick(std::vector<std::string>{"Error", "RangeError"});
                e.message = e.type == "Error"
                                ? "rate table missing for " +
                                      rng.pick(std::vector<std::string>{"JPY", "CHF", "SEK"})
                                : "Invalid array length";
            }
            break;
        case Lang::DotNet:
            if (isNull) {
                e.type = "System.NullReferenceException";
                e.message = "Object reference not set to an instance of an object.";
            } else if (isParse) {
                e.type = "System.Text.Json.JsonException";
                e.message =
                    "The JSON value could not be converted to System.Decimal. Path: $.amount | "
                    "LineNumber: 0 | BytePositionInLine: 41.";
            } else {
                e.type = rng.pick(
                    std::vector<std::string>{"System.InvalidOperationException",
                                             "System.Collections.Generic.KeyNotFoundException"});
                e.message = e.type == "System.InvalidOperationException"
                                ? "Sequence contains no elements"
                                : "The given key 'DE-BY' was not present in the dictionary.";
            }
            break;
        case Lang::Ruby:
            if (isNull) {
                e.type = "NoMethodError";
                e.message = "undefined method `weight' for nil";
            } else if (isParse) {
                e.type = "JSON::ParserError";
                e.message = "unexpected character: 'N/A' at line 1 column 12";
            } else {
                e.type = "ArgumentError";
                e.message = "invalid value for Integer(): \"\"";
            }
            break;
        case Lang::Rust:
            e.type = isParse ? "serde_json::Error" : "pricing::Error";
            e.message = isParse ? "invalid type: string \"12,50\", expected f64 at line 1 column 42"
                        : isNull ? "called `Option::unwrap()` on a `None` value"
                                 : "no rule matched for segment " + id;
            break;
    }
    e.stack = stackTrace(lang, s, e.type, e.message, frame);
    return e;
}

ExceptionInfo dbException(Rng& rng, Lang lang, const ServiceDef& s, std::string_view category,
                          std::string& code) {
    ExceptionInfo e;
    const std::string_view sys = s.dbSystem;
    const std::string table(s.tables.empty() ? std::string_view("items") : s.tables[0].name);
    const std::string pid = std::to_string(rng.range(20000, 60000));
    const std::string txn = std::to_string(rng.range(1000000, 9999999));
    if (sys == "postgresql") {
        if (category == "deadlock") {
            code = "40P01";
            e.message = "ERROR: deadlock detected\n  Detail: Process " + pid +
                        " waits for ShareLock on transaction " + txn + "; blocked by process " +
                        std::to_string(rng.range(20000, 60000)) + ".";
        } else if (category == "unique") {
            code = "23505";
            e.message = "ERROR: duplicate key value violates unique constraint \"" + table +
                        "_pkey\"\n  Detail: Key (id)=(" + txn + ") already exists.";
        } else if (category == "missing_column") {
            code = "42703";
            e.message =
                "ERROR: column \"discount_code\" of relation \"" + table + "\" does not exist";
        } else {
            code = "08001";
            e.message = "Connection to " + std::string(s.dbNamespace) +
                        "-db.shop.svc.cluster.local:5432 refused. Check that the hostname and port "
                        "are correct and that the postmaster is accepting TCP/IP connections.";
        }
        switch (lang) {
            case Lang::Java:
                e.type = "org.postgresql.util.PSQLException";
                break;
            case Lang::Go:
                e.type = category == "refused" ? "*pgconn.ConnectError" : "*pgconn.PgError";
                if (category != "refused") e.message += " (SQLSTATE " + code + ")";
                break;
            case Lang::Python:
                e.type = category == "deadlock"         ? "psycopg.errors.DeadlockDetected"
                         : category == "unique"         ? "psycopg.errors.UniqueViolation"
                         : category == "missing_column" ? "psycopg.errors.UndefinedColumn"
                                                        : "psycopg.OperationalError";
                break;
            case Lang::Ruby:
                e.type = category == "deadlock"         ? "PG::TRDeadlockDetected"
                         : category == "unique"         ? "PG::UniqueViolation"
                         : category == "missing_column" ? "PG::UndefinedColumn"
                                                        : "PG::ConnectionBad";
                break;
            default:
                e.type = "PostgresError";
                break;
        }
    } else if (sys == "mysql") {
        if (category == "deadlock") {
            code = "1213";
            e.type = "com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException";
            e.message = "Deadlock found when trying to get lock; try restarting transaction";
        } else if (category == "unique") {
            code = "1062";
            e.type = "java.sql.SQLIntegrityConstraintViolationException";
            e.message = "Duplicate entry '" + txn + "' for key '" + table + ".PRIMARY'";
        } else if (category == "missing_column") {
            code = "1054";
            e.type = "java.sql.SQLSyntaxErrorException";
            e.message = "Unknown column 'discount_code' in 'field list'";
        } else {
            code = "08S01";
            e.type = "com.mysql.cj.jdbc.exceptions.CommunicationsException";
            e.message =
                "Communications link failure\n\nThe last packet sent successfully to the "
                "server was 0 milliseconds ago. The driver has not received any packets "
                "from the server.";
        }
    } else if (sys == "mongodb") {
        if (category == "refused") {
            code = "";
            e.type =
                lang == Lang::Go ? "topology.ServerSelectionError" : "MongoServerSelectionError";
            e.message =
                "connect ECONNREFUSED 10.0.4." + std::to_string(rng.range(2, 254)) + ":27017";
        } else if (category == "unique") {
            code = "11000";
            e.type = lang == Lang::Go ? "mongo.WriteException" : "MongoServerError";
            e.message = "E11000 duplicate key error collection: " + std::string(s.dbNamespace) +
                        "." + table + " index: _id_ dup key: { _id: \"" + txn + "\" }";
        } else {
            code = "112";
            e.type = lang == Lang::Go ? "mongo.CommandError" : "MongoServerError";
            e.message =
                "WriteConflict error: this operation conflicted with another operation. "
                "Please retry your operation or multi-document transaction.";
        }
    } else {  // mssql
        e.type = "Microsoft.Data.SqlClient.SqlException";
        if (category == "deadlock") {
            code = "1205";
            e.message = "Transaction (Process ID " + std::to_string(rng.range(51, 300)) +
                        ") was deadlocked on lock resources with another process and has been "
                        "chosen as the deadlock victim. Rerun the transaction.";
        } else if (category == "unique") {
            code = "2627";
            e.message = "Violation of PRIMARY KEY constraint 'PK_" + table +
                        "'. Cannot insert duplicate key in object 'dbo." + table + "'.";
        } else if (category == "missing_column") {
            code = "207";
            e.message = "Invalid column name 'DiscountCode'.";
        } else {
            code = "53";
            e.message =
                "A network-related or instance-specific error occurred while establishing a "
                "connection to SQL Server. The server was not found or was not accessible.";
        }
    }
    e.stack =
        stackTrace(lang, s, e.type, e.message,
                   s.internals.empty() ? std::string_view("Repository.save") : s.internals[0]);
    return e;
}

ExceptionInfo timeoutException(Lang lang, std::string_view url, int64_t timeoutMs) {
    const std::string ms = std::to_string(timeoutMs);
    switch (lang) {
        case Lang::Java:
            return {"java.net.http.HttpTimeoutException", "request timed out", ""};
        case Lang::Go:
            return {"*url.Error",
                    "Post \"" + std::string(url) +
                        "\": context deadline exceeded (Client.Timeout exceeded while awaiting "
                        "headers)",
                    ""};
        case Lang::Python:
            return {"requests.exceptions.ReadTimeout",
                    "HTTPConnectionPool(host='" + std::string(url.substr(7, url.find(':', 7) - 7)) +
                        "', port=80): Read timed out. (read timeout=" +
                        std::to_string(timeoutMs / 1000) + ")",
                    ""};
        case Lang::Node:
            return {"AxiosError", "timeout of " + ms + "ms exceeded", ""};
        case Lang::DotNet:
            return {"System.Threading.Tasks.TaskCanceledException",
                    "The request was canceled due to the configured HttpClient.Timeout of " +
                        std::to_string(timeoutMs / 1000) + " seconds elapsing.",
                    ""};
        case Lang::Ruby:
            return {"Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", ""};
        case Lang::Rust:
            return {"reqwest::Error",
                    "error sending request for url (" + std::string(url) + "): operation timed out",
                    ""};
    }
    return {"TimeoutError", "timed out", ""};
}

}  // namespace rootline::faults
