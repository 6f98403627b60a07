#pragma once
// The system the fault cases happen in: twenty services of an online shop, in the languages
// real shops mix, each with its operations, its datastore, its cache, the services it may call
// (callees always sit in a later tier, so calls never loop), the topics it publishes or
// consumes and the external API it uses. Every case draws its own subset, topology and
// instances from this pool.

#include <string>
#include <string_view>
#include <vector>

namespace rootline::faults {

enum class Lang { Java, Go, Python, Node, DotNet, Ruby, Rust };
enum class Proto { Http, Grpc, Consumer };

struct Table {
    std::string_view name;
    std::string_view select;  // query text of a typical read, parameters as placeholders
    std::string_view write;   // …and of a typical write
};

struct ServiceDef {
    std::string_view name;
    Lang lang;
    Proto proto;
    int port;
    std::string_view rpcService;  // gRPC: "shop.inventory.v1.InventoryService"
    // HTTP: "GET /api/orders/{id}"; gRPC: method names; consumers: nothing (they consume).
    std::vector<std::string_view> ops;
    std::string_view dbSystem;  // "postgresql", "mysql", "mongodb", "mssql", "elasticsearch" or ""
    std::string_view dbNamespace;
    std::vector<Table> tables;
    bool redis;
    std::vector<std::string_view> callees;
    std::vector<std::string_view> internals;  // in-process work, named the language's way
    std::string_view publishes;               // topic, or ""
    std::vector<std::string_view> consumes;   // topics
    std::string_view externalHost;            // a third-party API it calls, or ""
    std::string_view externalOp;              // "POST /v1/charges"
    bool edge;                                // receives requests from outside
};

const std::vector<ServiceDef>& catalogue();
const ServiceDef& service(int index);
int serviceIndex(std::string_view name);  // -1 when unknown
std::vector<int> calleesOf(int service);
std::vector<int> consumersOf(std::string_view topic);

// ---- languages: what their SDKs and instrumentations call themselves ----
std::string_view languageName(Lang lang);  // telemetry.sdk.language
std::string_view sdkVersion(Lang lang);
// Instrumentation scope names by what is instrumented: "http-server", "http-client",
// "grpc-server", "grpc-client", "db:<system>", "redis", "messaging", "app".
struct ScopeName {
    std::string name;
    std::string version;
};
ScopeName scopeFor(Lang lang, std::string_view what, std::string_view serviceName);

// "inventory-service" → "InventoryService"-ish names for stack frames and classes.
std::string className(std::string_view serviceName, std::string_view suffix);
std::string packageName(std::string_view serviceName);  // "com.shop.inventory"

}  // namespace rootline::faults
