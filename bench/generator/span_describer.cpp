#include "generator/span_describer.h"

#include <algorithm>
#include <string>

#include "generator/error_texts.h"
#include "generator/placeholders.h"
#include "generator/status_codes.h"
#include "generator/text_format.h"

namespace rootline::bench::generator {

namespace {

std::string threadName(const Service& s, const GenSpan& g, Rng& rng) {
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

}  // namespace

SpanDescriber::SpanDescriber(const GeneratorOptions& options, const std::vector<GenSpan>& spans)
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

void SpanDescriber::resource(size_t resource, bool withService, AttrList& out) const {
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

void SpanDescriber::describe(uint32_t i, SpanDesc& d) {
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

void SpanDescriber::addEvents(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d) {
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

}  // namespace rootline::bench::generator
