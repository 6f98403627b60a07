// bad_input_4xx: a request arrives at the edge with bad input (a negative quantity, a currency
// that does not exist, a malformed postal code); the edge forwards it without checking, the
// downstream service rightly rejects it with 400/422 or gRPC INVALID_ARGUMENT (not an error on
// its server span), and the edge, not expecting that, fails the request. Label: the edge's
// client span that sent the rejected request.

#include "scenario.h"

namespace rootline::faults {

namespace {

struct BadInput {
    std::string field;
    std::string problem;
};

const std::vector<BadInput>& badInputs() {
    static const std::vector<BadInput> kInputs = {
        {"quantity", "must be greater than 0 (got -2)"},
        {"currency_code", "'EURO' is not an ISO 4217 currency code"},
        {"shipping_address.postal_code", "'8O331' does not match the format for DE"},
        {"email", "'jane.doe@' is not a valid address"},
        {"items", "must not be empty"},
        {"coupon", "'SPRING-25' expired on 2025-05-31"},
        {"amount.units", "must be a whole number of cents (got 12.505)"}};
    return kInputs;
}

std::string_view validationException(Lang lang) {
    switch (lang) {
        case Lang::Java:
            return "org.springframework.web.bind.MethodArgumentNotValidException";
        case Lang::Python:
            return "fastapi.exceptions.RequestValidationError";
        case Lang::Ruby:
            return "ActiveModel::ValidationError";
        case Lang::Node:
            return "ValidationError";
        case Lang::DotNet:
            return "System.ComponentModel.DataAnnotations.ValidationException";
        default:
            return "";
    }
}

}  // namespace

void injectBadInput(Scenario& sc) {
    const int root = sc.d.root;
    const int edge = sc.d.serviceOf(root);
    // Bad input comes with a write (an order, a payment, a cart change), not with a page view.
    std::vector<int> edgeWrites;
    for (size_t i = 0; i < service(edge).ops.size(); ++i)
        if (isWriteOp(service(edge).ops[i])) edgeWrites.push_back(static_cast<int>(i));
    if (!isWriteOp(service(edge).ops[static_cast<size_t>(sc.b.opOf(root))]) && !edgeWrites.empty())
        sc.b.setEdgeOp(root, sc.rng.pick(edgeWrites));
    // The edge's in-process span that makes the call: the root or its controller span.
    const int host = workHost(sc.d, root);
    std::vector<int> targets = callees(edge, [](const ServiceDef& c) {
        for (std::string_view op : c.ops)
            if (isWriteOp(op)) return true;
        return false;
    });
    if (targets.empty()) targets = calleesOf(edge);
    const int callee = sc.rng.pick(targets);
    const ServiceDef& dep = service(callee);
    std::vector<int> ops;
    for (size_t i = 0; i < dep.ops.size(); ++i)
        if (isWriteOp(dep.ops[i])) ops.push_back(static_cast<int>(i));
    const int op = ops.empty() ? 0 : sc.rng.pick(ops);
    const Call call = sc.b.call(host, callee, op);
    insertAtRandom(sc, host, call.client, sc.rng.usSkewed(10, 400));

    // The downstream may look something up before it validates; then it rejects.
    if (!dep.dbSystem.empty() && !dep.tables.empty() && sc.rng.chance(300))
        sc.d.sequential(call.server, sc.b.db(call.server, sc.rng.below(dep.tables.size()), false));
    if (!dep.internals.empty() && sc.rng.chance(400))
        sc.d.sequential(call.server,
                        sc.b.internal(call.server, std::string(sc.rng.pick(dep.internals)),
                                      sc.rng.usSkewed(40, 900)));
    const BadInput& bad = sc.rng.pick(badInputs());
    const std::string text = bad.field + ": " + bad.problem;
    if (dep.proto == Proto::Grpc) {
        failServer(sc.b, call.server, 0, 3, "invalid argument: " + text);
    } else {
        failServer(sc.b, call.server, sc.rng.chance(500) ? 400 : 422, -1, "");
        sc.d.at(call.server).failure.message = text;
    }
    // Some frameworks record the validation exception they turned into the 4xx; the span stays
    // unset (a 4xx is the client's fault, not the server's).
    const std::string_view vex = validationException(dep.lang);
    if (!vex.empty() && sc.rng.chance(250))
        recordException(sc.d.at(call.server), {std::string(vex), text, ""}, sc.rng.us(5, 200));

    sc.labels = {call.client};
    sc.note = "bad input at the edge (" + text + ") was forwarded by " + describe(sc, call.client) +
              " and rejected by " + std::string(dep.name) + "; the edge failed";
    propagateFailure(sc.b, call.server);
}

}  // namespace rootline::faults
