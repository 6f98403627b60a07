#include "generator/service_catalogue.h"

#include <algorithm>
#include <utility>

namespace rootline::bench::generator {

namespace {

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

}  // namespace

const Catalog& catalog() {
    static const Catalog c = makeCatalog();
    return c;
}

}  // namespace rootline::bench::generator
