#include "builder.h"

#include <algorithm>

namespace rootline::faults {

namespace {

const char kHexDigits[] = "0123456789abcdef";
// Kubernetes' alphabet for ReplicaSet and pod name suffixes (no vowels, no look-alikes).
const char kPodAlphabet[] = "bcdfghjklmnpqrstvwxz2456789";

std::string randomText(Rng& rng, const char* alphabet, size_t alphabetSize, int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
        s.push_back(alphabet[rng.below(alphabetSize)]);
    return s;
}

std::string uuid(Rng& rng) {
    std::string s = randomText(rng, kHexDigits, 16, 32);
    s[12] = '4';  // version 4
    s[16] = "89ab"[rng.below(4)];
    return s.substr(0, 8) + "-" + s.substr(8, 4) + "-" + s.substr(12, 4) + "-" + s.substr(16, 4) +
           "-" + s.substr(20);
}

std::string ipv4(Rng& rng, bool internal) {
    if (internal)
        return "10.0." + std::to_string(rng.range(0, 15)) + "." + std::to_string(rng.range(2, 254));
    return "203.0.113." + std::to_string(rng.range(2, 254));  // documentation range, never real
}

std::pair<std::string, std::string> splitHttpOp(std::string_view op) {
    const size_t space = op.find(' ');
    return {std::string(op.substr(0, space)), std::string(op.substr(space + 1))};
}

std::string_view userAgentOf(Lang lang) {
    switch (lang) {
        case Lang::Java:
            return "Java-http-client/21.0.5";
        case Lang::Go:
            return "Go-http-client/1.1";
        case Lang::Python:
            return "python-requests/2.32.3";
        case Lang::Node:
            return "axios/1.7.7";
        case Lang::DotNet:
            return "";  // HttpClient sends none by default
        case Lang::Ruby:
            return "Faraday v2.12.1";
        case Lang::Rust:
            return "reqwest/0.12.9";
    }
    return "";
}

const std::vector<std::string_view> kBrowsers = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0",
    "ShopApp/5.12.0 (Android 14; Pixel 8)"};

std::string dbHost(const ServiceDef& s) {
    const std::string base(s.dbNamespace);
    if (s.dbSystem == "postgresql") return base + "-db.shop.svc.cluster.local";
    if (s.dbSystem == "mysql") return base + "-mysql.shop.svc.cluster.local";
    if (s.dbSystem == "mongodb") return "mongo-" + base + "-0.mongo.shop.svc.cluster.local";
    if (s.dbSystem == "mssql") return "sql-" + base + ".shop.internal";
    return "es-" + base + ".shop.svc.cluster.local";
}

int64_t dbPort(std::string_view system) {
    if (system == "postgresql") return 5432;
    if (system == "mysql") return 3306;
    if (system == "mongodb") return 27017;
    if (system == "mssql") return 1433;
    return 9200;
}

}  // namespace

bool isWriteOp(std::string_view op) {
    for (std::string_view prefix : {"POST", "PUT", "DELETE", "Place", "Prepare", "Add", "Reserve",
                                    "Release", "Charge", "Authorize", "Refund", "Record", "Empty"})
        if (op.substr(0, prefix.size()) == prefix) return true;
    return false;
}

std::string fillPath(std::string_view route, Rng& rng) {
    std::string out(route);
    const size_t at = out.find("{id}");
    if (at != std::string::npos) out.replace(at, 4, std::to_string(rng.range(1000, 999999)));
    return out;
}

Builder::Builder(Draft& d, Rng& r, uint64_t caseSeed) : draft(d), rng(r), caseSeed_(caseSeed) {}

// ---- processes ----

std::string Builder::version(int svc) {
    auto it = versions_.find(svc);
    if (it != versions_.end()) return it->second;
    Rng v(mixSeed(caseSeed_, hashName(service(svc).name)));
    std::string text = std::to_string(v.range(1, 4)) + "." + std::to_string(v.range(0, 31)) + "." +
                       std::to_string(v.range(0, 9));
    versions_[svc] = text;
    return text;
}

