#include "trace_generator.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

// Layout of this file, top to bottom:
//   1. randomness that is the same on every machine
//   2. the catalogue: services, endpoints, databases, scopes, error texts
//   3. the tree: one compact record per span (structure, timing, outcome)
//   4. describing a span: its name, attributes and events, derived from (seed, index)
//   5. the JSON writers for Jaeger and OTLP

namespace rootline::bench {

namespace {

// ---------------------------------------------------------------------------------------------
// 1. Randomness. splitmix64 and plain IEEE arithmetic only (no exp/log/pow, whose last bits may
// differ between C libraries), so a seed means the same bytes everywhere.

uint64_t splitmix(uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

uint64_t mix(uint64_t a, uint64_t b) {
    return splitmix(a ^ splitmix(b));
}

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        return splitmix(state_);
    }
    // Uniform in [0, n).
    uint32_t below(size_t n) {
        return static_cast<uint32_t>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    int64_t between(int64_t lo, int64_t hi) {
        return lo + static_cast<int64_t>(unit() * static_cast<double>(hi - lo));
    }
    // Mostly near `lo` with a long tail up to `hi`, the shape of real latencies.
    int64_t skewed(int64_t lo, int64_t hi) {
        const double u = unit();
        return lo + static_cast<int64_t>(u * u * u * static_cast<double>(hi - lo));
    }
    template <class Container>
    const auto& pick(const Container& items) {
        return items[below(std::size(items))];
    }

private:
    uint64_t state_;
};

constexpr int64_t kUs = 1000;
constexpr int64_t kMs = 1000 * kUs;
constexpr int64_t kEpochNs = 1787216400LL * 1000000000LL;  // 2026-08-20T09:00:00Z
// Depth of the deepest span (the root is 0), so a trace has at most 10 levels.
constexpr int kMaxDepth = 9;
constexpr uint32_t kNone = UINT32_MAX;

// Salts that give each use of the per-span randomness its own stream.
enum Salt : uint64_t {
    kSaltSpanId = 1,
    kSaltTraceId,
    kSaltTree,
    kSaltContent,
    kSaltRequest,
    kSaltInstance,
};

// ---------------------------------------------------------------------------------------------
// 2. The catalogue.

enum class Lang : uint8_t { Node, Java, Go, Python, DotNet, Cpp, Rust };
enum class Inbound : uint8_t { Http, Grpc, Kafka };
// Which instrumentation library (scope) records a span.
enum Category : uint8_t {
    kHttpServer,
    kHttpClient,
    kGrpcServer,
    kGrpcClient,
    kDb,
    kCache,
    kMessaging,
    kInternal,
    kCategories
};

struct LangInfo {
    const char* sdkLanguage;
    const char* runtimeName;  // empty: the SDK does not report one
    const char* runtimeVersion;
    std::array<const char*, kCategories> scopes;  // nullptr: the service's own name
    const char* userAgent;                        // of its HTTP client
    bool threads;                                 // reports thread.id / thread.name
    const char* httpError;                        // what its HTTP client throws on a 4xx
    const char* grpcError;                        // what its gRPC client throws
};

const LangInfo& langInfo(Lang lang) {
    static const std::array<LangInfo, 7> table{{
        {"nodejs",
         "nodejs",
         "20.15.1",
         {"@opentelemetry/instrumentation-http", "@opentelemetry/instrumentation-undici",
          "@opentelemetry/instrumentation-grpc", "@opentelemetry/instrumentation-grpc",
          "@opentelemetry/instrumentation-pg", "@opentelemetry/instrumentation-ioredis",
          "@opentelemetry/instrumentation-kafkajs", nullptr},
         "undici",
         false,
         "HTTPError",
         "Error"},
        {"java",
         "OpenJDK Runtime Environment",
         "21.0.4+7-LTS",
         {"io.opentelemetry.tomcat-10.0", "io.opentelemetry.java-http-client",
          "io.opentelemetry.grpc-1.6", "io.opentelemetry.grpc-1.6", "io.opentelemetry.jdbc",
          "io.opentelemetry.lettuce-5.1", "io.opentelemetry.kafka-clients-0.11", nullptr},
         "Java-http-client/21.0.4",
         true,
         "org.springframework.web.client.HttpClientErrorException",
         "io.grpc.StatusRuntimeException"},
        {"go",
         "go",
         "go1.22.5",
         {"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp",
          "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp",
          "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc",
          "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc",
          "github.com/XSAM/otelsql", "github.com/redis/go-redis/extra/redisotel",
          "github.com/IBM/sarama/otelsarama", nullptr},
         "Go-http-client/1.1",
         false,
         "*errors.errorString",
         "*status.Error"},
        {"python",
         "cpython",
         "3.12.4",
         {"opentelemetry.instrumentation.flask", "opentelemetry.instrumentation.requests",
          "opentelemetry.instrumentation.grpc", "opentelemetry.instrumentation.grpc",
          "opentelemetry.instrumentation.pymongo", "opentelemetry.instrumentation.redis",
          "opentelemetry.instrumentation.kafka", nullptr},
         "python-requests/2.32.3",
         true,
         "requests.exceptions.HTTPError",
         "grpc._channel._InactiveRpcError"},
        {"dotnet",
         ".NET",
         "8.0.7",
         {"Microsoft.AspNetCore", "System.Net.Http", "Grpc.AspNetCore.Server",
          "OpenTelemetry.Instrumentation.GrpcNetClient", "OpenTelemetry.Instrumentation.SqlClient",
          "OpenTelemetry.Instrumentation.StackExchangeRedis", "Confluent.Kafka", nullptr},
         "dotnet-httpclient/8.0",
         true,
         "System.Net.Http.HttpRequestException",
         "Grpc.Core.RpcException"},
        {"cpp",
         "",
         "",
         {nullptr, nullptr, "opentelemetry-cpp/grpc", "opentelemetry-cpp/grpc", nullptr,
          "opentelemetry-cpp/redis", nullptr, nullptr},
         "libcurl/7.88.1",
         false,
         "std::runtime_error",
         "std::runtime_error"},
        {"rust",
         "rustc",
         "1.79.0",
         {"actix-web-opentelemetry", "reqwest-tracing", "tonic-tracing-opentelemetry",
          "tonic-tracing-opentelemetry", "sqlx", "redis-opentelemetry", "rdkafka", nullptr},
         "reqwest/0.12.5",
         false,
         "reqwest::Error",
         "tonic::Status"},
    }};
    return table[static_cast<size_t>(lang)];
}

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

Endpoint http(const char* method, const char* route, const char* path = nullptr) {
    return {method, route, path ? path : route};
}
Endpoint grpc(const char* service, const char* method) {
    return {method, service, {}};
}

Service service(const char* name, Lang lang, const char* sdkVersion, const char* instrumentation,
                std::array<std::string, 2> versions, bool newSemconv, Inbound inbound) {
    Service s;
    s.name = name;
    s.lang = lang;
    s.sdkVersion = sdkVersion;
    s.instrumentationVersion = instrumentation;
    s.versions = std::move(versions);
    s.newSemconv = newSemconv;
    s.inbound = inbound;
    return s;
}

Catalog makeCatalog() {
    Catalog c;
    c.databases = {
        {"postgresql",
         "users",
         "users-db.shop.svc.cluster.local",
         5432,
         "user_svc",
         {{"SELECT", "users",
           "SELECT id, email, display_name, created_at FROM users WHERE id = {id}"},
          {"SELECT", "addresses",
           "SELECT id, line1, city, postal_code, country FROM addresses WHERE user_id = {id} AND "
           "is_default = true"},
          {"UPDATE", "sessions",
           "UPDATE sessions SET last_seen_at = '2026-08-20 09:{mm}:{ss}', ip = '{ip}' WHERE token "
           "= '{hex}'"},
          {"INSERT", "audit_log",
           "INSERT INTO audit_log (user_id, action, details) VALUES ({id}, 'login', "
           "'{\"ua\":\"Mozilla/5.0\",\"attempt\":{n}}')"}}},
        {"postgresql",
         "catalog",
         "catalog-db.shop.svc.cluster.local",
         5432,
         "catalog_ro",
         {{"SELECT", "products",
           "SELECT p.id, p.name, p.description, p.price_cents, p.currency FROM products p WHERE "
           "p.id = {id}"},
          {"SELECT", "products",
           "SELECT id, name, price_cents FROM products WHERE category = '{word}' AND price_cents "
           "BETWEEN {n} AND {id} ORDER BY popularity DESC LIMIT 20 OFFSET {n}"},
          {"SELECT", "product_images",
           "SELECT url, width, height FROM product_images WHERE product_id IN ({id}, {id}, {id})"},
          {"UPDATE", "products",
           "UPDATE products SET view_count = view_count + 1 WHERE id = {id}"}}},
        {"postgresql",
         "orders",
         "orders-db.shop.svc.cluster.local",
         5432,
         "checkout",
         {{"INSERT", "orders",
           "INSERT INTO orders (id, user_id, total_cents, currency, status) VALUES ('{uuid}', "
           "{id}, {id}, '{cur}', 'pending')"},
          {"INSERT", "order_items",
           "INSERT INTO order_items (order_id, sku, quantity, unit_price_cents) VALUES ('{uuid}', "
           "'{sku}', {n}, {id})"},
          {"SELECT", "orders", "SELECT id, status, total_cents FROM orders WHERE id = '{uuid}'"},
          {"UPDATE", "orders",
           "UPDATE orders SET status = 'paid', paid_at = now() WHERE id = '{uuid}'"}}},
        {"postgresql",
         "payments",
         "payments-db.shop.svc.cluster.local",
         5432,
         "payment_svc",
         {{"INSERT", "payments",
           "INSERT INTO payments (id, order_id, amount_cents, card_last4, status) VALUES "
           "('{uuid}', '{uuid}', {id}, '{n4}', 'authorized')"},
          {"SELECT", "payments",
           "SELECT status FROM payments WHERE order_id = '{uuid}' FOR UPDATE"},
          {"UPDATE", "payments", "UPDATE payments SET status = 'captured' WHERE id = '{uuid}'"}}},
        {"mysql",
         "shipping",
         "shipping-db.shop.svc.cluster.local",
         3306,
         "shipping",
         {{"SELECT", "rates",
           "SELECT carrier, base_cents, per_kg_cents FROM rates WHERE zone = '{zone}' AND "
           "max_weight_g >= {id}"},
          {"INSERT", "shipments",
           "INSERT INTO shipments (order_id, carrier, tracking_no) VALUES ('{uuid}', 'DHL', "
           "'JD0{id}')"},
          {"SELECT", "tracking_events",
           "SELECT status, location, occurred_at FROM tracking_events WHERE shipment_id = {id} "
           "ORDER BY occurred_at DESC"}}},
        {"mysql",
         "inventory",
         "inventory-db.shop.svc.cluster.local",
         3306,
         "inventory",
         {{"SELECT", "stock",
           "SELECT sku, warehouse_id, on_hand, reserved FROM stock WHERE sku = '{sku}' AND "
           "warehouse_id = {n}"},
          {"UPDATE", "stock",
           "UPDATE stock SET reserved = reserved + {n} WHERE sku = '{sku}' AND warehouse_id = {n} "
           "AND on_hand - reserved >= {n}"},
          {"INSERT", "reservations",
           "INSERT INTO reservations (id, sku, quantity, expires_at) VALUES ('{uuid}', '{sku}', "
           "{n}, '2026-08-20 09:{mm}:{ss}')"}}},
        {"postgresql",
         "ads",
         "ads-db.shop.svc.cluster.local",
         5432,
         "ads_ro",
         {{"SELECT", "ads",
           "SELECT id, text, redirect_url FROM ads WHERE category = '{word}' AND active = true "
           "AND id > {id} LIMIT 3"}}},
        {"mongodb",
         "notifications",
         "mongo-0.mongo.shop.svc.cluster.local",
         27017,
         "",
         {{"find", "templates",
           "{\"find\":\"templates\",\"filter\":{\"name\":\"order-confirmation\",\"locale\":\"en-"
           "{cc}\"},\"limit\":1}"},
          {"insert", "notifications",
           "{\"insert\":\"notifications\",\"documents\":[{\"userId\":{id},\"orderId\":\"{uuid}\","
           "\"channel\":\"email\"}]}"},
          {"update", "notifications",
           "{\"update\":\"notifications\",\"updates\":[{\"q\":{\"_id\":\"{hex}\"},\"u\":{\"$set\":"
           "{\"status\":\"sent\"}}}]}"}}},
    };
    enum {
        kUsersDb,
        kCatalogDb,
        kOrdersDb,
        kPaymentsDb,
        kShippingDb,
        kInventoryDb,
        kAdsDb,
        kMongo
    };
    c.externals = {{"stripe", "api.stripe.com", "POST", "/v1/payment_intents/pi_{hex}/confirm"},
                   {"sendgrid", "api.sendgrid.com", "POST", "/v3/mail/send"}};
    c.redisCommands = {"GET session:{hex}",           "HGETALL cart:{uuid}",
                       "SETEX product:{id} 300 {id}", "MGET price:{sku} price:{sku} price:{sku}",
                       "INCR ratelimit:{id}:{mm}",    "EXPIRE cart:{uuid} 86400",
                       "HSET cart:{uuid} {sku} {n}"};
    c.browserAgents = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/127.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
        "Gecko) Version/17.5 Mobile/15E148 Safari/604.1"};

