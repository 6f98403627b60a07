// Trace URLs (jaeger+http://…/<id>, tempo+https://…/<base64 id>) and the ids typed into
// "Open trace id": what is accepted, what it becomes, and what each refusal says.

#include "remote/trace_url.h"

#include <gtest/gtest.h>

#include <string>

namespace rootline::remote {
namespace {

constexpr const char* kHexId = "4bf92f3577b34da6a3ce929d0e0e4736";
// W47/95gDgQPSabYzgT/HAA== is 5b8efff798038103d269b633813fc700: its base64 holds two '/'.
constexpr const char* kSlashyHex = "5b8efff798038103d269b633813fc700";

TraceUrl parsed(const std::string& text) {
    std::string error;
    const std::optional<TraceUrl> url = parseTraceUrl(text, error);
    EXPECT_TRUE(url.has_value()) << text << ": " << error;
    EXPECT_EQ(error, "");
    return url.value_or(TraceUrl{});
}

std::string refusal(const std::string& text) {
    std::string error;
    const std::optional<TraceUrl> url = parseTraceUrl(text, error);
    EXPECT_FALSE(url.has_value()) << text << " was accepted as " << formatTraceUrl(*url);
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    EXPECT_FALSE(error.empty());
    return error;
}

std::string normalized(const std::string& text) {
    std::string error;
    const std::optional<std::string> id = normalizeTraceIdInput(text, error);
    EXPECT_TRUE(id.has_value()) << "'" << text << "': " << error;
    return id.value_or("");
}

std::string idRefusal(const std::string& text) {
    std::string error;
    const std::optional<std::string> id = normalizeTraceIdInput(text, error);
    EXPECT_FALSE(id.has_value()) << "'" << text << "' was accepted as " << *id;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    return error;
}

TEST(TraceUrl, RecognisesOnlyTraceSchemes) {
    EXPECT_TRUE(looksLikeTraceUrl("jaeger+http://localhost:16686/abc"));
    EXPECT_TRUE(looksLikeTraceUrl("tempo+https://grafana.example/tempo/abc"));
    EXPECT_TRUE(looksLikeTraceUrl("  Jaeger+HTTPS://x/abc"));
    EXPECT_FALSE(looksLikeTraceUrl("http://localhost:16686/abc"));
    EXPECT_FALSE(looksLikeTraceUrl("loki+http://localhost:3100/x"));
    EXPECT_FALSE(looksLikeTraceUrl("trace.json"));
    EXPECT_FALSE(looksLikeTraceUrl("/home/me/jaeger+http.json"));
    EXPECT_FALSE(looksLikeTraceUrl(""));
}

TEST(TraceUrl, JaegerWithSubPath) {
    const TraceUrl url = parsed(std::string("jaeger+http://host:16686/sub/path/") + kHexId);
    EXPECT_EQ(url.kind, SourceKind::Jaeger);
    EXPECT_EQ(url.baseUrl, "http://host:16686/sub/path");
    EXPECT_EQ(url.traceId, kHexId);
}

TEST(TraceUrl, BareHostTrailingSlashAndUppercaseHex) {
    const TraceUrl url = parsed("jaeger+https://jaeger.example/4BF92F3577B34DA6A3CE929D0E0E4736/");
    EXPECT_EQ(url.kind, SourceKind::Jaeger);
    EXPECT_EQ(url.baseUrl, "https://jaeger.example");
    EXPECT_EQ(url.traceId, kHexId);
    // The scheme in any case; the rest kept as written.
    EXPECT_EQ(parsed(std::string("TEMPO+HTTP://Tempo:3200/") + kHexId).baseUrl,
              "http://Tempo:3200");
}

TEST(TraceUrl, SixteenHexDigitsArePadded) {
    const TraceUrl url = parsed("jaeger+http://localhost:16686/a3ce929d0e0e4736");
    EXPECT_EQ(url.traceId, "0000000000000000a3ce929d0e0e4736");
}

TEST(TraceUrl, TempoBase64WithSlashes) {
    const TraceUrl url = parsed("tempo+https://grafana.example/tempo/W47/95gDgQPSabYzgT/HAA==");
    EXPECT_EQ(url.kind, SourceKind::Tempo);
    EXPECT_EQ(url.baseUrl, "https://grafana.example/tempo");
    EXPECT_EQ(url.traceId, kSlashyHex);

    // Right after the host, URL-safe, unpadded, percent-encoded: the same id.
    EXPECT_EQ(parsed("tempo+http://tempo:3200/W47/95gDgQPSabYzgT/HAA==").baseUrl,
              "http://tempo:3200");
    EXPECT_EQ(parsed("tempo+http://tempo:3200/W47/95gDgQPSabYzgT/HAA==").traceId, kSlashyHex);
    EXPECT_EQ(parsed("tempo+http://tempo:3200/api/W47_95gDgQPSabYzgT_HAA").traceId, kSlashyHex);
    const TraceUrl encoded = parsed("tempo+http://tempo:3200/x/W47%2F95gDgQPSabYzgT%2FHAA%3D%3D");
    EXPECT_EQ(encoded.traceId, kSlashyHex);
    EXPECT_EQ(encoded.baseUrl, "http://tempo:3200/x");
}

TEST(TraceUrl, LongestBase64TailWins) {
    // HiOwJh3kEQ/uUqcPH42xCA is 16 bytes; its last segment alone (11 characters, unpadded)
    // would also read as 8 bytes. The longer reading is the id.
    const TraceUrl url = parsed("tempo+http://tempo:3200/HiOwJh3kEQ/uUqcPH42xCA");
    EXPECT_EQ(url.traceId, "1e23b0261de4110fee52a70f1f8db108");
    EXPECT_EQ(url.baseUrl, "http://tempo:3200");
}

TEST(TraceUrl, Base64OfEightBytesIsA64BitId) {
    const TraceUrl url = parsed("tempo+http://tempo:3200/APBnqgupArc=");
    EXPECT_EQ(url.traceId, "000000000000000000f067aa0ba902b7");
    EXPECT_EQ(url.baseUrl, "http://tempo:3200");
}

TEST(TraceUrl, FormatRoundTrips) {
    const TraceUrl url{SourceKind::Tempo, "https://grafana.example/tempo", kSlashyHex};
    const std::string text = formatTraceUrl(url);
    EXPECT_EQ(text, std::string("tempo+https://grafana.example/tempo/") + kSlashyHex);
    const TraceUrl back = parsed(text);
    EXPECT_EQ(back.kind, url.kind);
    EXPECT_EQ(back.baseUrl, url.baseUrl);
    EXPECT_EQ(back.traceId, url.traceId);
    // A trailing '/' on the base URL is not doubled.
    EXPECT_EQ(formatTraceUrl({SourceKind::Jaeger, "http://h:16686/", kHexId}),
              std::string("jaeger+http://h:16686/") + kHexId);
}

TEST(TraceUrl, Refusals) {
    std::string e = refusal(std::string("loki+http://h:3100/") + kHexId);
    EXPECT_NE(e.find("unknown trace URL scheme 'loki+http'"), std::string::npos) << e;
    e = refusal(std::string("jaeger+ftp://h/") + kHexId);
    EXPECT_NE(e.find("unknown trace URL scheme"), std::string::npos) << e;
    e = refusal(std::string("jaeger://h/") + kHexId);
    EXPECT_NE(e.find("unknown trace URL scheme"), std::string::npos) << e;
    e = refusal(std::string("http://h/") + kHexId);
    EXPECT_NE(e.find("jaeger+http(s)://"), std::string::npos) << e;

    e = refusal(std::string("jaeger+http:///") + kHexId);
    EXPECT_NE(e.find("needs a host"), std::string::npos) << e;
    e = refusal("jaeger+http://");
    EXPECT_NE(e.find("needs a host"), std::string::npos) << e;

    e = refusal("jaeger+http://localhost:16686");
    EXPECT_EQ(e, "jaeger+http://localhost:16686: no trace id at the end of the URL");
    e = refusal("jaeger+http://localhost:16686/");
    EXPECT_NE(e.find("no trace id"), std::string::npos) << e;

    e = refusal("jaeger+http://localhost:16686/search/not-an-id");
    EXPECT_EQ(e,
              "jaeger+http://localhost:16686: 'not-an-id' is not a trace id (16 or 32 hex "
              "digits, or base64 of 8 or 16 bytes)");
    // Hex of another length is not an id in a URL: it may be a path segment.
    e = refusal("jaeger+http://localhost:16686/cafe");
    EXPECT_NE(e.find("'cafe' is not a trace id"), std::string::npos) << e;

    e = refusal("jaeger+http://localhost:16686/00000000000000000000000000000000");
    EXPECT_NE(e.find("the all-zero id is not a trace"), std::string::npos) << e;

    e = refusal(std::string("jaeger+http://localhost:16686/") + kHexId + "?uiFind=x");
    EXPECT_NE(e.find("no query"), std::string::npos) << e;
}

TEST(TraceUrl, CredentialsAreRefusedAndNeverEchoed) {
    const std::string e =
        refusal(std::string("tempo+https://admin:hunter2-planted@grafana.example/") + kHexId);
    EXPECT_NE(e.find("user name or password"), std::string::npos) << e;
    EXPECT_EQ(e.find("hunter2-planted"), std::string::npos) << e;
}

TEST(TraceIdInput, HexOfAnyLengthUpTo32IsLeftPadded) {
    EXPECT_EQ(normalized(kHexId), kHexId);
    EXPECT_EQ(normalized("  4BF92F3577B34DA6A3CE929D0E0E4736 \n"), kHexId);
    EXPECT_EQ(normalized("a3ce929d0e0e4736"), "0000000000000000a3ce929d0e0e4736");
    EXPECT_EQ(normalized("1"), "00000000000000000000000000000001");
    EXPECT_EQ(normalized("\tabc"), "00000000000000000000000000000abc");
    // 22 hex digits would also read as base64 of 16 bytes: hex wins.
    EXPECT_EQ(normalized("0123456789abcdef012345"), "00000000000123456789abcdef012345");
}

TEST(TraceIdInput, Base64OfSixteenOrEightBytes) {
    EXPECT_EQ(normalized("W47/95gDgQPSabYzgT/HAA=="), kSlashyHex);
    EXPECT_EQ(normalized("W47_95gDgQPSabYzgT_HAA=="), kSlashyHex);
    EXPECT_EQ(normalized("W47/95gDgQPSabYzgT/HAA"), kSlashyHex);
    EXPECT_EQ(normalized(" S/kvNXezTaajzpKdDg5HNg== "), kHexId);
    EXPECT_EQ(normalized("tMLo/+6FTVP/d6i0+UpwBg=="), "b4c2e8ffee854d53ff77a8b4f94a7006");
    EXPECT_EQ(normalized("tMLo_-6FTVP_d6i0-UpwBg"), "b4c2e8ffee854d53ff77a8b4f94a7006");
    EXPECT_EQ(normalized("APBnqgupArc="), "000000000000000000f067aa0ba902b7");
    EXPECT_EQ(normalized("APBnqgupArc"), "000000000000000000f067aa0ba902b7");
    EXPECT_EQ(normalized("//////////8="), "0000000000000000ffffffffffffffff");
}

TEST(TraceIdInput, RefusalsSayWhatIsAccepted) {
    std::string e = idRefusal("");
    EXPECT_EQ(e, "enter a trace id: 16 or 32 hex digits, or base64 of 8 or 16 bytes");
    EXPECT_EQ(idRefusal("   "), e);

    e = idRefusal("00000000000000000000000000000000");
    EXPECT_EQ(e, "the all-zero id is not a trace");
    EXPECT_EQ(idRefusal("0"), e);
    EXPECT_EQ(idRefusal("AAAAAAAAAAAAAAAAAAAAAA=="), e);
    EXPECT_EQ(idRefusal("AAAAAAAAAAA="), e);

    e = idRefusal(std::string(kHexId) + "0");
    EXPECT_NE(e.find("has 33 hex digits; a trace id has at most 32"), std::string::npos) << e;

    e = idRefusal("span-1 of checkout");
    EXPECT_EQ(e,
              "'span-1 of checkout' is not a trace id: enter 16 or 32 hex digits, or base64 of 8 "
              "or 16 bytes");
    // Base64 of other lengths, bad padding, characters outside both alphabets.
    EXPECT_NE(idRefusal("aGVsbG8=").find("is not a trace id"), std::string::npos);
    EXPECT_NE(idRefusal("W47/95gDgQPSabYzgT/HAA===").find("is not a trace id"), std::string::npos);
    EXPECT_NE(idRefusal("W47/95gDgQPSabYzgT/HAA=").find("is not a trace id"), std::string::npos);
    EXPECT_NE(idRefusal("W47/95gDgQPS*bYzgT/HAA==").find("is not a trace id"), std::string::npos);
    EXPECT_NE(idRefusal("==").find("is not a trace id"), std::string::npos);
    // A long paste is cut short in the message.
    e = idRefusal(std::string(500, 'x'));
    EXPECT_LT(e.size(), 160u) << e;
    EXPECT_NE(e.find("…"), std::string::npos) << e;
}

}  // namespace
}  // namespace rootline::remote