int Builder::addInstance(int svc, const std::string& ver) {
    const ServiceDef& s = service(svc);
    // Pods of one Deployment revision share the ReplicaSet hash; a new version gets a new one.
    Rng rs(mixSeed(caseSeed_, hashName(std::string(s.name) + "@" + ver)));
    const std::string pod = std::string(s.name) + "-" +
                            randomText(rs, kPodAlphabet, sizeof kPodAlphabet - 1, 10) + "-" +
                            randomText(rng, kPodAlphabet, sizeof kPodAlphabet - 1, 5);
    Resource r;
    r.service = svc;
    r.attrs = {
        {"service.name", std::string(s.name)},
        {"service.namespace", std::string("shop")},
        {"service.version", ver},
        {"service.instance.id", uuid(rng)},
        {"host.name", pod},
        {"k8s.pod.name", pod},
        {"k8s.namespace.name", std::string("shop")},
        {"k8s.node.name", "ip-10-0-" + std::to_string(rng.range(0, 15)) + "-" +
                              std::to_string(rng.range(2, 254)) + ".eu-west-1.compute.internal"},
        {"deployment.environment.name", std::string("production")},
        {"telemetry.sdk.name", std::string("opentelemetry")},
        {"telemetry.sdk.language", std::string(languageName(s.lang))},
        {"telemetry.sdk.version", std::string(sdkVersion(s.lang))}};
    draft.resources.push_back(std::move(r));
    const int index = static_cast<int>(draft.resources.size() - 1);
    instances_[svc].push_back(index);
    return index;
}

int Builder::instance(int svc) {
    auto allowed = allowed_.find(svc);
    if (allowed != allowed_.end()) return rng.pick(allowed->second);
    auto& list = instances_[svc];
    if (list.empty()) {
        const int count = static_cast<int>(rng.range(1, 3));
        const std::string ver = version(svc);
        for (int i = 0; i < count; ++i)
            addInstance(svc, ver);
    }
    return rng.pick(instances_[svc]);
}

void Builder::restrictInstances(int svc, std::vector<int> resources) {
    allowed_[svc] = std::move(resources);
}

Lang Builder::lang(int span) const {
    return serviceOfSpan(span).lang;
}

const ServiceDef& Builder::serviceOfSpan(int span) const {
    return service(draft.serviceOf(span));
}

int Builder::scope(const ScopeName& name) {
    const std::string key = name.name + "\n" + name.version;
    auto it = scopes_.find(key);
    if (it != scopes_.end()) return it->second;
    draft.scopes.push_back(Scope{name.name, name.version});
    const int index = static_cast<int>(draft.scopes.size() - 1);
    scopes_[key] = index;
    return index;
}

int Builder::newSpan(int parent, int resource, Kind kind, std::string name,
                     std::string_view scopeWhat) {
    uint64_t id = 0;
    // Unique, non-zero span ids (a collision among a few hundred 64-bit ids is astronomically
    // unlikely, but the label must never be ambiguous).
    while (id == 0 || std::find(usedIds_.begin(), usedIds_.end(), id) != usedIds_.end())
        id = rng.next();
    usedIds_.push_back(id);
    const ServiceDef& s = service(draft.resources[static_cast<size_t>(resource)].service);
    const int sc = scope(scopeFor(s.lang, scopeWhat, s.name));
    --budget;
    return draft.add(parent, resource, sc, kind, std::move(name), id);
}

std::string Builder::serverAddress(int svc) const {
    return std::string(service(svc).name);
}

int Builder::randomId(int digits) {
    int64_t lo = 1;
    for (int i = 1; i < digits; ++i)
        lo *= 10;
    return static_cast<int>(rng.range(lo, lo * 10 - 1));
}

int Builder::opOf(int server) const {
    auto it = opOfServer_.find(server);
    return it == opOfServer_.end() ? 0 : it->second;
}

// ---- spans ----