    auto& s = c.services;
    s.resize(kServiceCount);
    s[kFrontend] = service("frontend", Lang::Node, "1.25.1", "0.52.1", {"2.4.1", "2.4.1"}, true,
                           Inbound::Http);
    s[kFrontend].endpoints = {
        http("GET", "/api/products/{id}"),
        http("GET", "/api/products", "/api/products?page={n}&currency={cur}"),
        http("GET", "/api/cart"),
        http("POST", "/api/cart/items"),
        http("POST", "/api/checkout"),
        http("GET", "/api/recommendations", "/api/recommendations?productIds={id}"),
        http("GET", "/api/data/ads", "/api/data/ads?contextKeys={word}"),
        http("GET", "/api/users/{id}/orders")};
    s[kFrontend].downstream = {kUser, kCart, kCatalog, kCheckout, kRecommendation, kAd};
    s[kFrontend].cacheHost = "redis-sessions";
    s[kFrontend].internalOps = {"renderProductPage", "buildCartView", "resolveSession",
                                "formatPrices", "validateCheckoutForm"};
    s[kFrontend].appAttributes = {"app.session.id", "app.user.id", "app.currency"};
    s[kFrontend].codeNamespace = "frontend/pages";

    s[kUser] = service("user-service", Lang::Java, "1.39.0", "2.6.0", {"3.12.0", "3.12.0"}, true,
                       Inbound::Http);
    s[kUser].endpoints = {http("GET", "/users/{id}"), http("GET", "/users/{id}/addresses"),
                          http("POST", "/users/{id}/sessions"),
                          http("GET", "/users/{id}/preferences")};
    s[kUser].database = kUsersDb;
    s[kUser].cacheHost = "redis-users";
    s[kUser].internalOps = {"UserService.loadProfile", "PasswordHasher.verify", "UserMapper.toDto",
                            "SessionManager.refresh"};
    s[kUser].appAttributes = {"app.user.id", "app.user.tier"};
    s[kUser].codeNamespace = "com.shop.users";

    s[kCart] = service("cart-service", Lang::DotNet, "1.9.0", "1.9.0", {"1.8.3", "1.8.3"}, true,
                       Inbound::Http);
    s[kCart].endpoints = {http("GET", "/carts/{uuid}"), http("POST", "/carts/{uuid}/items"),
                          http("DELETE", "/carts/{uuid}/items/{sku}"),
                          http("PUT", "/carts/{uuid}")};
    s[kCart].downstream = {kCatalog};
    s[kCart].cacheHost = "valkey-cart";
    s[kCart].internalOps = {"CartStore.Load", "CartValidator.Validate", "PriceCalculator.Apply"};
    s[kCart].appAttributes = {"app.cart.id", "app.cart.items.count", "app.user.id"};
    s[kCart].codeNamespace = "Shop.Cart.Services";

    s[kCatalog] = service("catalog-service", Lang::Go, "1.28.0", "0.53.0", {"5.2.0", "5.3.0-rc.1"},
                          true, Inbound::Grpc);
    s[kCatalog].endpoints = {grpc("oteldemo.ProductCatalogService", "GetProduct"),
                             grpc("oteldemo.ProductCatalogService", "ListProducts"),
                             grpc("oteldemo.ProductCatalogService", "SearchProducts")};
    s[kCatalog].downstream = {kInventory};
    s[kCatalog].database = kCatalogDb;
    s[kCatalog].cacheHost = "redis-catalog";
    s[kCatalog].internalOps = {"catalog.loadProduct", "catalog.applyDiscounts",
                               "catalog.rankResults", "catalog.decodeRow"};
    s[kCatalog].appAttributes = {"app.product.id", "app.products.count"};
    s[kCatalog].codeNamespace = "github.com/shop/catalog/internal/catalog";

    s[kCheckout] = service("checkout-service", Lang::Go, "1.24.0", "0.49.0", {"4.0.7", "4.0.7"},
                           false, Inbound::Http);
    s[kCheckout].endpoints = {http("POST", "/checkout/orders"),
                              http("GET", "/checkout/orders/{uuid}"),
                              http("POST", "/checkout/quotes")};
    s[kCheckout].downstream = {kCart, kPayment, kShipping, kCurrency, kInventory, kUser};
    s[kCheckout].database = kOrdersDb;
    s[kCheckout].produces = true;
    s[kCheckout].internalOps = {"checkout.prepareOrderItems", "checkout.quoteShipping",
                                "checkout.chargeCard", "checkout.buildConfirmation",
                                "checkout.validateAddress"};
    s[kCheckout].appAttributes = {"app.order.id", "app.order.total", "app.order.items.count",
                                  "app.currency"};
    s[kCheckout].codeNamespace = "github.com/shop/checkout/internal/order";

    s[kPayment] = service("payment-service", Lang::Java, "1.32.0", "1.32.0", {"2.9.4", "2.10.0"},
                          false, Inbound::Grpc);
    s[kPayment].endpoints = {grpc("oteldemo.PaymentService", "Charge"),
                             grpc("oteldemo.PaymentService", "Authorize"),
                             grpc("oteldemo.PaymentService", "Refund")};
    s[kPayment].database = kPaymentsDb;
    s[kPayment].external = 0;
    s[kPayment].internalOps = {"PaymentProcessor.charge", "FraudCheck.score",
                               "CardValidator.validate", "LedgerWriter.append"};
    s[kPayment].appAttributes = {"app.payment.card_type", "app.payment.amount", "app.order.id"};
    s[kPayment].codeNamespace = "com.shop.payment";

    s[kShipping] = service("shipping-service", Lang::Rust, "0.23.0", "0.23.0", {"1.4.2", "1.4.2"},
                           true, Inbound::Http);
    s[kShipping].endpoints = {http("POST", "/shipping/quote"), http("POST", "/shipping/shipments"),
                              http("GET", "/shipping/shipments/{id}/tracking")};
    s[kShipping].downstream = {kCurrency};
    s[kShipping].database = kShippingDb;
    s[kShipping].internalOps = {"shipping::quote::compute", "shipping::carrier::select",
                                "shipping::label::render"};
    s[kShipping].appAttributes = {"app.shipping.zone", "app.shipping.weight_g"};
    s[kShipping].codeNamespace = "shipping::handlers";

    s[kInventory] = service("inventory-service", Lang::Java, "1.39.0", "2.6.0", {"7.1.0", "7.1.0"},
                            true, Inbound::Grpc);
    s[kInventory].endpoints = {grpc("oteldemo.InventoryService", "CheckStock"),
                               grpc("oteldemo.InventoryService", "ReserveItems"),
                               grpc("oteldemo.InventoryService", "ReleaseReservation")};
    s[kInventory].database = kInventoryDb;
    s[kInventory].cacheHost = "redis-inventory";
    s[kInventory].internalOps = {"StockService.checkAvailability", "ReservationService.reserve",
                                 "WarehouseRouter.pick"};
    s[kInventory].appAttributes = {"app.product.sku", "app.warehouse.id"};
    s[kInventory].codeNamespace = "com.shop.inventory";

