#include "catalogue.h"

#include <cctype>

namespace rootline::faults {

namespace {

// Tiers (callees always later): edge → tier 1 → tier 2 → tier 3; consumers sit beside tier 1.
std::vector<ServiceDef> makeCatalogue() {
    std::vector<ServiceDef> c;
    // ---- edge ----
    c.push_back({"frontend",
                 Lang::Node,
                 Proto::Http,
                 8080,
                 "",
                 {"GET /", "GET /product/{id}", "POST /api/cart", "POST /api/checkout",
                  "GET /api/recommendations"},
                 "",
                 "",
                 {},
                 true,
                 {"product-catalog", "cart-service", "recommendation-service", "checkout-service",
                  "currency-service", "user-service", "search-service"},
                 {"renderPage", "validateSession", "buildViewModel"},
                 "",
                 {},
                 "",
                 "",
                 true});
    c.push_back(
        {"api-gateway",
         Lang::Go,
         Proto::Http,
         8443,
         "",
         {"POST /v1/orders", "GET /v1/orders/{id}", "GET /v1/users/{id}/profile",
          "POST /v1/payments", "GET /v1/search"},
         "",
         "",
         {},
         true,
         {"order-service", "user-service", "auth-service", "payment-service", "search-service"},
         {"authenticate", "rateLimit", "rewriteRequest"},
         "",
         {},
         "",
         "",
         true});
    // ---- tier 1 ----
    c.push_back(
        {"checkout-service",
         Lang::Java,
         Proto::Grpc,
         5050,
         "shop.checkout.v1.CheckoutService",
         {"PlaceOrder", "PrepareOrder"},
         "postgresql",
         "checkout",
         {{"checkouts", "SELECT id, cart_id, state FROM checkouts WHERE id = $1",
           "UPDATE checkouts SET state = $1, updated_at = now() WHERE id = $2"}},
         false,
         {"cart-service", "product-catalog", "currency-service", "pricing-service",
          "payment-service", "shipping-service", "inventory-service"},
         {"CheckoutService.placeOrder", "OrderAssembler.assemble", "CheckoutValidator.validate"},
         "orders.placed",
         {},
         "",
         "",
         false});
    c.push_back(
        {"order-service",
         Lang::Java,
         Proto::Http,
         8080,
         "",
         {"POST /api/orders", "GET /api/orders/{id}", "GET /api/orders",
          "PUT /api/orders/{id}/status"},
         "postgresql",
         "orders",
         {{"orders", "SELECT id, customer_id, status, total_cents FROM orders WHERE id = $1",
           "INSERT INTO orders (id, customer_id, status, total_cents, created_at) VALUES ($1, "
           "$2, $3, $4, now())"},
          {"order_items",
           "SELECT sku, quantity, unit_price_cents FROM order_items WHERE order_id = $1",
           "INSERT INTO order_items (order_id, sku, quantity, unit_price_cents) VALUES ($1, $2, "
           "$3, $4)"}},
         true,
         {"inventory-service", "pricing-service", "payment-service", "user-service"},
         {"OrderService.createOrder", "OrderMapper.toEntity", "OrderValidator.validate"},
         "order-events",
         {},
         "",
         "",
         false});
    c.push_back(
        {"search-service",
         Lang::Python,
         Proto::Http,
         8000,
         "",
         {"GET /search", "GET /suggest"},
         "elasticsearch",
         "products",
         {{"products",
           "{\"query\":{\"multi_match\":{\"query\":\"?\",\"fields\":[\"title\",\"tags\"]}}}",
           "{\"doc\":{\"popularity\":\"?\"}}"}},
         true,
         {"product-catalog", "recommendation-service"},
         {"parse_query", "rank_results", "highlight"},
         "",
         {},
         "",
         "",
         false});
    // ---- consumers (asynchronous work, beside tier 1) ----
    c.push_back(
        {"fulfillment-service",
         Lang::Go,
         Proto::Consumer,
         0,
         "",
         {},
         "postgresql",
         "fulfillment",
         {{"shipments_queue", "SELECT id, order_id, state FROM shipments_queue WHERE order_id = $1",
           "INSERT INTO shipments_queue (order_id, warehouse_id, state) VALUES ($1, $2, 'NEW')"}},
         false,
         {"inventory-service", "shipping-service"},
         {"handleOrderPlaced", "allocateWarehouse", "decodeEvent"},
         "",
         {"orders.placed", "order-events"},
         "",
         "",
         false});
    c.push_back({"notification-service",
                 Lang::Node,
                 Proto::Consumer,
                 0,
                 "",
                 {},
                 "mongodb",
                 "notifications",
                 {{"messages", "{\"find\":\"messages\",\"filter\":{\"orderId\":\"?\"}}",
                   "{\"insert\":\"messages\",\"documents\":[\"?\"]}"}},
                 false,
                 {},
                 {"renderTemplate", "handleEvent", "resolveRecipient"},
                 "",
                 {"orders.placed", "order-events"},
                 "api.mailer.example.com",
                 "POST /v3/mail/send",
                 false});
    // ---- tier 2 ----
    c.push_back({"cart-service",
                 Lang::DotNet,
                 Proto::Grpc,
                 7070,
                 "shop.cart.v1.CartService",
                 {"GetCart", "AddItem", "EmptyCart"},
                 "",
                 "",
                 {},
                 true,
                 {"product-catalog"},
                 {"CartStore.Load", "CartStore.Save"},
                 "",
                 {},
                 "",
                 "",
                 false});
    c.push_back(
        {"user-service",
         Lang::Go,
         Proto::Http,
         8081,
         "",
         {"GET /users/{id}", "GET /users/{id}/preferences", "GET /users/{id}/addresses"},
         "postgresql",
         "users",
         {{"users", "SELECT id, email, display_name, locale FROM users WHERE id = $1",
           "UPDATE users SET last_seen_at = now() WHERE id = $1"},
          {"addresses", "SELECT id, line1, city, country FROM addresses WHERE user_id = $1",
           "INSERT INTO addresses (user_id, line1, city, country) VALUES ($1, $2, $3, $4)"}},
         true,
         {"auth-service"},
         {"loadUser", "mergePreferences"},
         "",
         {},
         "",
         "",
         false});
    c.push_back(
        {"inventory-service",
         Lang::Java,
         Proto::Grpc,
         9090,
         "shop.inventory.v1.InventoryService",
         {"GetStock", "ReserveStock", "ReleaseStock"},
         "mysql",
         "inventory",
         {{"stock_levels", "SELECT sku, warehouse_id, available FROM stock_levels WHERE sku = ?",
           "UPDATE stock_levels SET available = available - ? WHERE sku = ? AND warehouse_id = ?"},
          {"reservations", "SELECT id, sku, quantity FROM reservations WHERE order_id = ?",
           "INSERT INTO reservations (order_id, sku, quantity, expires_at) VALUES (?, ?, ?, ?)"}},
         false,
         {},
         {"StockService.reserve", "ReservationPolicy.check", "StockMapper.toProto"},
         "",
         {},
         "",
         "",
         false});
    c.push_back({"pricing-service",
                 Lang::Rust,
                 Proto::Grpc,
                 50051,
                 "shop.pricing.v1.PricingService",
                 {"Quote", "GetPrice"},
                 "",
                 "",
                 {},
                 true,
                 {"currency-service", "tax-service"},
                 {"pricing::engine::quote", "pricing::rules::apply_discounts"},
                 "",
                 {},
                 "",
                 "",
                 false});
    c.push_back(
        {"payment-service",
         Lang::Java,
         Proto::Grpc,
         50052,
         "shop.payment.v1.PaymentService",
         {"Charge", "Authorize", "Refund"},
         "postgresql",
         "payments",
         {{"payments", "SELECT id, order_id, state, amount_cents FROM payments WHERE order_id = $1",
           "INSERT INTO payments (id, order_id, state, amount_cents, provider_ref) VALUES ($1, $2, "
           "$3, $4, $5)"}},
         false,
         {"fraud-service", "ledger-service"},
         {"PaymentService.charge", "CardTokenizer.tokenize"},
         "",
         {},
         "api.payments-provider.example.com",
         "POST /v1/charges",
         false});
    c.push_back(
        {"shipping-service",
         Lang::Ruby,
         Proto::Http,
         3000,
         "",
         {"POST /shipments/quote", "POST /shipments", "GET /shipments/{id}"},
         "postgresql",
         "shipping",
         {{"shipments", "SELECT id, carrier, status FROM shipments WHERE order_id = $1",
           "INSERT INTO shipments (order_id, carrier, service_level, status) VALUES ($1, $2, $3, "
           "$4)"}},
         false,
         {},
         {"ShipmentRater#rate", "AddressNormalizer#normalize"},
         "",
         {},
         "api.carrier.example.com",
         "POST /rates",
         false});
    c.push_back({"recommendation-service",
                 Lang::Python,
                 Proto::Grpc,
                 50053,
                 "shop.recommendation.v1.RecommendationService",
                 {"ListRecommendations"},
                 "",
                 "",
                 {},
                 true,
                 {"product-catalog"},
                 {"score_candidates", "load_model_features"},
                 "",
                 {},
                 "",
                 "",
                 false});
    // ---- tier 3 ----
    c.push_back({"product-catalog",
                 Lang::Go,
                 Proto::Grpc,
                 3550,
                 "shop.catalog.v1.ProductCatalogService",
                 {"GetProduct", "ListProducts", "SearchProducts"},
                 "mongodb",
                 "catalog",
                 {{"products", "{\"find\":\"products\",\"filter\":{\"_id\":\"?\"}}",
                   "{\"update\":\"products\",\"updates\":[{\"q\":{\"_id\":\"?\"},\"u\":\"?\"}]}"}},
                 true,
                 {},
                 {"decodeProduct", "applyLocale"},
                 "",
                 {},
                 "",
                 "",
                 false});
    c.push_back({"auth-service",
                 Lang::Go,
                 Proto::Grpc,
                 7000,
                 "shop.auth.v1.AuthService",
                 {"VerifyToken", "CheckPermission"},
                 "",
                 "",
                 {},
                 true,
                 {},
                 {"verifySignature", "loadKeys"},
                 "",
                 {},
                 "",
                 "",
                 false});
    c.push_back({"fraud-service",
                 Lang::Python,
                 Proto::Grpc,
                 50054,
                 "shop.fraud.v1.FraudService",
                 {"Score"},
                 "postgresql",
                 "fraud",
                 {{"risk_signals", "SELECT signal, weight FROM risk_signals WHERE customer_id = %s",
                   "UPDATE risk_signals SET last_seen_at = now() WHERE customer_id = %s"}},
                 true,
                 {},
                 {"build_features", "score_transaction"},
                 "",
                 {},
                 "",
                 "",
                 false});
    c.push_back({"ledger-service",
                 Lang::Java,
                 Proto::Grpc,
                 50055,
                 "shop.ledger.v1.LedgerService",
                 {"RecordEntry", "GetBalance"},
                 "postgresql",
                 "ledger",
                 {{"entries", "SELECT sum(amount_cents) FROM entries WHERE account_id = $1",
                   "INSERT INTO entries (account_id, amount_cents, direction, ref) VALUES ($1, $2, "
                   "$3, $4)"}},
                 false,
                 {},
                 {"LedgerService.record", "EntryValidator.validate"},
                 "",
                 {},
                 "",
                 "",
                 false});
    c.push_back({"currency-service",
                 Lang::Node,
                 Proto::Grpc,
                 7001,
                 "shop.currency.v1.CurrencyService",
                 {"Convert", "GetSupportedCurrencies"},
                 "",
                 "",
                 {},
                 false,
                 {},
                 {"loadRates", "convert"},
                 "",
                 {},
                 "",
                 "",
                 false});
    c.push_back(
        {"tax-service",
         Lang::DotNet,
         Proto::Http,
         5000,
         "",
         {"POST /api/tax/quote"},
         "mssql",
         "tax",
         {{"TaxRates", "SELECT [Rate], [Jurisdiction] FROM [TaxRates] WHERE [PostalCode] = @p0",
           "UPDATE [TaxRates] SET [CheckedAt] = SYSUTCDATETIME() WHERE [PostalCode] = @p0"}},
         false,
         {},
         {"TaxCalculator.Compute", "JurisdictionResolver.Resolve"},
         "",
         {},
         "",
         "",
         false});
    return c;
}

}  // namespace

const std::vector<ServiceDef>& catalogue() {
    static const std::vector<ServiceDef> kCatalogue = makeCatalogue();
    return kCatalogue;
}

const ServiceDef& service(int index) {
    return catalogue()[static_cast<size_t>(index)];
}

int serviceIndex(std::string_view name) {
    const auto& c = catalogue();
    for (size_t i = 0; i < c.size(); ++i)
        if (c[i].name == name) return static_cast<int>(i);
    return -1;
}

std::vector<int> calleesOf(int s) {
    std::vector<int> out;
    for (std::string_view name : service(s).callees)
        out.push_back(serviceIndex(name));
    return out;
}

std::vector<int> consumersOf(std::string_view topic) {
    std::vector<int> out;
    const auto& c = catalogue();
    for (size_t i = 0; i < c.size(); ++i)
        for (std::string_view t : c[i].consumes)
            if (t == topic) out.push_back(static_cast<int>(i));
    return out;
}

std::string_view languageName(Lang lang) {
    switch (lang) {
        case Lang::Java:
            return "java";
        case Lang::Go:
            return "go";
        case Lang::Python:
            return "python";
        case Lang::Node:
            return "nodejs";
        case Lang::DotNet:
            return "dotnet";
        case Lang::Ruby:
            return "ruby";
        case Lang::Rust:
            return "rust";
    }
    return "unknown";
}

std::string_view sdkVersion(Lang lang) {
    switch (lang) {
        case Lang::Java:
            return "1.44.1";
        case Lang::Go:
            return "1.32.0";
        case Lang::Python:
            return "1.28.2";
        case Lang::Node:
            return "1.28.0";
        case Lang::DotNet:
            return "1.10.0";
        case Lang::Ruby:
            return "1.5.0";
        case Lang::Rust:
            return "0.27.1";
    }
    return "";
}

ScopeName scopeFor(Lang lang, std::string_view what, std::string_view serviceName) {
    const bool db = what.substr(0, 3) == "db:";
    const std::string_view system = db ? what.substr(3) : std::string_view{};
    switch (lang) {
        case Lang::Java:
            if (what == "http-server")
                return {"io.opentelemetry.spring-webmvc-6.0", "2.10.0-alpha"};
            if (what == "http-client") return {"io.opentelemetry.java-http-client", "2.10.0-alpha"};
            if (what == "grpc-server" || what == "grpc-client")
                return {"io.opentelemetry.grpc-1.6", "2.10.0-alpha"};
            if (db) return {"io.opentelemetry.jdbc", "2.10.0-alpha"};
            if (what == "redis") return {"io.opentelemetry.lettuce-5.1", "2.10.0-alpha"};
            if (what == "messaging") return {"io.opentelemetry.kafka-clients-2.6", "2.10.0-alpha"};
            return {packageName(serviceName), ""};
        case Lang::Go:
            if (what == "http-server" || what == "http-client")
                return {"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.57.0"};
            if (what == "grpc-server" || what == "grpc-client")
                return {
                    "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc",
                    "0.57.0"};
            if (system == "mongodb")
                return {
                    "go.opentelemetry.io/contrib/instrumentation/go.mongodb.org/mongo-driver/mongo/"
                    "otelmongo",
                    "0.57.0"};
            if (db) return {"github.com/XSAM/otelsql", "0.35.0"};
            if (what == "redis") return {"github.com/redis/go-redis/extra/redisotel", "9.7.0"};
            if (what == "messaging") return {"github.com/IBM/sarama/otelsarama", "0.1.0"};
            return {"shop/" + std::string(serviceName), ""};
        case Lang::Python:
            if (what == "http-server") return {"opentelemetry.instrumentation.fastapi", "0.49b2"};
            if (what == "http-client") return {"opentelemetry.instrumentation.requests", "0.49b2"};
            if (what == "grpc-server") return {"opentelemetry.instrumentation.grpc", "0.49b2"};
            if (what == "grpc-client") return {"opentelemetry.instrumentation.grpc", "0.49b2"};
            if (system == "elasticsearch")
                return {"opentelemetry.instrumentation.elasticsearch", "0.49b2"};
            if (db) return {"opentelemetry.instrumentation.psycopg", "0.49b2"};
            if (what == "redis") return {"opentelemetry.instrumentation.redis", "0.49b2"};
            return {std::string(serviceName), ""};
        case Lang::Node:
            if (what == "http-server" || what == "http-client")
                return {"@opentelemetry/instrumentation-http", "0.56.0"};
            if (what == "grpc-server" || what == "grpc-client")
                return {"@opentelemetry/instrumentation-grpc", "0.56.0"};
            if (system == "mongodb") return {"@opentelemetry/instrumentation-mongodb", "0.50.0"};
            if (what == "redis") return {"@opentelemetry/instrumentation-ioredis", "0.46.0"};
            if (what == "messaging") return {"@opentelemetry/instrumentation-kafkajs", "0.6.0"};
            return {std::string(serviceName), ""};
        case Lang::DotNet:
            if (what == "http-server") return {"Microsoft.AspNetCore", ""};
            if (what == "http-client") return {"System.Net.Http", ""};
            if (what == "grpc-server") return {"Microsoft.AspNetCore", ""};
            if (what == "grpc-client") return {"Grpc.Net.Client", ""};
            if (db) return {"OpenTelemetry.Instrumentation.SqlClient", "1.10.0-beta.1"};
            if (what == "redis")
                return {"OpenTelemetry.Instrumentation.StackExchangeRedis", "1.10.0-beta.1"};
            return {className(serviceName, ""), ""};
        case Lang::Ruby:
            if (what == "http-server") return {"OpenTelemetry::Instrumentation::Rack", "0.25.0"};
            if (what == "http-client")
                return {"OpenTelemetry::Instrumentation::Net::HTTP", "0.22.8"};
            if (db) return {"OpenTelemetry::Instrumentation::PG", "0.29.1"};
            if (what == "redis") return {"OpenTelemetry::Instrumentation::Redis", "0.25.7"};
            return {std::string(serviceName), ""};
        case Lang::Rust:
            if (what == "grpc-server" || what == "grpc-client") return {"tonic", "0.12.3"};
            if (what == "http-client") return {"reqwest-tracing", "0.5.4"};
            if (what == "redis") return {"redis", "0.27.5"};
            return {"tracing-opentelemetry", "0.28.0"};
    }
    return {std::string(serviceName), ""};
}

std::string className(std::string_view serviceName, std::string_view suffix) {
    std::string out;
    bool upper = true;
    for (char c : serviceName) {
        if (c == '-') {
            upper = true;
            continue;
        }
        out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
        upper = false;
    }
    // "InventoryService" already ends in Service; do not say it twice.
    if (!suffix.empty() && !out.ends_with(suffix)) out += suffix;
    return out;
}

std::string packageName(std::string_view serviceName) {
    std::string base(serviceName.substr(0, serviceName.find('-')));
    return "com.shop." + base;
}

}  // namespace rootline::faults
