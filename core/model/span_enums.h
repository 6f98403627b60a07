#pragma once
// Small enums shared by the model, the importers and every view.

#include <cstdint>
#include <optional>
#include <string_view>

namespace rootline {

enum class SpanKind : uint8_t { Unspecified, Internal, Server, Client, Producer, Consumer };
enum class StatusCode : uint8_t { Unset, Ok, Error };

// How a link or the parent relationship was declared.
enum class RefType : uint8_t { ChildOf, FollowsFrom, Link };

// Per-span bit flags.
enum SpanFlag : uint8_t {
    kErrorInferred = 1 << 0,      // error status deduced from an HTTP/gRPC code, not declared
    kOrphan = 1 << 1,             // declared a parent that is not in the trace
    kHasWarnings = 1 << 2,        // at least one SpanWarning refers to this span
    kParentFollowsFrom = 1 << 3,  // the parent relationship is FOLLOWS_FROM (asynchronous)
    kDuplicateId = 1 << 4,        // another span in the trace has the same id
    kOpaqueId = 1 << 5,           // the producer's span id was not hex or base64
    kSharedServer = 1 << 6,       // Zipkin: server half of an RPC that shares the client's id
    kDropped = 1 << 7,            // builder only: the span belongs to no trace; never published
};

std::string_view kindName(SpanKind kind);  // "server", "client", … ("" when unspecified)
std::string_view statusName(StatusCode status);
std::string_view refTypeName(RefType type);

// "true"/"True"/"TRUE"/"1" and "false"/"False"/"FALSE"/"0", as producers write booleans in
// strings; nullopt for anything else.
std::optional<bool> boolFromText(std::string_view text);

// Parses "server", "SPAN_KIND_SERVER", "SERVER", 2 … ; Unspecified when unknown.
SpanKind parseKind(std::string_view text);
SpanKind kindFromOtlpNumber(int64_t n);
// Parses "ERROR", "STATUS_CODE_ERROR", "Error", "2" …
StatusCode parseStatus(std::string_view text);
StatusCode statusFromOtlpNumber(int64_t n);

}  // namespace rootline