    s[kCurrency] = service("currency-service", Lang::Cpp, "1.16.1", "1.16.1", {"1.1.0", "1.1.0"},
                           true, Inbound::Grpc);
    s[kCurrency].endpoints = {grpc("oteldemo.CurrencyService", "Convert"),
                              grpc("oteldemo.CurrencyService", "GetSupportedCurrencies")};
    s[kCurrency].cacheHost = "redis-rates";
    s[kCurrency].internalOps = {"CurrencyConverter::Convert", "RateTable::Lookup",
                                "Money::Normalize"};
    s[kCurrency].appAttributes = {"app.currency.from", "app.currency.to"};
    s[kCurrency].codeNamespace = "currency";

    s[kRecommendation] = service("recommendation-service", Lang::Python, "1.26.0", "0.47b0",
                                 {"0.9.3", "0.9.3"}, false, Inbound::Grpc);
    s[kRecommendation].endpoints = {grpc("oteldemo.RecommendationService", "ListRecommendations")};
    s[kRecommendation].downstream = {kCatalog};
    s[kRecommendation].cacheHost = "redis-reco";
    s[kRecommendation].internalOps = {"recommender.score_candidates", "recommender.filter_seen",
                                      "recommender.load_model_features"};
    s[kRecommendation].appAttributes = {"app.recommendations.count", "app.model.version"};
    s[kRecommendation].codeNamespace = "recommendation.recommender";

    s[kAd] = service("ad-service", Lang::Java, "1.39.0", "2.6.0", {"1.2.2", "1.2.2"}, true,
                     Inbound::Grpc);
    s[kAd].endpoints = {grpc("oteldemo.AdService", "GetAds")};
    s[kAd].database = kAdsDb;
    s[kAd].internalOps = {"AdSelector.select", "TargetingEngine.match", "AdRenderer.render"};
    s[kAd].appAttributes = {"app.ads.count", "app.ads.category"};
    s[kAd].codeNamespace = "com.shop.ads";

    s[kNotification] = service("notification-service", Lang::Python, "1.20.0", "0.41b0",
                               {"0.4.0", "0.4.0"}, false, Inbound::Kafka);
    s[kNotification].downstream = {kUser};
    s[kNotification].database = kMongo;
    s[kNotification].external = 1;
    s[kNotification].internalOps = {"notifier.render_template", "notifier.resolve_recipients",
                                    "notifier.dedupe"};
    s[kNotification].appAttributes = {"app.notification.channel", "app.order.id"};
    s[kNotification].codeNamespace = "notification.worker";

    // The call graph is acyclic; a few passes settle the longest chains.
    for (size_t pass = 0; pass < s.size(); ++pass)
        for (Service& svc : s) {
            for (uint8_t t : svc.downstream)
                svc.hops = std::max(svc.hops, s[t].hops + 1);
            if (svc.produces) svc.hops = std::max(svc.hops, s[kNotification].hops + 1);
        }
    // Categories that share an instrumentation library share one scope.
    for (Service& svc : s) {
        const LangInfo& info = langInfo(svc.lang);
        for (size_t cat = 0; cat < kCategories; ++cat) {
            const std::string name = info.scopes[cat] ? info.scopes[cat] : svc.name;
            auto it = std::find(svc.scopeNames.begin(), svc.scopeNames.end(), name);
            if (it == svc.scopeNames.end()) it = svc.scopeNames.insert(it, name);
            svc.scopeOf[cat] = static_cast<uint8_t>(it - svc.scopeNames.begin());
        }
    }
    return c;
}

const Catalog& catalog() {
    static const Catalog c = makeCatalog();
    return c;
}

// ---------------------------------------------------------------------------------------------
// 3. The tree.

enum class Type : uint8_t {
    HttpServer,
    GrpcServer,
    Consumer,
    HttpClient,
    GrpcClient,
    External,
    Producer,
    Db,
    Cache,
    Internal,
};

Category categoryOf(Type t) {
    switch (t) {
        case Type::HttpServer:
            return kHttpServer;
        case Type::GrpcServer:
            return kGrpcServer;
        case Type::HttpClient:
        case Type::External:
            return kHttpClient;
        case Type::GrpcClient:
            return kGrpcClient;
        case Type::Consumer:
        case Type::Producer:
            return kMessaging;
        case Type::Db:
            return kDb;
        case Type::Cache:
            return kCache;
        case Type::Internal:
            return kInternal;
    }
    return kInternal;
}

// gRPC codes that the semantic conventions count as a server-side failure.
bool isGrpcServerError(uint16_t code) {
    return code == 2 || code == 4 || code == 12 || code == 13 || code == 14 || code == 15;
}

// One span as generated; everything textual is derived from the index when it is written.
struct GenSpan {
    int64_t start = 0;     // ns since the epoch (relative to the parent while laying out)
    int64_t duration = 0;  // ns
    uint32_t parent = kNone;
    uint32_t trace = 0;
    uint8_t service = 0;
    uint8_t instance = 0;
    Type type = Type::Internal;
    uint8_t target = 0;  // service called by a client or producer span
    uint16_t op = 0;     // endpoint, query, command or internal operation
    uint16_t code = 0;   // HTTP status or gRPC status code
    bool error = false;
};

class TreeBuilder {
public:
    TreeBuilder(const GeneratorOptions& options, std::vector<GenSpan>& spans)
        : rng_(mix(options.seed, kSaltTree)),
          errorRate_(options.errorRate),
          spans_(spans),
          cat_(catalog()) {}

    void buildTrace(uint32_t trace, uint32_t budget, int64_t startNs) {
        trace_ = trace;
        const uint32_t first = static_cast<uint32_t>(spans_.size());
        GenSpan root;
        root.service = kFrontend;
        root.instance = static_cast<uint8_t>(rng_.below(2));
        root.type = Type::HttpServer;
        root.op = static_cast<uint16_t>(rng_.below(cat_.services[kFrontend].endpoints.size()));
        decideServerOutcome(root);
        const uint32_t r = add(root);
        spans_[r].duration = fillHandler(r, 0, budget - 1);
        spans_[r].start = startNs;
        // Offsets → absolute times. Parents precede their children (pre-order).
        for (size_t i = first + 1; i < spans_.size(); ++i)
            spans_[i].start += spans_[spans_[i].parent].start;
    }

private:
    uint32_t add(GenSpan s) {
        s.trace = trace_;
        spans_.push_back(s);
        return static_cast<uint32_t>(spans_.size() - 1);
    }

    // How many children a handler of `svc` at `depth` gets for `budget` descendants: a varied
    // number, but enough that the subtree fits in the levels left (client/server pairs take
    // two). A service that calls no other can only nest internal spans, so it fans out wide
    // instead (the N+1 query loop of a bulk handler) rather than nesting ten levels deep.
    uint32_t fanOut(int depth, uint32_t budget, const Service& svc) {
        const int levels = kMaxDepth - depth;
        if (levels <= 1) return budget;
        const int effective = std::min(levels - levels / 3, 2 * svc.hops + 2);
        uint32_t minimum = 1;
        auto power = [](uint64_t k, int e) {
            uint64_t v = 1;
            for (int i = 0; i < e && v < UINT32_MAX; ++i)
                v *= k;
            return v;
        };
        while (power(minimum, effective) < budget)
            ++minimum;
        // Enough calls that a typical service below can serve each of them as one request.
        if (!svc.downstream.empty()) {
            std::vector<uint64_t> caps;
            for (uint8_t t : svc.downstream)
                caps.push_back(capacity(cat_.services[t]));
            std::sort(caps.begin(), caps.end());
            const uint64_t typical = caps[caps.size() / 2];
            minimum = std::max<uint64_t>(minimum, (budget + typical - 1) / typical);
        }
        // Below a service that calls no other, most children are queries and cache calls
        // (leaves); only a few small internal spans group some of them.
        if (svc.hops == 0 && budget <= 64) minimum = std::max(minimum, (budget * 17 + 19) / 20);
        const uint32_t roll = rng_.below(100);
        uint32_t wanted = roll < 20   ? 1
                          : roll < 70 ? 2 + rng_.below(3)
                          : roll < 95 ? 5 + rng_.below(5)
                                      : 10 + rng_.below(11);
        return std::min(budget, std::max(minimum, wanted));
    }

    // The most spans one request to `svc` should produce: 48 for a service that calls no
    // other, ×12 per level of calls it can make. A big trace thus becomes many requests of
    // plausible size (a batch) rather than a few enormous ones.
    static uint64_t capacity(const Service& svc) {
        uint64_t c = 48;
        for (int h = 0; h < svc.hops; ++h)
            c *= 12;
        return c;
    }

    // Splits `budget` into k parts of at least 1, unevenly (weights 1..2.5).
    std::vector<uint32_t> split(uint32_t budget, uint32_t k) {
        std::vector<uint32_t> parts(k, 1);
        std::vector<double> weights(k);
        double total = 0;
        for (double& w : weights) {
            const double u = rng_.unit();
            w = 1 + 1.5 * u * u;
            total += w;
        }
        const uint32_t spare = budget - k;
        uint32_t used = 0;
        for (uint32_t i = 0; i < k; ++i) {
            const auto add =
                std::min(spare - used,
                         static_cast<uint32_t>(static_cast<double>(spare) * weights[i] / total));
            parts[i] += add;
            used += add;
        }
        const uint32_t from = rng_.below(k);
        for (uint32_t j = 0; j < spare - used; ++j)
            parts[(from + j) % k] += 1;
        return parts;
    }

