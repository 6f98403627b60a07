#pragma once
// Builds the spans of one trace: service instances (resources), instrumentation scopes, and
// spans the way OpenTelemetry instrumentations write them — HTTP and gRPC client/server pairs,
// database and Redis client spans, Kafka producer/consumer spans, external API calls and
// in-process spans — with current semantic-convention attributes. `fill` adds the healthy work
// a server does (the background every fault hides in).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "catalogue.h"
#include "draft.h"
#include "rng.h"

namespace rootline::faults {

struct Call {
    int client = -1;
    int server = -1;
};

class Builder {
public:
    Builder(Draft& draft, Rng& rng, uint64_t caseSeed);

    Draft& draft;
    Rng& rng;
    int budget = 0;  // spans the healthy background may still add (faults are not counted)

    // ---- processes ----
    // A random instance of the service (created on first use: 1–3 instances, one version).
    int instance(int service);
    // An extra instance of the service on `version` (a release being rolled out).
    int addInstance(int service, const std::string& version);
    std::string version(int service);
    // From now on, `instance(service)` only picks among these (a fault pins the other calls).
    void restrictInstances(int service, std::vector<int> resources);
    Lang lang(int span) const;
    const ServiceDef& serviceOfSpan(int span) const;

    // ---- spans; none is placed in a step: callers decide order and parallelism ----
    int edgeRoot(int service, int op);  // the request that enters the system
    // A client span in `from`'s process and the server span of the callee under it.
    Call call(int from, int callee, int op, int instance = -1);
    int db(int from, size_t table, bool write);
    int redis(int from, const std::string& command, const std::string& key);
    int internal(int from, const std::string& name, int64_t selfNs);
    int external(int from);  // the service's third-party API; a client span with no server
    int publish(int from);   // a producer span on the service's topic
    // A consumer of the producer's message: its parent is the producer (and it links to it),
    // or it is a root that only links to it, as consumers that start a new span tree do.
    int consume(int producer, int consumerService, bool childOfProducer);

    // Healthy work under a server or consumer span, `hops` levels of services deep at most.
    void fill(int span, int hops);
    // The operation index a server span serves (for calls that repeat it).
    int opOf(int server) const;
    // Makes the edge request another operation of its service (name and attributes).
    void setEdgeOp(int root, int op);

    // Attribute texts the fault kinds reuse.
    std::string serverAddress(int service) const;
    int randomId(int digits);  // a plausible numeric id (order, user…)

private:
    int newSpan(int parent, int resource, Kind kind, std::string name, std::string_view scopeWhat);
    int scope(const ScopeName& name);
    void serverAttributes(int span, int service, int op, bool edge);
    void clientAttributes(int client, int callee, int op, int server);
    void fillSteps(int span, int hops, int service, std::string_view op);
    void addCallees(int span, int hops, int service, Rng& shape);
    void addConsumers(int producer, Rng& shape);

    uint64_t caseSeed_;
    std::map<int, std::vector<int>> instances_;  // service → resources
    std::map<int, std::vector<int>> allowed_;    // service → resources calls may land on
    std::map<int, std::string> versions_;
    std::map<std::string, int> scopes_;
    std::map<int, int> opOfServer_;
    std::vector<uint64_t> usedIds_;
};

bool isWriteOp(std::string_view op);
std::string fillPath(std::string_view route, Rng& rng);  // "/api/orders/{id}" → "/api/orders/48213"

}  // namespace rootline::faults
