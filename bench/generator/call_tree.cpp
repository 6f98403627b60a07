#include "generator/call_tree.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "generator/seeded_random.h"
#include "generator/service_catalogue.h"

namespace rootline::bench::generator {

namespace {

// When the first trace starts.
constexpr int64_t kEpochNs = 1787216400LL * 1000000000LL;  // 2026-08-20T09:00:00Z
// Depth of the deepest span (the root is 0), so a trace has at most 10 levels.
constexpr int kMaxDepth = 9;

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

}  // namespace

GeneratedSpans generateSpans(const GeneratorOptions& o) {
    if (o.spans == 0) throw std::invalid_argument("the number of spans must be at least 1");
    if (o.spans > UINT32_MAX / 2) throw std::invalid_argument("too many spans");
    if (o.traces == 0 || o.traces > o.spans)
        throw std::invalid_argument("the number of traces must be between 1 and the spans");
    if (!(o.errorRate >= 0 && o.errorRate <= 1))
        throw std::invalid_argument("the error rate must be between 0 and 1");
    GeneratedSpans out;
    std::vector<GenSpan>& spans = out.spans;
    std::vector<uint32_t>& traceBegin = out.traceBegin;
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
    return out;
}

}  // namespace rootline::bench::generator