    // Creates the descendants of handler span `p` (server, consumer or internal) at `depth`,
    // exactly `budget` spans, lays them out inside it and returns its duration.
    int64_t fillHandler(uint32_t p, int depth, uint32_t budget) {
        int64_t cursor = rng_.skewed(20 * kUs, 900 * kUs);  // work before the first call
        if (budget > 0) {
            const uint32_t k = fanOut(depth, budget, cat_.services[spans_[p].service]);
            const std::vector<uint32_t> parts = split(budget, k);
            // Some handlers fan out concurrently (batches of 2–4 calls in flight).
            const bool parallel = k > 1 && rng_.chance(0.3);
            int64_t batchStart = 0, batchEnd = cursor;
            uint32_t inBatch = 0, batchSize = 0;
            for (uint32_t part : parts) {
                uint32_t child = 0;
                const int64_t d = makeChild(p, depth + 1, part, child);
                int64_t offset;
                if (parallel) {
                    if (inBatch == batchSize) {
                        cursor = batchEnd + rng_.between(5 * kUs, 200 * kUs);
                        batchStart = cursor;
                        batchSize = 2 + rng_.below(3);
                        inBatch = 0;
                    }
                    offset = batchStart + rng_.between(0, 40 * kUs);
                    ++inBatch;
                    batchEnd = std::max(batchEnd, offset + d);
                } else {
                    offset = cursor + rng_.between(5 * kUs, 300 * kUs);
                    cursor = offset + d;
                    batchEnd = cursor;
                }
                spans_[child].start = offset;
            }
            cursor = std::max(cursor, batchEnd);
        }
        return cursor + rng_.skewed(10 * kUs, 500 * kUs);
    }

    // One child of `p` at `depth` using `budget` spans (itself included); returns its duration.
    int64_t makeChild(uint32_t p, int depth, uint32_t budget, uint32_t& index) {
        const uint8_t svc = spans_[p].service;
        const Service& s = cat_.services[svc];
        if (budget == 1) return makeLeaf(p, index);
        // A remote or messaging hop puts its server side one level deeper.
        const bool hopFits = depth + 1 < kMaxDepth || (depth + 1 == kMaxDepth && budget == 2);
        const bool canCall = hopFits && !s.downstream.empty();
        const bool canPublish = hopFits && s.produces;
        const uint32_t roll = rng_.below(100);
        if (canPublish && roll < 8) return makeMessaging(p, depth, budget, index);
        // Internal spans take a level each; where the levels left are just enough for the
        // chain of calls below, the service calls rather than nesting.
        const bool depthToSpare = kMaxDepth - depth > 2 * s.hops + 1;
        if (canCall && (roll < 80 || !depthToSpare)) {
            // Too much for one request to that service: an internal span (a batch) splits it,
            // unless the levels left do not allow one.
            const uint8_t target = rng_.pick(s.downstream);
            if (budget <= capacity(cat_.services[target]) || !depthToSpare)
                return makeCall(p, depth, budget, target, index);
        }
        GenSpan in;
        in.parent = p;
        in.service = svc;
        in.instance = spans_[p].instance;
        in.type = Type::Internal;
        in.op = static_cast<uint16_t>(rng_.below(s.internalOps.size()));
        in.error = rng_.chance(errorRate_);
        index = add(in);
        const int64_t d = fillHandler(index, depth, budget - 1);
        spans_[index].duration = d;
        return d;
    }

    int64_t makeLeaf(uint32_t p, uint32_t& index) {
        const uint8_t svc = spans_[p].service;
        const Service& s = cat_.services[svc];
        GenSpan leaf;
        leaf.parent = p;
        leaf.service = svc;
        leaf.instance = spans_[p].instance;
        // Weighted choice among what the service has: SQL 40, Redis 25, internal 15,
        // third-party HTTP 6, fire-and-forget publish 4.
        const uint32_t wDb = s.database >= 0 ? 40 : 0, wCache = s.cacheHost.empty() ? 0 : 25,
                       wInternal = 15, wExternal = s.external >= 0 ? 6 : 0,
                       wPublish = s.produces ? 4 : 0;
        uint32_t roll = rng_.below(wDb + wCache + wInternal + wExternal + wPublish);
        int64_t d;
        if (roll < wDb) {
            leaf.type = Type::Db;
            leaf.op = static_cast<uint16_t>(
                rng_.below(cat_.databases[static_cast<size_t>(s.database)].queries.size()));
            d = rng_.skewed(250 * kUs, 40 * kMs);
        } else if ((roll -= wDb) < wCache) {
            leaf.type = Type::Cache;
            leaf.op = static_cast<uint16_t>(rng_.below(cat_.redisCommands.size()));
            d = rng_.skewed(60 * kUs, 3 * kMs);
        } else if ((roll -= wCache) < wInternal) {
            leaf.type = Type::Internal;
            leaf.op = static_cast<uint16_t>(rng_.below(s.internalOps.size()));
            d = rng_.skewed(15 * kUs, 12 * kMs);
        } else if ((roll -= wInternal) < wExternal) {
            leaf.type = Type::External;
            d = rng_.skewed(35 * kMs, 900 * kMs);
        } else {
            leaf.type = Type::Producer;
            leaf.target = kNotification;
            d = rng_.skewed(400 * kUs, 8 * kMs);
        }
        if (leaf.type == Type::External) {
            GenSpan thirdParty = leaf;  // its side of the call is not in the trace
            decidePairOutcome(leaf, thirdParty);
        } else {
            leaf.error = rng_.chance(errorRate_);
        }
        leaf.duration = d;
        index = add(leaf);
        return d;
    }

    // A client span and the server span of the called service beneath it.
    int64_t makeCall(uint32_t p, int depth, uint32_t budget, uint8_t target, uint32_t& index) {
        const uint8_t svc = spans_[p].service;
        const Service& t = cat_.services[target];
        const bool grpc = t.inbound == Inbound::Grpc;
        GenSpan client;
        client.parent = p;
        client.service = svc;
        client.instance = spans_[p].instance;
        client.type = grpc ? Type::GrpcClient : Type::HttpClient;
        client.target = target;
        client.op = static_cast<uint16_t>(rng_.below(t.endpoints.size()));
        GenSpan server;
        server.service = target;
        server.instance = static_cast<uint8_t>(rng_.below(2));
        server.type = grpc ? Type::GrpcServer : Type::HttpServer;
        server.op = client.op;
        decidePairOutcome(client, server);
        index = add(client);
        server.parent = index;
        const uint32_t si = add(server);
        const int64_t sd = fillHandler(si, depth + 1, budget - 2);
        const int64_t out = rng_.skewed(120 * kUs, 2 * kMs), back = rng_.skewed(80 * kUs, 1 * kMs);
        spans_[si].start = out;
        spans_[si].duration = sd;
        spans_[index].duration = out + sd + back;
        return spans_[index].duration;
    }

    // A Kafka publish and, beneath it, the notification service consuming the message.
    int64_t makeMessaging(uint32_t p, int depth, uint32_t budget, uint32_t& index) {
        GenSpan producer;
        producer.parent = p;
        producer.service = spans_[p].service;
        producer.instance = spans_[p].instance;
        producer.type = Type::Producer;
        producer.target = kNotification;
        producer.error = rng_.chance(errorRate_);
        index = add(producer);
        GenSpan consumer;
        consumer.parent = index;
        consumer.service = kNotification;
        consumer.instance = static_cast<uint8_t>(rng_.below(2));
        consumer.type = Type::Consumer;
        consumer.error = rng_.chance(errorRate_);
        const uint32_t ci = add(consumer);
        const int64_t cd = fillHandler(ci, depth + 1, budget - 2);
        // The producer span is kept open until the consumer is done so that every child lies
        // inside its parent (the importer's timing checks stay quiet on generated files).
        const int64_t lag = rng_.skewed(300 * kUs, 6 * kMs);
        spans_[ci].start = lag;
        spans_[ci].duration = cd;
        spans_[index].duration = lag + cd + rng_.skewed(50 * kUs, 500 * kUs);
        return spans_[index].duration;
    }

    void decideServerOutcome(GenSpan& server) {
        server.error = rng_.chance(errorRate_);
        server.code = server.error ? pickServerErrorCode() : okCode(server);
    }

    // One decision for both halves of a call. A 5xx (or a server-side gRPC failure) is an
    // error on both sides; a 4xx (or NOT_FOUND, INVALID_ARGUMENT…) only on the client, as the
    // semantic conventions say. Pairs fail a little more often so that spans overall fail at
    // about errorRate.
    void decidePairOutcome(GenSpan& client, GenSpan& server) {
        const bool grpc = client.type == Type::GrpcClient;
        const bool external = client.type == Type::External;
        if (!rng_.chance(std::min(1.0, errorRate_ / 0.9))) {
            client.code = server.code = grpc ? 0 : okCode(server);
            if (external) client.code = 200;
            return;
        }
        const bool serverSide = rng_.chance(0.8);
        if (grpc) {
            static const uint16_t serverCodes[] = {14, 4, 13, 2};  // UNAVAILABLE, DEADLINE…
            static const uint16_t clientCodes[] = {5, 3, 9};       // NOT_FOUND, INVALID_ARG…
            client.code = server.code =
                serverSide ? rng_.pick(serverCodes) : rng_.pick(clientCodes);
        } else {
            static const uint16_t clientCodes[] = {400, 404, 409, 429};
            client.code = server.code = serverSide ? pickServerErrorCode() : rng_.pick(clientCodes);
        }
        client.error = true;
        server.error = serverSide;
    }

    uint16_t pickServerErrorCode() {
        static const uint16_t codes[] = {500, 500, 502, 503, 503, 504};
        return rng_.pick(codes);
    }

    uint16_t okCode(const GenSpan& server) const {
        if (server.type != Type::HttpServer) return 0;
        const std::string& method = cat_.services[server.service].endpoints[server.op].method;
        if (method == "POST") return 201;
        if (method == "DELETE") return 204;
        return 200;
    }

