// SpanDescriber, continued: the name and attributes of each kind of span, after the
// OpenTelemetry semantic conventions. Services on older SDKs (Service::newSemconv false) use
// the attribute names of before the HTTP, network and database conventions were renamed.

#include <algorithm>
#include <string>
#include <string_view>

#include "generator/placeholders.h"
#include "generator/span_describer.h"
#include "generator/status_codes.h"

namespace rootline::bench::generator {

namespace {

void grpcCommon(const Endpoint& e, const GenSpan& g, SpanDesc& d) {
    d.name = e.route + '/' + e.method;
    d.attrs.str("rpc.system", "grpc");
    d.attrs.str("rpc.service", e.route);
    d.attrs.str("rpc.method", e.method);
    d.attrs.integer("rpc.grpc.status_code", g.code);
    if (g.error) d.statusMessage = grpcCodeName(g.code);
}

}  // namespace

void SpanDescriber::httpServer(uint32_t i, const GenSpan& g, const Service& s, Rng& rng,
                               SpanDesc& d) {
    const Endpoint& e = s.endpoints[g.op];
    const GenSpan* from = caller(g);
    Rng req = requestRng(from ? g.parent : i);
    std::string path;
    expand(path, e.path, req);
    const size_t q = path.find('?');
    d.kind = 2;
    d.name = e.method + ' ' + e.route;
    std::string client = from ? ipOf(*from) : "203.0.113." + std::to_string(1 + rng.below(254));
    const std::string agent =
        from ? langInfo(cat_.services[from->service].lang).userAgent : rng.pick(cat_.browserAgents);
    if (s.newSemconv) {
        d.attrs.str("http.request.method", e.method);
        d.attrs.str("url.path", std::string_view(path).substr(0, q));
        if (q != std::string::npos) d.attrs.str("url.query", std::string_view(path).substr(q + 1));
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

void SpanDescriber::httpClient(uint32_t i, const GenSpan& g, const Service& s, Rng& rng,
                               SpanDesc& d) {
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

void SpanDescriber::grpcServer(uint32_t i, const GenSpan& g, const Service& s, SpanDesc& d) {
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

void SpanDescriber::grpcClient(uint32_t i, const GenSpan& g, const Service& s, SpanDesc& d) {
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

void SpanDescriber::messaging(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
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

void SpanDescriber::database(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
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

void SpanDescriber::cache(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
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

void SpanDescriber::internal(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
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
        else if (key.find("total") != std::string::npos || key.find("amount") != std::string::npos)
            d.attrs.cents(key.c_str(), 100 + rng.below(500000));
        else
            expand(d.attrs.str(key.c_str()),
                   key.find("id") != std::string::npos ? "{uuid}" : "{word}", rng);
    }
    if (g.error) d.statusMessage = "unhandled exception";
}

}  // namespace rootline::bench::generator