void Builder::serverAttributes(int span, int svc, int op, bool edge) {
    const ServiceDef& s = service(svc);
    auto& a = draft.at(span).attrs;
    opOfServer_[span] = op;
    if (s.proto == Proto::Grpc) {
        const std::string method(s.ops[static_cast<size_t>(op)]);
        setAttr(a, "rpc.system", std::string("grpc"));
        setAttr(a, "rpc.service", std::string(s.rpcService));
        setAttr(a, "rpc.method", method);
        setAttr(a, "server.address", serverAddress(svc));
        setAttr(a, "server.port", int64_t{s.port});
        setAttr(a, "network.peer.address", ipv4(rng, true));
        setAttr(a, "rpc.grpc.status_code", int64_t{0});
        return;
    }
    const auto [method, route] = splitHttpOp(s.ops[static_cast<size_t>(op)]);
    setAttr(a, "http.request.method", method);
    setAttr(a, "http.route", route);
    setAttr(a, "url.path", fillPath(route, rng));
    setAttr(a, "url.scheme", std::string(edge ? "https" : "http"));
    setAttr(a, "server.address", edge ? std::string("shop.example.com") : serverAddress(svc));
    setAttr(a, "server.port", int64_t{edge ? 443 : s.port});
    setAttr(a, "network.protocol.version", std::string(edge ? "2" : "1.1"));
    setAttr(a, "client.address", ipv4(rng, !edge));
    if (edge) setAttr(a, "user_agent.original", std::string(rng.pick(kBrowsers)));
    setAttr(a, "http.response.status_code", int64_t{method == "POST" ? 201 : 200});
}

void Builder::clientAttributes(int client, int callee, int op, int server) {
    const ServiceDef& s = service(callee);
    auto& a = draft.at(client).attrs;
    if (s.proto == Proto::Grpc) {
        setAttr(a, "rpc.system", std::string("grpc"));
        setAttr(a, "rpc.service", std::string(s.rpcService));
        setAttr(a, "rpc.method", std::string(s.ops[static_cast<size_t>(op)]));
        setAttr(a, "server.address", serverAddress(callee));
        setAttr(a, "server.port", int64_t{s.port});
        setAttr(a, "rpc.grpc.status_code", int64_t{0});
        return;
    }
    const auto [method, route] = splitHttpOp(s.ops[static_cast<size_t>(op)]);
    const AttrValue* path = findAttr(draft.at(server).attrs, "url.path");
    const std::string target = path ? std::get<std::string>(*path) : route;
    setAttr(a, "http.request.method", method);
    setAttr(a, "url.full",
            "http://" + serverAddress(callee) + ":" + std::to_string(s.port) + target);
    setAttr(a, "server.address", serverAddress(callee));
    setAttr(a, "server.port", int64_t{s.port});
    setAttr(a, "network.protocol.version", std::string("1.1"));
    if (const std::string_view ua = userAgentOf(lang(client)); !ua.empty())
        setAttr(a, "user_agent.original", std::string(ua));
    setAttr(a, "http.response.status_code", int64_t{method == "POST" ? 201 : 200});
}

int Builder::edgeRoot(int svc, int op) {
    const ServiceDef& s = service(svc);
    const bool grpc = s.proto == Proto::Grpc;
    const std::string name =
        grpc ? std::string(s.rpcService) + "/" + std::string(s.ops[static_cast<size_t>(op)])
             : std::string(s.ops[static_cast<size_t>(op)]);
    const int span =
        newSpan(-1, instance(svc), Kind::Server, name, grpc ? "grpc-server" : "http-server");
    serverAttributes(span, svc, op, true);
    draft.at(span).leadNs = rng.usSkewed(80, 3000);
    draft.at(span).tailNs = rng.usSkewed(80, 4000);
    draft.root = span;
    return span;
}

void Builder::setEdgeOp(int root, int op) {
    const int svc = draft.serviceOf(root);
    const ServiceDef& s = service(svc);
    const std::string opName(s.ops[static_cast<size_t>(op)]);
    draft.at(root).name =
        s.proto == Proto::Grpc ? std::string(s.rpcService) + "/" + opName : opName;
    serverAttributes(root, svc, op, true);
}

Call Builder::call(int from, int callee, int op, int inst) {
    const ServiceDef& s = service(callee);
    const bool grpc = s.proto == Proto::Grpc;
    const std::string opName(s.ops[static_cast<size_t>(op)]);
    const std::string serverName = grpc ? std::string(s.rpcService) + "/" + opName : opName;
    // HTTP client spans are named by the method alone: instrumentations do not know the route.
    const std::string clientName = grpc ? serverName : splitHttpOp(opName).first;
    Call c;
    c.client = newSpan(from, draft.at(from).resource, Kind::Client, clientName,
                       grpc ? "grpc-client" : "http-client");
    c.server = newSpan(c.client, inst >= 0 ? inst : instance(callee), Kind::Server, serverName,
                       grpc ? "grpc-server" : "http-server");
    serverAttributes(c.server, callee, op, false);
    clientAttributes(c.client, callee, op, c.server);
    Span& client = draft.at(c.client);
    client.leadNs = rng.usSkewed(150, 2500);  // connection, serialisation, the network
    client.tailNs = rng.usSkewed(100, 1500);
    draft.sequential(c.client, c.server);
    Span& server = draft.at(c.server);
    server.leadNs = rng.usSkewed(40, 1500);
    server.tailNs = rng.usSkewed(40, 2500);
    return c;
}