    Rng rng_;
    double errorRate_;
    std::vector<GenSpan>& spans_;
    const Catalog& cat_;
    uint32_t trace_ = 0;
};

// ---------------------------------------------------------------------------------------------
// 4. Describing a span.

struct Attr {
    const char* key = "";
    enum Kind : uint8_t { Str, Int, Bool, Double } kind = Str;
    std::string text;  // strings, and doubles already formatted
    int64_t integer = 0;
    bool flag = false;
};

// A vector of attributes whose strings keep their capacity from span to span, so describing a
// span allocates nothing once the generator has warmed up.
class AttrList {
public:
    void clear() { size_ = 0; }
    size_t size() const { return size_; }
    const Attr& operator[](size_t i) const { return items_[i]; }
    std::string& str(const char* key) { return add(key, Attr::Str).text; }
    void str(const char* key, std::string_view value) { add(key, Attr::Str).text.assign(value); }
    void integer(const char* key, int64_t value) { add(key, Attr::Int).integer = value; }
    void boolean(const char* key, bool value) { add(key, Attr::Bool).flag = value; }
    // A decimal number from an integer count of hundredths (prices), exact in JSON.
    void cents(const char* key, int64_t hundredths) {
        std::string& t = add(key, Attr::Double).text;
        t = std::to_string(hundredths / 100) + '.';
        const int64_t frac = hundredths % 100;
        t += static_cast<char>('0' + frac / 10);
        t += static_cast<char>('0' + frac % 10);
    }

private:
    Attr& add(const char* key, Attr::Kind kind) {
        if (size_ == items_.size()) items_.emplace_back();
        Attr& a = items_[size_++];
        a.key = key;
        a.kind = kind;
        a.text.clear();
        return a;
    }
    std::vector<Attr> items_;
    size_t size_ = 0;
};

struct EventDesc {
    const char* name = "";
    int64_t timeNs = 0;
    size_t firstAttr = 0;  // into SpanDesc::eventAttrs
    size_t attrCount = 0;
};

struct SpanDesc {
    std::string name;
    int kind = 1;  // OTLP: 1 internal, 2 server, 3 client, 4 producer, 5 consumer
    AttrList attrs;
    AttrList eventAttrs;
    std::vector<EventDesc> events;
    bool error = false;
    std::string statusMessage;
    uint8_t scope = 0;  // index into the service's scopeNames
};

const char* jaegerKind(int kind) {
    static const char* names[] = {"unspecified", "internal", "server",
                                  "client",      "producer", "consumer"};
    return names[kind];
}

void appendHex(std::string& out, uint64_t v, int digits) {
    static const char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(hex[(v >> (4 * i)) & 0xF]);
}

void appendInt(std::string& out, int64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void appendPadded(std::string& out, int64_t v, int width) {
    std::string digits = std::to_string(v);
    if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
    out += digits;
}

// Replaces {id}, {uuid}, {sku}… in `templ` with random literal values; other braces (the JSON
// of MongoDB commands) are copied as they are.
void expand(std::string& out, std::string_view templ, Rng& rng) {
    static const char* currencies[] = {"USD", "EUR", "GBP", "JPY", "CAD", "CHF"};
    static const char* words[] = {"electronics", "garden", "books",  "toys",
                                  "kitchen",     "sports", "beauty", "outdoor"};
    static const char* countries[] = {"US", "GB", "DE", "FR", "JP", "CA"};
    size_t pos = 0;
    while (pos < templ.size()) {
        const size_t open = templ.find('{', pos);
        const size_t close = open == std::string_view::npos ? open : templ.find('}', open);
        if (close == std::string_view::npos) {
            out.append(templ.substr(pos));
            return;
        }
        const std::string_view name = templ.substr(open + 1, close - open - 1);
        out.append(templ.substr(pos, open - pos));
        pos = close + 1;
        if (name == "id") {
            appendInt(out, 1 + rng.below(999999));
        } else if (name == "n") {
            appendInt(out, 1 + rng.below(50));
        } else if (name == "n4") {
            appendPadded(out, rng.below(10000), 4);
        } else if (name == "uuid") {
            const uint64_t a = rng.next(), b = rng.next();
            appendHex(out, a >> 32, 8);
            out += '-';
            appendHex(out, (a >> 16) & 0xFFFF, 4);
            out += "-4";
            appendHex(out, a & 0xFFF, 3);
            out += '-';
            appendHex(out, 0x8000 | (b >> 48 & 0x3FFF), 4);
            out += '-';
            appendHex(out, b & 0xFFFFFFFFFFFFULL, 12);
        } else if (name == "hex") {
            appendHex(out, rng.next(), 16);
            appendHex(out, rng.next(), 16);
        } else if (name == "sku") {
            out += "SKU-";
            appendPadded(out, rng.below(1000000), 6);
        } else if (name == "cur") {
            out += rng.pick(currencies);
        } else if (name == "word") {
            out += rng.pick(words);
        } else if (name == "cc") {
            out += rng.pick(countries);
        } else if (name == "ip") {
            out += "203.0.113.";
            appendInt(out, 1 + rng.below(254));
        } else if (name == "mm" || name == "ss") {
            appendPadded(out, rng.below(60), 2);
        } else if (name == "zone") {
            out += "EU-";
            appendInt(out, 1 + rng.below(9));
        } else {
            // Not a placeholder: put the brace back and continue just after it.
            out += '{';
            pos = open + 1;
        }
    }
}

// Per-instance facts (both formats): the resource of a service's replica.
struct Instance {
    std::string host;  // k8s pod name, also host.name
    std::string ip;
    int64_t pid = 0;
    std::string version;
};

// An error's exception: language-flavoured type, message and a multi-line stack trace.
struct ErrorText {
    const char* type;
    const char* message;
};

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

// A stack trace in the style of the language, with the service's own frames on top.
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

// Derives the textual content of each span from (seed, index) and the compact record.
class Describer {
public:
    Describer(const GeneratorOptions& options, const std::vector<GenSpan>& spans)
        : seed_(options.seed), spans_(spans), cat_(catalog()) {
        for (size_t svc = 0; svc < kServiceCount; ++svc)
            for (size_t inst = 0; inst < 2; ++inst) {
                Rng rng(mix(seed_ + kSaltInstance, svc * 2 + inst));
                Instance in;
                const Service& s = cat_.services[svc];
                in.host = s.name + '-';
                appendHex(in.host, rng.next(), 9);
                in.host += '-';
                static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
                for (int i = 0; i < 5; ++i)
                    in.host += alphabet[rng.below(sizeof alphabet - 1)];
                in.ip = "10.42." + std::to_string(svc + 1) + '.' + std::to_string(10 + inst);
                in.pid = 1 + rng.below(30000);
                in.version = s.versions[inst];
                instances_.push_back(std::move(in));
            }
    }

    const Service& service(size_t svc) const { return cat_.services[svc]; }
    const Instance& instance(size_t resource) const { return instances_[resource]; }

    uint64_t spanId(uint32_t i) const { return mix(seed_ + kSaltSpanId, i) | 1; }
    std::pair<uint64_t, uint64_t> traceId(uint32_t t) const {
        return {mix(seed_ + kSaltTraceId, 2 * t), mix(seed_ + kSaltTraceId, 2 * t + 1)};
    }

    // The resource attributes of replica `resource` (service * 2 + instance), service.name
    // included only when `withService` (Jaeger keeps it as the process's serviceName).
    void resource(size_t resource, bool withService, AttrList& out) const {
        const Service& s = cat_.services[resource / 2];
        const Instance& in = instances_[resource];
        const LangInfo& lang = langInfo(s.lang);
        out.clear();
        if (withService) out.str("service.name", s.name);
        out.str("service.namespace", "shop");
        out.str("service.version", in.version);
        out.str("service.instance.id", in.host);
        out.str("deployment.environment", "production");
        out.str("host.name", in.host);
        out.str("host.arch", "amd64");
        out.str("os.type", "linux");
        out.str("k8s.namespace.name", "shop");
        out.str("k8s.pod.name", in.host);
        out.integer("process.pid", in.pid);
        if (*lang.runtimeName) {
            out.str("process.runtime.name", lang.runtimeName);
            out.str("process.runtime.version", lang.runtimeVersion);
        }
        out.str("telemetry.sdk.name", "opentelemetry");
        out.str("telemetry.sdk.language", lang.sdkLanguage);
        out.str("telemetry.sdk.version", s.sdkVersion);
    }

    void describe(uint32_t i, SpanDesc& d) {
        const GenSpan& g = spans_[i];
        const Service& s = cat_.services[g.service];
        Rng rng(mix(seed_ + kSaltContent, i));
        d.name.clear();
        d.attrs.clear();
        d.eventAttrs.clear();
        d.events.clear();
        d.error = g.error;
        d.statusMessage.clear();
        d.scope = s.scopeOf[categoryOf(g.type)];
        switch (g.type) {
            case Type::HttpServer:
                httpServer(i, g, s, rng, d);
                break;
            case Type::GrpcServer:
                grpcServer(i, g, s, d);
                break;
            case Type::HttpClient:
            case Type::External:
                httpClient(i, g, s, rng, d);
                break;
            case Type::GrpcClient:
                grpcClient(i, g, s, d);
                break;
            case Type::Producer:
            case Type::Consumer:
                messaging(g, s, rng, d);
                break;
            case Type::Db:
                database(g, s, rng, d);
                break;
            case Type::Cache:
                cache(g, s, rng, d);
                break;
            case Type::Internal:
                internal(g, s, rng, d);
                break;
        }
        if (langInfo(s.lang).threads) {
            d.attrs.integer("thread.id", 18 + rng.below(200));
            d.attrs.str("thread.name", threadName(s, g, rng));
        }
        addEvents(g, s, rng, d);
    }

private:
    // The caller of a server span (its parent client), or a browser for the root.
    const GenSpan* caller(const GenSpan& g) const {
        return g.parent == kNone ? nullptr : &spans_[g.parent];
    }
    const std::string& ipOf(const GenSpan& g) const {
        return instances_[g.service * 2u + g.instance].ip;
    }
    // Both halves of a call draw the request's ids from the client's index, so url.full on
    // the client and url.path on the server name the same resource.
    Rng requestRng(uint32_t clientIndex) const {
        return Rng(mix(seed_ + kSaltRequest, clientIndex));
    }

    static std::string threadName(const Service& s, const GenSpan& g, Rng& rng) {
        std::string name;
        if (s.lang == Lang::Java) {
            name = g.type == Type::GrpcServer ? "grpc-default-executor-" : "http-nio-8080-exec-";
        } else if (s.lang == Lang::Python) {
            name = "ThreadPoolExecutor-0_";
        } else {
            name = ".NET TP Worker #";
        }
        appendInt(name, rng.below(32));
        return name;
    }

    void httpServer(uint32_t i, const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
        const Endpoint& e = s.endpoints[g.op];
        const GenSpan* from = caller(g);
        Rng req = requestRng(from ? g.parent : i);
        std::string path;
        expand(path, e.path, req);
        const size_t q = path.find('?');
        d.kind = 2;
        d.name = e.method + ' ' + e.route;
        std::string client = from ? ipOf(*from) : "203.0.113." + std::to_string(1 + rng.below(254));
        const std::string agent = from ? langInfo(cat_.services[from->service].lang).userAgent
                                       : rng.pick(cat_.browserAgents);
        if (s.newSemconv) {
            d.attrs.str("http.request.method", e.method);
            d.attrs.str("url.path", std::string_view(path).substr(0, q));
            if (q != std::string::npos)
                d.attrs.str("url.query", std::string_view(path).substr(q + 1));
            d.attrs.str("url.scheme", "http");
            d.attrs.str("http.route", e.route);
            d.attrs.integer("http.response.status_code", g.code);
            d.attrs.str("server.address", s.name);
            d.attrs.integer("server.port", 8080);
            d.attrs.str("client.address", client);
            d.attrs.str("user_agent.original", agent);
            d.attrs.str("network.protocol.version", "1.1");
        } else {
            d.attrs.str("http.method", e.method);
            d.attrs.str("http.target", path);
            d.attrs.str("http.scheme", "http");
            d.attrs.str("http.route", e.route);
            d.attrs.integer("http.status_code", g.code);
            d.attrs.str("net.host.name", s.name);
            d.attrs.integer("net.host.port", 8080);
            d.attrs.str("net.peer.ip", client);
            d.attrs.str("http.user_agent", agent);
            d.attrs.str("http.flavor", "1.1");
        }
        if (g.error) d.statusMessage = "HTTP " + std::to_string(g.code);
    }

    void httpClient(uint32_t i, const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
        Rng req = requestRng(i);
        std::string url, host, peer, ip, method;
        int64_t port = 8080;
        if (g.type == Type::External) {
            const External& x = cat_.externals[static_cast<size_t>(s.external)];
            host = x.host;
            peer = x.peer;
            method = x.method;
            port = 443;
            ip = "198.51.100." + std::to_string(1 + rng.below(254));
            url = "https://" + x.host;
            expand(url, x.path, req);
        } else {
            const Service& t = cat_.services[g.target];
            const Endpoint& e = t.endpoints[g.op];
            host = peer = t.name;
            method = e.method;
            ip = ipOf(spans_[i + 1]);  // the server half is the next span
            url = "http://" + t.name + ":8080";
            expand(url, e.path, req);
        }
        d.kind = 3;
        d.name = s.newSemconv ? method : "HTTP " + method;
        if (s.newSemconv) {
            d.attrs.str("http.request.method", method);
            d.attrs.str("url.full", url);
            d.attrs.str("server.address", host);
            d.attrs.integer("server.port", port);
            d.attrs.str("network.peer.address", ip);
            d.attrs.integer("http.response.status_code", g.code);
        } else {
            d.attrs.str("http.method", method);
            d.attrs.str("http.url", url);
            d.attrs.str("net.peer.name", host);
            d.attrs.integer("net.peer.port", port);
            d.attrs.str("net.peer.ip", ip);
            d.attrs.integer("http.status_code", g.code);
        }
        d.attrs.str("peer.service", peer);
        if (g.error) d.statusMessage = "HTTP " + std::to_string(g.code);
    }

    static const char* grpcCodeName(uint16_t code) {
        static const char* names[] = {"OK",
                                      "CANCELLED",
                                      "UNKNOWN",
                                      "INVALID_ARGUMENT",
                                      "DEADLINE_EXCEEDED",
                                      "NOT_FOUND",
                                      "ALREADY_EXISTS",
                                      "PERMISSION_DENIED",
                                      "RESOURCE_EXHAUSTED",
                                      "FAILED_PRECONDITION",
                                      "ABORTED",
                                      "OUT_OF_RANGE",
                                      "UNIMPLEMENTED",
                                      "INTERNAL",
                                      "UNAVAILABLE",
                                      "DATA_LOSS",
                                      "UNAUTHENTICATED"};
        return code < std::size(names) ? names[code] : "UNKNOWN";
    }

    static void grpcCommon(const Endpoint& e, const GenSpan& g, SpanDesc& d) {
        d.name = e.route + '/' + e.method;
        d.attrs.str("rpc.system", "grpc");
        d.attrs.str("rpc.service", e.route);
        d.attrs.str("rpc.method", e.method);
        d.attrs.integer("rpc.grpc.status_code", g.code);
        if (g.error) d.statusMessage = grpcCodeName(g.code);
    }

    void grpcServer(uint32_t i, const GenSpan& g, const Service& s, SpanDesc& d) {
        const Endpoint& e = s.endpoints[g.op];
        d.kind = 2;
        grpcCommon(e, g, d);
        const GenSpan* from = caller(g);
        const std::string client = from ? ipOf(*from) : "10.42.0.1";
        const int64_t port = 32768 + static_cast<int64_t>(mix(seed_, i) % 28000);
        if (s.newSemconv) {
            d.attrs.str("server.address", s.name);
            d.attrs.integer("server.port", 50051);
            d.attrs.str("client.address", client);
            d.attrs.integer("client.port", port);
        } else {
            d.attrs.str("net.host.name", s.name);
            d.attrs.integer("net.host.port", 50051);
            d.attrs.str("net.peer.ip", client);
            d.attrs.integer("net.peer.port", port);
        }
    }

    void grpcClient(uint32_t i, const GenSpan& g, const Service& s, SpanDesc& d) {
        const Service& t = cat_.services[g.target];
        const Endpoint& e = t.endpoints[g.op];
        d.kind = 3;
        grpcCommon(e, g, d);
        const std::string& ip = ipOf(spans_[i + 1]);
        if (s.newSemconv) {
            d.attrs.str("server.address", t.name);
            d.attrs.integer("server.port", 50051);
            d.attrs.str("network.peer.address", ip);
        } else {
            d.attrs.str("net.peer.name", t.name);
            d.attrs.integer("net.peer.port", 50051);
            d.attrs.str("net.peer.ip", ip);
        }
        d.attrs.str("peer.service", t.name);
    }

    void messaging(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
        const bool produce = g.type == Type::Producer;
        d.kind = produce ? 4 : 5;
        const char* operation = produce ? "publish" : "process";
        if (s.newSemconv)
            d.name = std::string(operation) + " orders";
        else
            d.name = produce ? "orders send" : "orders process";
        d.attrs.str("messaging.system", "kafka");
        if (s.newSemconv) {
            d.attrs.str("messaging.destination.name", "orders");
            d.attrs.str("messaging.operation", operation);
        } else {
            d.attrs.str("messaging.destination", "orders");
            d.attrs.str("messaging.destination_kind", "topic");
            d.attrs.str("messaging.operation", produce ? "send" : "process");
        }
        std::string& key = d.attrs.str("messaging.kafka.message.key");
        expand(key, "order-{uuid}", rng);
        d.attrs.integer("messaging.kafka.destination.partition", rng.below(12));
        if (produce) {
            d.attrs.str("server.address", "kafka-0.kafka.shop.svc.cluster.local");
        } else {
            d.attrs.str("messaging.kafka.consumer.group", "notification-service");
            d.attrs.integer("messaging.kafka.message.offset", 1000000 + rng.below(90000000));
        }
        if (g.error) d.statusMessage = produce ? "Broker: Not enough in-sync replicas" : "";
    }

    void database(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
        const Database& db = cat_.databases[static_cast<size_t>(s.database)];
        const Query& q = db.queries[g.op];
        const bool mongo = db.system == "mongodb";
        d.kind = 3;
        d.name = q.operation + ' ' + (mongo ? q.table : db.name + '.' + q.table);
        d.attrs.str("db.system", db.system);
        if (s.newSemconv) {
            d.attrs.str("db.namespace", db.name);
            expand(d.attrs.str("db.query.text"), q.text, rng);
            d.attrs.str("db.operation.name", q.operation);
            d.attrs.str("db.collection.name", q.table);
            d.attrs.str("server.address", db.host);
            d.attrs.integer("server.port", db.port);
        } else {
            d.attrs.str("db.name", db.name);
            expand(d.attrs.str("db.statement"), q.text, rng);
            d.attrs.str("db.operation", q.operation);
            d.attrs.str(mongo ? "db.mongodb.collection" : "db.sql.table", q.table);
            d.attrs.str("net.peer.name", db.host);
            d.attrs.integer("net.peer.port", db.port);
            if (!db.user.empty()) d.attrs.str("db.user", db.user);
        }
    }

    void cache(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
        const std::string& command = cat_.redisCommands[g.op];
        d.kind = 3;
        d.name = command.substr(0, command.find(' '));
        d.attrs.str("db.system", "redis");
        if (s.newSemconv) {
            expand(d.attrs.str("db.query.text"), command, rng);
            d.attrs.str("db.operation.name", d.name);
            d.attrs.str("db.namespace", "0");
            d.attrs.str("server.address", s.cacheHost);
            d.attrs.integer("server.port", 6379);
        } else {
            expand(d.attrs.str("db.statement"), command, rng);
            d.attrs.integer("db.redis.database_index", 0);
            d.attrs.str("net.peer.name", s.cacheHost);
            d.attrs.integer("net.peer.port", 6379);
        }
    }

    void internal(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
        const std::string& op = s.internalOps[g.op];
        d.kind = 1;
        d.name = op;
        const size_t dot = op.find_last_of(".:");
        d.attrs.str("code.function", dot == std::string::npos ? op : op.substr(dot + 1));
        d.attrs.str("code.namespace", dot == std::string::npos
                                          ? s.codeNamespace
                                          : s.codeNamespace + '.' + op.substr(0, dot));
        d.attrs.integer("code.lineno", 20 + rng.below(900));
        // One to three business attributes, with values that vary from span to span.
        const size_t n = 1 + rng.below(std::min<size_t>(3, s.appAttributes.size()));
        const size_t first = rng.below(s.appAttributes.size());
        for (size_t k = 0; k < n; ++k) {
            const std::string& key = s.appAttributes[(first + k) % s.appAttributes.size()];
            if (key.find("count") != std::string::npos || key.find("weight") != std::string::npos)
                d.attrs.integer(key.c_str(), 1 + rng.below(40));
            else if (key.find("total") != std::string::npos ||
                     key.find("amount") != std::string::npos)
                d.attrs.cents(key.c_str(), 100 + rng.below(500000));
            else
                expand(d.attrs.str(key.c_str()),
                       key.find("id") != std::string::npos ? "{uuid}" : "{word}", rng);
        }
        if (g.error) d.statusMessage = "unhandled exception";
    }

    // Errors carry an exception event; about 10% of spans also log something ordinary: a cache
    // miss, a retry, a slow query, a line of application log.
    void addEvents(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
        const int64_t start = g.start, dur = g.duration;
        auto event = [&](const char* name, int64_t at) -> AttrList& {
            d.events.push_back({name, at, d.eventAttrs.size(), 0});
            return d.eventAttrs;
        };
        auto close = [&] {
            d.events.back().attrCount = d.eventAttrs.size() - d.events.back().firstAttr;
        };
        const bool client =
            g.type == Type::HttpClient || g.type == Type::GrpcClient || g.type == Type::External;
        if (g.type == Type::Cache && rng.chance(0.2)) {
            AttrList& a = event("cache miss", start + dur / 2);
            expand(a.str("cache.key"), "product:{id}", rng);
            a.integer("cache.ttl_s", 300);
            close();
        } else if (client && rng.chance(0.12)) {
            AttrList& a = event("retry", start + dur / 3);
            a.integer("retry.attempt", 1 + rng.below(3));
            a.str("retry.reason",
                  rng.chance(0.5) ? "connection reset by peer" : "upstream returned 503");
            a.integer("retry.backoff_ms", 50 << rng.below(4));
            close();
        } else if (g.type == Type::Db && rng.chance(0.04)) {
            AttrList& a = event("slow query", start + dur - 1);
            a.integer("db.slow_query.threshold_ms", 10);
            a.integer("db.rows_examined", 1000 + rng.below(2000000));
            close();
        } else if (g.type == Type::Internal && rng.chance(0.08)) {
            AttrList& a = event("log", start + rng.between(0, dur));
            a.str("level", rng.chance(0.8) ? "info" : "warn");
            expand(a.str("message"), "processed {n} items for order {uuid}", rng);
            close();
        }
        if (g.error) {
            ErrorText e = errorFor(s.lang, g.type, rng);
            // A request the server refused (4xx, NOT_FOUND…) fails on the client with the
            // client library's own error, not with a server-side fault.
            const bool refused =
                client && (g.type == Type::GrpcClient ? !isGrpcServerError(g.code) : g.code < 500);
            if (refused) {
                e.type = g.type == Type::GrpcClient ? langInfo(s.lang).grpcError
                                                    : langInfo(s.lang).httpError;
                message_ = g.type == Type::GrpcClient
                               ? std::string(grpcCodeName(g.code)) + ": request rejected by " +
                                     cat_.services[g.target].name
                               : "HTTP " + std::to_string(g.code) + ' ' + httpReason(g.code);
                e.message = message_.c_str();
            }
            AttrList& a = event("exception", start + dur - std::min<int64_t>(dur / 10, 2 * kMs));
            a.str("exception.type", e.type);
            a.str("exception.message", e.message);
            stackTrace(a.str("exception.stacktrace"), s, e, rng);
            a.boolean("exception.escaped", g.type != Type::Internal);
            close();
            if (d.statusMessage.empty()) d.statusMessage = e.message;
        }
    }

    static const char* httpReason(uint16_t code) {
        switch (code) {
            case 400:
                return "Bad Request";
            case 402:
                return "Payment Required";
            case 404:
                return "Not Found";
            case 409:
                return "Conflict";
            case 429:
                return "Too Many Requests";
            default:
                return "Error";
        }
    }

    uint64_t seed_;
    const std::vector<GenSpan>& spans_;
    const Catalog& cat_;
    std::vector<Instance> instances_;
    std::string message_;
};

// ---------------------------------------------------------------------------------------------
// 5. Writing JSON.

// Appends to a buffer and hands it to the stream in large chunks: an ostream call per token
// would make generation slower than the import it is meant to measure.
class JsonOut {
public:
    explicit JsonOut(std::ostream& os) : os_(os) { buf_.reserve(kChunk + (64 << 10)); }

    void raw(std::string_view s) { buf_.append(s); }
    void raw(char c) { buf_.push_back(c); }
    void integer(int64_t v) { appendInt(buf_, v); }
    void hex(uint64_t v, int digits) { appendHex(buf_, v, digits); }
    void quoted(std::string_view s) {
        static const char hexDigits[] = "0123456789abcdef";
        buf_.push_back('"');
        for (char c : s) {
            switch (c) {
                case '"':
                    buf_ += "\\\"";
                    break;
                case '\\':
                    buf_ += "\\\\";
                    break;
                case '\n':
                    buf_ += "\\n";
                    break;
                case '\t':
                    buf_ += "\\t";
                    break;
                case '\r':
                    buf_ += "\\r";
                    break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20) {
                        buf_ += "\\u00";
                        buf_.push_back(hexDigits[(c >> 4) & 0xF]);
                        buf_.push_back(hexDigits[c & 0xF]);
                    } else {
                        buf_.push_back(c);
                    }
            }
        }
        buf_.push_back('"');
    }
    // Once per span: hands the buffer over when it is full.
    void maybeFlush() {
        if (buf_.size() >= kChunk) flush();
    }
    void flush() {
        os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
        if (!os_) throw std::runtime_error("writing the trace failed");
    }

private:
    static constexpr size_t kChunk = 1 << 20;
    std::ostream& os_;
    std::string buf_;
};

// Generates the trees of all traces. Trace t gets spans/traces spans (the first ones one more
// when it does not divide) and starts a few seconds after the previous one.
std::vector<GenSpan> generate(const GeneratorOptions& o, std::vector<uint32_t>& traceBegin) {
    if (o.spans == 0) throw std::invalid_argument("the number of spans must be at least 1");
    if (o.spans > UINT32_MAX / 2) throw std::invalid_argument("too many spans");
    if (o.traces == 0 || o.traces > o.spans)
        throw std::invalid_argument("the number of traces must be between 1 and the spans");
    if (!(o.errorRate >= 0 && o.errorRate <= 1))
        throw std::invalid_argument("the error rate must be between 0 and 1");
    std::vector<GenSpan> spans;
    spans.reserve(o.spans);
    TreeBuilder builder(o, spans);
    Rng rng(mix(o.seed, kSaltTraceId));
    int64_t start = kEpochNs;
    for (size_t t = 0; t < o.traces; ++t) {
        traceBegin.push_back(static_cast<uint32_t>(spans.size()));
        const size_t budget = o.spans / o.traces + (t < o.spans % o.traces ? 1 : 0);
        builder.buildTrace(static_cast<uint32_t>(t), static_cast<uint32_t>(budget), start);
        start += rng.between(200 * kMs, 5000 * kMs);
    }
    traceBegin.push_back(static_cast<uint32_t>(spans.size()));
    return spans;
}

class Writer {
public:
    Writer(std::ostream& os, const GeneratorOptions& o)
        : out_(os), spans_(generate(o, traceBegin_)), describer_(o, spans_) {}

