#pragma once
// The catalogue of the simulated shop: 12 services with their endpoints, call graph, databases
// and queries, caches, third-party APIs and instrumentation scopes. Built once and shared.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "generator/languages.h"

namespace rootline::bench::generator {

// How requests reach a service.
enum class Inbound : uint8_t { Http, Grpc, Kafka };

// HTTP: method GET/POST…, route "/carts/{uuid}", path "/carts/{uuid}?currency={cur}".
// gRPC: method "GetCart", route "oteldemo.CartService", path unused.
struct Endpoint {
    std::string method;
    std::string route;
    std::string path;
};

struct Query {
    std::string operation;
    std::string table;
    std::string text;  // with {placeholders} for literal values
};

struct Database {
    std::string system;
    std::string name;
    std::string host;
    int port = 0;
    std::string user;
    std::vector<Query> queries;
};

struct External {
    std::string peer;  // peer.service
    std::string host;
    std::string method;
    std::string path;
};

struct Service {
    std::string name;
    Lang lang = Lang::Go;
    std::string sdkVersion;
    std::string instrumentationVersion;
    std::array<std::string, 2> versions;  // of its two instances (a canary differs)
    bool newSemconv = true;               // http.request.method vs http.method, …
    Inbound inbound = Inbound::Http;
    std::vector<Endpoint> endpoints;
    std::vector<uint8_t> downstream;  // services it calls
    int database = -1;                // index into Catalog::databases
    std::string cacheHost;            // Redis, or empty
    int external = -1;                // index into Catalog::externals
    bool produces = false;            // publishes to the "orders" Kafka topic
    std::vector<std::string> internalOps;
    std::vector<std::string> appAttributes;  // keys of business attributes on internal spans
    std::string codeNamespace;
    // Derived: the longest chain of calls (or messages) that can start here, 0 for a service
    // that calls no other.
    int hops = 0;
    // Derived: the distinct scopes of the service and the scope of each category.
    std::vector<std::string> scopeNames;
    std::array<uint8_t, kCategories> scopeOf{};
};

enum ServiceIndex : uint8_t {
    kFrontend,
    kUser,
    kCart,
    kCatalog,
    kCheckout,
    kPayment,
    kShipping,
    kInventory,
    kCurrency,
    kRecommendation,
    kAd,
    kNotification,
    kServiceCount
};

struct Catalog {
    std::vector<Service> services;
    std::vector<Database> databases;
    std::vector<External> externals;
    std::vector<std::string> redisCommands;  // "GET session:{hex}"
    std::vector<std::string> browserAgents;
};

const Catalog& catalog();

}  // namespace rootline::bench::generator