int Builder::db(int from, size_t table, bool write) {
    const ServiceDef& s = serviceOfSpan(from);
    const Table& t = s.tables[table % s.tables.size()];
    const std::string_view query = write ? t.write : t.select;
    std::string operation;
    if (s.dbSystem == "mongodb") {
        operation = std::string(query.substr(2, query.find('"', 2) - 2));  // {"find":… → find
    } else if (s.dbSystem == "elasticsearch") {
        operation = write ? "update" : "search";
    } else {
        operation = std::string(query.substr(0, query.find(' ')));
    }
    const std::string name =
        s.dbSystem == "elasticsearch" ? operation : operation + " " + std::string(t.name);
    const int span =
        newSpan(from, draft.at(from).resource, Kind::Client, name, "db:" + std::string(s.dbSystem));
    auto& a = draft.at(span).attrs;
    setAttr(a, "db.system", std::string(s.dbSystem));
    setAttr(a, "db.namespace", std::string(s.dbNamespace));
    setAttr(a, "db.collection.name", std::string(t.name));
    setAttr(a, "db.operation.name", operation);
    setAttr(a, "db.query.text", std::string(query));
    setAttr(a, "server.address", dbHost(s));
    setAttr(a, "server.port", dbPort(s.dbSystem));
    if (s.dbSystem == "elasticsearch") {
        setAttr(a, "http.request.method", std::string(write ? "POST" : "GET"));
        setAttr(a, "url.full",
                "http://" + dbHost(s) + ":9200/" + std::string(t.name) +
                    (write ? "/_update/" + std::to_string(rng.range(1, 99999))
                           : std::string("/_search")));
    }
    draft.at(span).leadNs = write ? rng.usSkewed(400, 12000) : rng.usSkewed(250, 20000);
    return span;
}

int Builder::redis(int from, const std::string& command, const std::string& key) {
    const ServiceDef& s = serviceOfSpan(from);
    const int span = newSpan(from, draft.at(from).resource, Kind::Client, command, "redis");
    auto& a = draft.at(span).attrs;
    setAttr(a, "db.system", std::string("redis"));
    setAttr(a, "db.operation.name", command);
    setAttr(a, "db.query.text", command + " " + key);
    setAttr(a, "db.namespace", std::string("0"));
    setAttr(a, "server.address", "redis-" + std::string(s.name.substr(0, s.name.find('-'))));
    setAttr(a, "server.port", int64_t{6379});
    draft.at(span).leadNs = rng.usSkewed(120, 1800);
    return span;
}

int Builder::internal(int from, const std::string& name, int64_t selfNs) {
    const int span = newSpan(from, draft.at(from).resource, Kind::Internal, name, "app");
    const ServiceDef& s = serviceOfSpan(span);
    if (s.lang == Lang::Java && name.find('.') != std::string::npos) {
        auto& a = draft.at(span).attrs;
        setAttr(a, "code.namespace", packageName(s.name) + "." + name.substr(0, name.find('.')));
        setAttr(a, "code.function", name.substr(name.find('.') + 1));
    }
    draft.at(span).leadNs = selfNs;
    return span;
}

int Builder::external(int from) {
    const ServiceDef& s = serviceOfSpan(from);
    const auto [method, route] = splitHttpOp(s.externalOp);
    const int span = newSpan(from, draft.at(from).resource, Kind::Client, method, "http-client");
    auto& a = draft.at(span).attrs;
    setAttr(a, "http.request.method", method);
    setAttr(a, "url.full", "https://" + std::string(s.externalHost) + route);
    setAttr(a, "server.address", std::string(s.externalHost));
    setAttr(a, "server.port", int64_t{443});
    setAttr(a, "network.protocol.version", std::string("1.1"));
    setAttr(a, "http.response.status_code", int64_t{200});
    // Third-party APIs across the internet are an order of magnitude slower than the mesh.
    draft.at(span).leadNs = rng.usSkewed(25000, 350000);
    return span;
}