    void jaeger() {
        out_.raw("{\"data\":[");
        std::array<int, kServiceCount * 2> processOf{};
        std::vector<size_t> processes;
        for (size_t t = 0; t + 1 < traceBegin_.size(); ++t) {
            // Jaeger numbers the processes of each trace p1, p2… in order of appearance.
            processOf.fill(0);
            processes.clear();
            for (uint32_t i = traceBegin_[t]; i < traceBegin_[t + 1]; ++i) {
                const size_t r = resourceOf(i);
                if (!processOf[r]) {
                    processes.push_back(r);
                    processOf[r] = static_cast<int>(processes.size());
                }
            }
            const auto [hi, lo] = describer_.traceId(static_cast<uint32_t>(t));
            out_.raw(t ? ",{\"traceID\":\"" : "{\"traceID\":\"");
            out_.hex(hi, 16);
            out_.hex(lo, 16);
            out_.raw("\",\"spans\":[");
            for (uint32_t i = traceBegin_[t]; i < traceBegin_[t + 1]; ++i) {
                if (i != traceBegin_[t]) out_.raw(',');
                jaegerSpan(i, hi, lo, processOf[resourceOf(i)]);
                out_.maybeFlush();
            }
            out_.raw("],\"processes\":{");
            for (size_t p = 0; p < processes.size(); ++p) {
                out_.raw(p ? ",\"p" : "\"p");
                out_.integer(static_cast<int64_t>(p + 1));
                out_.raw("\":{\"serviceName\":");
                out_.quoted(describer_.service(processes[p] / 2).name);
                out_.raw(",\"tags\":");
                describer_.resource(processes[p], false, resource_);
                jaegerTags(resource_, 0, resource_.size());
                out_.raw('}');
            }
            out_.raw("},\"warnings\":null}");
        }
        out_.raw("],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");
        out_.flush();
    }

    void otlp() {
        // Spans grouped by replica (resource), then by scope, in generation order within each
        // group: what an OpenTelemetry Collector's batch looks like.
        constexpr size_t kScopes = kCategories;
        const size_t groups = kServiceCount * 2 * kScopes;
        std::vector<uint32_t> begin(groups + 1, 0);
        auto groupOf = [&](uint32_t i) {
            const GenSpan& g = spans_[i];
            return resourceOf(i) * kScopes +
                   describer_.service(g.service).scopeOf[categoryOf(g.type)];
        };
        for (uint32_t i = 0; i < spans_.size(); ++i)
            ++begin[groupOf(i) + 1];
        for (size_t k = 0; k < groups; ++k)
            begin[k + 1] += begin[k];
        std::vector<uint32_t> order(spans_.size());
        {
            std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
            for (uint32_t i = 0; i < spans_.size(); ++i)
                order[fill[groupOf(i)]++] = i;
        }
        out_.raw("{\"resourceSpans\":[");
        bool firstResource = true;
        for (size_t r = 0; r < kServiceCount * 2; ++r) {
            if (begin[r * kScopes] == begin[(r + 1) * kScopes]) continue;
            const Service& s = describer_.service(r / 2);
            out_.raw(firstResource ? "{\"resource\":{\"attributes\":"
                                   : ",{\"resource\":{\"attributes\":");
            firstResource = false;
            describer_.resource(r, true, resource_);
            otlpAttributes(resource_, 0, resource_.size());
            out_.raw("},\"scopeSpans\":[");
            bool firstScope = true;
            for (size_t sc = 0; sc < kScopes; ++sc) {
                const size_t k = r * kScopes + sc;
                if (begin[k] == begin[k + 1]) continue;
                out_.raw(firstScope ? "{\"scope\":{\"name\":" : ",{\"scope\":{\"name\":");
                firstScope = false;
                out_.quoted(s.scopeNames[sc]);
                out_.raw(",\"version\":");
                out_.quoted(s.scopeNames[sc] == s.name ? s.versions[r % 2]
                                                       : s.instrumentationVersion);
                out_.raw("},\"spans\":[");
                for (uint32_t j = begin[k]; j < begin[k + 1]; ++j) {
                    if (j != begin[k]) out_.raw(',');
                    otlpSpan(order[j]);
                    out_.maybeFlush();
                }
                out_.raw("]}");
            }
            out_.raw("]}");
        }
        out_.raw("]}");
        out_.flush();
    }

private:
    size_t resourceOf(uint32_t i) const { return spans_[i].service * 2u + spans_[i].instance; }