int Builder::publish(int from) {
    const ServiceDef& s = serviceOfSpan(from);
    const std::string topic(s.publishes);
    const int span =
        newSpan(from, draft.at(from).resource, Kind::Producer, "send " + topic, "messaging");
    auto& a = draft.at(span).attrs;
    setAttr(a, "messaging.system", std::string("kafka"));
    setAttr(a, "messaging.destination.name", topic);
    setAttr(a, "messaging.operation.type", std::string("send"));
    setAttr(a, "messaging.operation.name", std::string("send"));
    setAttr(a, "messaging.destination.partition.id", std::to_string(rng.range(0, 11)));
    setAttr(a, "messaging.kafka.message.key", std::to_string(randomId(6)));
    setAttr(a, "server.address", std::string("kafka-0.kafka-headless.shop.svc.cluster.local"));
    setAttr(a, "server.port", int64_t{9092});
    draft.at(span).leadNs = rng.usSkewed(300, 6000);
    return span;
}

int Builder::consume(int producer, int consumerService, bool childOfProducer) {
    const AttrValue* topicValue = findAttr(draft.at(producer).attrs, "messaging.destination.name");
    const std::string topic = topicValue ? std::get<std::string>(*topicValue) : "events";
    const int span = newSpan(childOfProducer ? producer : -1, instance(consumerService),
                             Kind::Consumer, "process " + topic, "messaging");
    Span& c = draft.at(span);
    c.links.push_back(producer);
    auto& a = c.attrs;
    setAttr(a, "messaging.system", std::string("kafka"));
    setAttr(a, "messaging.destination.name", topic);
    setAttr(a, "messaging.operation.type", std::string("process"));
    setAttr(a, "messaging.operation.name", std::string("process"));
    setAttr(a, "messaging.consumer.group.name", std::string(service(consumerService).name));
    setAttr(a, "messaging.destination.partition.id", std::to_string(rng.range(0, 11)));
    setAttr(a, "messaging.kafka.offset", int64_t{rng.range(100000, 9999999)});
    c.leadNs = rng.usSkewed(50, 1500);
    c.tailNs = rng.usSkewed(50, 2000);
    c.followDelayNs = rng.usSkewed(1500, 450000);  // consumer lag
    draft.at(producer).followers.push_back(span);
    opOfServer_[span] = 0;
    return span;
}

// ---- healthy work ----

void Builder::fill(int span, int hops) {
    const int svc = draft.serviceOf(span);
    const ServiceDef& s = service(svc);
    const Span& sp = draft.at(span);
    std::string opKey = sp.name;
    if (sp.kind == Kind::Server && !s.ops.empty())
        opKey = std::string(s.ops[static_cast<size_t>(opOf(span))]);
    fillSteps(span, hops, svc, opKey);
}