    void jaegerTag(const char* key, const Attr& a) {
        out_.raw("{\"key\":");
        out_.quoted(key);
        switch (a.kind) {
            case Attr::Str:
                out_.raw(",\"type\":\"string\",\"value\":");
                out_.quoted(a.text);
                break;
            case Attr::Int:
                out_.raw(",\"type\":\"int64\",\"value\":");
                out_.integer(a.integer);
                break;
            case Attr::Bool:
                out_.raw(a.flag ? ",\"type\":\"bool\",\"value\":true"
                                : ",\"type\":\"bool\",\"value\":false");
                break;
            case Attr::Double:
                out_.raw(",\"type\":\"float64\",\"value\":");
                out_.raw(a.text);
                break;
        }
        out_.raw('}');
    }

    void jaegerTags(const AttrList& list, size_t from, size_t count, bool open = true) {
        if (open) out_.raw('[');
        for (size_t k = from; k < from + count; ++k) {
            if (k != from || !open) out_.raw(',');
            jaegerTag(list[k].key, list[k]);
        }
        if (open) out_.raw(']');
    }

    void jaegerString(const char* key, std::string_view value) {
        out_.raw("{\"key\":\"");
        out_.raw(key);
        out_.raw("\",\"type\":\"string\",\"value\":");
        out_.quoted(value);
        out_.raw('}');
    }

    // As Jaeger shows a span that came in over OTLP: scope, kind and status become tags,
    // events become logs whose first field is "event".
    void jaegerSpan(uint32_t i, uint64_t hi, uint64_t lo, int process) {
        const GenSpan& g = spans_[i];
        const Service& s = describer_.service(g.service);
        describer_.describe(i, desc_);
        out_.raw("{\"traceID\":\"");
        out_.hex(hi, 16);
        out_.hex(lo, 16);
        out_.raw("\",\"spanID\":\"");
        out_.hex(describer_.spanId(i), 16);
        out_.raw("\",\"operationName\":");
        out_.quoted(desc_.name);
        if (g.parent == kNone) {
            out_.raw(",\"references\":[]");
        } else {
            out_.raw(g.type == Type::Consumer ? ",\"references\":[{\"refType\":\"FOLLOWS_FROM\""
                                              : ",\"references\":[{\"refType\":\"CHILD_OF\"");
            out_.raw(",\"traceID\":\"");
            out_.hex(hi, 16);
            out_.hex(lo, 16);
            out_.raw("\",\"spanID\":\"");
            out_.hex(describer_.spanId(g.parent), 16);
            out_.raw("\"}]");
        }
        // Microseconds, rounded down at both ends so a child stays inside its parent.
        const int64_t startUs = g.start / 1000;
        out_.raw(",\"startTime\":");
        out_.integer(startUs);
        out_.raw(",\"duration\":");
        out_.integer((g.start + g.duration) / 1000 - startUs);
        out_.raw(",\"tags\":[");
        // Old SDKs exported through collectors that still said "library".
        const bool library = !s.newSemconv;
        jaegerString(library ? "otel.library.name" : "otel.scope.name", s.scopeNames[desc_.scope]);
        out_.raw(',');
        jaegerString(library ? "otel.library.version" : "otel.scope.version",
                     s.scopeNames[desc_.scope] == s.name ? s.versions[g.instance]
                                                         : s.instrumentationVersion);
        jaegerTags(desc_.attrs, 0, desc_.attrs.size(), false);
        out_.raw(',');
        jaegerString("span.kind", jaegerKind(desc_.kind));
        if (desc_.error) {
            out_.raw(",{\"key\":\"error\",\"type\":\"bool\",\"value\":true},");
            jaegerString("otel.status_code", "ERROR");
            if (!desc_.statusMessage.empty()) {
                out_.raw(',');
                jaegerString("otel.status_description", desc_.statusMessage);
            }
        }
        out_.raw("],\"logs\":[");
        for (size_t e = 0; e < desc_.events.size(); ++e) {
            const EventDesc& ev = desc_.events[e];
            out_.raw(e ? ",{\"timestamp\":" : "{\"timestamp\":");
            out_.integer(ev.timeNs / 1000);
            out_.raw(",\"fields\":[");
            jaegerString("event", ev.name);
            jaegerTags(desc_.eventAttrs, ev.firstAttr, ev.attrCount, false);
            out_.raw("]}");
        }
        out_.raw("],\"processID\":\"p");
        out_.integer(process);
        out_.raw("\",\"warnings\":null}");
    }

    void otlpAttributes(const AttrList& list, size_t from, size_t count) {
        out_.raw('[');
        for (size_t k = from; k < from + count; ++k) {
            const Attr& a = list[k];
            out_.raw(k != from ? ",{\"key\":" : "{\"key\":");
            out_.quoted(a.key);
            switch (a.kind) {
                case Attr::Str:
                    out_.raw(",\"value\":{\"stringValue\":");
                    out_.quoted(a.text);
                    break;
                case Attr::Int:
                    // 64-bit integers are strings in OTLP/JSON.
                    out_.raw(",\"value\":{\"intValue\":\"");
                    out_.integer(a.integer);
                    out_.raw('"');
                    break;
                case Attr::Bool:
                    out_.raw(a.flag ? ",\"value\":{\"boolValue\":true"
                                    : ",\"value\":{\"boolValue\":false");
                    break;
                case Attr::Double:
                    out_.raw(",\"value\":{\"doubleValue\":");
                    out_.raw(a.text);
                    break;
            }
            out_.raw("}}");
        }
        out_.raw(']');
    }

    void otlpSpan(uint32_t i) {
        const GenSpan& g = spans_[i];
        describer_.describe(i, desc_);
        const auto [hi, lo] = describer_.traceId(g.trace);
        out_.raw("{\"traceId\":\"");
        out_.hex(hi, 16);
        out_.hex(lo, 16);
        out_.raw("\",\"spanId\":\"");
        out_.hex(describer_.spanId(i), 16);
        if (g.parent != kNone) {
            out_.raw("\",\"parentSpanId\":\"");
            out_.hex(describer_.spanId(g.parent), 16);
        }
        out_.raw("\",\"name\":");
        out_.quoted(desc_.name);
        out_.raw(",\"kind\":");
        out_.integer(desc_.kind);
        out_.raw(",\"startTimeUnixNano\":\"");
        out_.integer(g.start);
        out_.raw("\",\"endTimeUnixNano\":\"");
        out_.integer(g.start + g.duration);
        out_.raw("\",\"attributes\":");
        otlpAttributes(desc_.attrs, 0, desc_.attrs.size());
        if (!desc_.events.empty()) {
            out_.raw(",\"events\":[");
            for (size_t e = 0; e < desc_.events.size(); ++e) {
                const EventDesc& ev = desc_.events[e];
                out_.raw(e ? ",{\"timeUnixNano\":\"" : "{\"timeUnixNano\":\"");
                out_.integer(ev.timeNs);
                out_.raw("\",\"name\":");
                out_.quoted(ev.name);
                out_.raw(",\"attributes\":");
                otlpAttributes(desc_.eventAttrs, ev.firstAttr, ev.attrCount);
                out_.raw('}');
            }
            out_.raw(']');
        }
        if (desc_.error) {
            out_.raw(",\"status\":{\"code\":2,\"message\":");
            out_.quoted(desc_.statusMessage);
            out_.raw("}}");
        } else {
            out_.raw(",\"status\":{}}");
        }
    }

    JsonOut out_;
    std::vector<uint32_t> traceBegin_;
    std::vector<GenSpan> spans_;
    Describer describer_;
    SpanDesc desc_;
    AttrList resource_;
};

}  // namespace

void writeTrace(std::ostream& out, const GeneratorOptions& options) {
    Writer writer(out, options);
    if (options.format == GeneratorOptions::Format::Jaeger)
        writer.jaeger();
    else
        writer.otlp();
}

std::optional<GeneratorOptions::Format> parseFormat(std::string_view name) {
    if (name == "jaeger") return GeneratorOptions::Format::Jaeger;
    if (name == "otlp") return GeneratorOptions::Format::Otlp;
    return std::nullopt;
}

const char* formatName(GeneratorOptions::Format format) {
    return format == GeneratorOptions::Format::Jaeger ? "jaeger" : "otlp";
}

}  // namespace rootline::bench