void Builder::fillSteps(int span, int hops, int svc, std::string_view opKey) {
    const ServiceDef& s = service(svc);
    // The structure of an operation (what it queries and calls) comes from a stream seeded by
    // the operation's name: repeated calls to one operation in a trace do the same work, as
    // real code does; only timings, cache hits and fan-out sizes vary per call.
    Rng shape(mixSeed(caseSeed_, hashName(s.name) * 31 + hashName(opKey)));
    const bool write = isWriteOp(opKey) || s.proto == Proto::Consumer;
    int host = span;
    if (!s.internals.empty() && shape.chance(400) && budget > 0) {
        host = internal(span, std::string(shape.pick(s.internals)), rng.usSkewed(30, 900));
        draft.sequential(span, host);
    }
    // Steps inside a wrapper are named unlike it: a method does not usually appear inside itself.
    const auto stepName = [&](Rng& r) {
        std::string name(r.pick(s.internals));
        if (host != span && name == draft.at(host).name && s.internals.size() > 1)
            for (std::string_view n : s.internals)
                if (n != name) return std::string(n);
        return name;
    };
    if (!s.internals.empty() && shape.chance(250) && budget > 0)
        draft.sequential(host, internal(host, stepName(shape), rng.usSkewed(40, 1500)));
    const bool hasDb = !s.dbSystem.empty() && !s.tables.empty();
    if (s.redis && shape.chance(550) && budget > 0) {
        const std::string key = std::string(s.name.substr(0, s.name.find('-'))) + ":?";
        draft.sequential(host, redis(host, "GET", key));
        if (hasDb && rng.chance(250) && budget > 1) {  // a cache miss: read through, fill
            draft.sequential(host, db(host, shape.below(s.tables.size()), false));
            draft.sequential(host, redis(host, "SET", key));
        }
    }
    if (hasDb) {
        const int reads = static_cast<int>(shape.range(s.proto == Proto::Consumer ? 1 : 0, 2));
        for (int r = 0; r < reads && budget > 0; ++r)
            draft.sequential(host, db(host, shape.below(s.tables.size()), false),
                             rng.usSkewed(10, 300));
        // N+1: one query per item, each quick, perfectly healthy (if wasteful).
        if (shape.chance(170) && budget > 12) {
            const size_t table = shape.below(s.tables.size());
            const int64_t n = rng.range(4, std::min<int64_t>(25, budget / 2));
            for (int64_t i = 0; i < n; ++i) {
                const int q = db(host, table, false);
                draft.at(q).leadNs = rng.usSkewed(200, 2500);
                draft.sequential(host, q, rng.usSkewed(15, 200));
            }
        }
    }
    if (hops > 0) addCallees(host, hops, svc, shape);
    if (!s.externalHost.empty() && shape.chance(450) && budget > 0)
        draft.sequential(host, external(host), rng.usSkewed(20, 500));
    if (hasDb && write)
        for (int64_t w = shape.range(1, 2); w > 0 && budget > 0; --w)
            draft.sequential(host, db(host, shape.below(s.tables.size()), true));
    if (!s.publishes.empty() && write && shape.chance(700) && budget > 0) {
        const int producer = publish(host);
        draft.sequential(host, producer);
        addConsumers(producer, shape);
    }
    if (!s.internals.empty() && shape.chance(300) && budget > 0)
        draft.sequential(host, internal(host, stepName(shape), rng.usSkewed(60, 4000)));
}

void Builder::addCallees(int host, int hops, int svc, Rng& shape) {
    std::vector<int> callees = calleesOf(svc);
    if (callees.empty()) return;
    shape.shuffle(callees);
    const int64_t m = shape.range(1, std::min<int64_t>(3, static_cast<int64_t>(callees.size())));
    const bool together = shape.chance(350);  // independent calls issued concurrently
    std::vector<int> group;
    for (int64_t i = 0; i < m && budget > 1; ++i) {
        const int callee = callees[static_cast<size_t>(i)];
        const int op = static_cast<int>(shape.below(service(callee).ops.size()));
        // A fan-out: the same operation once per item, in parallel (prices of a cart's lines).
        int64_t fan = shape.chance(220) ? rng.range(2, 8) : 1;
        fan = std::max<int64_t>(1, std::min<int64_t>(fan, budget / 4));
        if (fan > 1) {
            std::vector<int> clients;
            for (int64_t k = 0; k < fan && budget > 1; ++k) {
                const Call c = call(host, callee, op);
                draft.at(c.client).staggerNs = rng.usSkewed(0, 600);
                fill(c.server, hops - 1);
                clients.push_back(c.client);
            }
            draft.parallel(host, clients, rng.usSkewed(10, 300));
            continue;
        }
        const Call c = call(host, callee, op);
        fill(c.server, hops - 1);
        if (together) {
            draft.at(c.client).staggerNs = rng.usSkewed(0, 300);
            group.push_back(c.client);
        } else {
            draft.sequential(host, c.client, rng.usSkewed(10, 400));
        }
    }
    draft.parallel(host, group, rng.usSkewed(10, 300));
}

void Builder::addConsumers(int producer, Rng& shape) {
    const AttrValue* topic = findAttr(draft.at(producer).attrs, "messaging.destination.name");
    if (!topic) return;
    for (int consumer : consumersOf(std::get<std::string>(*topic))) {
        if (!shape.chance(500) || budget <= 1) continue;
        const int span = consume(producer, consumer, shape.chance(500));
        fill(span, 1);
    }
}

}  // namespace rootline::faults
